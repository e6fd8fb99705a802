/**
 * template-wording: Inside each template block, the page reads word for word as the template with the page's names
 * filled in: `expected `you benefit`, found `you will benefit``. Escapes, emphasis markers and
 * line breaks do not count; words, punctuation and link targets do.
 */
import { defineRule, judging } from '../rule-kit/define-rule.js';
import { hunkEdit, hunkRange, wordingHunks, type PageComparison } from '../template/compare-page.js';
import type { OffsetFinding } from '../template/edit.js';
import { servicePageComparison } from '../template/service-page-analysis.js';
import { joinTokens } from '../template/tokens.js';
import type { Hunk } from '../template/word-diff.js';

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

/** "expected `https://…`, found `http://…`" for the first link target the hunk changes, or ''. */
function linkChange(hunk: Hunk): string {
  const expected = hunk.expected.filter((token) => token.kind === 'url');
  const actual = hunk.actual.filter((token) => token.kind === 'url');
  const at = expected.findIndex((token, i) => token.norm !== actual[i]?.norm);
  return at === -1 ? '' : `expected \`${expected[at]!.text}\`, found \`${actual[at]?.text ?? 'no link'}\``;
}

/** Each word-level difference that does not touch a name (template-name reports those). */
function wordingFindings(comparison: PageComparison): OffsetFinding[] {
  return wordingHunks(comparison).map((blockHunk): OffsetFinding => {
    const { hunk } = blockHunk;
    const expected = joinTokens(hunk.expected);
    const actual = joinTokens(hunk.actual);
    const link = linkChange(hunk);
    const message =
      expected === actual
        ? `link target differs from the template: ${link}`
        : `${hunk.sentence ? 'sentence differs from the template: ' : ''}expected \`${expected}\`, found \`${actual}\`${link ? `; link target differs too: ${link}` : ''}`;
    return { rule: 'template-wording', ...hunkRange(blockHunk), message, expected, actual, fix: { edits: [hunkEdit(blockHunk, comparison)] } };
  });
}
