/**
 * orphan-pages: every page in a service folder is linked from some page (normally the service's
 * Topics list); a page nothing links to is reported on its first line.
 *
 * found: `s3/old-encryption.md`, linked from nowhere
 *   -> page is not linked from any page: add it to the Topics list of `security.md` or remove it
 */
import { corpusIndexFor } from '../corpus/corpus-index.js';
import { incomingLinks } from '../topics/incoming-links.js';
import { docsPageOf } from './docs-page.js';
import { docsRule } from './report.js';

export default docsRule('orphan-pages', (_tree, file) => {
  const page = docsPageOf(file);
  if (!page?.service || page.isServicePage) return [];
  if (incomingLinks(corpusIndexFor(page.docsRoot)).has(page.path)) return [];
  return [
    {
      rule: 'orphan-pages',
      start: 0,
      end: 0,
      message: 'page is not linked from any page: add it to the Topics list of `security.md` or remove it',
    },
  ];
});
