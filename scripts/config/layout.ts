/**
 * Where a file sits in a docs tree: its root (the folder holding `_template/`), its service folder,
 * and whether it is the service's security page. Rules use this to decide what applies.
 *
 * A service folder is any folder, at any depth, holding a service page (`security.md`, or the
 * configured `layout.servicePage`); the other pages in it are its topic pages. A folder the
 * services manifest names counts as one even without its page, so that the missing page is reported.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { VFile } from 'vfile';
import { configOf } from './docs-quality-config.js';
import { loadManifest } from '../template/manifest.js';
import { TEMPLATE_DIR, templatePath } from '../template/template.js';

export interface DocsPage {
  path: string;
  docsRoot: string;
  /** Service folder, relative to the docs root with `/` (`s3`, `analytics/kinesis`), when the page sits directly in one. */
  service?: string;
  isServicePage: boolean;
}

/** What a page is to the layout: a service page, a topic page, the template, or none of these. */
export type PageRole = 'service' | 'topic' | 'template' | 'other';

const rootOfDir = new Map<string, string | null>();

/** The docs root a folder belongs to: the nearest ancestor (or itself) with a template. */
function docsRootOf(dir: string): string | undefined {
  const cached = rootOfDir.get(dir);
  if (cached !== undefined) return cached ?? undefined;
  let found: string | undefined;
  for (let at = dir; found === undefined; at = dirname(at)) {
    if (existsSync(templatePath(at))) found = at;
    else if (dirname(at) === at) break;
  }
  rootOfDir.set(dir, found ?? null);
  return found;
}

/** The service page's file name in this docs tree. */
export function servicePageName(docsRoot: string): string {
  return configOf(docsRoot).layout.servicePage;
}

const holdsServicePage = new Map<string, boolean>();

/** The service folder a page of the tree sits directly in (relative, `/`-separated), if any. */
export function serviceFolderOf(docsRoot: string, path: string): string | undefined {
  const folders = relative(docsRoot, path).split(sep).slice(0, -1);
  if (folders.length === 0 || folders.some((name) => name.startsWith('_') || name.startsWith('.'))) return undefined;
  const servicePage = join(dirname(path), servicePageName(docsRoot));
  let holds = holdsServicePage.get(servicePage);
  if (holds === undefined) {
    holds = existsSync(servicePage);
    holdsServicePage.set(servicePage, holds);
  }
  const folder = folders.join('/');
  return holds || loadManifest(docsRoot)[folder] ? folder : undefined;
}

/** What the layout makes of a page at `path` (absolute) in the tree at `docsRoot`. */
export function pageRole(docsRoot: string, path: string): PageRole {
  if (relative(docsRoot, path).split(sep)[0] === TEMPLATE_DIR) return 'template';
  if (serviceFolderOf(docsRoot, path) === undefined) return 'other';
  return basename(path) === servicePageName(docsRoot) ? 'service' : 'topic';
}

/** Describes a file's place in its docs tree, or undefined outside any docs tree. */
export function docsPageOf(file: VFile): DocsPage | undefined {
  if (!file.path) return undefined;
  const path = resolve(file.cwd, file.path);
  const docsRoot = docsRootOf(dirname(path));
  if (!docsRoot) return undefined;
  const service = serviceFolderOf(docsRoot, path);
  const page: DocsPage = { path, docsRoot, isServicePage: service !== undefined && basename(path) === servicePageName(docsRoot) };
  if (service !== undefined) page.service = service;
  return page;
}
