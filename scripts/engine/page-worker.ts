/**
 * A worker thread's share of a large run: each page parsed once, indexed and checked by the page
 * rules (see page-pass.ts); the results go back to the main thread in the order given.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { useConfig } from '../config/docs-quality-config.js';
import { withholdCorpusIndex } from '../corpus/corpus-index.js';
import { saveSpellingCaches } from '../spelling/speller.js';
import { passPage, type PageToPass, type PassedPage } from './page-pass.js';

/** What every worker of a run shares: the tree, and the configuration the run chose. */
export interface RunContext {
  docsRoot: string;
  cwd: string;
  /** The configuration file; null: none (the defaults). */
  configPath: string | null;
  /** Each page's time budget in milliseconds (see parse-budget.ts). */
  pageBudgetMs: number;
}

export interface PageWorkerInput extends RunContext {
  pages: PageToPass[];
}

const input = workerData as PageWorkerInput;
withholdCorpusIndex(input.docsRoot);
const { rules } = useConfig(input.docsRoot, input.configPath, input.cwd);
const results: PassedPage[] = [];
for (const page of input.pages) results.push(await passPage(page, input.cwd, rules, input.pageBudgetMs));
saveSpellingCaches();
parentPort?.postMessage(results);
