/**
 * topic-catalog: every Topics entry is a catalog topic (or one the services manifest declares for
 * this service), required topics are present, none is listed twice, and they follow catalog order.
 * A missing topic whose page already exists unlinked in the folder is linked back in by `fix`.
 *
 * found: a Kinesis Data Streams list without a logging topic
 *   -> missing required topic `Logging and monitoring in Amazon Kinesis Data Streams` (logging-and-monitoring)
 */
import { defineRule } from '../rule-kit/define-rule.js';
import { topicFindings } from '../topics/topics-analysis.js';

export default defineRule(
  {
    id: "topic-catalog",
    description: "a Topics entry the catalog does not know, a topic listed twice or out of order, a required topic missing",
    docs: "The Topics list holds the catalog's topics (plus the service's own from the manifest), each once, in catalog order, with every required topic.",
    fixable: "removes a duplicate of the same page, moves a misplaced entry, links a missing topic whose page is in the folder",
    crossFile: "folder",
    defaultSeverity: "error",
    examples: [
      { title: "two entries swapped", base: "s3", replace: {"s3/security.md": ["+ [Resilience in Amazon S3](disaster-recovery-resiliency.md)\n+ [Infrastructure security in Amazon S3](network-isolation.md)", "+ [Infrastructure security in Amazon S3](network-isolation.md)\n+ [Resilience in Amazon S3](disaster-recovery-resiliency.md)"]}, findings: ["s3/security.md:17:4 topic out of catalog order: `Resilience in Amazon S3` belongs before `Infrastructure security in Amazon S3`"] },
    ],
  },
  topicFindings('topic-catalog'),
);
