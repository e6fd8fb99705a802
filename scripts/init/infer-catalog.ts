/**
 * The topic catalog inferred from the pages' Topics lists: entries of different services that
 * stand for one topic are grouped (the same title, an alias-like variant, or a close title), and
 * each group becomes a topic: its id from the file name most entries link to or a slug of its
 * title, its title the majority's (casing included), the other titles its aliases, required when
 * most services list it, placed where most lists place it. A topic one service alone lists is that
 * service's own topic (`extraTopics` in the manifest).
 */
import { basename } from 'node:path';
import type { ExtraTopic, Topic } from '../topics/catalog.js';
import { recogniseTopic } from '../topics/catalog.js';
import { titleIsClose } from '../topics/title-closeness.js';
import { topicsListOf } from '../topics/topics-list.js';
import { abstractTitle } from './abstract-names.js';
import type { PageModel } from './align-pages.js';

export interface InferredCatalog {
  topics: Topic[];
  /** Topics one service alone lists, by service folder. */
  extras: Map<string, ExtraTopic[]>;
}

interface Entry {
  page: number;
  position: number;
  title: string;
  /** The title with the short name as `{{short}}`: what a topic of this service alone is titled. */
  ownTitle: string;
  file: string | undefined;
}

interface Group {
  entries: Entry[];
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

/** Infers the catalog from the Topics lists of pages whose names are bound. */
export function inferCatalog(models: readonly PageModel[]): InferredCatalog {
  const entries = models.flatMap((model, page) => {
    const list = topicsListOf(model.page.tree, model.page.source);
    return (list?.entries ?? []).map((entry, position) => ({
      page,
      position,
      title: abstractTitle(entry.title, model.names),
      ownTitle: abstractTitle(entry.title, model.names, true),
      file: entry.url && !/^[a-z][a-z0-9+.-]*:/i.test(entry.url) ? basename(entry.url.replace(/[#?].*$/, ''), '.md') || undefined : undefined,
    }));
  });
  const groups = groupEntries(entries);
  const shared: { group: Group; topic: Topic }[] = [];
  const single: { group: Group; topic: Topic }[] = [];
  const ids = new Set<string>();
  for (const group of groups) {
    const title = majorityTitle(group);
    const pages = new Set(group.entries.map((e) => e.page));
    const topic: Topic = { id: uniqueId(idOf(group, title), ids), title, aliases: aliasesOf(group, title), required: pages.size * 2 > models.length };
    (pages.size > 1 ? shared : single).push({ group, topic });
  }
  const ordered = majorityOrder(shared);
  const extras = new Map<string, ExtraTopic[]>();
  for (const { group, topic } of single) {
    const entry = group.entries[0]!;
    const before = ordered.filter(({ group: g }) => g.entries.some((e) => e.page === entry.page && e.position < entry.position));
    const after = before.length > 0 ? before[before.length - 1]!.topic.id : undefined;
    const folder = models[entry.page]!.page.folder;
    const extra: ExtraTopic = { id: topic.id, title: entry.ownTitle, aliases: topic.aliases, required: false, ...(after ? { after } : {}) };
    extras.set(folder, [...(extras.get(folder) ?? []), extra]);
  }
  return { topics: ordered.map(({ topic }) => topic), extras };
}

/** Entries grouped into topics, the most common titles first, so each group starts from its usual title. */
function groupEntries(entries: readonly Entry[]): Group[] {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.title.toLowerCase(), (counts.get(e.title.toLowerCase()) ?? 0) + 1);
  const byCount = [...entries].sort((x, y) => counts.get(y.title.toLowerCase())! - counts.get(x.title.toLowerCase())!);
  const groups: Group[] = [];
  for (const entry of byCount) {
    const group = groups.find((g) => {
      const titles = [...new Set(g.entries.map((e) => e.title))];
      const topic: Topic = { id: 'group', title: titles[0]!, aliases: titles.slice(1), required: true };
      // One service lists a topic once: a second entry of the same page is another topic.
      if (g.entries.some((e) => e.page === entry.page)) return false;
      return recogniseTopic(entry.title, [topic]) !== undefined || titleIsClose(entry.title, topic, []);
    });
    if (group) group.entries.push(entry);
    else groups.push({ entries: [entry] });
  }
  return groups;
}

/**
 * The title most entries use, exactly (casing counts): among those that name the service when some
 * do (a title that dropped the name is a variant), else among all (a title the same for every service).
 */
function majorityTitle(group: Group): string {
  const named = group.entries.filter((e) => e.title.includes('{{'));
  const counts = new Map<string, number>();
  for (const e of named.length > 0 ? named : group.entries) counts.set(e.title, (counts.get(e.title) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1])[0]![0];
}

/** The group's other titles, once each in any casing (aliases match any casing), the most used first. */
function aliasesOf(group: Group, title: string): string[] {
  const counts = new Map<string, { title: string; count: number }>();
  for (const e of group.entries) {
    const key = e.title.toLowerCase();
    if (key === title.toLowerCase()) continue;
    const entry = counts.get(key) ?? { title: e.title, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((x, y) => y.count - x.count).map((a) => a.title);
}

/** The file name most entries link to, when most do and it is a slug; else the title's words before the name. */
function idOf(group: Group, title: string): string {
  const counts = new Map<string, number>();
  for (const e of group.entries) if (e.file) counts.set(e.file, (counts.get(e.file) ?? 0) + 1);
  const [file, count] = [...counts].sort((x, y) => y[1] - x[1])[0] ?? [];
  if (file && count! * 2 > group.entries.length && ID.test(file)) return file;
  return slugOf(title);
}

/** `Data protection in {{service}}` -> `data-protection`: the words without the name and the word that joins it. */
export function slugOf(title: string): string {
  const words = title
    .replace(/\s+(?:in|for|of|to|with|on)\s+\{\{[^}]*\}\}\s*$/i, '')
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return words || 'topic';
}

function uniqueId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}-${n}`;
  taken.add(candidate);
  return candidate;
}

/**
 * Topics in the order most lists give them: a topic ranks by how many others most lists put after
 * it (a pairwise majority), ties by its average place.
 */
function majorityOrder<T extends { group: Group }>(topics: readonly T[]): T[] {
  const firstAt = topics.map(({ group }) => {
    const at = new Map<number, number>();
    for (const e of group.entries) at.set(e.page, Math.min(at.get(e.page) ?? Infinity, e.position));
    return at;
  });
  const wins = topics.map((_, i) =>
    topics.filter((_, j) => {
      if (i === j) return false;
      let before = 0;
      let afterCount = 0;
      for (const [page, at] of firstAt[i]!) {
        const other = firstAt[j]!.get(page);
        if (other === undefined) continue;
        if (at < other) before++;
        else afterCount++;
      }
      return before > afterCount;
    }).length,
  );
  const mean = firstAt.map((at) => [...at.values()].reduce((s, v) => s + v, 0) / Math.max(1, at.size));
  return topics.map((topic, i) => ({ topic, i })).sort((x, y) => wins[y.i]! - wins[x.i]! || mean[x.i]! - mean[y.i]!).map(({ topic }) => topic);
}
