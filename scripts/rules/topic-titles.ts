/**
 * topic-titles: each Topics entry reads the catalog's canonical title with the service's name
 * (casing included), and the link text equals the H1 of the page it links to. The fix renames the
 * link text and the target page's H1 together, and links to the H1's old slug elsewhere.
 *
 * found: `[Data Protection in Amazon Kinesis Data Streams](...)`
 *   -> topic title differs from the catalog: expected `Data protection in Amazon Kinesis Data Streams`
 */
import { defineRule } from '../rule-kit/define-rule.js';
import { topicFindings } from '../topics/topics-analysis.js';

export default defineRule(
  {
    id: "topic-titles",
    description: "a Topics title that is not the catalog's canonical title, or link text that differs from the target page's H1",
    docs: "Titles are compared with the catalog's canonical title (casing included) with the service's names filled in.",
    fixable: "renames the link text and the target page's H1, and links elsewhere that use the old H1",
    crossFile: "folder",
    defaultSeverity: "error",
    examples: [
      { title: "a title in other casing", base: "s3", replace: {"s3/security.md": ["[Data protection in Amazon S3]", "[Data Protection in Amazon S3]"]}, findings: ["s3/security.md:12:4 topic title differs from the catalog: expected `Data protection in Amazon S3`, found `Data Protection in Amazon S3`", "s3/security.md:12:4 link text differs from the title of `DataDurability.md`: the page's H1 is `Data protection in Amazon S3`, the link says `Data Protection in Amazon S3`"] },
    ],
  },
  topicFindings('topic-titles'),
);
