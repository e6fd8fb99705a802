/**
 * The corpus index, remembered between runs: a page whose text is unchanged keeps its entry
 * (title, anchors, links) instead of being scanned again, so a warm or pre-commit run costs
 * reading and hashing the pages, not indexing them.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cacheDirFor } from './cache-dir.js';
import { indexPage, type CorpusIndex, type IndexedPage } from './corpus-index.js';

/** Bump when IndexedPage changes shape. */
const INDEX_FORMAT = 2;

type StoredPage = Omit<IndexedPage, 'fragments'> & { fragments: string[] };

interface IndexFile {
  format: number;
  pages: Record<string, { hash: string; page: StoredPage }>;
}

/**
 * Indexes a docs tree, reusing the entries of pages unchanged since the last run. A page is known
 * by `idOf` (its git blob id) when the source gives one, so such pages are not even read; else by
 * a hash of its text. `textOf` is called only for pages that must be indexed afresh.
 */
export function indexCorpusCached(
  root: string,
  paths: readonly string[],
  idOf: (path: string) => string | undefined,
  textOf: (paths: readonly string[]) => Map<string, string>,
): CorpusIndex {
  const path = join(cacheDirFor(root), `index-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.json`);
  let stored: IndexFile['pages'] = {};
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as IndexFile;
    if (data.format === INDEX_FORMAT) stored = data.pages;
  } catch {
    // first run, or a damaged cache: index everything
  }
  const unknown = paths.filter((file) => {
    const id = idOf(file);
    return id === undefined || stored[file]?.hash !== id;
  });
  const texts = textOf(unknown);
  const pages = new Map<string, IndexedPage>();
  const next: IndexFile['pages'] = {};
  let changed = false;
  for (const file of paths) {
    const text = texts.get(file);
    const hash = idOf(file) ?? createHash('sha1').update(text ?? '').digest('base64');
    const hit = stored[file];
    if (hit && hit.hash === hash) {
      pages.set(file, { ...hit.page, fragments: new Set(hit.page.fragments) });
      next[file] = hit;
    } else {
      const page = indexPage(file, text ?? '');
      pages.set(file, page);
      next[file] = { hash, page: { ...page, fragments: [...page.fragments] } };
      changed = true;
    }
  }
  if (changed || Object.keys(stored).length !== paths.length) save(path, { format: INDEX_FORMAT, pages: next });
  return { root, pages };
}

function save(path: string, data: IndexFile): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(data));
    renameSync(temp, path);
  } catch {
    // a read-only checkout only loses speed
  }
}
