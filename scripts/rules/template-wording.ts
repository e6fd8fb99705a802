/**
 * template-wording: Inside each template block, the page reads word for word as the template with the page's names
 * filled in: `expected `you benefit`, found `you will benefit``. Escapes, emphasis markers and
 * line breaks do not count; words, punctuation and link targets do.
 */
import { defineRule, judging } from '../rule-kit/define-rule.js';
import { hunkEdit, hunkRange, type PageComparison } from '../template/compare-page.js';
import type { OffsetFinding } from '../template/edit.js';
import { servicePageComparison } from '../template/service-page-analysis.js';
import { joinTokens } from '../template/tokens.js';

export default defineRule(
  {
    id: "template-wording",
    description: "word-level differences inside a template block",
    docs: "Compared on rendered text with the page's names filled in: escapes, emphasis markers, hard breaks, wrapping and typographic apostrophes do not count; words, punctuation and link targets do.",
    fixable: "replaces just those words (the whole block when the change crosses a link or emphasis)",
    crossFile: "none",
    defaultSeverity: "error",
    examples: [
      { title: "one word added", base: "s3", replace: {"s3/security.md": ["you benefit", "you will benefit"]}, findings: ["s3/security.md:3:69 expected `you benefit`, found `you will benefit`"] },
    ],
  },
  judging(servicePageComparison, wordingFindings),
);

/** Each word-level difference that does not touch a name (template-name reports those). */
function wordingFindings(comparison: PageComparison): OffsetFinding[] {
  if (!comparison.comparable) return [];
  return comparison.hunks.flatMap((blockHunk): OffsetFinding[] => {
    const { hunk } = blockHunk;
    if (hunk.touchesName) return [];
    const expected = joinTokens(hunk.expected);
    const actual = joinTokens(hunk.actual);
    const message =
      expected === actual
        ? `link target differs from the template: expected \`${hunk.expected.find((e) => e.kind === 'url')!.text}\`, found \`${hunk.actual.find((a) => a.kind === 'url')?.text ?? 'no link'}\``
        : `expected \`${expected}\`, found \`${actual}\``;
    return [{ rule: 'template-wording', ...hunkRange(blockHunk), message, expected, actual, fix: { edits: [hunkEdit(blockHunk, comparison)] } }];
  });
}
