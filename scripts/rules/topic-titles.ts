/**
 * topic-titles: each Topics entry reads the catalog's canonical title with the service's name
 * (casing included), and the link text equals the H1 of the page it links to. The fix renames the
 * link text and the target page's H1 together, and links to the H1's old slug elsewhere.
 *
 * found: `[Data Protection in Amazon Kinesis Data Streams](...)`
 *   -> topic title differs from the catalog: expected `Data protection in Amazon Kinesis Data Streams`
 */
import { topicRule } from './topics-page.js';

export default topicRule('topic-titles');
