/**
 * The content-hash cache: a page whose text, whose configuration (template, catalog, manifest,
 * word lists, the rules' own code) and whose corpus index (every page's titles, anchors and links)
 * are unchanged gets its previous findings back without being parsed. Editing prose invalidates
 * one page; renaming a heading invalidates all, because cross-file rules may read it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VFile } from 'vfile';
import { cacheDirFor } from '../corpus/cache-dir.js';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import { TEMPLATE_DIR } from '../template/template.js';
import { restoreMessages, serializeMessages, type SerializedFile } from './serialized-file.js';

/** Bump when the cached shape changes. */
const CACHE_FORMAT = 1;

interface CachedPage extends SerializedFile {
  hash: string;
}

interface CacheFile {
  key: string;
  pages: Record<string, CachedPage>;
}

export class FindingsCache {
  private readonly pages: Record<string, CachedPage>;
  private dirty = false;

  private constructor(
    private readonly path: string,
    private readonly key: string,
    pages: Record<string, CachedPage>,
  ) {
    this.pages = pages;
  }

  /** Opens the cache of a docs tree for this configuration and corpus index. */
  static open(docsRoot: string, index: CorpusIndex): FindingsCache {
    const key = cacheKey(docsRoot, index);
    const path = join(cacheDirFor(docsRoot), `findings-${createHash('sha256').update(docsRoot).digest('hex').slice(0, 16)}.json`);
    let pages: Record<string, CachedPage> = {};
    try {
      const data = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      if (data.key === key) pages = data.pages;
    } catch {
      // no cache yet, or a damaged one: start empty
    }
    return new FindingsCache(path, key, pages);
  }

  /** Restores a page's findings onto its file; false when the page changed since. */
  restore(path: string, text: string, file: VFile): boolean {
    const cached = this.pages[path];
    if (!cached || cached.hash !== hashText(text)) return false;
    restoreMessages(file, cached);
    return true;
  }

  /** Remembers a freshly checked page. */
  store(path: string, text: string, file: VFile): void {
    this.pages[path] = { hash: hashText(text), ...serializeMessages(file) };
    this.dirty = true;
  }

  /** Writes the cache (atomically); a read-only checkout only loses speed. */
  save(): void {
    if (!this.dirty) return;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      const temp = `${this.path}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ key: this.key, pages: this.pages } satisfies CacheFile));
      renameSync(temp, this.path);
      this.dirty = false;
    } catch {
      // the next run checks again
    }
  }
}

function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** Everything besides a page's own text that its findings depend on. */
function cacheKey(docsRoot: string, index: CorpusIndex): string {
  const hash = createHash('sha256').update(`format ${CACHE_FORMAT}\0${codeStamp()}\0`);
  const configDir = join(docsRoot, TEMPLATE_DIR);
  if (existsSync(configDir)) {
    for (const name of readdirSync(configDir).sort()) {
      const path = join(configDir, name);
      if (statSync(path).isFile()) hash.update(`${name}\0`).update(readFileSync(path));
    }
  }
  for (let dir = docsRoot; ; dir = dirname(dir)) {
    const config = join(dir, 'cspell.json');
    if (existsSync(config)) {
      hash.update(readFileSync(config));
      break;
    }
    if (dirname(dir) === dir) break;
  }
  for (const page of [...index.pages.values()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    hash.update(`${page.path}\0${page.h1?.text ?? ''}\0${[...page.fragments].sort().join(' ')}\0${page.links.map((l) => l.url).join(' ')}\n`);
  }
  return hash.digest('hex');
}

let stamp: string | undefined;

/** Changes whenever the rules' code changes (newest modification time of the scripts tree). */
function codeStamp(): string {
  if (stamp) return stamp;
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  let newest = 0;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(root);
  stamp = String(newest);
  return stamp;
}
