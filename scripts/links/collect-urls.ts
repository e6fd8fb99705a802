/**
 * Every external URL a docs tree cites, read from each page's syntax tree (so code blocks and inline
 * code never count), with the place of every citation: one entry per URL to request, however many
 * pages cite it.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { listMarkdownFiles } from '../corpus/docs-files.js';
import { decodePage, UnreadablePage } from '../corpus/read-page.js';
import { parseMarkdown } from '../corpus/markdown.js';
import { UserError } from '../user-error.js';

export interface Citation {
  /** Page path relative to the current directory, with `/` separators. */
  page: string;
  line: number;
  column: number;
}

export interface CitedUrl {
  /** The URL as requested: parsed and without its `#fragment` (the server never sees it). */
  url: string;
  citations: Citation[];
}

export interface CollectedUrls {
  urls: CitedUrl[];
  pages: number;
}

/** A page that cannot be read; the message names the page. */
export class PageError extends UserError {}

const EXTERNAL = /^https?:\/\//i;

/** External (http, https) URLs of links, images and definitions in every page, sorted by URL. */
export function collectExternalUrls(docsRoot: string, cwd: string): CollectedUrls {
  const from = realpathSync(cwd);
  const byUrl = new Map<string, Citation[]>();
  const pages = listMarkdownFiles(docsRoot);
  for (const path of pages) {
    const page = relative(from, path).split(sep).join('/');
    for (const { url, line, column } of externalUrlsOf(parseMarkdown(readText(path, page)))) {
      const key = requestUrl(url);
      const citations = byUrl.get(key) ?? [];
      citations.push({ page, line, column });
      byUrl.set(key, citations);
    }
  }
  const urls = [...byUrl].map(([url, citations]) => ({ url, citations })).sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return { urls, pages: pages.length };
}

/** External URLs in one parsed page, in document order, with where each starts. */
export function externalUrlsOf(tree: Root): { url: string; line: number; column: number }[] {
  const found: { url: string; line: number; column: number }[] = [];
  visit(tree, (node) => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && EXTERNAL.test(node.url.trim())) {
      found.push({ url: node.url.trim(), line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
    }
  });
  return found;
}

/** The URL a request goes to: normalised by the URL parser, fragment dropped; unparseable URLs stay as written. */
export function requestUrl(written: string): string {
  if (!URL.canParse(written)) return written;
  const url = new URL(written);
  url.hash = '';
  return url.href;
}

function readText(path: string, shown: string): string {
  try {
    return decodePage(readFileSync(path)).text;
  } catch (error) {
    const reason = error instanceof UnreadablePage ? error.message : `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
    throw new PageError(`${shown}: ${reason}`);
  }
}
