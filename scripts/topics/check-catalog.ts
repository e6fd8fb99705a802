/**
 * What the schema cannot say about the topic catalog and the services manifest's extra topics:
 * each id once, each title or alias naming one topic, and every `after` naming a topic that is
 * there, without a cycle. Any of these would otherwise give findings no page can fix (a topic
 * never recognised, a topic placed first), so each is a configuration error at its key.
 */
import { jsonErrorAt, shownPath } from '../config/read-json.js';
import type { ExtraTopic, Topic } from './catalog.js';

/** A topic and where it is written: `["topics", 2]`, `["services", "kvs", "extraTopics", 0]`. */
interface PlacedTopic {
  topic: ExtraTopic;
  at: readonly (string | number)[];
  /** The file (text and the path messages name) it is written in. */
  file: { text: string; path: string };
}

/** Throws a `FileError` at the first id, title or alias the catalog repeats, or at an `after` it holds. */
export function checkCatalog(text: string, path: string, topics: readonly ExtraTopic[]): void {
  const placed = topics.map((topic, i) => ({ topic, at: ['topics', i], file: { text, path } }));
  for (const { topic, at, file } of placed) {
    if (topic.after !== undefined) {
      throw jsonErrorAt(file.text, file.path, [...at, 'after'], 'orders nothing in the catalog, whose order is the order of its list: move the topic instead (`after` is for extraTopics in services.json)');
    }
  }
  checkUnique(placed);
}

/**
 * Throws a `FileError` in the manifest for the first extra topic of a service that repeats an id,
 * title or alias of the catalog (or of the service's other extras), or whose `after` names no topic
 * or leads round in a cycle.
 */
export function checkExtraTopics(catalog: { text: string; path: string; topics: readonly Topic[] }, manifest: { text: string; path: string; services: Readonly<Record<string, { extraTopics?: readonly ExtraTopic[] }>> }): void {
  const catalogFile = { text: catalog.text, path: catalog.path };
  const inCatalog: PlacedTopic[] = catalog.topics.map((topic, i) => ({ topic, at: ['topics', i], file: catalogFile }));
  const manifestFile = { text: manifest.text, path: manifest.path };
  for (const [folder, names] of Object.entries(manifest.services)) {
    const extras: PlacedTopic[] = (names.extraTopics ?? []).map((topic, i) => ({ topic, at: ['services', folder, 'extraTopics', i], file: manifestFile }));
    if (extras.length === 0) continue;
    checkUnique([...inCatalog, ...extras]);
    const known = new Set(catalog.topics.map((t) => t.id));
    const afterOf = new Map(extras.map((e) => [e.topic.id, e.topic.after]));
    for (const extra of extras) {
      const after = extra.topic.after;
      if (after === undefined) continue;
      if (!known.has(after) && !afterOf.has(after)) {
        throw jsonErrorAt(manifestFile.text, manifestFile.path, [...extra.at, 'after'], `names no topic: "${after}" is neither in the catalog nor one of this service's extraTopics`);
      }
      // Follow the chain through the other extras: it must reach a catalog topic (or an extra without `after`).
      const seen = new Set([extra.topic.id]);
      for (let next: string | undefined = after; next !== undefined && !known.has(next); next = afterOf.get(next)) {
        if (seen.has(next)) {
          throw jsonErrorAt(manifestFile.text, manifestFile.path, [...extra.at, 'after'], `leads round in a cycle (${[...seen, next].map((id) => `"${id}"`).join(' after ')}): one of them must follow a catalog topic`);
        }
        seen.add(next);
      }
    }
  }
}

/** A title pattern as recognising compares it: any spacing, any casing, either name placeholder. */
function patternKey(pattern: string): string {
  return pattern.replace(/\{\{\s*(?:service|short)\s*\}\}/g, '{{}}').replace(/\s+/g, ' ').trim().toLowerCase();
}

function checkUnique(placed: readonly PlacedTopic[]): void {
  const ids = new Map<string, PlacedTopic>();
  const titles = new Map<string, PlacedTopic>();
  const name = (p: PlacedTopic): string => `${where(p.at)} ("${p.topic.id}")`;
  for (const p of placed) {
    const first = ids.get(p.topic.id);
    if (first) throw jsonErrorAt(p.file.text, p.file.path, [...p.at, 'id'], `"${p.topic.id}" is already the id of ${where(first.at)}${first.file.path === p.file.path ? '' : ` in ${shownPath(first.file.path)}`}: each topic once`);
    ids.set(p.topic.id, p);
    const patterns: [string, (string | number)[]][] = [[p.topic.title, ['title']], ...p.topic.aliases.map((alias, i): [string, (string | number)[]] => [alias, ['aliases', i]])];
    const own = new Set<string>();
    for (const [pattern, key] of patterns) {
      const text = patternKey(pattern);
      if (own.has(text)) continue; // an alias that repeats its own topic's title names the same topic
      own.add(text);
      const other = titles.get(text);
      if (other) {
        throw jsonErrorAt(p.file.text, p.file.path, [...p.at, ...key], `"${pattern}" already names ${name(other)}${other.file.path === p.file.path ? '' : ` in ${shownPath(other.file.path)}`}: a title or alias recognises one topic only`);
      }
      titles.set(text, p);
    }
  }
}

/** `["topics", 2]` -> `` `topics[2]` ``, as read-json names places. */
function where(at: readonly (string | number)[]): string {
  const path = at.map((s, i) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$-]*$/.test(s) ? `${i ? '.' : ''}${s}` : `[${JSON.stringify(s)}]`)).join('');
  return `\`${path}\``;
}
