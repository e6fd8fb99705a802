/**
 * `fix` as a library call: re-checks each page until no fix applies, then writes it atomically
 * with its original line endings and BOM. Pages are only written when they changed.
 */
import { renameSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { applyFixes, fixesOf } from './apply-fixes.js';
import { checkDocs, checkText, type CheckOptions } from './check.js';
import type { PageText } from './read-page.js';
import type { Fix } from '../template/analyse-page.js';

/** Fix passes per page: each pass applies all non-overlapping fixes, later ones see the result. */
const MAX_PASSES = 10;

export interface PageChange {
  path: string;
  before: string;
  after: string;
}

export interface FixOptions extends CheckOptions {
  /** Compute the changes without writing them. */
  dryRun?: boolean;
}

/** Fixes every fixable finding in the docs tree; returns what changed. */
export async function fixDocs(options: FixOptions): Promise<PageChange[]> {
  const { files } = await checkDocs(options);
  const changes: PageChange[] = [];
  for (const { path, file, page } of files) {
    if (!page || fixesOf(file).length === 0) continue;
    const after = await fixText(path, page, options.cwd, fixesOf(file));
    if (after === page.text) continue;
    const before = encode(page.text, page);
    const written = encode(after, page);
    if (!options.dryRun) writeAtomically(path, written);
    changes.push({ path, before, after: written });
  }
  return changes;
}

async function fixText(path: string, page: PageText, cwd: string, firstFixes: Fix[]): Promise<string> {
  let current = page.text;
  let fixes = firstFixes;
  for (let pass = 0; pass < MAX_PASSES && fixes.length > 0; pass++) {
    const { text: next, applied } = applyFixes(current, page.crlf ? fixes.map(withCrlf) : fixes);
    if (applied === 0 || next === current) break;
    current = next;
    fixes = fixesOf(await checkText(path, current, cwd));
  }
  return current;
}

/** Inserted lines end the way the page's lines end. */
function withCrlf(fix: Fix): Fix {
  return { edits: fix.edits.map((edit) => ({ ...edit, text: edit.text.replace(/\r?\n/g, '\r\n') })) };
}

/** The BOM goes back where the page had one. */
function encode(text: string, page: PageText): string {
  return (page.bom ? '\ufeff' : '') + text;
}

/** Writes via a temporary file in the same folder and a rename, so a page is never half-written. */
export function writeAtomically(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, { mode: statSync(path).mode });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
