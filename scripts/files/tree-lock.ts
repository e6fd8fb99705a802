/**
 * One writer per docs tree: `fix` holds this lock from reading the tree until its last page is
 * written, so two runs never fix the same pages from the same reading. Readers (`check`) never take
 * it: pages are replaced whole (write-atomically.ts), so a reader sees each page before or after.
 *
 * The lock is a file in the cache folder (`node_modules/.cache/docs-quality/locks/`, else the temp
 * folder), named for the tree's real path: never in the docs tree, where `git status` would show it
 * and `git add -A` could commit one a killed run left; and not in `.git`, which a docs tree need not
 * have (a linked worktree's `.git` is a file, and finding the real one costs a git process).
 */
import { createHash, randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { threadId } from 'node:worker_threads';
import { cacheDirFor } from '../corpus/cache-dir.js';
import { UserError } from '../user-error.js';
import { isProcessAlive } from './live-process.js';

/** Who holds a lock: enough to tell a running holder from a dead one, and to name it to the user. */
export interface LockHolder {
  pid: number;
  host: string;
  /** When it took the lock (ISO 8601). */
  started: string;
  /** Tells this holding apart from a later one of a process with the same id. */
  token: string;
}

export interface TreeLock {
  /** The lock file (absolute). */
  path: string;
  release(): void;
}

export interface LockOptions {
  /** How long to wait for another holder, in milliseconds; 0: refuse at once. */
  waitMs: number;
  /** Called once when the lock is held by another run and this one starts waiting. */
  onWait?: (holder: LockHolder, lockPath: string) => void;
}

/** A lock another run still held when the wait ended. */
export class LockBusyError extends UserError {}

const POLL_MS = 50;

/** The lock file of a docs tree (its real path), in the tree's cache folder. */
export function lockPathFor(realDocsRoot: string, name: string): string {
  const key = createHash('sha256').update(realDocsRoot).digest('hex').slice(0, 16);
  return join(cacheDirFor(realDocsRoot), 'locks', `${name}-${key}.lock`);
}

/**
 * Takes the lock at `path`, waiting up to `waitMs` while a live run holds it; takes over a lock
 * whose holder died (same host, process gone). Throws LockBusyError, naming the holder, when the
 * wait ends.
 */
export async function acquireLock(path: string, what: string, options: LockOptions): Promise<TreeLock> {
  try {
    return await waitForLock(path, what, options);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UserError(`cannot take the lock ${path} for ${what}: ${code}`);
  }
}

async function waitForLock(path: string, what: string, options: LockOptions): Promise<TreeLock> {
  mkdirSync(dirname(path), { recursive: true });
  const me: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), token: randomUUID() };
  const deadline = Date.now() + options.waitMs;
  let told = false;
  for (;;) {
    if (tryCreate(path, me)) return { path, release: () => release(path, me) };
    const holder = readHolder(path);
    if (holder === 'gone') continue; // released between our attempt and our look: try again
    if (holder !== 'unreadable' && isStale(holder) && takeOver(path, holder)) continue;
    if (Date.now() >= deadline) throw new LockBusyError(busyMessage(what, holder, path, options.waitMs));
    if (!told && holder !== 'unreadable') {
      told = true;
      options.onWait?.(holder, path);
    }
    await delay(POLL_MS);
  }
}

/**
 * Creates the lock with our holder record in one step: the record is written to a file of our own
 * first and then hard-linked to the lock's name, which fails if the lock exists. A reader never
 * sees a lock without its holder.
 */
function tryCreate(path: string, me: LockHolder): boolean {
  const mine = `${path}.${me.pid}.${threadId}.new`;
  writeFileSync(mine, `${JSON.stringify(me)}\n`);
  try {
    linkSync(mine, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(mine, { force: true });
  }
}

function readHolder(path: string): LockHolder | 'gone' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const data = JSON.parse(text) as Partial<LockHolder>;
    if (typeof data.pid === 'number' && typeof data.host === 'string' && typeof data.token === 'string') {
      return { pid: data.pid, host: data.host, started: String(data.started ?? ''), token: data.token };
    }
  } catch {
    // not a lock of ours: never taken over, the wait ends with its path
  }
  return 'unreadable';
}

/** A holder on this host whose process is gone. One on another host cannot be asked: it is waited for. */
function isStale(holder: LockHolder): boolean {
  return holder.host === hostname() && !isProcessAlive(holder.pid);
}

/**
 * Removes a dead holder's lock. Several waiting runs may find it dead at once: only the one that
 * creates `<lock>.<token>.takeover` (exclusive) removes the lock, and only if it still carries the
 * dead holder's token; the others look again. Nobody but that run can change the lock meanwhile
 * (a lock that exists is never replaced), so a live holder's lock is never removed.
 */
function takeOver(path: string, dead: LockHolder): boolean {
  const marker = `${path}.${dead.token}.takeover`;
  try {
    writeFileSync(marker, `${process.pid}\n`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false; // another run is taking it over: wait
    throw error;
  }
  try {
    const now = readHolder(path);
    if (typeof now === 'object' && now.token === dead.token) rmSync(path, { force: true });
    return true;
  } finally {
    rmSync(marker, { force: true });
  }
}

/** Removes the lock if it is still ours (never another run's). */
function release(path: string, me: LockHolder): void {
  const now = readHolder(path);
  if (typeof now === 'object' && now.token === me.token) rmSync(path, { force: true });
}

function busyMessage(what: string, holder: LockHolder | 'unreadable', path: string, waitMs: number): string {
  const waited = waitMs > 0 ? ` (waited ${Math.round(waitMs / 1000)} s)` : '';
  const who = holder === 'unreadable' ? 'another run' : `process ${holder.pid} on ${holder.host}${holder.started ? `, started ${holder.started}` : ''}`;
  return `another ${what} of this docs tree is running: ${who}${waited}; if it is not, remove ${path}`;
}
