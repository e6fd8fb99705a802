/**
 * Where the pipeline keeps caches between runs: the project's `node_modules/.cache`, else a folder
 * of the user's own in the temp folder. A cache says which findings a page has, so one that someone
 * else can write could hide findings: it is used only when it is the user's and no one else can write it.
 */
import { existsSync, lstatSync, mkdirSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

/** The nearest folder at or above `from` holding a package.json, if any. */
export function projectDirOf(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The cache folder for a docs tree (not created here): per user in the shared temp folder. */
export function cacheDirFor(docsRoot: string): string {
  const project = projectDirOf(docsRoot);
  const user = process.getuid?.() ?? 'user';
  return project ? join(project, 'node_modules', '.cache', 'docs-quality') : join(tmpdir(), `docs-quality-cache-${user}`);
}

/**
 * Why a cache folder must not be used, if it must not: not a folder (a symbolic link), another
 * user's, or writable by the group or others. `uid`: the user running (none on Windows, where
 * modes say nothing).
 */
export function cacheDirProblem(stats: Stats, uid: number | undefined = process.getuid?.()): string | undefined {
  if (!stats.isDirectory()) return 'is not a folder';
  if (uid === undefined) return undefined;
  if (stats.uid !== uid) return `belongs to another user (uid ${stats.uid})`;
  if ((stats.mode & 0o022) !== 0) return `can be written by other users (mode ${(stats.mode & 0o777).toString(8).padStart(4, '0')})`;
  return undefined;
}

let warned = false;

/**
 * The cache folder for a docs tree, created private (mode 0700) when missing; undefined when it
 * cannot be trusted (said once on stderr: the run goes on without a cache) or cannot be made.
 */
export function trustedCacheDir(docsRoot: string): string | undefined {
  const dir = cacheDirFor(docsRoot);
  try {
    mkdirSync(dirname(dir), { recursive: true });
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined; // a read-only checkout only loses speed
  }
  const stats = lstatSync(dir, { throwIfNoEntry: false });
  const problem = stats ? cacheDirProblem(stats) : 'is gone';
  if (!problem) return dir;
  // Worker threads ask too; the main thread speaks for the run.
  if (!warned && isMainThread) process.stderr.write(`docs-quality: cache folder ${dir} ${problem}: not used, so this run is slower (remove the folder and docs-quality makes a private one)\n`);
  warned = true;
  return undefined;
}
