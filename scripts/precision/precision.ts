/**
 * The precision harness as a library call: check a docs tree, fix a copy of it, check the copy,
 * and measure what the findings and the fix did. The tree itself is never written.
 */
import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { findConfigFile } from '../config/docs-quality-config.js';
import { pageRole } from '../config/layout.js';
import { fixesOf } from '../engine/apply-fixes.js';
import { checkDocs, type CheckedFile } from '../engine/check.js';
import type { Finding, FixableMessage } from '../engine/finding.js';
import { fixDocs, type PageChange } from '../engine/fix.js';
import { findingsNotIn } from './finding-tally.js';
import { templateSentencesFor } from './template-sentences.js';
import { textLostOrDuplicated, type TextChanges, type TextRange } from './text-property.js';

export interface PrecisionOptions {
  /** The docs tree to measure (never written). */
  docsRoot: string;
  /** The configuration file; default: the one `check` finds from the tree upward; null: none. */
  configPath?: string | null;
}

/** What `fix` did to one page of the tree. */
export interface FixedPage {
  /** Path relative to the docs root, before and after `fix` (they differ when it renamed the page). */
  from: string;
  to: string | undefined;
  text: TextChanges;
}

export interface PrecisionResult {
  /** The tree's findings, paths relative to the docs root. */
  findings: Finding[];
  /** Pages `fix` changed, renamed or removed, with the text each lost or duplicated. */
  fixedPages: FixedPage[];
  /** Findings of the tree that are gone after `fix`. */
  removed: Finding[];
  /** Findings after `fix` that the tree did not have (paths as the tree named the page). */
  created: Finding[];
}

/** Checks the tree, fixes a temporary copy, checks the copy, and compares. */
export async function measurePrecision(options: PrecisionOptions): Promise<PrecisionResult> {
  const docsRoot = realpathSync(resolve(options.docsRoot));
  // The copy sits outside the tree's repository: name the configuration `check` finds for the tree.
  const configPath = options.configPath === undefined ? (findConfigFile(docsRoot) ?? null) : options.configPath && resolve(options.configPath);
  const before = await checkDocs({ docsRoot, cwd: docsRoot, configPath });
  const ranges = fixRanges(before.files, docsRoot);
  const copy = realpathSync(mkdtempSync(join(tmpdir(), 'docs-quality-precision-')));
  try {
    cpSync(docsRoot, copy, { recursive: true });
    const changes = await fixDocs({ docsRoot: copy, cwd: copy, configPath });
    const after = await checkDocs({ docsRoot: copy, cwd: copy, configPath });
    const origin = new Map(changes.filter((c) => c.to !== undefined && c.from !== undefined).map((c) => [c.to!, c.from!]));
    const afterFindings = after.findings.map((finding) => ({ ...finding, file: origin.get(finding.file) ?? finding.file }));
    return {
      findings: before.findings,
      fixedPages: changes.flatMap((change) => (change.from === undefined ? [] : [fixedPage(change.from, change, docsRoot, ranges)])),
      removed: findingsNotIn(before.findings, afterFindings),
      created: findingsNotIn(afterFindings, before.findings),
    };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/**
 * Every range of a page that a fix of the tree's findings edits. `fix` applies them over several
 * passes (colliding ones wait for the next); ranges of later passes are in texts that no longer
 * match the original, so the first check's fixes stand for all of them.
 */
function fixRanges(files: readonly CheckedFile[], docsRoot: string): Map<string, TextRange[]> {
  const ranges = new Map<string, TextRange[]>();
  for (const { file, path, page } of files) {
    if (!page) continue;
    const fixes = fixesOf(file, path);
    // The same messages fixesOf placed, in its order: what each finding says it found and expects.
    const said = file.messages.filter((message) => (message as FixableMessage).fix).map((message) => ({
      rule: message.ruleId ?? 'docs-quality',
      ...(typeof message.actual === 'string' ? { actual: message.actual } : {}),
      ...(message.expected?.[0] !== undefined ? { expected: message.expected[0] } : {}),
    }));
    fixes.forEach((fix, i) => {
      for (const { file: target, start, end } of fix.edits) {
        const key = relative(docsRoot, target);
        ranges.set(key, [...(ranges.get(key) ?? []), { start, end, ...said[i]! }]);
      }
    });
  }
  return ranges;
}

function fixedPage(from: string, change: PageChange, docsRoot: string, ranges: Map<string, TextRange[]>): FixedPage {
  const path = join(docsRoot, from);
  const service = pageRole(docsRoot, path) === 'service' ? dirname(from).split(sep).join('/') : undefined;
  const templateSentences = service === undefined ? [] : templateSentencesFor(docsRoot, service, change.before);
  return { from, to: change.to, text: textLostOrDuplicated(change.before, change.after, ranges.get(from) ?? [], templateSentences) };
}
