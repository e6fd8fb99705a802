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
const INDEX_FORMAT = 1;

type StoredPage = Omit<IndexedPage, 'fragments'> & { fragments: string[] };

interface IndexFile {
  format: number;
  pages: Record<string, { hash: string; page: StoredPage }>;
}

/** Indexes the texts of a docs tree, reusing the entries of pages unchanged since the last run. */
export function indexCorpusCached(root: string, texts: ReadonlyMap<string, string>): CorpusIndex {
  const path = join(cacheDirFor(root), `index-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.json`);
  let stored: IndexFile['pages'] = {};
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as IndexFile;
    if (data.format === INDEX_FORMAT) stored = data.pages;
  } catch {
    // first run, or a damaged cache: index everything
  }
  const pages = new Map<string, IndexedPage>();
  const next: IndexFile['pages'] = {};
  let changed = false;
  for (const [file, text] of texts) {
    const hash = createHash('sha1').update(text).digest('base64');
    const hit = stored[file];
    const page = hit && hit.hash === hash ? { ...hit.page, fragments: new Set(hit.page.fragments) } : indexPage(file, text);
    if (!hit || hit.hash !== hash) changed = true;
    pages.set(file, page);
    next[file] = hit && hit.hash === hash ? hit : { hash, page: { ...page, fragments: [...page.fragments] } };
  }
  if (changed || Object.keys(stored).length !== texts.size) save(path, { format: INDEX_FORMAT, pages: next });
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
