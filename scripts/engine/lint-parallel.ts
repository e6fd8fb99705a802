/**
 * Spreads a large run over the machine's cores: pages are dealt to worker threads in balanced
 * shares (by size), each worker parses, indexes and checks its share, and the results come back to the main
 * thread in the same order a single thread would produce them.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PageToPass, PassedPage } from './page-pass.js';
import type { PageWorkerInput, RunContext } from './page-worker.js';

/** Below this many pages, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 300;

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

/** Passes pages (see page-pass.ts) in `workers` threads; results in the order of `pages`. */
export async function passInWorkers(pages: readonly PageToPass[], context: RunContext, workers: number): Promise<PassedPage[]> {
  const results = new Map<PageToPass, PassedPage>();
  await Promise.all(
    balancedShares(pages, workers).map(async (share) => {
      if (share.length === 0) return;
      const input: PageWorkerInput = { ...context, pages: share };
      const passed = await runWorker<PassedPage[]>('page-worker', input);
      share.forEach((page, i) => results.set(page, passed[i]!));
    }),
  );
  return pages.map((page) => results.get(page)!);
}
