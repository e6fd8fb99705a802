/**
 * final-newline: a page ends with exactly one newline, so appending to it (and diffs) stay clean.
 *
 * found: a page whose last line has no newline -> page does not end with a newline (fix adds it)
 */
import type { OffsetFinding } from '../template/edit.js';
import { docsRule } from './report.js';

export default docsRule('final-newline', (_tree, file) => {
  const text = String(file);
  if (text === '' || text.endsWith('\n')) return [];
  const finding: OffsetFinding = {
    rule: 'final-newline',
    start: text.length,
    end: text.length,
    message: 'page does not end with a newline',
    fix: { edits: [{ start: text.length, end: text.length, text: '\n' }] },
  };
  return [finding];
});
