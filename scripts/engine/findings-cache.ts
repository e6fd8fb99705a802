/**
 * The content-hash cache: a page whose text, whose configuration (template, catalog, manifest,
 * word lists, the rules' own code) and whose corpus index (every page's titles, anchors and links)
 * are unchanged gets its previous findings back without being parsed. Editing prose invalidates
 * one page; renaming a heading invalidates all, because cross-file rules may read it.
 *
 * Findings are kept in one file per top folder of the docs tree (a service), so a pre-commit run
 * that checks a few pages reads and writes a few small files, whatever the size of the corpus.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VFile } from 'vfile';
import { trustedCacheDir } from '../corpus/cache-dir.js';
import { TEMPLATE_DIR } from '../template/template.js';
import { restoreMessages, serializeMessages, type SerializedFile } from './serialized-file.js';
import { writeFileAtomically } from '../files/write-atomically.js';

/** Bump when the cached shape changes. */
const CACHE_FORMAT = 3;

interface CachedPage extends SerializedFile {
  hash: string;
}

interface FolderFile {
  key: string;
  pages: Record<string, CachedPage>;
}

interface Folder {
  file: string;
  pages: Record<string, CachedPage>;
  dirty: boolean;
}

export class FindingsCache {
  private readonly folders = new Map<string, Folder>();

  private constructor(
    private readonly docsRoot: string,
    /** Undefined when the cache folder cannot be trusted: nothing is restored or saved. */
    private readonly dir: string | undefined,
    private readonly key: string,
  ) {}

  /**
   * Opens the cache of a docs tree for this configuration and corpus: `corpusDigest` changes
   * whenever any page's title, anchors or links change.
   */
  static open(docsRoot: string, corpusDigest: string, configText: string): FindingsCache {
    const trusted = trustedCacheDir(docsRoot);
    const dir = trusted && join(trusted, `findings-${createHash('sha256').update(docsRoot).digest('hex').slice(0, 16)}`);
    return new FindingsCache(docsRoot, dir, cacheKey(docsRoot, corpusDigest, configText));
  }

  /** Restores a page's findings onto its file; false when the page changed since. */
  restore(path: string, text: string, file: VFile): boolean {
    const cached = this.folderOf(path).pages[path];
    if (!cached || cached.hash !== hashText(text)) return false;
    restoreMessages(file, cached);
    return true;
  }

  /** Remembers a freshly checked page. */
  store(path: string, text: string, file: VFile): void {
    const folder = this.folderOf(path);
    folder.pages[path] = { hash: hashText(text), ...serializeMessages(file) };
    folder.dirty = true;
  }

  /** Writes the folders that changed (atomically); a read-only checkout only loses speed. */
  save(): void {
    if (this.dir === undefined) return;
    try {
      if ([...this.folders.values()].some((folder) => folder.dirty)) rmSync(`${this.dir}.json`, { force: true }); // the single-file cache of earlier versions
    } catch {
      // left for another run
    }
    for (const folder of this.folders.values()) {
      if (!folder.dirty) continue;
      try {
        writeFileAtomically(folder.file, JSON.stringify({ key: this.key, pages: folder.pages } satisfies FolderFile), { mkdir: true });
        folder.dirty = false;
      } catch {
        // the next run checks these pages again
      }
    }
  }

  /** The cached pages of the top folder holding `path`, read on first use. */
  private folderOf(path: string): Folder {
    const name = relative(this.docsRoot, path).split(sep)[0]!;
    let folder = this.folders.get(name);
    if (folder) return folder;
    const file = this.dir === undefined ? undefined : join(this.dir, `${createHash('sha1').update(name).digest('hex').slice(0, 16)}.json`);
    folder = { file: file ?? '', pages: file === undefined ? {} : this.read(file), dirty: false };
    this.folders.set(name, folder);
    return folder;
  }

  private read(file: string): Record<string, CachedPage> {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as FolderFile;
      if (data.key === this.key) return data.pages;
    } catch {
      // no cache yet, or a damaged one: start empty
    }
    return {};
  }
}

function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** Everything besides a page's own text that its findings depend on. */
function cacheKey(docsRoot: string, corpusDigest: string, configText: string): string {
  const hash = createHash('sha256').update(`format ${CACHE_FORMAT}\0${codeStamp()}\0${corpusDigest}\0${configText}\0`);
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
