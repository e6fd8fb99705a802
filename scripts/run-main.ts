/**
 * How both command lines end: `main`'s number is the exit code; an error the user can act on
 * (`UserError`, or an argument `parseArgs` refused) is one line and exit 2, with the usage line for
 * a bad argument; anything else is an internal error, exit 2, with its stack trace under `--debug`.
 */
import { terminalText } from './reporters/terminal-text.js';
import { UsageError, UserError } from './user-error.js';

export interface Program {
  /** Prefix of every message: `docs-quality`, `links:audit`. */
  name: string;
  /** The first line of the help, printed after a usage error. */
  usage: string;
}

/** Runs `main` on the process arguments and turns its result or error into output and an exit code. */
export function runMain(program: Program, main: (argv: string[]) => Promise<number>): void {
  const argv = process.argv.slice(2);
  // A reader that stops early (`check | head`) is not an error: the rest of the output is dropped
  // and the run ends with its own exit code.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(errorReport(program, error, argv.includes('--debug')));
      process.exitCode = 2;
    },
  );
}

/** The text printed for an error that ended the run. */
export function errorReport(program: Program, error: unknown, debug: boolean): string {
  // A file name or argument in the message may carry terminal escapes: printed as escapes, on one line.
  const message = terminalText((error instanceof Error ? error.message : String(error)).replace(/\s*[\r\n]+\s*/g, ' '));
  const badArgument = (error as { code?: string } | null)?.code?.startsWith('ERR_PARSE_ARGS');
  if (error instanceof UserError || badArgument) {
    const usage = error instanceof UsageError || badArgument;
    return `${program.name}: ${message}\n${usage ? `${program.usage}\n` : ''}`;
  }
  const stack = debug ? `${(error as Error).stack ?? ''}\n` : '';
  return `${program.name}: internal error: ${message}${debug ? '' : ' (run with --debug for details)'}\n${stack}`;
}
