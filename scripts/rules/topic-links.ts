/**
 * topic-links: every Topics entry links to a page in the service's own folder, that page exists,
 * and a `#fragment` names one of its headings or `<a name>` anchors.
 *
 * found: `+ [Resilience in Amazon S3](resilience.md)` with no `s3/resilience.md`
 *   -> topic link points to a missing page `resilience.md`
 */
import { topicRule } from './topics-page.js';

export default topicRule('topic-links');
