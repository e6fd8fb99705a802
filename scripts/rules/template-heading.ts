/**
 * template-heading: The H1 follows the template's H1 (`Security in {{service}}`): variants such as
 * `Amazon S3 Security` or `Security and compliance in Amazon DynamoDB` are reported with the fix.
 */
import { defineRule, judging } from '../rule-kit/define-rule.js';
import { templateLine, type PageComparison } from '../template/compare-page.js';
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
  judging(servicePageComparison, (comparison) => citingTheH1(comparison, headingFindings(comparison))),
);

/** Each finding cites the template's H1, the pattern it is judged by. */
function citingTheH1({ template }: PageComparison, findings: OffsetFinding[]): OffsetFinding[] {
  const cited = templateLine(template, template.blocks[0]!.start);
  return findings.map((finding) => ({ ...finding, template: cited }));
}

/**
 * A missing H1, a placeholder H1, one no name can be bound from, or one that is not the
 * template's. Without a bound name (from the H1 or the manifest) the page has nothing to be
 * compared with, so this is its one template finding, and no fix guesses a name.
 */
function headingFindings({ template, heading, bindings, expected, headingFollowsTemplate, headingIsPlaceholder, headingText }: PageComparison): OffsetFinding[] {
  const pattern = joinTokens(template.blocks[0]!.tokens);
  const pinHint = `write the service's name into it (\`${pattern.replace('{{service}}', '<service>')}\`), or pin the name in _template/services.json`;
  const rewrite = (start: number, end: number, text: string) => (headingText === undefined ? {} : { fix: { edits: [{ start, end, text }] } });
  if (!heading) {
    const text = bindings.service ? joinTokens(expected[0]!) : pattern;
    return [
      {
        rule: 'template-heading',
        start: 0,
        end: 0,
        message: `page has no H1: expected \`${text}\``,
        expected: text,
        ...rewrite(0, 0, `# ${headingText}\n\n`),
      },
    ];
  }
  const actual = joinTokens(heading.tokens);
  const at = { start: heading.contentStart, end: heading.contentEnd };
  if (headingIsPlaceholder) {
    const message = headingText === undefined ? `H1 is a placeholder: \`${actual}\`: ${pinHint}` : `H1 is a placeholder: expected \`${joinTokens(expected[0]!)}\`, found \`${actual}\``;
    return [{ rule: 'template-heading', ...at, message, actual, ...(headingText === undefined ? {} : { expected: joinTokens(expected[0]!) }), ...rewrite(at.start, at.end, headingText ?? '') }];
  }
  if (!bindings.service) {
    return [{ rule: 'template-heading', ...at, message: `cannot bind the service name from the H1 \`${actual}\`: ${pinHint}`, actual }];
  }
  if (headingFollowsTemplate) return [];
  const text = joinTokens(expected[0]!);
  return [
    {
      rule: 'template-heading',
      ...at,
      message: `H1 does not follow the template: expected \`${text}\`, found \`${actual}\``,
      expected: text,
      actual,
      ...rewrite(at.start, at.end, headingText ?? ''),
    },
  ];
}
