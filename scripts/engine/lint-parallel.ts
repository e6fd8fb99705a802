/**
 * Spreads a large run over the machine's cores: pages are dealt to worker threads in balanced
 * shares (by size), each worker indexes or lints its share, and the results come back to the main
 * thread in the same order a single thread would produce them.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { VFile } from 'vfile';
import type { CorpusIndex, IndexedPage } from '../corpus/corpus-index.js';
import { plainIndex } from '../corpus/index-cache.js';
import { restoreMessages, type SerializedFile } from './serialized-file.js';
import type { IndexWorkerInput } from './index-worker.js';
import type { WorkerInput } from './lint-worker.js';

/** Below this many pages, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 300;

export interface ParallelPage {
  path: string;
  file: VFile;
  text: string;
}

/** How many workers a run of `pages` pages should use (0: lint on the main thread). */
export function workerCount(pages: number, requested?: number): number {
  if (requested !== undefined) return Math.max(0, requested);
  if (pages < PARALLEL_THRESHOLD) return 0;
  return Math.min(availableParallelism(), 4);
}

/** Deals pages to `workers` shares of about equal size, largest pages first. */
function balancedShares<T extends { text: string }>(pages: readonly T[], workers: number): T[][] {
  const shares: T[][] = Array.from({ length: workers }, () => []);
  const loads = new Array<number>(workers).fill(0);
  for (const page of [...pages].sort((a, b) => b.text.length - a.text.length)) {
    const lightest = loads.indexOf(Math.min(...loads));
    shares[lightest]!.push(page);
    loads[lightest]! += page.text.length;
  }
  return shares;
}

/** Runs one worker script on `workerData` and resolves with the one message it posts. */
function runWorker<T>(name: string, workerData: unknown): Promise<T> {
  const script = new URL(import.meta.url.endsWith('.ts') ? `./${name}.ts` : `./${name}.js`, import.meta.url);
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(script, { workerData });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`${name} stopped with exit code ${code}`));
    });
  });
}

/** Indexes pages (path -> text) in `workers` threads: parsing is most of a cold run's index cost. */
export async function indexInWorkers(texts: ReadonlyMap<string, string>, workers: number): Promise<Map<string, IndexedPage>> {
  const shares = balancedShares([...texts].map(([path, text]) => ({ path, text })), workers);
  const indexed = new Map<string, IndexedPage>();
  await Promise.all(
    shares.map(async (share) => {
      if (share.length === 0) return;
      const input: IndexWorkerInput = { pages: share };
      const pages = await runWorker<IndexedPage[]>('index-worker', input);
      pages.forEach((page) => indexed.set(page.path, page));
    }),
  );
  return indexed;
}

/** Lints pages in `workers` threads; each file receives its messages. */
export async function lintInWorkers(pages: readonly ParallelPage[], index: CorpusIndex, cwd: string, workers: number): Promise<void> {
  const plain = plainIndex(index);
  await Promise.all(
    balancedShares(pages, workers).map(async (share) => {
      if (share.length === 0) return;
      const input: WorkerInput = { index: plain, cwd, pages: share.map((p) => ({ path: p.path, display: p.file.path, text: p.text })) };
      const results = await runWorker<SerializedFile[]>('lint-worker', input);
      share.forEach((page, i) => restoreMessages(page.file, results[i]!));
    }),
  );
}
