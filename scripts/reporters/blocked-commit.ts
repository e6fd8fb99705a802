/** What the pre-commit hook (`check --staged`) says when it blocks a commit: what, what fixes it, how to skip. */
import type { Finding } from '../engine/finding.js';

const PAGES_SHOWN = 5;

/** The closing lines of a blocked commit, or '' when nothing blocks it; `fixCommand` as the writer would type it. */
export function blockedCommitMessage(findings: readonly Finding[], fixCommand = 'npm run fix'): string {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return '';
  const pages = [...new Set(errors.map((f) => f.file))].sort();
  const shown = pages.slice(0, PAGES_SHOWN).join(', ') + (pages.length > PAGES_SHOWN ? ` and ${pages.length - PAGES_SHOWN} more` : '');
  const fixable = errors.filter((f) => f.fixable).length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [
    `commit blocked: ${plural(errors.length, 'error')} in ${plural(pages.length, 'page')} (${shown})`,
    fixable > 0
      ? `  ${fixCommand} would fix ${fixable} of them; then git add the pages and commit again`
      : `  ${fixCommand} cannot fix these: edit the pages as the findings say`,
    '  to commit anyway, this once: git commit --no-verify',
  ].join('\n');
}
