/**
 * Planning fixes: only the edits rules attached, never two overlapping ones in one pass (the next
 * pass re-checks and picks up the rest), so a fix can never garble a page. A fix may edit several
 * files and rename pages; it is taken whole or not at all.
 */
import type { VFile } from 'vfile';
import type { Edit, Fix, Rename } from '../template/edit.js';
import type { FixableMessage } from './finding.js';

/** A fix whose edits all name their file (absolute path). */
export interface PlacedFix {
  edits: (Edit & { file: string })[];
  renames: Rename[];
}

/** Fixes attached to a checked file's messages, placed on `path` where they do not name a file. */
export function fixesOf(file: VFile, path: string): PlacedFix[] {
  return file.messages.flatMap((message) => {
    const fix = (message as FixableMessage).fix;
    return fix ? [place(fix, path)] : [];
  });
}

function place(fix: Fix, path: string): PlacedFix {
  return { edits: fix.edits.map((edit) => ({ ...edit, file: edit.file ?? path })), renames: fix.renames ?? [] };
}

export interface FixPlan {
  /** Edits to apply per file, none overlapping. */
  edits: Map<string, Edit[]>;
  renames: Rename[];
  applied: number;
}

/** Takes every fix that collides with none already taken. */
export function planFixes(fixes: readonly PlacedFix[]): FixPlan {
  const edits = new Map<string, Edit[]>();
  const renames: Rename[] = [];
  const seen = new Set<string>();
  const renamed = new Set<string>();
  const destinations = new Set<string>();
  let applied = 0;
  for (const fix of fixes) {
    const fresh = fix.edits.filter((edit) => !seen.has(key(edit)));
    const freshRenames = fix.renames.filter((r) => !renamed.has(r.from));
    if (fresh.length === 0 && freshRenames.length === 0) continue; // the same fix from another finding
    if (fresh.some((edit) => (edits.get(edit.file) ?? []).some((other) => collides(edit, other)))) continue;
    if (freshRenames.some((r) => destinations.has(r.to) || renamed.has(r.to))) continue;
    for (const edit of fresh) {
      const list = edits.get(edit.file) ?? [];
      list.push(edit);
      edits.set(edit.file, list);
      seen.add(key(edit));
    }
    for (const rename of freshRenames) {
      renames.push(rename);
      renamed.add(rename.from);
      destinations.add(rename.to);
    }
    applied++;
  }
  return { edits, renames, applied };
}

/** Applies non-overlapping edits to a text (back to front, so offsets stay valid). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

function key(edit: Edit & { file: string }): string {
  return `${edit.file}:${edit.start}:${edit.end}:${edit.text}`;
}

function collides(a: Edit, b: Edit): boolean {
  if (a.start === a.end || b.start === b.end) return a.start === b.start || (a.start > b.start && a.start < b.end) || (b.start > a.start && b.start < a.end);
  return a.start < b.end && b.start < a.end;
}
