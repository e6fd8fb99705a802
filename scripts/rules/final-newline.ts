/**
 * final-newline: a page ends with exactly one newline, so appending to it (and diffs) stay clean.
 *
 * found: a page whose last line has no newline -> page does not end with a newline (fix adds it)
 *
 * A newline is any CommonMark line ending: LF, CRLF, or a lone CR (old Mac pages); `fix` adds the
 * page's own ending.
 */
import type { OffsetFinding } from '../template/edit.js';
import { defineRule } from '../rule-kit/define-rule.js';

export default defineRule(
  {
    id: "final-newline",
    description: "a page that does not end with a newline",
    docs: "A page ends with a newline, so appending to it and its diffs stay clean.",
    fixable: "adds the newline",
    crossFile: "none",
    defaultSeverity: "error",
    examples: [
      { title: "no newline at the end", pages: {"guide/page.md": "# Page\n\nText."}, findings: ["guide/page.md:3:6 page does not end with a newline"] },
      { title: "one newline at the end", pages: {"guide/page.md": "# Page\n\nText.\n"}, findings: [] },
      { title: "a lone CR at the end of an old Mac page", pages: {"guide/page.md": "# Page\r\rText.\r"}, findings: [] },
      { title: "no line ending at the end of an old Mac page", pages: {"guide/page.md": "# Page\r\rText."}, findings: ["guide/page.md:3:6 page does not end with a newline"] },
    ],
  },
  (_tree, file) => {
  const text = String(file);
  if (text === '' || text.endsWith('\n') || text.endsWith('\r')) return [];
  const finding: OffsetFinding = {
    rule: 'final-newline',
    start: text.length,
    end: text.length,
    message: 'page does not end with a newline',
    fix: { edits: [{ start: text.length, end: text.length, text: '\n' }] },
  };
  return [finding];
});
