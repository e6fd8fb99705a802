/** Which pages of the corpus some other page links to (computed once per index). */
import type { CorpusIndex } from '../corpus/corpus-index.js';
import { resolveLink } from '../corpus/resolve-link.js';

const cache = new WeakMap<CorpusIndex, Map<string, number>>();

/** Page path -> number of links to it from other pages. */
export function incomingLinks(index: CorpusIndex): Map<string, number> {
  const cached = cache.get(index);
  if (cached) return cached;
  const counts = new Map<string, number>();
  for (const page of index.pages.values()) {
    for (const link of page.links) {
      const target = resolveLink(link.url, page.path, index.root);
      if (target.kind !== 'local' || target.path === page.path) continue;
      counts.set(target.path, (counts.get(target.path) ?? 0) + 1);
    }
  }
  cache.set(index, counts);
  return counts;
}
