/**
 * template-heading: The H1 follows the template's H1 (`Security in {{service}}`): variants such as
 * `Amazon S3 Security` or `Security and compliance in Amazon DynamoDB` are reported with the fix.
 */
import { templateRule } from './service-page.js';

export default templateRule('template-heading');
