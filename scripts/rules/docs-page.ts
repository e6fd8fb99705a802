/**
 * Where a file sits in a docs tree: its root (the folder holding `_template/`), its service folder,
 * and whether it is the service's security page. Rules use this to decide what applies.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import type { VFile } from 'vfile';
import { SERVICE_PAGE, TEMPLATE_DIR, templatePath } from '../template/template.js';

export interface DocsPage {
  path: string;
  docsRoot: string;
  /** Service folder name, when the page sits directly in one. */
  service?: string;
  isServicePage: boolean;
}

const rootOfDir = new Map<string, string | null>();

/** The docs root a folder belongs to: the nearest ancestor (or itself) with a template. */
function docsRootOf(dir: string): string | undefined {
  const cached = rootOfDir.get(dir);
  if (cached !== undefined) return cached ?? undefined;
  let found: string | undefined;
  for (let at = dir, depth = 0; depth < 3; depth++) {
    if (existsSync(templatePath(at))) {
      found = at;
      break;
    }
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  rootOfDir.set(dir, found ?? null);
  return found;
}

/** Describes a file's place in its docs tree, or undefined outside any docs tree. */
export function docsPageOf(file: VFile): DocsPage | undefined {
  if (!file.path) return undefined;
  const path = resolve(file.cwd, file.path);
  const docsRoot = docsRootOf(dirname(path));
  if (!docsRoot) return undefined;
  const parts = relative(docsRoot, path).split(sep);
  const inService = parts.length === 2 && !parts[0]!.startsWith('_') && !parts[0]!.startsWith('.') && parts[0] !== TEMPLATE_DIR;
  const page: DocsPage = { path, docsRoot, isServicePage: inService && basename(path) === SERVICE_PAGE };
  if (inService) page.service = parts[0]!;
  return page;
}
