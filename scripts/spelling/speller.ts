/**
 * Spelling through cspell-lib, with the project's `cspell.json` and the docs tree's word list
 * (`_template/words.txt`). Each distinct word is looked up once, and the answers are kept in a
 * cache keyed by the configuration, so a run whose words are all known never loads cspell's
 * dictionaries (which costs seconds).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cacheDirFor } from '../corpus/cache-dir.js';
import { TEMPLATE_DIR } from '../template/template.js';

export const WORDS_FILE = 'words.txt';
const CONFIG_NAMES = ['cspell.json', '.cspell.json', 'cspell.config.json'];

/** Suggestions for each unknown word; known words map to null. */
export type SpellingVerdicts = Map<string, string[] | null>;

interface Dictionary {
  has(word: string): boolean;
  suggest(word: string): string[];
}

interface CacheFile {
  key: string;
  known: string[];
  unknown: Record<string, string[]>;
}

export class Speller {
  private dictionary?: Promise<Dictionary>;
  private readonly known = new Set<string>();
  private readonly unknown = new Map<string, string[]>();
  private dirty = false;

  constructor(
    private readonly configPath: string | undefined,
    private readonly wordsPath: string,
    private readonly cachePath: string | undefined,
    private readonly key: string,
  ) {
    this.readCache();
  }

  /** Verdicts for the given words, looking up only those no earlier run has answered. */
  async check(words: Iterable<string>): Promise<SpellingVerdicts> {
    const verdicts: SpellingVerdicts = new Map();
    const todo: string[] = [];
    for (const word of words) {
      if (verdicts.has(word)) continue;
      if (this.known.has(word)) verdicts.set(word, null);
      else if (this.unknown.has(word)) verdicts.set(word, this.unknown.get(word)!);
      else todo.push(word);
    }
    if (todo.length > 0) {
      const dictionary = await (this.dictionary ??= dictionaryFor(this.key, () => this.loadDictionary()));
      for (const word of todo) {
        if (isKnown(word, dictionary)) {
          this.known.add(word);
          verdicts.set(word, null);
        } else {
          const suggestions = dictionary.suggest(word);
          this.unknown.set(word, suggestions);
          verdicts.set(word, suggestions);
        }
      }
      this.dirty = true;
    }
    return verdicts;
  }

  /** Saves new answers for the next run (atomically; a failed save only costs speed). */
  saveCache(): void {
    if (!this.dirty || !this.cachePath) return;
    this.readCache(); // merge what other processes or threads saved meanwhile
    const data: CacheFile = { key: this.key, known: [...this.known].sort(), unknown: Object.fromEntries(this.unknown) };
    try {
      mkdirSync(dirname(this.cachePath), { recursive: true });
      const temp = `${this.cachePath}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(data));
      renameSync(temp, this.cachePath);
      this.dirty = false;
    } catch {
      // read-only checkout: the next run looks the words up again
    }
  }

  private readCache(): void {
    if (!this.cachePath || !existsSync(this.cachePath)) return;
    try {
      const data = JSON.parse(readFileSync(this.cachePath, 'utf8')) as CacheFile;
      if (data.key !== this.key) return;
      for (const word of data.known) this.known.add(word);
      for (const [word, suggestions] of Object.entries(data.unknown)) this.unknown.set(word, suggestions);
    } catch {
      // a damaged cache is ignored and rewritten
    }
  }

  private async loadDictionary(): Promise<Dictionary> {
    // A dynamic import awaited through off-thread loader hooks (ts-node's) does not keep Node's
    // event loop alive; without this timer `remark` could exit mid-load and print nothing.
    const keepAlive = setInterval(() => undefined, 1000);
    try {
      return await this.readDictionary();
    } finally {
      clearInterval(keepAlive);
    }
  }

  private async readDictionary(): Promise<Dictionary> {
    const cspell = await import('cspell-lib');
    const config = this.configPath ? await cspell.readSettings(this.configPath) : {};
    const extraWords = existsSync(this.wordsPath) ? readWords(this.wordsPath) : [];
    const merged = cspell.mergeSettings(await cspell.getDefaultSettings(), await cspell.getGlobalSettingsAsync(), config, { words: extraWords });
    const settings = cspell.finalizeSettings(cspell.combineTextAndLanguageSettings(merged, '', ['markdown']));
    const collection = await cspell.getDictionary(settings);
    return {
      has: (word) => collection.has(word),
      suggest: (word) => collection.suggest(word, { numSuggestions: 3 }).map((s) => s.word),
    };
  }
}

/** Known as written, or (for camelCase words) every part of four letters or more is known. */
function isKnown(word: string, dictionary: Dictionary): boolean {
  if (dictionary.has(word)) return true;
  const parts = word.split(/(?<=\p{Ll})(?=\p{Lu})/u);
  return parts.length > 1 && parts.every((part) => part.length < 4 || dictionary.has(part));
}

function readWords(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}

const dictionaries = new Map<string, Promise<Dictionary>>();

/** Trees with the same configuration share one loaded dictionary. */
function dictionaryFor(key: string, load: () => Promise<Dictionary>): Promise<Dictionary> {
  let dictionary = dictionaries.get(key);
  if (!dictionary) {
    dictionary = load();
    dictionaries.set(key, dictionary);
  }
  return dictionary;
}

const spellers = new Map<string, Speller>();
let saveOnExit = false;

/** The speller for a docs tree: its word list, and the nearest cspell config above it. */
export function spellerFor(docsRoot: string): Speller {
  const cached = spellers.get(docsRoot);
  if (cached) return cached;
  const configPath = findConfig(docsRoot);
  const wordsPath = join(docsRoot, TEMPLATE_DIR, WORDS_FILE);
  const hash = createHash('sha256');
  for (const path of [configPath, wordsPath]) if (path && existsSync(path)) hash.update(readFileSync(path));
  hash.update(cspellVersion(configPath ? dirname(configPath) : docsRoot));
  const key = hash.digest('hex');
  const speller = new Speller(configPath, wordsPath, join(cacheDirFor(docsRoot), `spelling-${key.slice(0, 16)}.json`), key);
  spellers.set(docsRoot, speller);
  if (!saveOnExit) {
    saveOnExit = true;
    process.on('exit', saveSpellingCaches);
  }
  return speller;
}

function findConfig(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    for (const name of CONFIG_NAMES) if (existsSync(join(dir, name))) return join(dir, name);
    if (dirname(dir) === dir) return undefined;
  }
}

function cspellVersion(projectDir: string): string {
  try {
    return (JSON.parse(readFileSync(join(projectDir, 'node_modules', 'cspell-lib', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Saves every speller's new answers (worker threads call this before they finish). */
export function saveSpellingCaches(): void {
  for (const speller of spellers.values()) speller.saveCache();
}
