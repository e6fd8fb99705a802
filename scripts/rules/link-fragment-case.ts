/**
 * link-fragment-case (a warning): a `#fragment` that reaches its anchor only because GitHub
 * lowercases a link's fragment before it looks; browsers and most documentation sites match it
 * exactly. Heading slugs are lowercase, so `#Setup` works on GitHub only. A fragment that matches
 * an anchor exactly is fine; one that reaches nothing either way is an internal-links error.
 *
 * found: `[setup](#Setup)` where the page has the heading `## Setup` (slug `setup`)
 *   -> link fragment differs in case: expected `#setup`, found `#Setup` (GitHub ignores the case, other sites do not)
 */
import { linkAnalysis } from './internal-links.js';
import { defineRule, shareOf } from '../rule-kit/define-rule.js';

export default defineRule(
  {
    id: "link-fragment-case",
    description: "a `#fragment` that reaches its anchor only because GitHub lowercases fragments",
    docs: "Browsers and most documentation sites match a fragment exactly; heading slugs are lowercase, so `#Setup` works on GitHub only.",
    fixable: false,
    crossFile: "linking-pages",
    defaultSeverity: "warn",
    examples: [
      { title: "a heading linked in title case", pages: {"guide/page.md": "# Page\n\nSee [the setup](#Setup).\n\n## Setup\n\nText.\n"}, findings: ["guide/page.md:3:5 link fragment differs in case: expected `#setup`, found `#Setup` (GitHub ignores the case, other sites do not)"] },
    ],
  },
  shareOf('link-fragment-case', linkAnalysis),
);
