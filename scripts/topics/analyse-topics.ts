/**
 * Checks a service page's Topics list against its folder, its target pages and the topic catalog:
 * links resolve, link text is the target's title, titles are canonical, required topics are there,
 * none twice, in catalog order. Title fixes rename the link text and the target's H1 together.
 */
import { basename, dirname, relative } from 'node:path';
import GithubSlugger from 'github-slugger';
import { caseVariantOf, pagesInFolder, type CorpusIndex, type IndexedPage } from '../corpus/corpus-index.js';
import { linksTo } from '../corpus/links-to.js';
import { resolveLink } from '../corpus/resolve-link.js';
import { closestTopic, fillTitle, recogniseTopic, type Topic } from './catalog.js';
import type { Edit, Fix, OffsetFinding } from '../template/edit.js';
import { escapeText, type Bindings, type PageStyle } from '../template/markup.js';
import type { TopicEntry, TopicsList } from './topics-list.js';
import { longestIncreasing } from '../template/sequence.js';

export type TopicRuleId = 'topic-links' | 'topic-titles' | 'topic-catalog';

export type TopicFinding = OffsetFinding<TopicRuleId>;

/** One service's row of the services x topics matrix. */
export interface TopicSummary {
  folder: string;
  service: string;
  /** Topic id -> the title the list uses and whether it is the canonical one. */
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
  topics: readonly Topic[];
  list: TopicsList | undefined;
  /** Where a missing list is reported (the Topics label, or the page start). */
  listAt: number;
  index: CorpusIndex;
}

interface Resolved {
  entry: TopicEntry;
  topic?: Topic;
  target?: IndexedPage;
}

/** Findings on the Topics list and this service's row of the matrix. */
export function analyseTopics(ctx: TopicContext): { findings: TopicFinding[]; summary: TopicSummary } {
  const findings: TopicFinding[] = [];
  const folder = dirname(ctx.pagePath);
  const summary: TopicSummary = { folder: basename(folder), service: ctx.names.service, present: {}, missing: [], unknown: [] };
  const entries = ctx.list?.entries ?? [];
  const resolved: Resolved[] = entries.map((entry) => {
    const target = checkLink(entry, ctx, folder, findings);
    const topic = recogniseTopic(entry.title, ctx.topics) ?? (target?.h1 ? recogniseTopic(target.h1.text, ctx.topics) : undefined);
    return { entry, ...(topic ? { topic } : {}), ...(target ? { target } : {}) };
  });

  const seen = new Map<string, Resolved>();
  for (const item of resolved) {
    const { entry, topic, target } = item;
    if (!topic) {
      summary.unknown.push(entry.title);
      const closest = closestTopic(entry.title, ctx.topics);
      findings.push({
        rule: 'topic-catalog',
        start: entry.textStart,
        end: entry.textEnd,
        message: `topic is not in the catalog: \`${entry.title}\`${closest ? `; closest catalog topic: \`${fillTitle(closest.title, ctx.names)}\` (${closest.id})` : ''}`,
        actual: entry.title,
      });
      if (target?.h1 && target.h1.text !== entry.title) findings.push(linkTextFinding(item, target.h1.text, ctx, false));
      continue;
    }
    const first = seen.get(topic.id);
    if (first) {
      const sameTarget = first.target && first.target === target;
      findings.push({
        rule: 'topic-catalog',
        start: entry.textStart,
        end: entry.textEnd,
        message: `topic listed twice: \`${first.entry.title}\` (line ${first.entry.line}) is the same topic (${topic.id})`,
        actual: entry.title,
        ...(sameTarget ? { fix: { edits: [deleteLines(ctx.source, entry)] } } : {}),
      });
      continue;
    }
    seen.set(topic.id, item);
    const expected = fillTitle(topic.title, ctx.names);
    summary.present[topic.id] = { title: entry.title, canonical: entry.title === expected };
    if (entry.title !== expected) {
      findings.push({
        rule: 'topic-titles',
        start: entry.textStart,
        end: entry.textEnd,
        message: `topic title differs from the catalog: expected \`${expected}\`, found \`${entry.title}\``,
        expected,
        actual: entry.title,
        fix: renameTopic(item, expected, ctx),
      });
    }
    if (target?.h1 && target.h1.text !== entry.title) findings.push(linkTextFinding(item, expected, ctx, true));
  }

  checkOrder([...seen.values()], ctx, findings);
  checkMissing([...seen.values()], ctx, folder, summary, findings);
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return { findings, summary };
}

/** Reports a topic link that does not resolve inside the service folder; returns the target page. */
function checkLink(entry: TopicEntry, ctx: TopicContext, folder: string, findings: TopicFinding[]): IndexedPage | undefined {
  const at = { start: entry.linkStart, end: entry.linkEnd };
  const report = (message: string): undefined => {
    findings.push({ rule: 'topic-links', ...at, message });
    return undefined;
  };
  if (entry.url === undefined) return report(`Topics entry is not a link: \`${entry.title}\``);
  const target = resolveLink(entry.url, ctx.pagePath, ctx.docsRoot);
  if (target.kind === 'outside') return report(`topic link leaves the docs tree: \`${entry.url}\``);
  if (target.kind !== 'local') return report(`topic link must point to a page in the service folder, found \`${entry.url}\``);
  if (dirname(target.path) !== folder) {
    return report(`topic link points to another folder's page \`${relative(ctx.docsRoot, target.path)}\`: topics link to pages in \`${basename(folder)}/\``);
  }
  const page = ctx.index.pages.get(target.path);
  if (!page) {
    const variant = caseVariantOf(ctx.index, target.path);
    if (variant) return report(`topic link points to \`${relative(folder, target.path)}\`, but the file is \`${relative(folder, variant)}\`: names differ only by case`);
    return report(`topic link points to a missing page \`${relative(folder, target.path)}\``);
  }
  if (target.fragment !== undefined && !page.fragments.has(target.fragment)) {
    report(`topic link points to a missing anchor \`#${target.fragment}\` in \`${relative(folder, target.path)}\``);
  }
  return page;
}

function linkTextFinding(item: Resolved, expected: string, ctx: TopicContext, known: boolean): TopicFinding {
  const { entry, target } = item;
  const h1 = target!.h1!;
  return {
    rule: 'topic-titles',
    start: entry.textStart,
    end: entry.textEnd,
    message: `link text differs from the title of \`${basename(target!.path)}\`: the page's H1 is \`${h1.text}\`, the link says \`${entry.title}\``,
    expected: h1.text,
    actual: entry.title,
    fix: known ? renameTopic(item, expected, ctx) : { edits: [{ start: entry.textStart, end: entry.textEnd, text: escapeText(h1.text, ctx.style) }] },
  };
}

/** Renames a topic everywhere at once: link text, the target page's H1, and links to its old heading slug. */
function renameTopic(item: Resolved, title: string, ctx: TopicContext): Fix {
  const { entry, target } = item;
  const edits: Edit[] = [];
  if (entry.title !== title) edits.push({ start: entry.textStart, end: entry.textEnd, text: escapeText(title, ctx.style) });
  const h1 = target?.h1;
  if (target && h1 && h1.text !== title) {
    edits.push({ file: target.path, start: h1.contentStart, end: h1.contentEnd, text: escapeText(title, { escapesPunctuation: target.escapesPunctuation }) });
    const newSlug = new GithubSlugger().slug(title);
    if (newSlug !== h1.slug) {
      for (const { from, link, fragment } of linksTo(ctx.index, target.path)) {
        if (fragment !== h1.slug) continue;
        const url = `${link.url.slice(0, link.url.indexOf('#') + 1)}${newSlug}`;
        edits.push(from.path === ctx.pagePath ? { start: link.start, end: link.end, text: url } : { file: from.path, start: link.start, end: link.end, text: url });
      }
    }
  }
  return { edits };
}

/** Topics must follow catalog order: the longest in-order run stays, the rest move. */
function checkOrder(present: readonly Resolved[], ctx: TopicContext, findings: TopicFinding[]): void {
  const rank = (item: Resolved): number => ctx.topics.indexOf(item.topic!);
  const keep = longestIncreasing(present.map(rank));
  present.forEach((item, i) => {
    if (keep.has(i)) return;
    const before = present.find((other, j) => keep.has(j) && rank(other) > rank(item));
    const name = fillTitle(item.topic!.title, ctx.names);
    const finding: TopicFinding = {
      rule: 'topic-catalog',
      start: item.entry.textStart,
      end: item.entry.textEnd,
      message: before
        ? `topic out of catalog order: \`${name}\` belongs before \`${before.entry.title}\``
        : `topic out of catalog order: \`${name}\` belongs after \`${present[present.length - 1]!.entry.title}\``,
      actual: item.entry.title,
    };
    const cut = deleteLines(ctx.source, item.entry);
    const line = ctx.source.slice(cut.start, cut.end);
    const insertAt = before ? lineStart(ctx.source, before.entry.item.position!.start.offset!) : cut.end;
    if (before) finding.fix = { edits: [{ start: insertAt, end: insertAt, text: line.endsWith('\n') ? line : `${line}\n` }, cut] };
    findings.push(finding);
  });
}

/**
 * Topics the list lacks: one whose page is already in the folder is linked back in (any topic, so
 * a dropped optional entry is caught too); a required one without a page is reported.
 */
function checkMissing(present: readonly Resolved[], ctx: TopicContext, folder: string, summary: TopicSummary, findings: TopicFinding[]): void {
  const have = new Set(present.map((item) => item.topic!.id));
  const listed = new Set(present.flatMap((item) => (item.target ? [item.target.path] : [])));
  for (const [rank, topic] of ctx.topics.entries()) {
    if (have.has(topic.id)) continue;
    const page = pagesInFolder(ctx.index, folder)
      .map((path) => ctx.index.pages.get(path)!)
      .find((p) => p.path !== ctx.pagePath && !listed.has(p.path) && p.h1 && recogniseTopic(p.h1.text, [topic]));
    if (!page && !topic.required) continue;
    if (topic.required) summary.missing.push(topic.id);
    const title = fillTitle(topic.title, ctx.names);
    const at = ctx.list ? ctx.list.entries[ctx.list.entries.length - 1]!.textStart : ctx.listAt;
    const finding: TopicFinding = {
      rule: 'topic-catalog',
      start: at,
      end: at,
      message: page
        ? `topic \`${title}\` (${topic.id}) is missing from the Topics list, but its page \`${basename(page.path)}\` is in the folder`
        : `missing required topic \`${title}\` (${topic.id})`,
      expected: title,
    };
    if (page && ctx.list) {
      const next = present.find((item) => ctx.topics.indexOf(item.topic!) > rank);
      const line = `${ctx.list.marker} [${escapeText(title, ctx.style)}](${encodeURI(basename(page.path))})`;
      if (next) {
        const start = lineStart(ctx.source, next.entry.item.position!.start.offset!);
        finding.fix = { edits: [{ start, end: start, text: `${line}\n` }] };
      } else {
        const end = ctx.list.list.position!.end.offset!;
        finding.fix = { edits: [{ start: end, end, text: `\n${line}` }] };
      }
    }
    findings.push(finding);
  }
}

function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** The edit removing an entry's whole line(s). */
function deleteLines(source: string, entry: TopicEntry): Edit {
  const start = lineStart(source, entry.item.position!.start.offset!);
  const endOffset = entry.item.position!.end.offset!;
  const newline = source.indexOf('\n', endOffset);
  if (newline !== -1) return { start, end: newline + 1, text: '' };
  // Last line of the file: take the newline before it instead.
  return { start: Math.max(0, start - 1), end: source.length, text: '' };
}
