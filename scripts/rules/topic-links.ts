/**
 * topic-links: every Topics entry links to a page in the service's own folder, that page exists,
 * and a `#fragment` names one of its headings or `<a name>` anchors.
 *
 * found: `+ [Resilience in Amazon S3](resilience.md)` with no `s3/resilience.md`
 *   -> topic link points to a missing page `resilience.md`
 */
import { defineRule, judging } from '../rule-kit/define-rule.js';
import type { OffsetFinding } from '../template/edit.js';
import { resolvedTopicsOf } from '../topics/topics-analysis.js';

export default defineRule(
  {
    id: "topic-links",
    description: "a Topics entry that is not a link, leaves the service folder, or points to a missing page or `#fragment`",
    docs: "Every entry of a service page's Topics list links to a page in the service's own folder, and a fragment names one of its headings or `<a name>` anchors.",
    fixable: false,
    crossFile: "folder",
    defaultSeverity: "error",
    examples: [
      { title: "a Topics link to a missing page", base: "s3", remove: ["s3/network-isolation.md"], findings: ["s3/security.md:17:3 topic link points to a missing page `network-isolation.md`"] },
    ],
  },
  judging(resolvedTopicsOf, ({ entries }) =>
    entries.flatMap(({ entry, linkProblem }): OffsetFinding[] =>
      linkProblem ? [{ rule: 'topic-links', start: entry.linkStart, end: entry.linkEnd, message: linkProblem }] : [],
    ),
  ),
);
