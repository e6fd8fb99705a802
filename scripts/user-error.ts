/**
 * An error the user can act on (an argument, a file, a setting, git): the command line prints its
 * message on one line and exits 2, never a stack trace. Kept in a module of its own so the command
 * line can recognise these errors without loading the modules that throw them.
 */
export class UserError extends Error {
  /** Whether the usage line helps (a bad argument) or not (a broken template). */
  readonly showUsage: boolean = true;
}
