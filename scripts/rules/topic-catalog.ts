/**
 * topic-catalog: every Topics entry is a catalog topic (or one the services manifest declares for
 * this service), required topics are present, none is listed twice, and they follow catalog order.
 * A missing topic whose page already exists unlinked in the folder is linked back in by `fix`.
 *
 * found: a Kinesis Data Streams list without a logging topic
 *   -> missing required topic `Logging and monitoring in Amazon Kinesis Data Streams` (logging-and-monitoring)
 */
import { topicRule } from './topics-page.js';

export default topicRule('topic-catalog');
