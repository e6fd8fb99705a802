/**
 * The corpus index: for every page of a docs tree, its H1, the fragments it offers (heading slugs
 * and `<a name>` anchors) and the links it makes, read from the page's mdast. Cross-file rules answer
 * "does `x.md#y` exist?" and "who links here?" from it, and the index store keeps it between runs.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Definition, Heading, Image, Link, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { pageStyleOf } from '../template/markup.js';
import { listMarkdownFiles } from './docs-files.js';
import { beyondLimits } from './parse-limits.js';
import { parseMarkdown } from './markdown.js';
import { decodePage } from './read-page.js';

export interface IndexedHeading {
  depth: number;
  /** Rendered text without HTML (what the slug and titles are made of). */
  text: string;
  slug: string;
  line: number;
  /** Source range of the heading's inline content, without a trailing `<a name>` anchor. */
  contentStart: number;
  contentEnd: number;
  /** `<a name|id>` anchors written inside the heading (`## Title<a name="x"></a>`): they land on it too. */
  anchors?: string[];
}

export interface IndexedLink {
  /** As mdast gives it: escapes and character references decoded. */
  url: string;
  kind: 'link' | 'image' | 'definition';
  /** Source range of the whole link, image or definition. */
  nodeStart: number;
  nodeEnd: number;
  /** Source range of the destination as written (inside `<…>` when so written). */
  start: number;
  end: number;
  line: number;
}

export interface IndexedPage {
  path: string;
  h1?: IndexedHeading;
  headings: IndexedHeading[];
  /** Every fragment a link may target: heading slugs and `<a name|id>` anchors. */
  fragments: Set<string>;
  links: IndexedLink[];
  /** The page backslash-escapes prose punctuation (so fixes written into it do too). */
  escapesPunctuation: boolean;
  /**
   * Anchors and heading slugs written inside code blocks, with the line each block starts on: not
   * fragments, but when a link wants one, an unclosed fence above it is the likely cause.
   */
  codeFragments: Map<string, number>;
  /** The URLs of `links`, when a page can give them without unpacking its links (see index-cache). */
  readonly linkUrls?: readonly string[];
}

export interface CorpusIndex {
  root: string;
  pages: Map<string, IndexedPage>;
}

/**
 * Indexes one page's text: parsed with the rules' own grammar (remark-parse), so headings in block
 * quotes and lists count, and links in code, comments or HTML do not.
 */
export function indexPage(path: string, text: string): IndexedPage {
  let tree: Root;
  try {
    tree = beyondLimits(text) !== undefined ? emptyRoot() : parseMarkdown(text);
  } catch {
    tree = emptyRoot(); // a page the parser cannot cope with is reported by the check itself
  }
  return indexTree(path, text, tree);
}

/** Indexes a page from its mdast (the remark-validate-links way: collect from the tree the rules see). */
export function indexTree(path: string, text: string, tree: Root): IndexedPage {
  const page: IndexedPage = { path, headings: [], fragments: new Set(), links: [], escapesPunctuation: pageStyleOf(text).escapesPunctuation, codeFragments: new Map() };
  const codeSlugger = new GithubSlugger();
  const slugger = new GithubSlugger();
  visit(tree, (node) => {
    switch (node.type) {
      case 'heading': {
        const heading = headingOf(node, slugger);
        page.headings.push(heading);
        page.fragments.add(heading.slug);
        break;
      }
      case 'html':
        for (const anchor of htmlAnchorsIn(node.value)) page.fragments.add(anchor);
        break;
      case 'code':
        for (const fragment of fragmentsInCode(node.value, codeSlugger)) if (!page.codeFragments.has(fragment)) page.codeFragments.set(fragment, node.position?.start.line ?? 1);
        break;
      case 'link':
      case 'image':
      case 'definition':
        page.links.push(linkOf(node, text));
        break;
    }
  });
  page.h1 = page.headings.find((h) => h.depth === 1);
  return page;
}

function headingOf(node: Heading, slugger: GithubSlugger): IndexedHeading {
  const text = toString(node, { includeHtml: false, includeImageAlt: false });
  const content = node.children.filter((child) => child.type !== 'html');
  const contentStart = content[0]?.position?.start.offset ?? node.position?.end.offset ?? 0;
  const contentEnd = content[content.length - 1]?.position?.end.offset ?? contentStart;
  const heading: IndexedHeading = { depth: node.depth, text, slug: slugger.slug(text), line: node.position?.start.line ?? 1, contentStart, contentEnd };
  const anchors = node.children.flatMap((child) => (child.type === 'html' ? htmlAnchorsIn(child.value) : []));
  if (anchors.length > 0) heading.anchors = anchors;
  return heading;
}

/** The heading a `#fragment` of the page lands on: by its slug or an anchor written inside it. */
export function headingAt(page: IndexedPage, fragment: string): IndexedHeading | undefined {
  return page.headings.find((h) => h.slug === fragment) ?? page.headings.find((h) => h.anchors?.includes(fragment));
}

function linkOf(node: Link | Image | Definition, source: string): IndexedLink {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? 0;
  const line = node.position?.start.line ?? 1;
  const link = { url: node.url, kind: node.type, nodeStart: start, nodeEnd: end, line };
  if (node.data?.destination) return { ...link, ...node.data.destination };
  // An autolink (`<https://…>`) is its own destination; `[a]()` has an empty one before the `)`.
  if (source[start] === '<') return { ...link, start: start + 1, end: end - 1 };
  return { ...link, start: Math.max(0, end - 1), end: Math.max(0, end - 1) };
}

const ANCHOR = /<a\s+(?:[^>]*?\s)?(?:name|id)\s*=\s*["']([^"']+)["'][^>]*>/gi;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/** The `name` / `id` anchors of `<a>` tags in an HTML node, outside HTML comments. */
export function htmlAnchorsIn(html: string): string[] {
  if (!html.includes('<a')) return [];
  return [...html.replace(COMMENT, '').matchAll(ANCHOR)].map((match) => match[1]!);
}

const CODE_HEADING = /^ {0,3}#{1,6}[ \t]+(.*?)(?:<a\s[^>]*>(?:<\/a>)?)?[ \t#]*$/gm;

/** What code that swallowed Markdown would have offered: `<a name>` anchors and ATX heading slugs. */
function fragmentsInCode(code: string, slugger: GithubSlugger): string[] {
  if (!code.includes('<a') && !code.includes('#')) return [];
  const headings = [...code.matchAll(CODE_HEADING)].map((match) => slugger.slug(match[1]!.replace(/\\(.)/g, '$1').replace(/[*_`]/g, '')));
  return [...htmlAnchorsIn(code), ...headings];
}

function emptyRoot(): Root {
  return { type: 'root', children: [] };
}

/** Indexes a docs tree: from texts already read when given, else from disk. */
export function indexCorpus(root: string, texts?: ReadonlyMap<string, string>): CorpusIndex {
  const pages = new Map<string, IndexedPage>();
  const paths = texts ? [...texts.keys()] : listMarkdownFiles(root);
  for (const path of paths) {
    let text = texts?.get(path);
    if (text === undefined) {
      try {
        text = decodePage(readFileSync(path)).text;
      } catch {
        text = ''; // unreadable pages are reported by the check itself
      }
    }
    pages.set(path, indexPage(path, text));
  }
  return { root: resolve(root), pages };
}

const provided = new Map<string, CorpusIndex>();
const built = new Map<string, { at: number; index: CorpusIndex }>();
/** How long an index built from disk is trusted (editors re-lint as you type). */
const DISK_INDEX_TTL_MS = 2000;

/** Hands the engine's index (built from the texts it read) to the rules of this run. */
export function provideCorpusIndex(index: CorpusIndex): void {
  provided.set(index.root, index);
}

/**
 * Marks a docs root's index as not built yet: the rules that run before it is complete read only
 * their own page, and a rule that reads the index then is a bug to be told of, not a silent scan
 * of the disk.
 */
export function withholdCorpusIndex(root: string): () => void {
  const key = resolve(root);
  const before = provided.get(key);
  const missing = (): never => {
    throw new Error('the corpus index is not complete yet: a rule that reads it must be one of the corpus rules');
  };
  provided.set(key, {
    root: key,
    get pages(): never {
      return missing();
    },
  });
  return () => (before ? provided.set(key, before) : provided.delete(key));
}

/** The index a rule should use for a docs root: the engine's, or one built from disk. */
export function corpusIndexFor(root: string): CorpusIndex {
  const key = resolve(root);
  const fromEngine = provided.get(key);
  if (fromEngine) return fromEngine;
  const cached = built.get(key);
  if (cached && Date.now() - cached.at < DISK_INDEX_TTL_MS) return cached.index;
  const index = indexCorpus(key);
  built.set(key, { at: Date.now(), index });
  return index;
}

const folders = new WeakMap<CorpusIndex, Map<string, string[]>>();

/** The pages of one folder (an absolute path), grouped once per index: rules ask per page. */
export function pagesInFolder(index: CorpusIndex, folder: string): readonly string[] {
  let byFolder = folders.get(index);
  if (!byFolder) {
    byFolder = new Map();
    for (const path of index.pages.keys()) {
      const dir = dirname(path);
      const pages = byFolder.get(dir);
      if (pages) pages.push(path);
      else byFolder.set(dir, [path]);
    }
    folders.set(index, byFolder);
  }
  return byFolder.get(folder) ?? [];
}

/** An indexed page whose path differs from `path` only by letter case (a link that works on macOS only). */
export function caseVariantOf(index: CorpusIndex, path: string): string | undefined {
  const wanted = path.toLowerCase();
  for (const candidate of index.pages.keys()) if (candidate !== path && candidate.toLowerCase() === wanted) return candidate;
  return undefined;
}
