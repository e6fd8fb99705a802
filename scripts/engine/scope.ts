/**
 * Which pages a scoped run reports on: the pages asked for, plus the pages whose findings those
 * pages can change, as the rules declare it (`crossFile` in each rule's metadata), so a pre-commit
 * or pull-request check misses nothing and a new cross-file rule needs no change here.
 */
import { dirname, join, relative, sep } from 'node:path';
import { pagesInFolder, type CorpusIndex } from '../corpus/corpus-index.js';
import { pagesLinkingTo } from '../corpus/links-to.js';
import { pageRole, servicePageName } from '../config/layout.js';
import type { CrossFile } from '../rule-kit/define-rule.js';
import { TEMPLATE_DIR } from '../template/template.js';

/** Expands changed files (any kind, absolute paths) to the pages to check; `crossFile`: what the rules declare a change can affect. */
export function pagesToCheck(changed: readonly string[], index: CorpusIndex, crossFile: ReadonlySet<CrossFile>): Set<string> {
  // The template, catalog, manifest or word list changed: every page may read differently now.
  const templateChanged = changed.some((path) => relative(index.root, path).split(sep)[0] === TEMPLATE_DIR);
  if (templateChanged || crossFile.has('all')) return new Set(index.pages.keys());
  const pages = new Set<string>(changed.filter((path) => index.pages.has(path)));
  if (crossFile.has('folder')) for (const page of folderReach(changed, index)) pages.add(page);
  // Pages that link to a changed page: a renamed heading or file breaks their links.
  if (crossFile.has('linking-pages')) for (const path of changed) for (const from of pagesLinkingTo(index, path)) pages.add(from);
  return pages;
}

/** A changed page's service page (its Topics list names the page); a changed service page's whole folder (orphans, titles). */
function folderReach(changed: readonly string[], index: CorpusIndex): Set<string> {
  const pages = new Set<string>();
  const servicePageFile = servicePageName(index.root);
  for (const path of changed) {
    if (!index.pages.has(path)) continue;
    const servicePage = join(dirname(path), servicePageFile);
    if (index.pages.has(servicePage)) pages.add(servicePage); // its Topics list names this page
    if (pageRole(index.root, path) === 'service') {
      for (const page of pagesInFolder(index, dirname(path))) pages.add(page);
    }
  }
  return pages;
}
