/**
 * Which pages a scoped run reports on: the pages asked for, plus the pages whose findings those
 * pages can change (cross-file rules), so a pre-commit or pull-request check misses nothing.
 */
import { basename, dirname, join, relative, sep } from 'node:path';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import { resolveLink } from '../corpus/resolve-link.js';
import { SERVICE_PAGE, TEMPLATE_DIR } from '../template/template.js';

/** Expands changed files (any kind, absolute paths) to the pages to check. */
export function pagesToCheck(changed: readonly string[], index: CorpusIndex): Set<string> {
  const all = [...index.pages.keys()];
  // The template, catalog, manifest or word list changed: every page may read differently now.
  if (changed.some((path) => relative(index.root, path).split(sep)[0] === TEMPLATE_DIR)) return new Set(all);
  const pages = new Set<string>();
  for (const path of changed) {
    if (!index.pages.has(path)) continue;
    pages.add(path);
    const servicePage = join(dirname(path), SERVICE_PAGE);
    if (index.pages.has(servicePage)) pages.add(servicePage); // its Topics list names this page
    if (basename(path) === SERVICE_PAGE) {
      for (const page of all) if (dirname(page) === dirname(path)) pages.add(page); // orphans, titles
    }
  }
  // Pages that link to a changed page: a renamed heading or file breaks their links. Only links
  // that name a changed file are resolved (cheap to rule out by file name first).
  const names = new Set(changed.map((path) => basename(path)));
  const mayPointAtChange = (url: string): boolean => {
    const path = url.split('#')[0]!.split('?')[0]!;
    if (path === '') return true; // a link within its own page
    let name = path.slice(path.lastIndexOf('/') + 1);
    try {
      name = decodeURIComponent(name);
    } catch {
      // keep the raw name
    }
    return names.has(name);
  };
  for (const page of index.pages.values()) {
    if (pages.has(page.path)) continue;
    for (const link of page.links) {
      if (!mayPointAtChange(link.url)) continue;
      const target = resolveLink(link.url, page.path, index.root);
      if (target.kind === 'local' && changed.includes(target.path)) {
        pages.add(page.path);
        break;
      }
    }
  }
  return pages;
}
