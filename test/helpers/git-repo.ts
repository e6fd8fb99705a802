/** Git repositories for tests: run git, and the environment a commit or a hook sees outside CI. */
import { execFileSync } from 'node:child_process';

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: 'pipe' });
}

/** The environment without CI (the hook installer skips CI) and without git's hook variables. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of ['CI', 'GITHUB_BASE_REF', 'GITHUB_EVENT_NAME', 'GITHUB_EVENT_PATH', 'GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GIT_DIR', 'GIT_INDEX_FILE', 'GIT_WORK_TREE']) if (!(name in extra)) delete env[name];
  return env;
}

/** A new repository on branch main with a committer, for `git commit` in tests. */
export function initRepo(dir: string): void {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'writer@example.com');
  git(dir, 'config', 'user.name', 'Writer');
}
