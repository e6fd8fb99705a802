/**
 * The one way the pipeline replaces a file (pages it fixes, the manifest, caches, link results):
 * write a temporary file beside it, then rename it over the file, so a reader, a crash or a full
 * disk never leaves half a file.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Replaces `path` with `text` atomically, keeping an existing file's mode; with `mkdir`, creates its
 * folder first. On failure the temporary file is removed and the error rethrown: the file is unchanged.
 */
export function writeFileAtomically(path: string, text: string, options: { mkdir?: boolean } = {}): void {
  if (options.mkdir) mkdirSync(dirname(path), { recursive: true });
  // One name per process and thread (workers share the pid); `wx` never writes through what is there.
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${threadId}.tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx', ...(existsSync(path) ? { mode: statSync(path).mode } : {}) });
    renameSync(temp, path);
  } catch (error) {
    try {
      if (existsSync(temp) && statSync(temp).isFile()) rmSync(temp);
    } catch {
      // nothing more to clean up
    }
    throw error;
  }
}
