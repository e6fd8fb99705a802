/**
 * The shared model behind the topic rules: a service page's Topics list resolved once per parse
 * against the catalog and the corpus index; each topic rule judges it.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { corpusIndexFor } from '../corpus/corpus-index.js';
import { loadCatalog, topicsForService } from './catalog.js';
import { loadManifest } from '../template/manifest.js';
import { pageStyleOf } from '../template/markup.js';
import { blocksOf } from '../template/blocks.js';
import { resolveTopics, type ResolvedTopics, type TopicSummary } from './resolve-topics.js';
import { topicsListOf } from './topics-list.js';
import { docsPageOf } from '../config/layout.js';
import { oncePerTree } from '../rule-kit/define-rule.js';
import { servicePageComparison } from '../template/service-page-analysis.js';

/** The service page's Topics list, resolved (once per tree), or null for other pages and without a catalog. */
export const resolvedTopicsOf = oncePerTree((tree: Root, file: VFile): ResolvedTopics | null => {
  const page = docsPageOf(file);
  const catalog = page?.isServicePage ? loadCatalog(page.docsRoot) : undefined;
  if (!page || !catalog) return null;
  const source = String(file);
  const pinned = loadManifest(page.docsRoot)[page.service!];
  const comparison = servicePageComparison(tree, file);
  const bound = comparison?.bindings;
  const service = bound?.service || pinned?.service || page.service!;
  const names = { service, short: bound?.short || pinned?.short || service };
  const label = blocksOf(tree, source).find((b) => b.kind === 'topicsLabel');
  const resolved = resolveTopics({
    source,
    style: pageStyleOf(source),
    pagePath: page.path,
    docsRoot: page.docsRoot,
    names,
    namesBound: Boolean(bound?.service || pinned?.service),
    topics: topicsForService(catalog, pinned),
    list: topicsListOf(tree, source),
    listAt: label?.start ?? 0,
    index: corpusIndexFor(page.docsRoot),
  });
  file.data.topicSummary = resolved.summary;
  return resolved;
});


declare module 'vfile' {
  interface DataMap {
    /** This service's row of the services x topics matrix, for the sync report. */
    topicSummary: TopicSummary;
  }
}
