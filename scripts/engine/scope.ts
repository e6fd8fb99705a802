/**
 * Which pages a scoped run reports on: the pages asked for, plus the pages whose findings those
 * pages can change, as the rules declare it (`crossFile` in each rule's metadata), so a pre-commit
 * or pull-request check misses nothing and a new cross-file rule needs no change here.
 */
import { basename, dirname, join, relative, sep } from 'node:path';
import { pagesInFolder, type CorpusIndex } from '../corpus/corpus-index.js';
import { isMarkdownFile } from '../corpus/docs-files.js';
import { pagesLinkingTo } from '../corpus/links-to.js';
import { pageRole, servicePageName } from '../config/layout.js';
import type { CrossFile } from '../rule-kit/define-rule.js';
import { TEMPLATE_DIR } from '../template/template.js';

/**
 * Expands changed files (any kind, absolute paths; a deleted page is a changed path the index no
 * longer holds) to the pages to check; `crossFile`: what the rules declare a change can affect.
 */
export function pagesToCheck(changed: readonly string[], index: CorpusIndex, crossFile: ReadonlySet<CrossFile>): Set<string> {
  // The template, catalog, manifest or word list changed: every page may read differently now.
  const templateChanged = changed.some((path) => relative(index.root, path).split(sep)[0] === TEMPLATE_DIR);
  if (templateChanged || crossFile.has('all')) return new Set(index.pages.keys());
  const pages = new Set<string>(changed.filter((path) => index.pages.has(path)));
  if (crossFile.has('folder')) for (const page of folderReach(changed, index)) pages.add(page);
  // Pages that link to a changed page: a renamed heading, a renamed or deleted file breaks their links.
  if (crossFile.has('linking-pages')) for (const path of changed) for (const from of pagesLinkingTo(index, path)) pages.add(from);
  return pages;
}

/**
 * A changed or deleted page's service page (its Topics list names the page, or lacks it now); a
 * changed or deleted service page's whole folder (orphans, titles).
 */
function folderReach(changed: readonly string[], index: CorpusIndex): Set<string> {
  const pages = new Set<string>();
  const servicePageFile = servicePageName(index.root);
  for (const path of changed) {
    if (!isMarkdownFile(path)) continue;
    const servicePage = join(dirname(path), servicePageFile);
    if (index.pages.has(servicePage)) pages.add(servicePage); // its Topics list names this page
    // a deleted service page has no role left to ask about: its name says what it was
    if (index.pages.has(path) ? pageRole(index.root, path) === 'service' : basename(path) === servicePageFile) {
      for (const page of pagesInFolder(index, dirname(path))) pages.add(page);
    }
  }
  return pages;
}
