/**
 * Spreads a large run over the machine's cores: pages are dealt to worker threads in balanced
 * shares (by size), each worker lints its share, and the messages come back onto the main
 * thread's files, in the same order a single thread would produce them.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { VFile } from 'vfile';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import { plainIndex } from '../corpus/index-cache.js';
import { restoreMessages, type SerializedFile } from './serialized-file.js';
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

/** Lints pages in `workers` threads; each file receives its messages. */
export async function lintInWorkers(pages: readonly ParallelPage[], index: CorpusIndex, cwd: string, workers: number): Promise<void> {
  const shares: ParallelPage[][] = Array.from({ length: workers }, () => []);
  const loads = new Array<number>(workers).fill(0);
  for (const page of [...pages].sort((a, b) => b.text.length - a.text.length)) {
    const lightest = loads.indexOf(Math.min(...loads));
    shares[lightest]!.push(page);
    loads[lightest]! += page.text.length;
  }
  const plain = plainIndex(index);
  const script = new URL(import.meta.url.endsWith('.ts') ? './lint-worker.ts' : './lint-worker.js', import.meta.url);
  await Promise.all(
    shares.map(async (share) => {
      if (share.length === 0) return;
      const input: WorkerInput = { index: plain, cwd, pages: share.map((p) => ({ path: p.path, display: p.file.path, text: p.text })) };
      const results = await new Promise<SerializedFile[]>((resolve, reject) => {
        const worker = new Worker(script, { workerData: input });
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (code !== 0) reject(new Error(`lint worker stopped with exit code ${code}`));
        });
      });
      share.forEach((page, i) => restoreMessages(page.file, results[i]!));
    }),
  );
}
