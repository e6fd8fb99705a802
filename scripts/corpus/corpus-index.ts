/**
 * The corpus index: for every page of a docs tree, its H1, the fragments it offers (heading slugs
 * and `<a name>` anchors) and the relative links it makes. Built by a cheap line scan (only heading
 * lines are parsed), so cross-file rules can answer "does `x.md#y` exist?" and "who links here?"
 * without parsing the whole corpus.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { pageStyleOf } from '../template/markup.js';
import { listMarkdownFiles } from './docs-files.js';
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
}

export interface IndexedLink {
  url: string;
  /** Source range of the URL inside `(...)` or after `[label]:`. */
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
  /** The URLs of `links`, when a page can give them without unpacking its links (see index-cache). */
  readonly linkUrls?: readonly string[];
}

export interface CorpusIndex {
  root: string;
  pages: Map<string, IndexedPage>;
}

const headingParser = unified().use(remarkParse);
const ANCHOR = /<a\s+(?:[^>]*?\s)?(?:name|id)\s*=\s*["']([^"']+)["'][^>]*>/gi;
const INLINE_LINK = /\]\(\s*<?([^\s)<>]+)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const DEFINITION = /^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Indexes one page's text. */
export function indexPage(path: string, text: string): IndexedPage {
  const page: IndexedPage = { path, headings: [], fragments: new Set(), links: [], escapesPunctuation: pageStyleOf(text).escapesPunctuation };
  const slugger = new GithubSlugger();
  let fence: string | undefined;
  let offset = 0;
  let previous: { text: string; offset: number } | undefined;
  const lines = text.split('\n');
  // YAML front matter is data, not headings or links.
  let frontMatter = /^---\r?$/.test(lines[0] ?? '');
  lines.forEach((raw, i) => {
    if (frontMatter) {
      offset += raw.length + 1;
      if (i > 0 && /^(---|\.\.\.)\r?$/.test(raw)) frontMatter = false;
      return;
    }
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const lineStart = offset;
    offset += raw.length + 1;
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
      previous = undefined;
      return;
    }
    if (fenceMark) {
      fence = fenceMark;
      previous = undefined;
      return;
    }
    if (/^ {0,3}#{1,6}(\s|$)/.test(line)) {
      addHeading(page, slugger, line, lineStart, i + 1);
    } else if (previous && /^ {0,3}(=+|-+)\s*$/.test(line) && !/^\s*([-+*]|\d+[.)])\s/.test(previous.text)) {
      addHeading(page, slugger, `${line.trim().startsWith('=') ? '#' : '##'} ${previous.text}`, previous.offset, i, true);
    }
    for (const match of line.matchAll(ANCHOR)) page.fragments.add(match[1]!);
    for (const match of line.matchAll(INLINE_LINK)) {
      const start = lineStart + match.index + match[0].indexOf(match[1]!, 2);
      page.links.push({ url: match[1]!, start, end: start + match[1]!.length, line: i + 1 });
    }
    const definition = DEFINITION.exec(line);
    if (definition) {
      const start = lineStart + definition[0].lastIndexOf(definition[1]!);
      page.links.push({ url: definition[1]!, start, end: start + definition[1]!.length, line: i + 1 });
    }
    previous = line.trim() === '' ? undefined : { text: line.trim(), offset: lineStart };
  });
  page.h1 = page.headings.find((h) => h.depth === 1);
  return page;
}

function addHeading(page: IndexedPage, slugger: GithubSlugger, line: string, lineStart: number, lineNumber: number, setext = false): void {
  const heading = (setext ? undefined : plainHeading(line)) ?? parsedHeading(line);
  if (!heading) return;
  const shift = setext ? lineStart - (line.indexOf(' ') + 1) : lineStart;
  const slug = slugger.slug(heading.text);
  page.fragments.add(slug);
  page.headings.push({ depth: heading.depth, text: heading.text, slug, line: lineNumber, contentStart: shift + heading.start, contentEnd: shift + heading.end });
}

export interface HeadingLine {
  depth: number;
  /** Rendered text, without HTML. */
  text: string;
  /** Offsets of the content in the line. */
  start: number;
  end: number;
}

/**
 * An ATX heading of plain words: nothing in it renders differently from its source. It may end in
 * an `<a name>` anchor right after the words (the AWS docs style), which is HTML, not text.
 */
const PLAIN_ATX = /^( {0,3})(#{1,6})([ \t]+)([A-Za-z0-9][A-Za-z0-9 ,.:;'"()?/-]*?)(?:<a (?:name|id)="[A-Za-z0-9_.:-]*"><\/a>[ \t]*|(?:[ \t]+#+)?[ \t]*)$/;

/**
 * A heading line read without a parser when its content is plain words (most headings are):
 * parsing each heading line of a 10,000-page corpus costs seconds. Undefined when not plain.
 */
export function plainHeading(line: string): HeadingLine | undefined {
  const match = PLAIN_ATX.exec(line);
  if (!match) return undefined;
  const start = match[1]!.length + match[2]!.length + match[3]!.length;
  return { depth: match[2]!.length, text: match[4]!, start, end: start + match[4]!.length };
}

/** A heading line through remark: any Markdown inside, `<a name>` anchors left out of the text. */
export function parsedHeading(line: string): HeadingLine | undefined {
  const heading = headingParser.parse(line).children[0];
  if (heading?.type !== 'heading') return undefined;
  const text = toString(heading as Heading, { includeHtml: false, includeImageAlt: false });
  const children = heading.children.filter((child) => child.type !== 'html');
  const start = children[0]?.position?.start.offset ?? 0;
  const end = children[children.length - 1]?.position?.end.offset ?? start;
  return { depth: heading.depth, text, start, end };
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
