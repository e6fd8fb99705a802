/** Where the pipeline keeps caches between runs: the project's `node_modules/.cache`, else the temp folder. */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The nearest folder at or above `from` holding a package.json, if any. */
export function projectDirOf(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The cache folder for a docs tree (not created here). */
export function cacheDirFor(docsRoot: string): string {
  const project = projectDirOf(docsRoot);
  return project ? join(project, 'node_modules', '.cache', 'docs-quality') : join(tmpdir(), 'docs-quality-cache');
}
