/**
 * template-wording: Inside each template block, the page reads word for word as the template with the page's names
 * filled in: `expected `you benefit`, found `you will benefit``. Escapes, emphasis markers and
 * line breaks do not count; words, punctuation and link targets do.
 */
import { defineRule, judging } from '../rule-kit/define-rule.js';
import { hunkEdit, hunkRange, preview, templateLine, wordingHunks, type BlockHunk, type PageComparison } from '../template/compare-page.js';
import type { OffsetFinding } from '../template/edit.js';
import { servicePageComparison } from '../template/service-page-analysis.js';
import { joinTokens } from '../template/tokens.js';
import type { Hunk } from '../template/word-diff.js';

export default defineRule(
  {
    id: "template-wording",
    description: "word-level differences inside a template block",
    docs: "Compared on rendered text with the page's names filled in: escapes, emphasis markers, hard breaks, wrapping and typographic apostrophes do not count; words, punctuation and link targets do. Whole sentences of the page's own written into a template block are a service note in the wrong place: one finding, and `fix` moves them (markup and all) into a paragraph of the free region instead of deleting them.",
    fixable: "replaces just those words (the whole block when the change crosses a link or emphasis); moves added sentences into the free region",
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
    if (hunk.addedSentences) return addedSentences(blockHunk, comparison);
    const expected = joinTokens(hunk.expected);
    const actual = joinTokens(hunk.actual);
    const link = linkChange(hunk);
    const message =
      expected === actual
        ? `link target differs from the template: ${link}`
        : `${hunk.sentence ? 'sentence differs from the template: ' : ''}expected \`${expected}\`, found \`${actual}\`${link ? `; link target differs too: ${link}` : ''}`;
    const template = templateLine(comparison.template, blockHunk.templateBlock.start);
    return { rule: 'template-wording', ...hunkRange(blockHunk), message, expected, actual, fix: { edits: [hunkEdit(blockHunk, comparison)] }, template };
  });
}

/**
 * Sentences of the page's own written into a template block: a service note in the wrong place.
 * Deleting them would lose the writer's text, so `fix` moves them, markup and all, into a
 * paragraph of their own in the free region; without a free region they are left to the writer.
 */
function addedSentences(blockHunk: BlockHunk, { source, blocks, freeAt, freeZone, template }: PageComparison): OffsetFinding {
  const { hunk, pageBlock } = blockHunk;
  const { from: first, to: last } = hunk.addedSentences!;
  const added = hunk.actual.slice(first, last);
  const actual = joinTokens(hunk.actual);
  const contextBefore = hunk.actual[first - 1];
  const contextAfter = hunk.actual[last];
  const from = contextBefore ? contextBefore.end : pageBlock.contentStart;
  const to = contextAfter ? contextAfter.start : pageBlock.contentEnd;
  const finding: OffsetFinding = {
    rule: 'template-wording',
    start: added[0]!.start,
    end: added[added.length - 1]!.end,
    message: `sentences added to the template's text: \`${preview(added)}\`: notes of the service's own belong in the free region${freeAt === -1 ? '' : ', where fix moves them'}`,
    expected: joinTokens(hunk.expected),
    actual,
    template: templateLine(template, blockHunk.templateBlock.start),
  };
  const host = blocks[freeZone[0]];
  if (freeAt !== -1 && host && host.end > to) {
    const moved = source.slice(from, to).trim();
    const gap = contextBefore && contextAfter ? ' ' : '';
    finding.fix = { edits: [{ start: from, end: to, text: gap }, { start: host.end, end: host.end, text: `\n\n${moved}` }] };
  }
  return finding;
}
