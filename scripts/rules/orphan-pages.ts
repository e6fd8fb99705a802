/**
 * orphan-pages: every page in a service folder is linked from some page (normally the service's
 * Topics list); a page nothing links to is reported on its first line.
 *
 * found: `s3/old-encryption.md`, linked from nowhere
 *   -> page is not linked from any page: add it to the Topics list of `security.md` or remove it
 */
import { dirname, join } from 'node:path';
import { corpusIndexFor } from '../corpus/corpus-index.js';
import { SERVICE_PAGE } from '../template/template.js';
import { incomingLinks } from '../topics/incoming-links.js';
import { docsPageOf } from './docs-page.js';
import { docsRule } from './report.js';

export default docsRule('orphan-pages', (_tree, file) => {
  const page = docsPageOf(file);
  if (!page?.service || page.isServicePage) return [];
  const index = corpusIndexFor(page.docsRoot);
  // Only service folders (with a security page) have a Topics list every page should be on.
  if (!index.pages.has(join(dirname(page.path), SERVICE_PAGE))) return [];
  if (incomingLinks(index).has(page.path)) return [];
  return [
    {
      rule: 'orphan-pages',
      start: 0,
      end: 0,
      message: 'page is not linked from any page: add it to the Topics list of `security.md` or remove it',
    },
  ];
});
