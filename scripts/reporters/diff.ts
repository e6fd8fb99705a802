/** `fix --dry-run`: what `fix` would change, as unified diffs. */
import { createTwoFilesPatch } from 'diff';
import { relative } from 'node:path';
import type { PageChange } from '../engine/fix.js';

export function diffReport(changes: readonly PageChange[], cwd: string): string {
  return changes
    .map((change) => {
      const name = relative(cwd, change.path);
      return createTwoFilesPatch(`a/${name}`, `b/${name}`, change.before, change.after, '', '', { context: 1 });
    })
    .join('');
}
