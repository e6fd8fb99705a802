/**
 * `check` as a library call: the files of a docs tree (or some of them), each read and parsed once,
 * every rule run, findings returned. The CLI only turns these into output and exit codes.
 */
import { resolve, relative } from 'node:path';
import { VFile } from 'vfile';
import { provideCorpusIndex, withholdCorpusIndex, type CorpusIndex } from '../corpus/corpus-index.js';
import { completeIndex, pagesToIndex, planIndex } from '../corpus/index-cache.js';
import { loadCatalog } from '../topics/catalog.js';
import { loadManifest } from '../template/manifest.js';
import { loadTemplate } from '../template/template.js';
import { realpathSync } from 'node:fs';
import { gitIndexSource, workingTreeSource } from '../corpus/corpus-source.js';
import { FindingsCache } from './findings-cache.js';
import { passInWorkers, workerCount } from './lint-parallel.js';
import type { PageToPass, PassedPage } from './page-pass.js';
import { restoreMessages } from './serialized-file.js';
import { pagesToCheck } from './scope.js';
import { inShard, type Shard } from './shard.js';
import { findingsOf, type Finding } from './finding.js';
import { readPage, type PageText } from '../corpus/read-page.js';
import { useConfig, type DocsQualityConfig } from '../config/docs-quality-config.js';
import { pageRole } from '../config/layout.js';
import { pageBudgetMs } from '../corpus/parse-budget.js';
import { boundMessages } from './bound-messages.js';

export interface CheckOptions {
  /** The docs tree (its `_template/` holds the template and manifest). */
  docsRoot: string;
  /** Directory that reported paths are relative to. */
  cwd: string;
  /** Where pages are read from: the working tree (default) or the git index (`--staged`). */
  source?: 'working-tree' | 'git-index';
  /** Report only on these changed files (absolute paths) and the pages they affect. */
  changed?: readonly string[];
  /** Reuse findings of unchanged pages from the previous run (`check`; never `fix`). */
  cache?: boolean;
  /** Check only this deterministic share of the pages (`--shard K/N`). */
  shard?: Shard;
  /** Worker threads to lint with (default: by corpus size and cores; 0 = main thread only). */
  workers?: number;
  /**
   * The configuration file (`--config FILE`, relative to `cwd`); default: the `.docs-quality.json`
   * found from the docs tree upward; null: none, every rule at its defaults.
   */
  configPath?: string | null;
  /** Each page's time budget for its parse and rules, in milliseconds (default: `DOCS_QUALITY_PAGE_BUDGET_MS`, else 5 s). */
  pageBudgetMs?: number;
}

export interface CheckedFile {
  path: string;
  file: VFile;
  page?: PageText;
}

export interface CheckResult {
  files: CheckedFile[];
  findings: Finding[];
  /** Pages linted in this run, and pages whose findings came from the cache. */
  linted: number;
  cached: number;
  /** Pages of the tree that are neither a service page, a topic page nor the template (checked for style, spelling and links only). */
  outsideServices: string[];
}

/** Throws TemplateError when the template or manifest cannot be used: nothing can be checked then. */
export function loadDocsConfig(docsRoot: string): void {
  loadTemplate(docsRoot);
  loadManifest(docsRoot);
  loadCatalog(docsRoot);
}

/** Runs every offline rule on every Markdown file of the docs tree. */
export async function checkDocs(options: CheckOptions): Promise<CheckResult> {
  const docsRoot = realpathSync(resolve(options.cwd, options.docsRoot));
  const config = useConfig(docsRoot, options.configPath, options.cwd);
  loadDocsConfig(docsRoot);
  const source = options.source === 'git-index' ? gitIndexSource(docsRoot) : workingTreeSource(docsRoot);
  const read = new Map<string, CheckedFile>();
  const readPages = (paths: readonly string[]): void => {
    const missing = paths.filter((path) => !read.has(path));
    const bytes = source.readMany(missing);
    for (const path of missing) {
      const { file, page } = readPage(path, relative(options.cwd, path), options.cwd, (p) => {
        const found = bytes.get(p);
        if (found instanceof Error) throw found;
        if (!found) throw Object.assign(new Error(`cannot read ${p}`), { code: 'ENOENT' });
        return found;
      });
      read.set(path, page ? { path, file, page } : { path, file });
    }
  };
  const textsOf = (paths: readonly string[]): Map<string, string> => {
    readPages(paths);
    return new Map(paths.map((path) => [path, read.get(path)?.page?.text ?? '']));
  };
  // Cross-file rules answer from this index, never from re-reading; with the cache, pages the git
  // index says are unchanged are not even read. Each page is parsed once: the pages parsed for the
  // index are checked by the page rules on the same tree when this run will report on them.
  const plan = options.cache ? planIndex(docsRoot, source.paths, (path) => source.blobIds?.get(path)) : undefined;
  const texts = textsOf(plan?.toRead ?? source.paths);
  const changed = options.changed ? new Set(options.changed) : undefined;
  const reportsOn = (path: string): boolean => (!changed || changed.has(path)) && (!options.shard || inShard(path, docsRoot, options.shard));
  const toIndex = plan ? pagesToIndex(plan, texts) : texts;
  const passed = await passPages(
    [...toIndex].map(([path, text]) => ({ path, display: read.get(path)?.file.path ?? path, text, index: true, lint: reportsOn(path) && read.get(path)?.page !== undefined })),
    docsRoot,
    config,
    options,
  );
  const indexed = new Map([...passed].map(([path, result]) => [path, result.indexed!]));
  const remembered = plan ? completeIndex(plan, texts, indexed) : undefined;
  const index: CorpusIndex = remembered?.index ?? { root: docsRoot, pages: new Map(source.paths.map((path) => [path, indexed.get(path)!])) };
  provideCorpusIndex(index);
  // What the rules declare a change can reach (their code loads only for a scoped run).
  const reach = async () => new Set((await import('./preset.js')).ruleEntries.map((rule) => rule.meta.crossFile));
  const scope = options.changed ? pagesToCheck(options.changed, index, await reach()) : undefined;
  const selected = source.paths.filter((path) => (!scope || scope.has(path)) && (!options.shard || inShard(path, docsRoot, options.shard)));
  readPages(selected);
  const files = selected.map((path) => read.get(path)!);
  for (const { path, reason } of source.skipped) {
    const file = new VFile({ path: relative(options.cwd, path), cwd: options.cwd });
    const message = file.message(reason, { ruleId: 'read-page', source: 'docs-quality', place: { line: 1, column: 1 } });
    message.fatal = true;
    if (!scope) files.push({ path, file });
  }
  const cache = remembered ? FindingsCache.open(docsRoot, remembered.digest, config.text) : undefined;
  const todo = files.filter(({ path, file, page }) => page && (passed.get(path)?.messages || !cache?.restore(path, page.text, file)));
  // Pages to check that were not parsed for the index (unchanged, but the corpus changed): the page rules now.
  const unlinted = todo.filter(({ path }) => !passed.get(path)?.messages);
  const late = await passPages(unlinted.map(({ path, file, page }) => ({ path, display: file.path, text: page!.text, index: false, lint: true })), docsRoot, config, options);
  for (const [path, result] of late) passed.set(path, result);
  if (todo.length > 0) {
    const { lintWithCorpusRules } = await import('./processor.js');
    const { applyLintDirectives } = await import('./lint-directives.js');
    const { ruleIds } = await import('./preset.js');
    for (const { path, file } of todo) {
      const result = passed.get(path)!;
      restoreMessages(file, result.messages!);
      if (result.checkable) await lintWithCorpusRules(file, index.pages.get(path)!, result.tree, config.rules, pageBudgetMs(options.pageBudgetMs));
      if (result.directives) applyLintDirectives(file, result.directives, ruleIds);
      boundMessages(file);
    }
  }
  for (const { path, file, page } of todo) cache?.store(path, page!.text, file);
  cache?.save();
  const linted = todo.length;
  const cached = files.filter((f) => f.page).length - linted;
  const outsideServices = source.paths.filter((path) => pageRole(docsRoot, path) === 'other');
  return { files, findings: findingsOf(files.map((f) => f.file)), linted, cached, outsideServices };
}

/** Passes pages (see page-pass.ts): in worker threads when there are many to parse. */
async function passPages(pages: readonly PageToPass[], docsRoot: string, config: DocsQualityConfig, options: CheckOptions): Promise<Map<string, PassedPage>> {
  if (pages.length === 0) return new Map();
  const workers = workerCount(pages.length, options.workers);
  if (workers > 0) {
    const results = await passInWorkers(pages, { docsRoot, cwd: options.cwd, configPath: config.path ?? null, pageBudgetMs: pageBudgetMs(options.pageBudgetMs) }, workers);
    return new Map(pages.map((page, i) => [page.path, results[i]!]));
  }
  // The rules load on first need: a run served from the cache never pays for them.
  const { passPage } = await import('./page-pass.js');
  const results = new Map<string, PassedPage>();
  const restore = withholdCorpusIndex(docsRoot);
  try {
    for (const page of pages) results.set(page.path, await passPage(page, options.cwd, config.rules, pageBudgetMs(options.pageBudgetMs)));
  } finally {
    restore();
  }
  return results;
}
