/**
 * Spelling through cspell-lib, behind a cache of answers. cspell decides (see cspell-session.ts);
 * this module remembers, between runs, each page's verdicts (keyed by its text, its path, its
 * prose ranges and its known names) and each reported word's suggestions, in one file keyed by the
 * configuration and cspell's version. A run whose pages were all spelled before never loads
 * cspell's dictionaries (which costs seconds).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trustedCacheDir } from '../corpus/cache-dir.js';
import { loadManifest, manifestPath } from '../template/manifest.js';
import { TEMPLATE_DIR } from '../template/template.js';
import type { CspellSession, SpellingIssue, SpellingSources } from './cspell-session.js';
import { writeFileAtomically } from '../files/write-atomically.js';

export const WORDS_FILE = 'words.txt';
const CONFIG_NAMES = ['cspell.json', '.cspell.json', 'cspell.config.json'];

/** Bump when the cached shape or the way verdicts are computed changes. */
const CACHE_FORMAT = 4;

/** Pages remembered per configuration; the least recently used are dropped past this. */
const MAX_PAGES = 20_000;

/** A page to spell: where it is, its text, the ranges that are prose, and the names it binds. */
export interface PageToSpell {
  path: string;
  text: string;
  prose: readonly (readonly [number, number])[];
  names: readonly string[];
}

/** One reported word with its suggestions. */
export interface SpellingFinding {
  offset: number;
  word: string;
  flagged: boolean;
  suggestions: string[];
}

/** Page verdicts as cached: `[offset, word, flagged, preferred suggestions]`; null = not checked. */
type CachedIssue = [number, string, 0 | 1, string[]];

interface CachedPage {
  issues: CachedIssue[] | null;
  /** Run counter of the last use, for dropping pages no longer seen. */
  used: number;
}

interface CacheFile {
  key: string;
  run: number;
  pages: Record<string, CachedPage>;
  suggestions: Record<string, string[]>;
}

export class Speller {
  private session?: Promise<CspellSession>;
  private readonly pages = new Map<string, CachedPage>();
  private readonly suggestions = new Map<string, string[]>();
  private readonly pending = new Map<string, Promise<string[]>>();
  private run = 0;
  private dirty = false;

  constructor(
    private readonly docsRoot: string,
    private readonly sources: () => SpellingSources,
    private readonly cachePath: string | undefined,
    private readonly key: string,
  ) {
    this.readCache();
    this.run += 1;
  }

  /** cspell's findings on a page's prose, each with its suggestions (cspell loads only on a cache miss). */
  async check(page: PageToSpell): Promise<SpellingFinding[]> {
    const pageKey = hashPage(relative(this.docsRoot, page.path), page);
    let cached = this.pages.get(pageKey);
    if (!cached) {
      const session = await this.openSession();
      const issues = await session.check(page.path, page.text, page.names, page.prose);
      cached = { issues: issues?.map(toCached) ?? null, used: this.run };
      this.pages.set(pageKey, cached);
      this.dirty = true;
    } else if (cached.used !== this.run) {
      cached.used = this.run;
      this.dirty = true;
    }
    const issues = cached.issues ?? [];
    const general = new Map<string, string[]>();
    // A forbidden word gets only the corrections its configuration names (`bad->good`).
    for (const [, word, flagged] of issues) if (!flagged && !general.has(word)) general.set(word, await this.suggestionsFor(word));
    return issues.map(([offset, word, flagged, preferred]) => ({
      offset,
      word,
      flagged: flagged === 1,
      suggestions: [...new Set([...preferred, ...(general.get(word) ?? [])])].slice(0, 3),
    }));
  }

  /** Saves new answers for the next run (atomically; a failed save only costs speed). */
  saveCache(): void {
    if (!this.dirty || !this.cachePath) return;
    this.readCache(); // merge what other processes or threads saved meanwhile (answers are the same)
    const pages = [...this.pages].sort((a, b) => b[1].used - a[1].used).slice(0, MAX_PAGES);
    const data: CacheFile = {
      key: this.key,
      run: this.run,
      pages: Object.fromEntries(pages),
      suggestions: Object.fromEntries([...this.suggestions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    };
    try {
      writeFileAtomically(this.cachePath, JSON.stringify(data), { mkdir: true });
      this.dirty = false;
    } catch {
      // read-only checkout: the next run asks cspell again
    }
  }

  /**
   * A word's suggestions: remembered, or searched once per process. Every reported word gets them
   * (a search within one edit costs milliseconds), so they never depend on the run.
   */
  private suggestionsFor(word: string): Promise<string[]> {
    const known = this.suggestions.get(word);
    if (known) return Promise.resolve(known);
    let pending = this.pending.get(word);
    if (!pending) {
      pending = this.openSession().then(async (session) => {
        const found = await session.suggest(word);
        this.suggestions.set(word, found);
        this.dirty = true;
        return found;
      });
      this.pending.set(word, pending);
    }
    return pending;
  }

  private openSession(): Promise<CspellSession> {
    this.session ??= loadSession(this.sources(), this.docsRoot);
    return this.session;
  }

  private readCache(): void {
    if (!this.cachePath || !existsSync(this.cachePath)) return;
    try {
      const data = JSON.parse(readFileSync(this.cachePath, 'utf8')) as CacheFile;
      if (data.key !== this.key) return;
      this.run = Math.max(this.run, data.run);
      for (const [key, page] of Object.entries(data.pages)) {
        const mine = this.pages.get(key);
        if (!mine || mine.used < page.used) this.pages.set(key, page);
      }
      for (const [word, found] of Object.entries(data.suggestions)) this.suggestions.set(word, found);
    } catch {
      // a damaged cache is ignored and rewritten
    }
  }
}

function toCached(issue: SpellingIssue): CachedIssue {
  return [issue.offset, issue.word, issue.flagged ? 1 : 0, issue.preferred];
}

function hashPage(path: string, page: PageToSpell): string {
  return createHash('sha1')
    .update(`${path}\0${page.names.join('\n')}\0${page.prose.map(([from, to]) => `${from}-${to}`).join(',')}\0`)
    .update(page.text)
    .digest('base64');
}

async function loadSession(sources: SpellingSources, docsRoot: string): Promise<CspellSession> {
  // A dynamic import awaited through off-thread loader hooks (ts-node's) does not keep Node's
  // event loop alive; without this timer `remark` could exit mid-load and print nothing.
  const keepAlive = setInterval(() => undefined, 1000);
  try {
    const { CspellSession } = await import('./cspell-session.js');
    return await CspellSession.open(sources, docsRoot);
  } finally {
    clearInterval(keepAlive);
  }
}

const spellers = new Map<string, Speller>();
let saveOnExit = false;

/** The speller for a docs tree: its word list, and the nearest cspell config above it (found once). */
export function spellerFor(docsRoot: string): Speller {
  const cached = spellers.get(docsRoot);
  if (cached) return cached;
  const configPath = findConfig(docsRoot);
  const wordsPath = join(docsRoot, TEMPLATE_DIR, WORDS_FILE);
  const hash = createHash('sha256').update(`format ${CACHE_FORMAT}\0cspell-lib ${cspellVersion()}\0${codeStamp()}\0`);
  for (const path of [configPath, ...(configPath ? dictionaryFilesOf(configPath) : []), wordsPath, manifestPath(docsRoot)]) {
    if (path && existsSync(path)) hash.update(`${path}\0`).update(readFileSync(path));
  }
  const key = hash.digest('hex');
  // The manifest's names are known on every page: one word list for the tree, not one per page
  // (cspell builds a dictionary for every distinct list it is given).
  const sources = (): SpellingSources => ({ configPath, words: [...(existsSync(wordsPath) ? readWords(wordsPath) : []), ...manifestWords(docsRoot)] });
  const cacheDir = trustedCacheDir(docsRoot);
  const speller = new Speller(docsRoot, sources, cacheDir && join(cacheDir, `spelling-${key.slice(0, 16)}.json`), key);
  spellers.set(docsRoot, speller);
  if (!saveOnExit) {
    saveOnExit = true;
    process.on('exit', saveSpellingCaches);
  }
  return speller;
}

const NAME_WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;

/** The words of names (service names and the like), as cspell would be told them. */
export function wordsOfNames(names: Iterable<string | undefined>): string[] {
  const words = new Set<string>();
  for (const name of names) for (const [word] of (name ?? '').matchAll(NAME_WORD)) if (/\p{L}/u.test(word)) words.add(word);
  return [...words].sort();
}

const manifestWordSets = new WeakMap<object, ReadonlySet<string>>();

/** The words of every name the tree's services manifest pins (worked out again when it changes). */
export function manifestWords(docsRoot: string): ReadonlySet<string> {
  const manifest = loadManifest(docsRoot);
  let words = manifestWordSets.get(manifest);
  if (!words) {
    words = new Set(wordsOfNames(Object.values(manifest).flatMap((entry) => [entry.service, entry.short])));
    manifestWordSets.set(manifest, words);
  }
  return words;
}

/** Saves every speller's new answers (worker threads call this before they finish). */
export function saveSpellingCaches(): void {
  for (const speller of spellers.values()) speller.saveCache();
}

function findConfig(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    for (const name of CONFIG_NAMES) if (existsSync(join(dir, name))) return join(dir, name);
    if (dirname(dir) === dir) return undefined;
  }
}

/** Word-list files a JSON cspell config names (`dictionaryDefinitions`), so editing one changes the key. */
function dictionaryFilesOf(configPath: string): string[] {
  try {
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as { dictionaryDefinitions?: { path?: unknown }[] };
    return (config.dictionaryDefinitions ?? []).flatMap((d) => (typeof d?.path === 'string' ? [resolve(dirname(configPath), d.path)] : []));
  } catch {
    return []; // cspell reports a broken config when it loads it
  }
}

function readWords(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}

let stamp: string | undefined;

/** A digest of this folder's code (how verdicts are asked for and kept), so a change re-asks cspell. */
function codeStamp(): string {
  if (stamp) return stamp;
  const here = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  for (const name of readdirSync(here).sort()) if (/\.[jt]s$/.test(name)) hash.update(name).update(readFileSync(join(here, name)));
  stamp = hash.digest('hex');
  return stamp;
}

/** The version of the cspell-lib this module loads (found the way Node resolves it, without loading it). */
function cspellVersion(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const manifest = join(dir, 'node_modules', 'cspell-lib', 'package.json');
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
      } catch {
        return 'unknown';
      }
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}
