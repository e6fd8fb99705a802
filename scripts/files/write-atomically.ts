/**
 * The one way the pipeline replaces a file (pages it fixes, the manifest, caches, link results):
 * write a temporary file beside it, then rename it over the file, so a reader, a crash or a full
 * disk never leaves half a file. The temporary file must sit in the same folder (a rename does not
 * cross file systems), so it is named so that a later run can recognise one a killed run left.
 */
import { existsSync, lstatSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { isProcessAlive } from './live-process.js';

/**
 * Replaces `path` with `content` atomically, keeping an existing file's mode (or taking `mode`);
 * with `mkdir`, creates its folder first. On failure the temporary file is removed and the error
 * rethrown: the file is unchanged.
 */
export function writeFileAtomically(path: string, content: string | Uint8Array, options: { mkdir?: boolean; mode?: number } = {}): void {
  if (options.mkdir) mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), tempName(basename(path)));
  const mode = existsSync(path) ? statSync(path).mode : options.mode;
  try {
    writeFileSync(temp, content, { flag: 'wx', ...(mode === undefined ? {} : { mode }) });
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

/** `.<name>.<pid>.<thread>.tmp`: one name per process and thread (workers share the pid); `wx` never writes through what is there. */
function tempName(name: string): string {
  return `.${name}.${process.pid}.${threadId}.tmp`;
}

/** Our temporary file names: `.<name>.<pid>.<thread>.tmp`, and the older `.<name>.<pid>.tmp`, tried in that order. */
const TEMP_NAMES = [/^\.(.+)\.(\d+)\.\d+\.tmp$/, /^\.(.+)\.(\d+)\.tmp$/];

/**
 * The process that was writing through this temporary file, when the name is one of ours (else
 * undefined): the pid is what tells a leftover from a write under way.
 */
export function tempFileOwner(name: string): number | undefined {
  for (const pattern of TEMP_NAMES) {
    const match = pattern.exec(name);
    if (match) return Number(match[2]);
  }
  return undefined;
}

/**
 * Removes `path` when it is a temporary file of ours whose process is gone (a run killed between
 * writing and renaming); a file of a running process, or any other file, is left alone. True when
 * it removed the file.
 */
export function removeLeftoverTemp(path: string): boolean {
  const owner = tempFileOwner(basename(path));
  if (owner === undefined || isProcessAlive(owner)) return false;
  try {
    if (!lstatSync(path).isFile()) return false;
    rmSync(path);
    return true;
  } catch {
    return false; // another run removed it first, or the folder is read-only: nothing of ours is lost
  }
}
