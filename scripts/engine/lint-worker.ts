/**
 * A worker thread's share of a large run: lints the pages it is given against the corpus index the
 * main thread built, and sends back each page's messages as JSON.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { VFile } from 'vfile';
import { provideCorpusIndex, type CorpusIndex } from '../corpus/corpus-index.js';
import { saveSpellingCaches } from '../spelling/speller.js';
import { lintFile } from './processor.js';
import { serializeMessages, type SerializedFile } from './serialized-file.js';

export interface WorkerInput {
  index: CorpusIndex;
  cwd: string;
  pages: { path: string; display: string; text: string }[];
}

const input = workerData as WorkerInput;
provideCorpusIndex(input.index);
const results: SerializedFile[] = [];
for (const page of input.pages) {
  const file = new VFile({ path: page.display, cwd: input.cwd, value: page.text });
  await lintFile(file);
  results.push(serializeMessages(file));
}
saveSpellingCaches();
parentPort?.postMessage(results);
