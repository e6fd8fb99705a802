/**
 * template-blocks: Every template block is on the page, in the template's order, and the page has no block the
 * template lacks outside the free region (service notes). Missing blocks are inserted and
 * misplaced ones moved by `fix`.
 */
import { templateRule } from './service-page.js';

export default templateRule('template-blocks');
