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
import { shareOfAnalysis } from './report.js';

export default shareOfAnalysis('link-fragment-case', linkAnalysis);
