/**
 * A page as a flat sequence of blocks: the unit the template is aligned on. Top-level paragraphs
 * and headings are blocks, each list item is a block, and the list that follows a "Topics" label
 * is one block (the topics slot), because its entries belong to the topic rules, not the template.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { tokensOf, type Token } from './tokens.js';

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'topicsLabel' | 'topicsList' | 'html' | 'other';

export interface Block {
  kind: BlockKind;
  node: Nodes;
  tokens: Token[];
  /** Whole block in the source (a list item includes its marker). */
  start: number;
  end: number;
  /** The inline content only: what a wording fix may rewrite. */
  contentStart: number;
  contentEnd: number;
  /** Heading depth, for headings. */
  depth?: number;
  /** Raw value, for HTML blocks (comments mark the template's free region). */
  html?: string;
}

/** Flattens a parsed page into template-alignable blocks. */
export function blocksOf(tree: Root, source: string): Block[] {
  const blocks: Block[] = [];
  for (const node of tree.children) {
    const previous = blocks[blocks.length - 1];
    if (node.type === 'list') {
      if (previous?.kind === 'topicsLabel') {
        blocks.push(block('topicsList', node, source));
      } else {
        for (const item of node.children) blocks.push(block('item', item, source));
      }
    } else if (node.type === 'heading') {
      blocks.push({ ...block('heading', node, source), depth: node.depth });
    } else if (node.type === 'paragraph') {
      const b = block('paragraph', node, source);
      if (b.tokens.length === 1 && b.tokens[0]!.text === 'Topics') b.kind = 'topicsLabel';
      blocks.push(b);
    } else if (node.type === 'html') {
      blocks.push({ ...block('html', node, source), html: node.value });
    } else if (node.type !== 'definition' && node.type !== 'yaml') {
      blocks.push(block('other', node, source));
    }
  }
  return blocks;
}

function block(kind: BlockKind, node: RootContent | Nodes, source: string): Block {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  const [contentStart, contentEnd] = contentRange(node, start, end);
  return { kind, node, tokens: tokensOf(node, source), start, end, contentStart, contentEnd };
}

/** Range of the inline content: a heading without its `#` and trailing anchor, an item without its marker. */
function contentRange(node: Nodes, start: number, end: number): [number, number] {
  if (!('children' in node) || node.children.length === 0) return [start, end];
  const children = node.children.filter((child) => child.type !== 'html' || node.type !== 'heading');
  const first = children[0]?.position?.start.offset ?? start;
  const last = children[children.length - 1]?.position?.end.offset ?? end;
  return [first, last];
}
