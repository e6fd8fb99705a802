/**
 * `fix` as a library call: check the tree, apply every fix that does not collide with another,
 * check again, until nothing is left to fix. The passes run on a private copy of the tree; then
 * each changed page is written once, atomically, keeping its line endings and BOM, and only if it
 * is still as the copy found it. So a reader of the tree sees each page as it was or as fixed,
 * never a pass in between, and an edit made meanwhile is never overwritten. One `fix` at a time
 * per tree (tree-lock.ts): a second waits for the first and then fixes what the first left.
 */
import { cpSync, existsSync, lstatSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { findConfigFile } from '../config/docs-quality-config.js';
import { listMarkdownFiles, walkDocs } from '../corpus/docs-files.js';
import { decodePage } from '../corpus/read-page.js';
import type { Edit } from '../template/edit.js';
import { UserError } from '../user-error.js';
import { applyEdits, fixesOf, planFixes } from './apply-fixes.js';
import { checkDocs, type CheckOptions } from './check.js';
import { writeFileAtomically } from '../files/write-atomically.js';
import { acquireLock, lockPathFor, type LockHolder } from '../files/tree-lock.js';

/** Passes over the tree: each applies all non-colliding fixes, later ones see the result. */
const MAX_PASSES = 10;

export interface PageChange {
  /** Path relative to the docs root, before and after (they differ when the page was renamed). */
  from: string | undefined;
  to: string | undefined;
  before: string;
  after: string;
  /** Why the change was not written (the page changed while fix ran); absent: it was written. */
  conflict?: string;
}

export interface FixOptions extends CheckOptions {
  /** Compute the changes without writing them. */
  dryRun?: boolean;
  /** How long to wait for another `fix` of the same tree, in milliseconds (default: two minutes). */
  lockWaitMs?: number;
  /** Called when another `fix` holds the tree and this one starts waiting. */
  onLockWait?: (holder: LockHolder) => void;
}

/**
 * Waiting, not refusing: two fixes at once are an editor's fix-on-save meeting a hook or a manual
 * run, both short; the second then fixes what the first left (usually nothing), as if run after it.
 * Bounded, so a hung run or one on another host (whose process cannot be asked) does not block CI.
 */
const LOCK_WAIT_MS = 120_000;

/** Fixes every fixable finding in the docs tree; returns what changed (or would, with `dryRun`). */
export async function fixDocs(options: FixOptions): Promise<PageChange[]> {
  const docsRoot = join(options.cwd, relative(options.cwd, options.docsRoot));
  // The configuration of the real tree, also when its copy is fixed.
  const configPath = options.configPath === undefined ? (findConfigFile(docsRoot) ?? null) : options.configPath && resolve(options.cwd, options.configPath);
  // A dry run only reads, like `check`: it needs no lock.
  if (options.dryRun) return fixCopy(docsRoot, options.cwd, configPath);
  const lock = await acquireLock(lockPathFor(realpathSync(docsRoot), 'fix'), 'fix', {
    waitMs: options.lockWaitMs ?? LOCK_WAIT_MS,
    ...(options.onLockWait ? { onWait: options.onLockWait } : {}),
  });
  try {
    // Walking the tree removes the temporary files a killed run left (docs-files.ts): the passes only walk the copy.
    walkDocs(docsRoot);
    return writeChanges(docsRoot, await fixCopy(docsRoot, options.cwd, configPath));
  } finally {
    lock.release();
  }
}

/** The changes fixing a copy of the tree gives; the tree itself is only read. */
async function fixCopy(docsRoot: string, cwd: string, configPath: string | null): Promise<PageChange[]> {
  const copy = mkdtempSync(join(tmpdir(), 'docs-quality-fix-'));
  try {
    // What the walk reads, and nothing it never opens: hidden files, node_modules, named pipes.
    cpSync(docsRoot, copy, { recursive: true, verbatimSymlinks: true, filter: (source) => source === docsRoot || copied(basename(source), lstatSync(source)) });
    return await runFixPasses(copy, cwd, configPath);
  } catch (error) {
    // A template or configuration error names the file the writer must edit, not its copy.
    if (error instanceof UserError) error.message = error.message.split(copy).join(docsRoot);
    throw error;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

function copied(name: string, stats: Stats): boolean {
  return !name.startsWith('.') && name !== 'node_modules' && (stats.isFile() || stats.isDirectory() || stats.isSymbolicLink());
}

/**
 * Writes changes (as a dry run computed them) into the tree, each page once, atomically; a page
 * that is no longer as the changes found it (edited, moved or removed meanwhile) is left as it is
 * and its change marked with the conflict. Under the lock no other fix writes, so only an editor
 * can slip in between the comparison and the rename, within a few microseconds.
 */
export function writeChanges(docsRoot: string, changes: readonly PageChange[]): PageChange[] {
  return changes.map((change) => {
    const conflict = publishChange(docsRoot, change);
    return conflict ? { ...change, conflict } : change;
  });
}

function publishChange(docsRoot: string, change: PageChange): string | undefined {
  const from = change.from === undefined ? undefined : join(docsRoot, change.from);
  const to = change.to === undefined ? undefined : join(docsRoot, change.to);
  if (from && !holds(from, change.before)) return 'it changed while fix ran';
  if (to && to !== from && existsSync(to)) return `${change.to} was created while fix ran`;
  // A moved page is written at its new name before the old one goes: a reader sees the page at
  // one name or both, never at neither.
  if (to) writeAtomically(to, change.after, { mkdir: true, ...(from ? { mode: lstatSync(from).mode } : {}) });
  if (from && from !== to) rmSync(from, { force: true });
  return undefined;
}

/** True when `path` is a regular file holding exactly `text` (the bytes, not a decoding of them). */
function holds(path: string, text: string): boolean {
  try {
    return lstatSync(path).isFile() && readFileSync(path).equals(Buffer.from(text, 'utf8'));
  } catch {
    return false;
  }
}

async function runFixPasses(docsRoot: string, cwd: string, configPath: string | null): Promise<PageChange[]> {
  const original = snapshot(docsRoot);
  const moved = new Map<string, string>(); // current relative path -> original relative path
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { files } = await checkDocs({ docsRoot, cwd, configPath });
    const plan = planFixes(files.flatMap(({ file, path, page }) => (page ? fixesOf(file, path) : [])));
    if (plan.applied === 0) break;
    for (const [path, edits] of plan.edits) writePage(path, edits);
    for (const { from, to } of plan.renames) {
      if (existsSync(to)) continue;
      renameSync(from, to);
      const origin = moved.get(relative(docsRoot, from)) ?? relative(docsRoot, from);
      moved.delete(relative(docsRoot, from));
      moved.set(relative(docsRoot, to), origin);
    }
  }
  return changesSince(original, snapshot(docsRoot), moved);
}

/** Applies edits to one page on disk, in the page's own line endings, atomically. */
function writePage(path: string, edits: readonly Edit[]): void {
  const bytes = readFileSync(path);
  const page = decodePage(bytes);
  const ending = lineEnding(page.text, page.crlf);
  const eol = (text: string): string => (ending === '\n' ? text : text.replace(/\r?\n/g, ending));
  const after = applyEdits(page.text, edits.map((edit) => ({ ...edit, text: eol(edit.text) })));
  if (after !== page.text) writeAtomically(path, (page.bom ? '\ufeff' : '') + after);
}

/** The line ending a page's edits get: CRLF where it has any, a lone CR on an old Mac page, else LF. */
function lineEnding(text: string, crlf: boolean): string {
  if (crlf) return '\r\n';
  return text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
}

/** A page `fix` could not write; the page itself is unchanged. */
export class WriteError extends UserError {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`cannot write ${path}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}; the page is unchanged`);
  }
}

/** Writes a page or the manifest atomically; a failure is a WriteError naming the file. */
export function writeAtomically(path: string, text: string, options: { mkdir?: boolean; mode?: number } = {}): void {
  try {
    writeFileAtomically(path, text, options);
  } catch (error) {
    throw new WriteError(path, error);
  }
}

function snapshot(docsRoot: string): Map<string, string> {
  return new Map(listMarkdownFiles(docsRoot).map((path) => [relative(docsRoot, path), readFileSync(path, 'utf8')]));
}

function changesSince(before: Map<string, string>, after: Map<string, string>, moved: Map<string, string>): PageChange[] {
  const changes: PageChange[] = [];
  const renamedFrom = new Set(moved.values());
  for (const [path, text] of after) {
    const origin = moved.get(path) ?? path;
    const old = before.get(origin);
    if (old === undefined) changes.push({ from: undefined, to: path, before: '', after: text });
    else if (old !== text || origin !== path) changes.push({ from: origin, to: path, before: old, after: text });
  }
  for (const [path, text] of before) {
    if (!after.has(path) && !renamedFrom.has(path)) changes.push({ from: path, to: undefined, before: text, after: '' });
  }
  return changes.sort((a, b) => ((a.to ?? a.from)! < (b.to ?? b.from)! ? -1 : 1));
}
