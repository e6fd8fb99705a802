/**
 * Aligning template blocks to page blocks: which page paragraph is which template paragraph, even
 * when the page reworded, dropped, added or swapped some of them.
 */
import { diffArrays } from 'diff';
import type { Block } from './blocks.js';
import type { TemplateBlock } from './template.js';
import { longestIncreasing } from './sequence.js';
import type { Token } from './tokens.js';

/** Below this share of common words, two blocks are different paragraphs, not drifted copies. */
const SAME_BLOCK = 0.5;

export interface Alignment {
  /** Page block index for each template block index (undefined: missing from the page). */
  pageOf: (number | undefined)[];
  /** Template block index for each page block index (undefined: not in the template). */
  templateOf: (number | undefined)[];
  /** Template block indexes whose page block sits out of the template's order. */
  outOfOrder: Set<number>;
}

/** Number of tokens two sequences share in order (their longest common subsequence). */
export function commonTokens(a: readonly Token[], b: readonly Token[]): number {
  let common = 0;
  for (const part of diffArrays(a as Token[], b as Token[], { comparator: (x, y) => x.norm === y.norm })) {
    if (!part.added && !part.removed) common += part.count ?? part.value.length;
  }
  return common;
}

/**
 * How alike two blocks read: twice their common tokens over all their tokens, or 0 when that is
 * below `threshold`. Most pairs of a page's blocks are unrelated, and a diff of unrelated text is
 * the slowest kind; the count of words the two share in any order is an upper bound that rules
 * them out first.
 */
export function similarity(a: readonly Token[], b: readonly Token[], threshold: number): number {
  const total = a.length + b.length;
  if (total === 0 || (2 * Math.min(a.length, b.length)) / total < threshold) return 0;
  if ((2 * sharedWords(a, b)) / total < threshold) return 0;
  const score = (2 * commonTokens(a, b)) / total;
  return score >= threshold ? score : 0;
}

/** Tokens the two sequences share, in any order (counting repeats). */
function sharedWords(a: readonly Token[], b: readonly Token[]): number {
  const counts = new Map<string, number>();
  for (const token of a) counts.set(token.norm, (counts.get(token.norm) ?? 0) + 1);
  let shared = 0;
  for (const token of b) {
    const left = counts.get(token.norm);
    if (!left) continue;
    counts.set(token.norm, left - 1);
    shared++;
  }
  return shared;
}

function compatible(t: TemplateBlock, p: Block): boolean {
  if (t.kind === 'topicsSlot') return p.kind === 'topicsList';
  if (t.kind === 'heading') return p.kind === 'heading' && p.depth === t.depth;
  return t.kind === p.kind || writtenAsParagraph(t, p);
}

/**
 * A template list item the page writes as a paragraph of its own, as many real pages write the
 * template's bold "Security of the cloud" items: the same item, in the wrong shape. Its first
 * words are bold, like the template item's.
 */
export function writtenAsParagraph(t: Pick<TemplateBlock, 'kind' | 'node'>, p: Block): boolean {
  if (t.kind !== 'item' || p.kind !== 'paragraph' || p.node.type !== 'paragraph') return false;
  const first = p.node.children[0];
  const itemFirst = 'children' in t.node ? t.node.children[0] : undefined;
  const itemLead = itemFirst && 'children' in itemFirst ? itemFirst.children[0] : undefined;
  return first?.type === 'strong' && itemLead?.type === 'strong';
}

/**
 * Matches blocks greedily by similarity (the best pairs first), then keeps the longest run that is
 * in template order; matched blocks outside that run are out of order.
 */
export function alignBlocks(template: readonly TemplateBlock[], templateTokens: readonly Token[][], page: readonly Block[]): Alignment {
  const candidates: { t: number; p: number; score: number }[] = [];
  template.forEach((t, ti) => {
    if (t.kind === 'free') return;
    page.forEach((p, pi) => {
      if (!compatible(t, p)) return;
      if (t.kind === 'topicsSlot' || t.kind === 'topicsLabel' || (t.kind === 'heading' && t.depth === 1)) {
        candidates.push({ t: ti, p: pi, score: 2 - pi / 1000 }); // structural anchors: first of their kind wins
        return;
      }
      const score = similarity(templateTokens[ti]!, p.tokens, SAME_BLOCK);
      if (score > 0) candidates.push({ t: ti, p: pi, score });
    });
  });
  candidates.sort((x, y) => y.score - x.score || x.t - y.t || x.p - y.p);
  const pageOf: (number | undefined)[] = new Array(template.length).fill(undefined);
  const templateOf: (number | undefined)[] = new Array(page.length).fill(undefined);
  for (const { t, p } of candidates) {
    if (pageOf[t] !== undefined || templateOf[p] !== undefined) continue;
    pageOf[t] = p;
    templateOf[p] = t;
  }
  const matched = pageOf.flatMap((p, t) => (p === undefined ? [] : [{ t, p }]));
  const inOrder = longestIncreasing(matched.map((m) => m.p));
  const outOfOrder = new Set(matched.filter((_, i) => !inOrder.has(i)).map((m) => m.t));
  return { pageOf, templateOf, outOfOrder };
}
