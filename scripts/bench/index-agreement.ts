/**
 * Does the corpus index say what mdast says? For each page, the headings (depth, text, slug,
 * line, content range), the fragments (slugs and `<a name|id>` anchors in HTML nodes) and the link,
 * image and definition destinations (decoded URL, and a source range that decodes to that URL)
 * read straight from remark-parse's tree, compared with the index entry.
 */
import GithubSlugger from 'github-slugger';
import type { Heading, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { decodeString } from 'micromark-util-decode-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { htmlAnchorsIn, indexPage, type IndexedPage } from '../corpus/corpus-index.js';

const reference = unified().use(remarkParse).use(remarkFrontmatter);

export interface ReferenceIndex {
  headings: { depth: number; text: string; slug: string; line: number; contentStart: number; contentEnd: number }[];
  fragments: string[];
  urls: string[];
}

/** What mdast says of a page, with plain remark-parse and front matter (no plugin of ours). */
export function referenceIndex(text: string): ReferenceIndex {
  const tree: Root = reference.parse(text);
  const slugger = new GithubSlugger();
  const result: ReferenceIndex = { headings: [], fragments: [], urls: [] };
  visit(tree, (node: Nodes) => {
    if (node.type === 'heading') {
      const heading = node as Heading;
      const label = toString(heading, { includeHtml: false, includeImageAlt: false });
      const content = heading.children.filter((child) => child.type !== 'html');
      const contentStart = content[0]?.position?.start.offset ?? heading.position!.end.offset!;
      const contentEnd = content.at(-1)?.position?.end.offset ?? contentStart;
      const slug = slugger.slug(label);
      result.headings.push({ depth: heading.depth, text: label, slug, line: heading.position!.start.line, contentStart, contentEnd });
      result.fragments.push(slug);
    } else if (node.type === 'html') {
      result.fragments.push(...htmlAnchorsIn(node.value));
    } else if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      result.urls.push(node.url);
    }
  });
  return result;
}

/** How the index entry of a page differs from mdast's reading of it (empty when they agree). */
export function indexDifferences(text: string, page: IndexedPage = indexPage('page.md', text)): string[] {
  const expected = referenceIndex(text);
  const differences: string[] = [];
  const same = (what: string, ours: unknown, theirs: unknown): void => {
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) differences.push(`${what}: index ${JSON.stringify(ours)}, mdast ${JSON.stringify(theirs)}`);
  };
  same('headings', page.headings.map(({ depth, text: label, slug, line, contentStart, contentEnd }) => ({ depth, text: label, slug, line, contentStart, contentEnd })), expected.headings);
  same('fragments', [...page.fragments].sort(), [...new Set(expected.fragments)].sort());
  same('h1', page.h1?.text, expected.headings.find((h) => h.depth === 1)?.text);
  same('links', page.links.map((link) => link.url), expected.urls);
  for (const link of page.links) {
    const written = text.slice(link.start, link.end);
    // A range holds the URL as written: escapes and references decoded, except in autolinks.
    const autolink = text[link.start - 1] === '<' && text[link.end] === '>' && (written === link.url || `mailto:${written}` === link.url);
    if (!autolink && decodeString(written) !== link.url) differences.push(`link range ${link.start}-${link.end} holds ${JSON.stringify(written)}, not ${JSON.stringify(link.url)}`);
  }
  return differences;
}
