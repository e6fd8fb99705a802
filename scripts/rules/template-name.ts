/**
 * template-name: Every use of the service's names agrees with the binding (the H1 for `{{service}}`, most
 * uses for `{{short}}`) and with the services manifest when it pins them: a `WorkSpaces` left in
 * another service's page is reported.
 */
import { defineRule } from '../rule-kit/define-rule.js';
import { templateFindings } from '../template/service-page-analysis.js';

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
  templateFindings('template-name'),
);
