/**
 * The one Markdown grammar of the pipeline: remark-parse (CommonMark, through micromark) with YAML
 * front matter. The corpus index and the rules parse with the same configuration, so what the
 * index calls a heading or a link is exactly what the rules see.
 *
 * mdast gives a link's URL decoded but not where its destination sits in the source; fixes that
 * relink a page need that range, so it is recorded from micromark's destination tokens.
 */
import type { Root } from 'mdast';
import type { CompileContext, Extension, Token } from 'mdast-util-from-markdown';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

/** Source range of a link, image or definition destination (inside `<…>` when written so). */
export interface DestinationRange {
  start: number;
  end: number;
}

declare module 'mdast' {
  interface LinkData {
    destination?: DestinationRange;
  }
  interface ImageData {
    destination?: DestinationRange;
  }
  interface DefinitionData {
    destination?: DestinationRange;
  }
}

function record(inner: boolean) {
  return function (this: CompileContext, token: Token): void {
    const node = this.stack[this.stack.length - 1];
    if (node?.type !== 'link' && node?.type !== 'image' && node?.type !== 'definition') return;
    const trim = inner ? 1 : 0;
    node.data = { ...node.data, destination: { start: token.start.offset + trim, end: token.end.offset - trim } };
  };
}

/** mdast extension: no default handler exists for these tokens, so nothing else changes. */
const destinationRanges: Extension = {
  exit: {
    resourceDestinationRaw: record(false),
    resourceDestinationLiteral: record(true),
    definitionDestinationRaw: record(false),
    definitionDestinationLiteral: record(true),
  },
};

function recordDestinations(this: Processor): void {
  const data = this.data();
  (data.fromMarkdownExtensions ??= []).push([destinationRanges]);
}

/** unified preset: front matter, and destination ranges on links, images and definitions. */
export const remarkDocsSyntax = { plugins: [remarkFrontmatter, recordDestinations] };

const parser = unified().use(remarkParse).use(remarkDocsSyntax).freeze();

/** Parses a page the way every rule sees it. */
export function parseMarkdown(text: string): Root {
  return parser.parse(text);
}
