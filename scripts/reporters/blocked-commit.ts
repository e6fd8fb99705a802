/** What the pre-commit hook (`check --staged`) says when it blocks a commit: what, what fixes it, how to skip. */
import type { Finding } from '../engine/finding.js';

const PAGES_SHOWN = 5;

/** The closing lines of a blocked commit, or '' when nothing blocks it (no error-level finding). */
export function blockedCommitMessage(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return '';
  const pages = [...new Set(errors.map((f) => f.file))].sort();
  const shown = pages.slice(0, PAGES_SHOWN).join(', ') + (pages.length > PAGES_SHOWN ? ` and ${pages.length - PAGES_SHOWN} more` : '');
  const fixable = errors.filter((f) => f.fixable).length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [
    `commit blocked: ${plural(errors.length, 'error')} in ${plural(pages.length, 'page')} (${shown})`,
    fixable > 0
      ? `  npm run fix would fix ${fixable} of them; then git add the pages and commit again`
      : '  npm run fix cannot fix these: edit the pages as the findings say',
    '  to commit anyway, this once: git commit --no-verify',
  ].join('\n');
}
