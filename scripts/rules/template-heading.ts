/**
 * template-heading: The H1 follows the template's H1 (`Security in {{service}}`): variants such as
 * `Amazon S3 Security` or `Security and compliance in Amazon DynamoDB` are reported with the fix.
 */
import { defineRule } from '../rule-kit/define-rule.js';
import { templateFindings } from '../template/service-page-analysis.js';

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
  templateFindings('template-heading'),
);
