/**
 * `check` as a library call: the files of a docs tree (or some of them), each read and parsed once,
 * every rule run, findings returned. The CLI only turns these into output and exit codes.
 */
import { resolve, relative } from 'node:path';
import { VFile } from 'vfile';
import { indexCorpus, provideCorpusIndex } from '../corpus/corpus-index.js';
import { loadCatalog } from '../template/catalog.js';
import { loadManifest } from '../template/manifest.js';
import { loadTemplate } from '../template/template.js';
import { listMarkdownFiles } from '../corpus/docs-files.js';
import { findingsOf, type Finding } from './finding.js';
import { lintFile } from './processor.js';
import { readPage, type PageText } from '../corpus/read-page.js';

export interface CheckOptions {
  /** The docs tree (its `_template/` holds the template and manifest). */
  docsRoot: string;
  /** Directory that reported paths are relative to. */
  cwd: string;
}

export interface CheckedFile {
  path: string;
  file: VFile;
  page?: PageText;
}

export interface CheckResult {
  files: CheckedFile[];
  findings: Finding[];
}

/** Throws TemplateError when the template or manifest cannot be used: nothing can be checked then. */
export function loadDocsConfig(docsRoot: string): void {
  loadTemplate(docsRoot);
  loadManifest(docsRoot);
  loadCatalog(docsRoot);
}

/** Checks one page's current text. */
export async function checkText(path: string, text: string, cwd: string): Promise<VFile> {
  const file = new VFile({ path: relative(cwd, path), cwd, value: text });
  await lintFile(file);
  return file;
}

/** Runs every offline rule on every Markdown file of the docs tree. */
export async function checkDocs(options: CheckOptions): Promise<CheckResult> {
  const docsRoot = resolve(options.cwd, options.docsRoot);
  loadDocsConfig(docsRoot);
  const files: CheckedFile[] = listMarkdownFiles(docsRoot).map((path) => {
    const { file, page } = readPage(path, relative(options.cwd, path), options.cwd);
    return page ? { path, file, page } : { path, file };
  });
  // Cross-file rules answer from this index of the texts just read, never from re-reading.
  provideCorpusIndex(indexCorpus(docsRoot, new Map(files.map((f) => [f.path, f.page?.text ?? '']))));
  for (const { file, page } of files) if (page) await lintFile(file);
  return { files, findings: findingsOf(files.map((f) => f.file)) };
}
