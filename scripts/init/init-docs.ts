/**
 * `init`: a docs tree's `_template/` inferred from the service pages it already has: the template,
 * the topic catalog, the services manifest and the names' word list, written atomically inside the
 * docs root. An existing `_template/` is only replaced with `force`.
 */
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isInside } from '../corpus/docs-files.js';
import { TEMPLATE_DIR, TEMPLATE_FILE } from '../template/template.js';
import { CATALOG_FILE } from '../topics/catalog.js';
import { MANIFEST_FILE } from '../template/manifest.js';
import { writeFileAtomically } from '../files/write-atomically.js';
import { WORDS_FILE } from '../spelling/speller.js';
import { UserError } from '../user-error.js';
import { modelOf } from './align-pages.js';
import { bindPageNames } from './bind-page-names.js';
import { inferCatalog } from './infer-catalog.js';
import { inferTemplate } from './infer-template.js';
import { initSummary } from './init-summary.js';
import { readServicePages } from './service-pages.js';
import { catalogJson, manifestJson, wordsText } from './template-files.js';

export interface InitOptions {
  docsRoot: string;
  /** Replace an existing `_template/`. */
  force: boolean;
}

export interface InitResult {
  /** Absolute paths written. */
  written: string[];
  summary: string[];
}

/** Infers and writes `_template/`; throws a UserError when it exists (without force) or nothing can be inferred. */
export function initDocs({ docsRoot, force }: InitOptions): InitResult {
  const root = realpathSync(docsRoot);
  const dir = join(root, TEMPLATE_DIR);
  if (existsSync(dir) || isLink(dir)) {
    if (!force) throw new UserError(`${dir} already exists: pass --force to replace it`);
    // Never write through a link to somewhere else.
    if (isLink(dir) || !isInside(root, realpathSync(dir))) throw new UserError(`${dir} leads outside the docs tree: init writes only inside it`);
  }
  const pages = readServicePages(root);
  if (pages.length === 0) throw new UserError(`no service pages (<folder>/${TEMPLATE_FILE}) under ${docsRoot}: nothing to infer a template from`);
  const bound = pages.map((page) => ({ page, names: bindPageNames(page) }));
  const models = bound.flatMap(({ page, names }) => (names ? [modelOf(page, names)] : []));
  const unbound = bound.filter(({ names }) => !names).map(({ page }) => relative(root, page.path));
  if (models.length === 0) throw new UserError(`no service page under ${docsRoot} names its service in its H1 (# Security in <service>)`);
  const template = inferTemplate(models);
  const catalog = inferCatalog(models);
  const files: [string, string][] = [
    [TEMPLATE_FILE, template.text],
    [CATALOG_FILE, catalogJson(catalog)],
    [MANIFEST_FILE, manifestJson(models, catalog)],
    [WORDS_FILE, wordsText(models)],
  ];
  const written = files.map(([name, text]) => {
    const path = join(dir, name);
    if (isLink(path)) throw new UserError(`${path} is a link: init writes only files inside the docs tree`);
    writeFileAtomically(path, text, { mkdir: true });
    return path;
  });
  return { written, summary: initSummary({ models, unbound, template, catalog }) };
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
