/**
 * template-name: Every use of the service's names agrees with the binding (the H1 for `{{service}}`, most
 * uses for `{{short}}`) and with the services manifest when it pins them: a `WorkSpaces` left in
 * another service's page is reported.
 */
import { defineRule, judging } from '../rule-kit/define-rule.js';
import { hunkEdit, hunkRange, templateLine, type PageComparison } from '../template/compare-page.js';
import type { OffsetFinding } from '../template/edit.js';
import { servicePageComparison } from '../template/service-page-analysis.js';
import { joinTokens } from '../template/tokens.js';

export default defineRule(
  {
    id: "template-name",
    description: "a service name that differs from the rest of the page, or from the services manifest",
    docs: "`{{service}}` is bound by the H1 and `{{short}}` by most of the page's `{{short}}` places, unless `_template/services.json` pins them.",
    fixable: "writes the bound name",
    crossFile: "none",
    defaultSeverity: "error",
    examples: [
      { title: "another service left in the page", base: "s3", replace: {"s3/security.md": ["To learn about the compliance programs that apply to Amazon S3", "To learn about the compliance programs that apply to WorkSpaces"]}, findings: ["s3/security.md:6:413 service name differs from the rest of the page: expected `Amazon S3`, found `WorkSpaces`"] },
    ],
  },
  judging(servicePageComparison, nameFindings),
);

/** An H1 that names another service than the manifest, and each name that differs from the bound one. */
function nameFindings(comparison: PageComparison): OffsetFinding[] {
  const { heading, bindings, boundService, expected, headingFollowsTemplate, pinnedMismatch, headingText, comparable } = comparison;
  const findings: OffsetFinding[] = [];
  if (heading && headingFollowsTemplate && pinnedMismatch) {
    findings.push({
      rule: 'template-name',
      start: heading.contentStart,
      end: heading.contentEnd,
      message: `service name differs from the services manifest: expected \`${bindings.service}\`, found \`${boundService}\``,
      expected: joinTokens(expected[0]!),
      actual: joinTokens(heading.tokens),
      fix: { edits: [{ start: heading.contentStart, end: heading.contentEnd, text: headingText! }] },
      template: templateLine(comparison.template, comparison.template.blocks[0]!.start),
    });
  }
  if (!comparable) return findings;
  for (const blockHunk of comparison.hunks) {
    if (!blockHunk.hunk.touchesName) continue;
    const expectedText = joinTokens(blockHunk.hunk.expected);
    const actual = joinTokens(blockHunk.hunk.actual);
    findings.push({
      rule: 'template-name',
      ...hunkRange(blockHunk),
      message: `service name differs from the rest of the page: expected \`${expectedText}\`, found \`${actual}\``,
      expected: expectedText,
      actual,
      fix: { edits: [hunkEdit(blockHunk, comparison)] },
      template: templateLine(comparison.template, blockHunk.templateBlock.start),
    });
  }
  return findings;
}
