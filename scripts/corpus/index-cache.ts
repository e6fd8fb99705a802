/**
 * The corpus index, remembered between runs: a page whose text is unchanged keeps its entry
 * (title, anchors, links) instead of being scanned again, so a warm or pre-commit run costs
 * reading and hashing the pages, not indexing them.
 *
 * Built for pre-commit runs in large corpora, which check a page or two against 10,000:
 * - the store is one line per page, and a line is unpacked only when a rule reads that page;
 *   the link URLs, which "who links here?" needs for every page, sit in plain text on the line;
 * - changed entries go to a small journal beside the store instead of rewriting it, and the
 *   journal is folded into a new store once it holds many entries.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { trustedCacheDir } from './cache-dir.js';
import { indexPage, type CorpusIndex, type IndexedHeading, type IndexedLink, type IndexedPage } from './corpus-index.js';
import { writeFileAtomically } from '../files/write-atomically.js';

/** Bump when IndexedPage or the stored shape changes. */
const INDEX_FORMAT = 9;
/** Entries a journal may hold before it is folded into the store (and at least this share of pages). */
const JOURNAL_ENTRIES = 200;
const JOURNAL_SHARE = 0.05;

/**
 * A page's line: `rel \t hash \t fingerprint \t link URLs \t details`, where rel is the path
 * relative to the docs root with `/`, hash its git blob id, the URLs a JSON array of strings (a
 * decoded URL may hold spaces and tabs) and details is the JSON of PackedDetails.
 */
type PageLine = string;

const LINK_KINDS = ['link', 'image', 'definition'] as const;

type PackedDetails = [
  escapesPunctuation: 0 | 1,
  headings: [depth: number, text: string, slug: string, line: number, contentStart: number, contentEnd: number, anchors?: string[]][],
  fragments: string[],
  links: [start: number, end: number, line: number, kind: 0 | 1 | 2, nodeStart: number, nodeEnd: number][],
  codeFragments: [fragment: string, line: number][],
];

interface Store {
  id: string;
  lines: Map<string, PageLine>;
  removed: Set<string>;
}

/** What an indexing run must do: the pages the store knows, and those to read and index afresh. */
export interface IndexPlan {
  root: string;
  files: StoreFiles | undefined;
  base?: Store;
  journal?: Store;
  entries: { path: string; rel: string; line?: PageLine; id?: string }[];
  /** Pages whose texts are needed: no git id to compare with the store, or a stale entry. */
  toRead: string[];
}

/**
 * The first half of indexing a docs tree with the store: each page's stored line and git id,
 * looked up once. A page is known by `idOf` (its git blob id) when the source gives one, so such
 * pages are not even read; else by the blob id its text would have.
 */
export function planIndex(root: string, paths: readonly string[], idOf: (path: string) => string | undefined): IndexPlan {
  const files = storeFiles(root);
  const base = files && readStore(files.base, 'index');
  const journal = files && base ? readStore(files.journal, 'journal', base.id) : undefined;
  const known = (rel: string): PageLine | undefined => journal?.lines.get(rel) ?? (journal?.removed.has(rel) ? undefined : base?.lines.get(rel));
  const prefix = root.endsWith(sep) ? root : root + sep;
  const relOf = (path: string): string => {
    const rel = path.startsWith(prefix) ? path.slice(prefix.length) : path;
    return sep === '/' ? rel : rel.split(sep).join('/');
  };
  const entries = paths.map((path) => {
    const rel = relOf(path);
    const line = known(rel);
    const id = idOf(path);
    return { path, rel, ...(line === undefined ? {} : { line }), ...(id === undefined ? {} : { id }) };
  });
  const toRead = entries.filter(({ line, id }) => id === undefined || field(line, 1) !== id).map(({ path }) => path);
  return { root, files, ...(base ? { base } : {}), ...(journal ? { journal } : {}), entries, toRead };
}

/** Of the pages read, those the store has no current entry for: only these must be parsed. */
export function pagesToIndex(plan: IndexPlan, texts: ReadonlyMap<string, string>): Map<string, string> {
  const fresh = new Map<string, string>();
  for (const entry of plan.entries) {
    const text = texts.get(entry.path);
    if (text === undefined) continue;
    if (entry.line === undefined || field(entry.line, 1) !== (entry.id ?? gitBlobId(text))) fresh.set(entry.path, text);
  }
  return fresh;
}

/**
 * The second half: the index from the store and the texts read, with the pages already indexed
 * from those texts (`indexed`, say by worker threads; others are indexed here); the store is updated.
 * Returns the index and a digest of every page's cross-file fingerprint.
 */
export function completeIndex(
  plan: IndexPlan,
  texts: ReadonlyMap<string, string>,
  indexed: ReadonlyMap<string, IndexedPage> = new Map(),
): { index: CorpusIndex; digest: string } {
  const { root, files, base, journal } = plan;
  const pages = new Map<string, IndexedPage>();
  const current = new Map<string, PageLine | undefined>();
  const digest = createHash('sha256');
  let changed = false;
  for (const entry of plan.entries) {
    const { path, rel } = entry;
    const text = texts.get(path);
    const hash = entry.id ?? gitBlobId(text ?? '');
    let line = entry.line;
    if (line !== undefined && field(line, 1) === hash) {
      pages.set(path, new StoredPage(path, line));
    } else {
      const page = indexed.get(path) ?? indexPage(path, text ?? '');
      pages.set(path, page);
      line = packLine(rel, hash, page);
      changed = true;
    }
    current.set(rel, line);
    digest.update(`${rel}\0${line === undefined ? fingerprintOf(pages.get(path)!) : field(line, 2)}\n`);
  }
  const removed = [...(base?.lines.keys() ?? [])].filter((rel) => !current.has(rel));
  if (files && (changed || removed.some((rel) => !journal?.removed.has(rel)))) save(files, base, current, removed);
  return { index: { root, pages }, digest: digest.digest('hex') };
}

/** Indexes a docs tree in one call, reusing the store; `textOf` is asked only for stale pages. */
export function indexCorpusCached(
  root: string,
  paths: readonly string[],
  idOf: (path: string) => string | undefined,
  textOf: (paths: readonly string[]) => Map<string, string>,
): { index: CorpusIndex; digest: string } {
  const plan = planIndex(root, paths, idOf);
  return completeIndex(plan, textOf(plan.toRead));
}

/** A page read back from the store: its headings, fragments and links are unpacked on first use. */
class StoredPage implements IndexedPage {
  readonly linkUrls: readonly string[];
  #details?: Omit<IndexedPage, 'path' | 'linkUrls'>;

  constructor(
    readonly path: string,
    private readonly line: PageLine,
  ) {
    this.linkUrls = JSON.parse(field(line, 3)!) as string[];
  }

  get h1(): IndexedHeading | undefined {
    return this.details().h1;
  }
  get headings(): IndexedHeading[] {
    return this.details().headings;
  }
  get fragments(): Set<string> {
    return this.details().fragments;
  }
  get links(): IndexedLink[] {
    return this.details().links;
  }
  get escapesPunctuation(): boolean {
    return this.details().escapesPunctuation;
  }
  get codeFragments(): Map<string, number> {
    return this.details().codeFragments;
  }

  private details(): Omit<IndexedPage, 'path' | 'linkUrls'> {
    if (this.#details) return this.#details;
    const [escapes, headings, fragments, links, codeFragments] = JSON.parse(this.line.slice(this.line.lastIndexOf('\t') + 1)) as PackedDetails;
    const unpackedHeadings = headings.map(([depth, text, slug, line, contentStart, contentEnd, anchors]): IndexedHeading => ({ depth, text, slug, line, contentStart, contentEnd, ...(anchors ? { anchors } : {}) }));
    this.#details = {
      headings: unpackedHeadings,
      fragments: new Set(fragments),
      links: links.map(([start, end, line, kind, nodeStart, nodeEnd], i) => ({ url: this.linkUrls[i]!, kind: LINK_KINDS[kind], start, end, line, nodeStart, nodeEnd })),
      escapesPunctuation: escapes === 1,
      codeFragments: new Map(codeFragments),
    };
    const h1 = unpackedHeadings.find((h) => h.depth === 1);
    if (h1) this.#details.h1 = h1;
    return this.#details;
  }
}

/**
 * A plain copy of an index (what a structured clone would keep: data, not the getters of
 * pages read back from the store).
 */
export function plainIndex(index: CorpusIndex): CorpusIndex {
  const pages = new Map<string, IndexedPage>();
  for (const [path, page] of index.pages) {
    const plain: IndexedPage = { path, headings: page.headings, fragments: page.fragments, links: page.links, escapesPunctuation: page.escapesPunctuation, codeFragments: page.codeFragments };
    if (page.h1) plain.h1 = page.h1;
    pages.set(path, plain);
  }
  return { root: index.root, pages };
}

/** The n-th tab-separated field of a line (fields 0 to 3; the details are read by StoredPage). */
function field(line: PageLine | undefined, n: number): string | undefined {
  if (line === undefined) return undefined;
  let start = 0;
  for (let i = 0; i < n; i++) start = line.indexOf('\t', start) + 1;
  const end = line.indexOf('\t', start);
  return line.slice(start, end);
}

/** The line of a freshly indexed page, or undefined when its path cannot sit on a line. */
function packLine(rel: string, hash: string, page: IndexedPage): PageLine | undefined {
  if (/[\t\n\r]/.test(rel)) return undefined; // such a page is indexed afresh on every run
  const details: PackedDetails = [
    page.escapesPunctuation ? 1 : 0,
    page.headings.map((h) => (h.anchors ? [h.depth, h.text, h.slug, h.line, h.contentStart, h.contentEnd, h.anchors] : [h.depth, h.text, h.slug, h.line, h.contentStart, h.contentEnd])),
    [...page.fragments],
    page.links.map((l) => [l.start, l.end, l.line, LINK_KINDS.indexOf(l.kind) as 0 | 1 | 2, l.nodeStart, l.nodeEnd]),
    [...page.codeFragments],
  ];
  return [rel, hash, fingerprintOf(page), JSON.stringify(page.links.map((l) => l.url)), JSON.stringify(details)].join('\t');
}

/**
 * The parts of a page that cross-file rules read when checking other pages (its title, anchors
 * and links): the findings cache of every page is keyed by these fingerprints of all pages.
 */
function fingerprintOf(page: IndexedPage): string {
  return createHash('sha1')
    .update(`${page.h1?.text ?? ''}\0${anchoredHeadings(page)}\0${[...page.fragments].sort().join(' ')}\0${page.links.map((l) => l.url).join('\n')}\0${[...page.codeFragments].join(' ')}`)
    .digest('base64');
}

/** The headings that carry anchors, with them: a link to an anchor is judged by its heading's text. */
function anchoredHeadings(page: IndexedPage): string {
  return page.headings.flatMap((h) => (h.anchors ? [`${h.text}#${h.anchors.join(',')}`] : [])).join('\n');
}

/**
 * The id git gives a file with this text, so runs on the working tree and on the git index
 * (`--staged`) share entries for the pages that are the same in both.
 */
function gitBlobId(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

interface StoreFiles {
  base: string;
  journal: string;
  legacy: string[];
}

/** The store's files; undefined when the cache folder cannot be trusted (the run indexes every page). */
function storeFiles(root: string): StoreFiles | undefined {
  const dir = trustedCacheDir(root);
  if (dir === undefined) return undefined;
  const stem = join(dir, `index-${createHash('sha256').update(root).digest('hex').slice(0, 16)}`);
  return { base: `${stem}.txt`, journal: `${stem}.journal.txt`, legacy: [`${stem}.json`, `${stem}.journal.json`] };
}

/**
 * Reads a store (`docs-quality index <format> <id>`) or a journal (`docs-quality journal <format>
 * <store id>`, whose `-\t<rel>` lines are removed pages); undefined when absent, of another format
 * or, for a journal, of another store.
 */
function readStore(path: string, kind: 'index' | 'journal', baseId?: string): Store | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined; // first run: index everything
  }
  const lines = text.split('\n');
  const [magic, type, format, id] = lines[0]!.split(' ');
  if (magic !== 'docs-quality' || type !== kind || format !== String(INDEX_FORMAT) || !id || (baseId && id !== baseId)) return undefined;
  const store: Store = { id, lines: new Map(), removed: new Set() };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const tab = line.indexOf('\t');
    if (tab === -1) continue; // the empty last line, or damage: that page is indexed again
    if (line.startsWith('-\t')) store.removed.add(line.slice(2));
    else if (line.split('\t', 6).length === 5) store.lines.set(line.slice(0, tab), line);
  }
  return store;
}

/** Writes the entries that differ from the store as a journal, or a new store when they are many. */
function save(files: StoreFiles, base: Store | undefined, current: Map<string, PageLine | undefined>, removed: string[]): void {
  try {
    mkdirSync(dirname(files.base), { recursive: true });
    const differing = base ? [...current].filter(([rel, line]) => line !== undefined && base.lines.get(rel) !== line) : [];
    if (base && differing.length + removed.length <= Math.max(JOURNAL_ENTRIES, current.size * JOURNAL_SHARE)) {
      const lines = [`docs-quality journal ${INDEX_FORMAT} ${base.id}`, ...differing.map(([, line]) => line), ...removed.map((rel) => `-\t${rel}`)];
      writeFileAtomically(files.journal, `${lines.join('\n')}\n`);
    } else {
      const lines = [`docs-quality index ${INDEX_FORMAT} ${randomUUID()}`, ...[...current.values()].filter((line) => line !== undefined)];
      writeFileAtomically(files.base, `${lines.join('\n')}\n`);
      rmSync(files.journal, { force: true });
      // The JSON stores of earlier versions, now unused.
      for (const legacy of files.legacy) rmSync(legacy, { force: true });
    }
  } catch {
    // a read-only checkout only loses speed
  }
}
