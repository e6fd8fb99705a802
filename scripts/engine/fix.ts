/**
 * `fix` as a library call: check the tree, apply every fix that does not collide with another,
 * check again, until nothing is left to fix. Each page is written atomically, keeping its line
 * endings and BOM; pages are only written when they changed.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { findConfigFile } from '../config/docs-quality-config.js';
import { listMarkdownFiles } from '../corpus/docs-files.js';
import { decodePage } from '../corpus/read-page.js';
import type { Edit } from '../template/edit.js';
import { UserError } from '../user-error.js';
import { applyEdits, fixesOf, planFixes } from './apply-fixes.js';
import { checkDocs, type CheckOptions } from './check.js';
import { writeFileAtomically } from '../files/write-atomically.js';

/** Passes over the tree: each applies all non-colliding fixes, later ones see the result. */
const MAX_PASSES = 10;

export interface PageChange {
  /** Path relative to the docs root, before and after (they differ when the page was renamed). */
  from: string | undefined;
  to: string | undefined;
  before: string;
  after: string;
}

export interface FixOptions extends CheckOptions {
  /** Compute the changes without writing them (fixes a copy of the tree). */
  dryRun?: boolean;
}

/** Fixes every fixable finding in the docs tree; returns what changed. */
export async function fixDocs(options: FixOptions): Promise<PageChange[]> {
  const docsRoot = join(options.cwd, relative(options.cwd, options.docsRoot));
  // The configuration of the real tree, also when the copy of a dry run is fixed.
  const configPath = options.configPath === undefined ? (findConfigFile(docsRoot) ?? null) : options.configPath && resolve(options.cwd, options.configPath);
  if (!options.dryRun) return fixInPlace(docsRoot, options.cwd, configPath);
  const copy = mkdtempSync(join(tmpdir(), 'docs-quality-fix-'));
  try {
    cpSync(docsRoot, copy, { recursive: true });
    return await fixInPlace(copy, options.cwd, configPath);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

async function fixInPlace(docsRoot: string, cwd: string, configPath: string | null): Promise<PageChange[]> {
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
  const eol = (text: string): string => (page.crlf ? text.replace(/\r?\n/g, '\r\n') : text);
  const after = applyEdits(page.text, edits.map((edit) => ({ ...edit, text: eol(edit.text) })));
  if (after !== page.text) writeAtomically(path, (page.bom ? '\ufeff' : '') + after);
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
export function writeAtomically(path: string, text: string): void {
  try {
    writeFileAtomically(path, text);
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
