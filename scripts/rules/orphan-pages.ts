/**
 * orphan-pages: every page in a service folder is linked from some page (normally the service's
 * Topics list); a page nothing links to is reported on its first line.
 *
 * found: `s3/old-encryption.md`, linked from nowhere
 *   -> page is not linked from any page: add it to the Topics list of `security.md` or remove it
 * found: a folder `sqs/` with pages but no `security.md`
 *   -> folder `sqs/` has no security.md: every service in the services manifest needs its security page
 */
import { dirname, join } from 'node:path';
import { corpusIndexFor, pagesInFolder } from '../corpus/corpus-index.js';
import { isLinkedFromElsewhere } from '../corpus/links-to.js';
import { loadManifest } from '../template/manifest.js';
import { docsPageOf, servicePageName } from '../config/layout.js';
import { defineRule } from '../rule-kit/define-rule.js';

export default defineRule(
  {
    id: "orphan-pages",
    description: "a page in a service folder that nothing links to",
    docs: "Every topic page is reached from some page, normally its service's Topics list; a folder the services manifest names but without its security page is told so once.",
    fixable: false,
    crossFile: "folder",
    defaultSeverity: "error",
    examples: [
      { title: "a page off the Topics list", base: "s3", pages: {"s3/old-notes.md": "# Old notes\n\nText.\n"}, findings: ["s3/old-notes.md:1:1 page is not linked from any page: add it to the Topics list of `security.md` or remove it"] },
    ],
  },
  (_tree, file) => {
  const page = docsPageOf(file);
  if (!page?.service || page.isServicePage) return [];
  const index = corpusIndexFor(page.docsRoot);
  // Only service folders (with a security page) have a Topics list every page should be on; a
  // folder the services manifest names but without its page is told so once, on its first page.
  const servicePage = servicePageName(page.docsRoot);
  if (!index.pages.has(join(dirname(page.path), servicePage))) {
    if (pagesInFolder(index, dirname(page.path))[0] !== page.path || !loadManifest(page.docsRoot)[page.service]) return [];
    return [
      {
        rule: 'orphan-pages',
        start: 0,
        end: 0,
        message: `folder \`${page.service}/\` has no ${servicePage}: every service in the services manifest needs its security page`,
      },
    ];
  }
  if (isLinkedFromElsewhere(index, page.path)) return [];
  return [
    {
      rule: 'orphan-pages',
      start: 0,
      end: 0,
      message: `page is not linked from any page: add it to the Topics list of \`${servicePage}\` or remove it`,
    },
  ];
});
