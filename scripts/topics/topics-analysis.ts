/**
 * The shared analysis behind the topic rules: a service page's Topics list checked once per parse
 * against the catalog and the corpus index; each topic rule reports its share.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { corpusIndexFor } from '../corpus/corpus-index.js';
import { loadCatalog, topicsForService } from './catalog.js';
import { loadManifest } from '../template/manifest.js';
import { pageStyleOf } from '../template/markup.js';
import { blocksOf } from '../template/blocks.js';
import { analyseTopics, type TopicFinding, type TopicRuleId, type TopicSummary } from './analyse-topics.js';
import { topicsListOf } from './topics-list.js';
import { docsPageOf } from '../config/layout.js';
import { oncePerTree, shareOf } from '../rule-kit/define-rule.js';
import { servicePageAnalysis } from '../template/service-page-analysis.js';

/** The Topics-list analysis of a service page (once per tree), or null for other pages. */
export const topicsAnalysis = oncePerTree((tree: Root, file: VFile): { findings: TopicFinding[]; summary: TopicSummary } | null => {
  let result = null;
  const page = docsPageOf(file);
  const catalog = page?.isServicePage ? loadCatalog(page.docsRoot) : undefined;
  if (page && catalog) {
    const source = String(file);
    const pinned = loadManifest(page.docsRoot)[page.service!];
    const bound = servicePageAnalysis(tree, file)?.bindings;
    const service = bound?.service || pinned?.service || page.service!;
    const names = { service, short: bound?.short || pinned?.short || service };
    const label = blocksOf(tree, source).find((b) => b.kind === 'topicsLabel');
    result = analyseTopics({
      source,
      style: pageStyleOf(source),
      pagePath: page.path,
      docsRoot: page.docsRoot,
      names,
      topics: topicsForService(catalog, pinned),
      list: topicsListOf(tree, source),
      listAt: label?.start ?? 0,
      index: corpusIndexFor(page.docsRoot),
    });
    file.data.topicSummary = result.summary;
  }
  return result;
});

/** One topic rule's findings (the topic rules share one analysis per service page). */
export function topicFindings(rule: TopicRuleId) {
  return shareOf(rule, topicsAnalysis);
}

declare module 'vfile' {
  interface DataMap {
    /** This service's row of the services x topics matrix, for the sync report. */
    topicSummary: TopicSummary;
  }
}
