/**
 * The baseline file: the findings a docs set already had, one JSON file meant to be committed.
 * `{ "version": 1, "findings": [{ "file", "rule", "fingerprint", "message" }] }`, entries sorted by
 * file, rule and message so that a diff of it reviews well; paths are relative to the baseline's
 * root (the configuration file's folder, else the repository root), never to the working directory.
 */
import { existsSync } from 'node:fs';
import { writeFileAtomically } from '../files/write-atomically.js';
import { parseJsonText, readTextFile } from '../config/read-json.js';
import { UserError } from '../user-error.js';

export const BASELINE_SCHEMA = 'baseline.schema.json';

export interface BaselineEntry {
  /** The page, relative to the baseline's root, with `/` separators. */
  file: string;
  rule: string;
  /** See engine/fingerprint.ts: what a finding is matched by, whatever line it moved to. */
  fingerprint: string;
  /** The message when the entry was written (for the reviewer; matching ignores it). */
  message: string;
}

export interface Baseline {
  version: 1;
  findings: BaselineEntry[];
}

/** Reads a baseline; a missing file is one line naming it, a malformed one `file:line:column: reason` (both exit 2). */
export function readBaseline(path: string, shown: string): Baseline {
  if (!existsSync(path)) throw new UserError(`baseline file not found: ${shown} (check --update-baseline writes it)`);
  return parseJsonText<Baseline>(readTextFile(path, shown), shown, BASELINE_SCHEMA);
}

/** The file's text: entries sorted by file, rule, message (then fingerprint), one per line group, a final newline. */
export function baselineText(entries: readonly BaselineEntry[]): string {
  const sorted = [...entries]
    .map(({ file, rule, fingerprint, message }) => ({ file, rule, fingerprint, message }))
    .sort((a, b) => compare(a.file, b.file) || compare(a.rule, b.rule) || compare(a.message, b.message) || compare(a.fingerprint, b.fingerprint));
  return `${JSON.stringify({ version: 1, findings: sorted }, null, 2)}\n`;
}

/** Writes the baseline atomically (a crash never leaves half a file); returns how many entries it wrote. */
export function writeBaseline(path: string, entries: readonly BaselineEntry[]): number {
  writeFileAtomically(path, baselineText(entries), { mkdir: true });
  return entries.length;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
