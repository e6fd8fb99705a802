/** A worker thread's share of indexing a large tree: each page's index entry from its mdast. */
import { parentPort, workerData } from 'node:worker_threads';
import { indexPage, type IndexedPage } from '../corpus/corpus-index.js';

export interface IndexWorkerInput {
  pages: { path: string; text: string }[];
}

const input = workerData as IndexWorkerInput;
const pages: IndexedPage[] = input.pages.map(({ path, text }) => indexPage(path, text));
parentPort?.postMessage(pages);
