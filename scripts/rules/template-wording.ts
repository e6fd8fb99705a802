/**
 * template-wording: Inside each template block, the page reads word for word as the template with the page's names
 * filled in: `expected `you benefit`, found `you will benefit``. Escapes, emphasis markers and
 * line breaks do not count; words, punctuation and link targets do.
 */
import { defineRule } from '../rule-kit/define-rule.js';
import { templateFindings } from '../template/service-page-analysis.js';

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
  templateFindings('template-wording'),
);
