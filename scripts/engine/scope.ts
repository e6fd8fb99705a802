/**
 * Which pages a scoped run reports on: the pages asked for, plus the pages whose findings those
 * pages can change (cross-file rules), so a pre-commit or pull-request check misses nothing.
 */
import { dirname, join, relative, sep } from 'node:path';
import { pagesInFolder, type CorpusIndex } from '../corpus/corpus-index.js';
import { pagesLinkingTo } from '../corpus/links-to.js';
import { pageRole, servicePageName } from '../rules/docs-page.js';
import { TEMPLATE_DIR } from '../template/template.js';

/** Expands changed files (any kind, absolute paths) to the pages to check. */
export function pagesToCheck(changed: readonly string[], index: CorpusIndex): Set<string> {
  // The template, catalog, manifest or word list changed: every page may read differently now.
  if (changed.some((path) => relative(index.root, path).split(sep)[0] === TEMPLATE_DIR)) return new Set(index.pages.keys());
  const pages = new Set<string>();
  const servicePageFile = servicePageName(index.root);
  for (const path of changed) {
    if (!index.pages.has(path)) continue;
    pages.add(path);
    const servicePage = join(dirname(path), servicePageFile);
    if (index.pages.has(servicePage)) pages.add(servicePage); // its Topics list names this page
    if (pageRole(index.root, path) === 'service') {
      for (const page of pagesInFolder(index, dirname(path))) pages.add(page); // orphans, titles
    }
  }
  // Pages that link to a changed page: a renamed heading or file breaks their links.
  for (const path of changed) for (const from of pagesLinkingTo(index, path)) pages.add(from);
  return pages;
}
