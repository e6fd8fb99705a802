/**
 * An error the user can act on (an argument, a file, a setting, git): the command line prints its
 * message on one line and exits 2, never a stack trace. Kept in a module of its own so the command
 * line can recognise these errors without loading the modules that throw them.
 */
export class UserError extends Error {}

/** A bad argument or option: the usage line follows the message (exit 2 as well). */
export class UsageError extends UserError {}

/** A file the run cannot use (template, catalog, a settings file): `file:line:column: reason`. */
export class FileError extends UserError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
  }
}
