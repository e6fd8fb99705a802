/** The one Markdown parser every part of the pipeline shares, so positions always agree. */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkFrontmatter);

/** Parses Markdown source into an mdast tree with positions. */
export function parseMarkdown(source: string): Root {
  return parser.parse(source);
}
