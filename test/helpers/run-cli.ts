/** Runs the real CLI in a child process, as a user would. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './docs-tree.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Node's arguments to run one of our TypeScript entry points. ts-node's loader calls the fs.Stats
 * constructor, which Node 22 and 24 deprecate (DEP0180): the warning is ts-node's, not the CLI's,
 * and would break the checks that an error is one line.
 */
export const sourceEntryArgs = (entry: string): string[] => ['--disable-warning=DEP0180', '--import', join(projectRoot, 'scripts', 'register.mjs'), entry];

export function runCli(args: readonly string[], cwd: string = projectRoot): CliRun {
  const result = spawnSync(
    process.execPath,
    [...sourceEntryArgs(join(projectRoot, 'scripts', 'cli.ts')), ...args],
    { cwd, encoding: 'utf8', env: { ...process.env, TS_NODE_PROJECT: join(projectRoot, 'tsconfig.json') } },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The compiled CLI (`npm run build` first, as `npm test` does; the pre-commit hook runs it too), for
 * suites that run it dozens of times: a run costs a tenth of one under ts-node.
 */
export function runBuiltCli(args: readonly string[], cwd: string = projectRoot): CliRun {
  const result = spawnSync(process.execPath, [join(projectRoot, 'dist', 'scripts', 'cli.js'), ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
