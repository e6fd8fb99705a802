/** `fix --dry-run`: what `fix` would change, as unified diffs (renames show both names). */
import { createTwoFilesPatch } from 'diff';
import { join, relative } from 'node:path';
import type { PageChange } from '../engine/fix.js';

export function diffReport(changes: readonly PageChange[], docsRoot: string, cwd: string): string {
  const shown = (path: string | undefined): string => (path === undefined ? '/dev/null' : relative(cwd, join(docsRoot, path)));
  return changes
    .map((change) => {
      const from = change.from === undefined ? '/dev/null' : `a/${shown(change.from)}`;
      const to = change.to === undefined ? '/dev/null' : `b/${shown(change.to)}`;
      return createTwoFilesPatch(from, to, change.before, change.after, '', '', { context: 1 });
    })
    .join('');
}
