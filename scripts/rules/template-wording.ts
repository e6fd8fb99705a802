/**
 * template-wording: Inside each template block, the page reads word for word as the template with the page's names
 * filled in: `expected `you benefit`, found `you will benefit``. Escapes, emphasis markers and
 * line breaks do not count; words, punctuation and link targets do.
 */
import { templateRule } from './service-page.js';

export default templateRule('template-wording');
