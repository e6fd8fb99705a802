/**
 * Applying fixes to a text: only the edits rules attached, never overlapping ones in one pass
 * (the next pass re-checks and picks up the rest), so a fix can never garble a page.
 */
import type { VFile } from 'vfile';
import type { Edit, Fix } from '../template/analyse-page.js';
import type { FixableMessage } from './finding.js';

/** Fixes attached to a checked file's messages. */
export function fixesOf(file: VFile): Fix[] {
  return file.messages.flatMap((message) => {
    const fix = (message as FixableMessage).fix;
    return fix ? [fix] : [];
  });
}

/** Applies every fix that does not collide with one already taken; returns the new text. */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const taken: Edit[] = [];
  const seen = new Set<string>();
  let applied = 0;
  for (const fix of fixes) {
    const fresh = fix.edits.filter((edit) => !seen.has(key(edit)));
    if (fresh.length === 0) continue; // the same edit from another finding: already in
    if (fresh.some((edit) => taken.some((other) => collides(edit, other)))) continue;
    for (const edit of fresh) {
      taken.push(edit);
      seen.add(key(edit));
    }
    applied++;
  }
  taken.sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of taken) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return { text: result, applied };
}

function key(edit: Edit): string {
  return `${edit.start}:${edit.end}:${edit.text}`;
}

function collides(a: Edit, b: Edit): boolean {
  if (a.start === a.end || b.start === b.end) return a.start === b.start || (a.start > b.start && a.start < b.end) || (b.start > a.start && b.start < a.end);
  return a.start < b.end && b.start < a.end;
}
