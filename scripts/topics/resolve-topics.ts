/**
 * Resolves a service page's Topics list against its folder, its target pages and the topic
 * catalog: which page each entry links to (or why it does not), which catalog topic it is, which
 * entries repeat a topic, and which topics the list lacks. The topic rules judge this model; each
 * builds its own findings and fixes from it.
 */
import { basename, dirname, relative } from 'node:path';
import { caseVariantOf, headingAt, pagesInFolder, type CorpusIndex, type IndexedHeading, type IndexedPage } from '../corpus/corpus-index.js';
import { resolveLink } from '../corpus/resolve-link.js';
import { fillTitle, recogniseTopic, type Topic } from './catalog.js';
import { retitleEvidence, type RetitleEvidence } from './title-closeness.js';
import type { Bindings, PageStyle } from '../template/markup.js';
import type { TopicEntry, TopicsList } from './topics-list.js';

/** One service's row of the services x topics matrix. */
export interface TopicSummary {
  folder: string;
  service: string;
  /** Topic id -> the title the list uses and whether it is the canonical one (a null-prototype table: ids are the team's text). */
  present: Record<string, { title: string; canonical: boolean }>;
  missing: string[];
  unknown: string[];
}

export interface TopicContext {
  source: string;
  style: PageStyle;
  pagePath: string;
  docsRoot: string;
  names: Bindings;
  /**
   * False when the page gives no service name (a placeholder H1, and none pinned): `names` are
   * then the folder's, and no title can be judged by them.
   */
  namesBound: boolean;
  topics: readonly Topic[];
  list: TopicsList | undefined;
  /** Where a missing list is reported (the Topics label, or the page start). */
  listAt: number;
  index: CorpusIndex;
}

/** One entry of the list, resolved. */
export interface ResolvedEntry {
  entry: TopicEntry;
  /** The catalog topic its title (or its target's H1) names. */
  topic?: Topic;
  /** The page it links to, when that page is in the service folder. */
  target?: IndexedPage;
  /** The heading the link lands on: the target's H1, or the heading at its `#fragment`. */
  heading?: IndexedHeading;
  /** Why it was taken for its topic under a drifted title (not the catalog's title, an alias or its page's H1). */
  retitled?: RetitleEvidence;
  /** Why the link does not resolve (a missing fragment still has its target). */
  linkProblem?: string;
  /** The earlier entry of the same topic, when this one repeats it. */
  repeats?: ResolvedEntry;
}

/** A topic the list lacks that is worth a finding: a required one, or one whose page is in the folder. */
export interface MissingTopic {
  topic: Topic;
  /** Its place in the catalog. */
  rank: number;
  /** Its page, already in the folder but not linked from the list. */
  page?: IndexedPage;
}

export interface ResolvedTopics {
  ctx: TopicContext;
  entries: ResolvedEntry[];
  /** The first entry of each catalog topic, in list order. */
  present: ResolvedEntry[];
  missing: MissingTopic[];
  summary: TopicSummary;
}

/** The Topics list of a service page, resolved, with this service's row of the matrix. */
export function resolveTopics(ctx: TopicContext): ResolvedTopics {
  const folder = dirname(ctx.pagePath);
  const entries: ResolvedEntry[] = (ctx.list?.entries ?? []).map((entry) => {
    const link = resolveEntryLink(entry, ctx, folder);
    const topic = recogniseTopic(entry.title, ctx.topics) ?? (link.heading ? recogniseTopic(link.heading.text, ctx.topics) : undefined);
    return { entry, ...(topic ? { topic } : {}), ...link };
  });
  recogniseRetitled(entries, ctx);
  const firstOf = new Map<string, ResolvedEntry>();
  for (const item of entries) {
    if (!item.topic) continue;
    const first = firstOf.get(item.topic.id);
    if (first) item.repeats = first;
    else firstOf.set(item.topic.id, item);
  }
  const present = [...firstOf.values()];
  const missing = missingTopics(present, ctx, folder);
  const summary: TopicSummary = {
    folder: basename(folder),
    service: ctx.names.service,
    present: Object.create(null) as TopicSummary['present'],
    missing: missing.filter((m) => m.topic.required).map((m) => m.topic.id),
    unknown: entries.filter((item) => !item.topic).map((item) => item.entry.title),
  };
  for (const { entry, topic } of present) summary.present[topic!.id] = { title: entry.title, canonical: entry.title === fillTitle(topic!.title, ctx.names) };
  return { ctx, entries, present, missing, summary };
}

/**
 * Entries the catalog does not recognise that stand for a topic the list lacks, under a drifted
 * title: one rename rather than an unknown topic plus a missing one. Each such entry takes the
 * absent topic it has the most evidence for (see title-closeness.ts); an entry with as much for two
 * topics takes neither, and a topic goes to the entry with the most evidence (the first on a tie).
 */
function recogniseRetitled(entries: ResolvedEntry[], ctx: TopicContext): void {
  const taken = new Set(entries.flatMap((item) => (item.topic ? [item.topic.id] : [])));
  const absent = ctx.topics.filter((topic) => !taken.has(topic.id));
  const names = [ctx.names.service, ctx.names.short];
  const claims: { item: ResolvedEntry; topic: Topic; evidence: RetitleEvidence }[] = [];
  for (const item of entries) {
    if (item.topic) continue;
    const titles = [item.entry.title, ...(item.heading && item.heading.text !== item.entry.title ? [item.heading.text] : [])];
    const scored = absent
      .map((topic) => ({ topic, evidence: strongest(titles.map((title) => retitleEvidence(title, item.target?.path, topic, names))) }))
      .filter((c) => c.evidence.strength > 0)
      .sort((a, b) => b.evidence.strength - a.evidence.strength);
    const [best, second] = scored;
    if (best && (!second || second.evidence.strength < best.evidence.strength)) claims.push({ item, ...best });
  }
  claims.sort((a, b) => b.evidence.strength - a.evidence.strength); // stable: list order on a tie
  for (const { item, topic, evidence } of claims) {
    if (taken.has(topic.id)) continue;
    taken.add(topic.id);
    item.topic = topic;
    item.retitled = evidence;
  }
}

function strongest(evidence: readonly RetitleEvidence[]): RetitleEvidence {
  return evidence.reduce((best, e) => (e.strength > best.strength ? e : best));
}

/** A topic's title for messages: with the service's names, or `<service>` where the page gives none. */
export function titleFor(topic: Topic, ctx: TopicContext): string {
  return fillTitle(topic.title, ctx.namesBound ? ctx.names : { service: '<service>', short: '<service>' });
}

/** The page a Topics entry links to inside the service folder (and the heading it lands on), or why it does not. */
function resolveEntryLink(entry: TopicEntry, ctx: TopicContext, folder: string): { target?: IndexedPage; heading?: IndexedHeading; linkProblem?: string } {
  if (entry.url === undefined) return { linkProblem: `Topics entry is not a link: \`${entry.title}\`` };
  const target = resolveLink(entry.url, ctx.pagePath, ctx.docsRoot);
  if (target.kind === 'outside') return { linkProblem: `topic link leaves the docs tree: \`${entry.url}\`` };
  if (target.kind !== 'local') return { linkProblem: `topic link must point to a page in the service folder, found \`${entry.url}\`` };
  if (dirname(target.path) !== folder) {
    return { linkProblem: `topic link points to another folder's page \`${relative(ctx.docsRoot, target.path)}\`: topics link to pages in \`${basename(folder)}/\`` };
  }
  const page = ctx.index.pages.get(target.path);
  if (!page) {
    const variant = caseVariantOf(ctx.index, target.path);
    if (variant) return { linkProblem: `topic link points to \`${relative(folder, target.path)}\`, but the file is \`${relative(folder, variant)}\`: names differ only by case` };
    return { linkProblem: `topic link points to a missing page \`${relative(folder, target.path)}\`` };
  }
  if (target.fragment !== undefined && !page.fragments.has(target.fragment)) {
    return { target: page, linkProblem: `topic link points to a missing anchor \`#${target.fragment}\` in \`${relative(folder, target.path)}\`` };
  }
  // A `#fragment` lands on its own heading (a section of the page, or of the service page itself).
  const heading = target.fragment === undefined ? page.h1 : headingAt(page, target.fragment);
  // The service page's own H1 is no topic's title: never compared with, never renamed.
  const ownH1 = page.path === ctx.pagePath && heading?.depth === 1;
  return { target: page, ...(heading && !ownH1 ? { heading } : {}) };
}

/**
 * Topics the list lacks: one whose page is already in the folder (any topic, so a dropped optional
 * entry is caught too), and a required one without a page.
 */
function missingTopics(present: readonly ResolvedEntry[], ctx: TopicContext, folder: string): MissingTopic[] {
  const have = new Set(present.map((item) => item.topic!.id));
  const listed = new Set(present.flatMap((item) => (item.target ? [item.target.path] : [])));
  const missing: MissingTopic[] = [];
  for (const [rank, topic] of ctx.topics.entries()) {
    if (have.has(topic.id)) continue;
    const page = pagesInFolder(ctx.index, folder)
      .map((path) => ctx.index.pages.get(path)!)
      .find((p) => p.path !== ctx.pagePath && !listed.has(p.path) && p.h1 && recogniseTopic(p.h1.text, [topic]));
    if (page || topic.required) missing.push({ topic, rank, ...(page ? { page } : {}) });
  }
  return missing;
}
