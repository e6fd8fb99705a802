/** The Topics list of a service page, read from its syntax tree: one entry per list item. */
import type { Link, List, ListItem, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { blocksOf } from '../template/blocks.js';

export interface TopicEntry {
  /** Link text (or the item's text when it has no link). */
  title: string;
  url?: string;
  item: ListItem;
  /** Source range of the link text, what a title fix rewrites. */
  textStart: number;
  textEnd: number;
  /** Source range of the whole link, `[` to `)`. */
  linkStart: number;
  linkEnd: number;
  /** Source range of the link's URL inside `(...)`. */
  urlStart: number;
  urlEnd: number;
  line: number;
  column: number;
}

export interface TopicsList {
  list: List;
  entries: TopicEntry[];
  /** The bullet the list uses, for inserted entries. */
  marker: string;
}

/** The list that follows the page's "Topics" label, if any. */
export function topicsListOf(tree: Root, source: string): TopicsList | undefined {
  const block = blocksOf(tree, source).find((b) => b.kind === 'topicsList');
  if (!block || block.node.type !== 'list') return undefined;
  const list = block.node;
  const entries = list.children.map((item) => entryOf(item, source));
  const first = list.children[0]?.position?.start.offset ?? 0;
  return { list, entries, marker: source[first] ?? '+' };
}

function entryOf(item: ListItem, source: string): TopicEntry {
  let link: Link | undefined;
  visit(item, 'link', (node) => {
    link ??= node;
  });
  const start = item.position?.start;
  const base = { item, line: start?.line ?? 1, column: start?.column ?? 1 };
  if (!link) {
    const offset = start?.offset ?? 0;
    const end = item.position?.end.offset ?? offset;
    return { ...base, title: toString(item), textStart: offset, textEnd: end, linkStart: offset, linkEnd: end, urlStart: offset, urlEnd: offset };
  }
  const found: Link = link;
  const linkStart = found.position?.start.offset ?? 0;
  const linkEnd = found.position?.end.offset ?? linkStart;
  const textStart = found.children[0]?.position?.start.offset ?? linkStart + 1;
  const textEnd = found.children[found.children.length - 1]?.position?.end.offset ?? textStart;
  const urlAt = source.indexOf(found.url, textEnd);
  const urlStart = urlAt !== -1 && urlAt < linkEnd ? urlAt : textEnd + 2;
  return {
    ...base,
    title: toString(found).replace(/\s+/g, ' ').trim(),
    url: found.url,
    textStart,
    textEnd,
    linkStart,
    linkEnd,
    urlStart,
    urlEnd: urlStart + found.url.length,
  };
}
