/**
 * template-heading: The H1 follows the template's H1 (`Security in {{service}}`): variants such as
 * `Amazon S3 Security` or `Security and compliance in Amazon DynamoDB` are reported with the fix.
 */
import { defineRule, judging } from '../rule-kit/define-rule.js';
import type { PageComparison } from '../template/compare-page.js';
import type { OffsetFinding } from '../template/edit.js';
import { servicePageComparison } from '../template/service-page-analysis.js';
import { joinTokens } from '../template/tokens.js';

export default defineRule(
  {
    id: "template-heading",
    description: "an H1 that is not the template's H1",
    docs: "The H1 binds `{{service}}` through the template's H1 pattern (`Security in {{service}}`); known variants such as `Amazon S3 Security` or `Security and compliance in Amazon DynamoDB` bind the name and are reported.",
    fixable: "rewrites the H1, keeping its `<a name>` anchor",
    crossFile: "none",
    defaultSeverity: "error",
    examples: [
      { title: "the shipped S3 page follows the template", base: "s3", findings: [] },
      { title: "a variant H1", base: "s3", replace: {"s3/security.md": ["# Security in Amazon S3", "# Amazon S3 Security"]}, findings: ["s3/security.md:1:3 H1 does not follow the template: expected `Security in Amazon S3`, found `Amazon S3 Security`"] },
    ],
  },
  judging(servicePageComparison, headingFindings),
);

/**
 * A missing H1, or one that is not the template's. Without an H1 (and a manifest entry) the page
 * has no names to compare with, so that is the page's one finding: the rest would be noise.
 */
function headingFindings({ template, heading, bindings, expected, headingFollowsTemplate, headingText }: PageComparison): OffsetFinding[] {
  if (!heading) {
    const text = bindings.service ? joinTokens(expected[0]!) : joinTokens(template.blocks[0]!.tokens);
    return [
      {
        rule: 'template-heading',
        start: 0,
        end: 0,
        message: `page has no H1: expected \`${text}\``,
        expected: text,
        ...(headingText === undefined ? {} : { fix: { edits: [{ start: 0, end: 0, text: `# ${headingText}\n\n` }] } }),
      },
    ];
  }
  if (headingFollowsTemplate) return [];
  const text = joinTokens(expected[0]!);
  const actual = joinTokens(heading.tokens);
  return [
    {
      rule: 'template-heading',
      start: heading.contentStart,
      end: heading.contentEnd,
      message: `H1 does not follow the template: expected \`${text}\`, found \`${actual}\``,
      expected: text,
      actual,
      ...(headingText === undefined ? {} : { fix: { edits: [{ start: heading.contentStart, end: heading.contentEnd, text: headingText }] } }),
    },
  ];
}
