/**
 * A worker thread's share of a large run: each page parsed once, indexed and checked by the page
 * rules (see page-pass.ts); the results go back to the main thread in the order given.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { withholdCorpusIndex } from '../corpus/corpus-index.js';
import { saveSpellingCaches } from '../spelling/speller.js';
import { passPage, type PageToPass, type PassedPage } from './page-pass.js';

export interface PageWorkerInput {
  docsRoot: string;
  cwd: string;
  pages: PageToPass[];
}

const input = workerData as PageWorkerInput;
withholdCorpusIndex(input.docsRoot);
const results: PassedPage[] = [];
for (const page of input.pages) results.push(await passPage(page, input.cwd));
saveSpellingCaches();
parentPort?.postMessage(results);
