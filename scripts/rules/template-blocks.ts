/**
 * template-blocks: Every template block is on the page, in the template's order, and the page has no block the
 * template lacks outside the free region (service notes). Missing blocks are inserted and
 * misplaced ones moved by `fix`.
 */
import { defineRule } from '../rule-kit/define-rule.js';
import { templateFindings } from '../template/service-page-analysis.js';

export default defineRule(
  {
    id: "template-blocks",
    description: "a template paragraph or list item missing, out of order, or a block the template lacks outside the free region",
    docs: "Blocks are aligned with the template's blocks in order; the free region (service notes) may hold anything.",
    fixable: "inserts missing blocks and moves misplaced ones; extra blocks are left to the writer",
    crossFile: "none",
    defaultSeverity: "error",
    examples: [
      { title: "the shipped S3 page has every block", base: "s3", findings: [] },
      { title: "a template paragraph removed", base: "s3", replace: {"s3/security.md": ["Cloud security at AWS is the highest priority\\. As an AWS customer, you benefit from a data center and network architecture that is built to meet the requirements of the most security\\-sensitive organizations\\.\n\n", ""]}, findings: ["s3/security.md:1:47 missing paragraph from the template: `Cloud security at AWS is the highest priority …`"] },
    ],
  },
  templateFindings('template-blocks'),
);
