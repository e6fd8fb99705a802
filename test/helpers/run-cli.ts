/** Runs the real CLI in a child process, as a user would. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './docs-tree.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], cwd: string = projectRoot): CliRun {
  const result = spawnSync(
    process.execPath,
    ['--import', join(projectRoot, 'scripts', 'register.mjs'), join(projectRoot, 'scripts', 'cli.ts'), ...args],
    { cwd, encoding: 'utf8', env: { ...process.env, TS_NODE_PROJECT: join(projectRoot, 'tsconfig.json') } },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
