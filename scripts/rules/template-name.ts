/**
 * template-name: Every use of the service's names agrees with the binding (the H1 for `{{service}}`, most
 * uses for `{{short}}`) and with the services manifest when it pins them: a `WorkSpaces` left in
 * another service's page is reported.
 */
import { templateRule } from './service-page.js';

export default templateRule('template-name');
