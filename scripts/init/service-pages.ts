/**
 * The service pages a docs tree already has, read and parsed once: what `init` infers the template,
 * the catalog and the manifest from. A service folder is found as the layout finds it (any folder
 * holding the service page, at any depth, outside `_template/` and hidden folders).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Root } from 'mdast';
import { serviceFolderOf, servicePageName } from '../config/layout.js';
import { walkDocs } from '../corpus/docs-files.js';
import { parseMarkdown } from '../corpus/markdown.js';
import { blocksOf, type Block } from '../template/blocks.js';
import { UserError } from '../user-error.js';

export interface ServicePage {
  /** Service folder relative to the docs root, `/`-separated (`s3`, `analytics/kinesis`). */
  folder: string;
  path: string;
  source: string;
  tree: Root;
  /** Alignable blocks (HTML blocks left out, as the template comparison leaves them out). */
  blocks: Block[];
}

/** Reads every service page under the docs root, sorted by folder; an unreadable page is an error with its path. */
export function readServicePages(docsRoot: string): ServicePage[] {
  const pageName = servicePageName(docsRoot);
  const pages: ServicePage[] = [];
  for (const path of walkDocs(docsRoot).files) {
    if (basename(path) !== pageName) continue;
    const folder = serviceFolderOf(docsRoot, path);
    if (folder === undefined) continue;
    let source: string;
    try {
      source = readFileSync(path, 'utf8');
    } catch (error) {
      throw new UserError(`cannot read ${path}: ${(error as Error).message}`);
    }
    const tree = parseMarkdown(source);
    pages.push({ folder, path, source, tree, blocks: blocksOf(tree, source).filter((b) => b.kind !== 'html') });
  }
  return pages.sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
}
