/**
 * The corpus index, remembered between runs: a page whose text is unchanged keeps its entry
 * (title, anchors, links) instead of being scanned again, so a warm or pre-commit run costs
 * reading and hashing the pages, not indexing them.
 *
 * The store is a base file plus a small journal of the entries that changed since: a pre-commit
 * run in a large corpus changes a page or two, and rewriting every entry would cost more than the
 * rest of the run. The journal is folded into a new base once it holds many entries.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { cacheDirFor } from './cache-dir.js';
import { indexPage, type CorpusIndex, type IndexedHeading, type IndexedPage } from './corpus-index.js';

/** Bump when IndexedPage or the stored shape changes. */
const INDEX_FORMAT = 4;
/** Entries a journal may hold before it is folded into the base (and at least this share of pages). */
const JOURNAL_ENTRIES = 200;
const JOURNAL_SHARE = 0.05;

/**
 * One page, as arrays rather than keyed objects: the store of a 10,000-page corpus is read on
 * every run, and this halves its size and parse time.
 */
type StoredPage = [
  hash: string,
  escapesPunctuation: 0 | 1,
  headings: [depth: number, text: string, slug: string, line: number, contentStart: number, contentEnd: number][],
  fragments: string[],
  links: [url: string, start: number, end: number, line: number][],
  /** What other pages' findings may depend on: see crossFileFingerprint. */
  fingerprint: string,
];

interface BaseFile {
  format: number;
  id: string;
  /** By path relative to the docs root, with `/`. */
  pages: Record<string, StoredPage>;
}

interface JournalFile {
  format: number;
  base: string;
  pages: Record<string, StoredPage>;
  removed: string[];
}

/**
 * Indexes a docs tree, reusing the entries of pages unchanged since the last run. A page is known
 * by `idOf` (its git blob id) when the source gives one, so such pages are not even read; else by
 * the blob id its text would have. `textOf` is called only for pages that must be indexed afresh.
 * Returns the index and a digest of every page's cross-file fingerprint.
 */
export function indexCorpusCached(
  root: string,
  paths: readonly string[],
  idOf: (path: string) => string | undefined,
  textOf: (paths: readonly string[]) => Map<string, string>,
): { index: CorpusIndex; digest: string } {
  const store = storePaths(root);
  const base = readBase(store.base);
  const journal = base ? readJournal(store.journal, base.id) : undefined;
  const wasRemoved = new Set(journal?.removed);
  const known = (rel: string): StoredPage | undefined => (journal && rel in journal.pages ? journal.pages[rel] : wasRemoved.has(rel) ? undefined : base?.pages[rel]);
  const prefix = root.endsWith(sep) ? root : root + sep;
  const relOf = (path: string): string => (path.startsWith(prefix) ? path.slice(prefix.length) : path).split(sep).join('/');

  const unknown = paths.filter((path) => {
    const id = idOf(path);
    return id === undefined || known(relOf(path))?.[0] !== id;
  });
  const texts = textOf(unknown);
  const pages = new Map<string, IndexedPage>();
  const current: Record<string, StoredPage> = {};
  const digest = createHash('sha256');
  let changed = false;
  for (const path of paths) {
    const rel = relOf(path);
    const text = texts.get(path);
    const hash = idOf(path) ?? gitBlobId(text ?? '');
    let stored = known(rel);
    if (stored?.[0] === hash) {
      pages.set(path, unpack(path, stored));
    } else {
      const page = indexPage(path, text ?? '');
      pages.set(path, page);
      stored = pack(hash, page);
      changed = true;
    }
    current[rel] = stored;
    digest.update(`${rel}\0${stored[5]}\n`);
  }
  const removed = Object.keys(base?.pages ?? {}).filter((rel) => !(rel in current));
  if (changed || removed.some((rel) => !wasRemoved.has(rel))) save(store, base, current, removed);
  return { index: { root, pages }, digest: digest.digest('hex') };
}

function storePaths(root: string): { base: string; journal: string } {
  const stem = join(cacheDirFor(root), `index-${createHash('sha256').update(root).digest('hex').slice(0, 16)}`);
  return { base: `${stem}.json`, journal: `${stem}.journal.json` };
}

function readBase(path: string): BaseFile | undefined {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as BaseFile;
    return data.format === INDEX_FORMAT ? data : undefined;
  } catch {
    return undefined; // first run, or a damaged cache: index everything
  }
}

function readJournal(path: string, baseId: string): JournalFile | undefined {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as JournalFile;
    return data.format === INDEX_FORMAT && data.base === baseId ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the entries that differ from the base as a journal, or a new base when they are many. */
function save(store: { base: string; journal: string }, base: BaseFile | undefined, current: Record<string, StoredPage>, removed: string[]): void {
  try {
    mkdirSync(dirname(store.base), { recursive: true });
    const differing = base ? Object.keys(current).filter((rel) => base.pages[rel]?.[0] !== current[rel]![0]) : [];
    const limit = Math.max(JOURNAL_ENTRIES, Object.keys(current).length * JOURNAL_SHARE);
    if (base && differing.length + removed.length <= limit) {
      const journal: JournalFile = { format: INDEX_FORMAT, base: base.id, pages: Object.fromEntries(differing.map((rel) => [rel, current[rel]!])), removed };
      writeAtomically(store.journal, journal);
    } else {
      writeAtomically(store.base, { format: INDEX_FORMAT, id: randomUUID(), pages: current } satisfies BaseFile);
      rmSync(store.journal, { force: true });
    }
  } catch {
    // a read-only checkout only loses speed
  }
}

function writeAtomically(path: string, data: unknown): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(data));
  renameSync(temp, path);
}

function pack(hash: string, page: IndexedPage): StoredPage {
  return [
    hash,
    page.escapesPunctuation ? 1 : 0,
    page.headings.map((h) => [h.depth, h.text, h.slug, h.line, h.contentStart, h.contentEnd]),
    [...page.fragments],
    page.links.map((l) => [l.url, l.start, l.end, l.line]),
    crossFileFingerprint(page),
  ];
}

/**
 * The parts of a page that cross-file rules read when checking other pages (its title, anchors
 * and links): the findings cache of every page is keyed by these fingerprints of all pages.
 */
function crossFileFingerprint(page: IndexedPage): string {
  return createHash('sha1')
    .update(`${page.h1?.text ?? ''}\0${[...page.fragments].sort().join(' ')}\0${page.links.map((l) => l.url).join(' ')}`)
    .digest('base64');
}

function unpack(path: string, [, escapes, headings, fragments, links]: StoredPage): IndexedPage {
  const page: IndexedPage = {
    path,
    headings: headings.map(([depth, text, slug, line, contentStart, contentEnd]): IndexedHeading => ({ depth, text, slug, line, contentStart, contentEnd })),
    fragments: new Set(fragments),
    links: links.map(([url, start, end, line]) => ({ url, start, end, line })),
    escapesPunctuation: escapes === 1,
  };
  page.h1 = page.headings.find((h) => h.depth === 1);
  return page;
}

/**
 * The id git gives a file with this text, so runs on the working tree and on the git index
 * (`--staged`) share cache entries for the pages that are the same in both.
 */
function gitBlobId(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
