/**
 * Word-level differences between a template block (names filled in) and the page block it
 * matched: each hunk is one thing a writer would change, with a word of context when one side
 * is empty ("expected `you benefit`, found `you will benefit`").
 */
import { diffArrays } from 'diff';
import type { Token } from './tokens.js';

export interface Hunk {
  /** Template tokens the page should read, context included. */
  expected: Token[];
  /** Page tokens as they read now, context included. */
  actual: Token[];
  /**
   * True when the page fills a placeholder differently (a service name replaced by other words);
   * a name only dropped, with the words around it changed, is a wording change.
   */
  touchesName: boolean;
  /** True when the hunk is a whole template sentence that the page rewrote (several changes in one sentence). */
  sentence: boolean;
  /**
   * True when the page only adds whole sentences of its own to the template's text (a service note
   * written into a template paragraph): the writer's content, to be moved rather than deleted.
   * The added tokens are `actual.slice(from, to)`; the rest is context.
   */
  addedSentences?: { from: number; to: number };
}

interface Op {
  t?: Token;
  p?: Token;
}

/** Differences between expected and actual token sequences, grouped into hunks. */
export function wordDiff(expected: readonly Token[], actual: readonly Token[]): Hunk[] {
  // Most blocks read exactly as the template: no diff to run.
  if (expected.length === actual.length && expected.every((token, i) => token.norm === actual[i]!.norm)) return [];
  const ops: Op[] = [];
  let ti = 0;
  let pi = 0;
  for (const part of diffArrays(expected as Token[], actual as Token[], { comparator: (a, b) => a.norm === b.norm })) {
    const count = part.count ?? part.value.length;
    for (let k = 0; k < count; k++) {
      if (part.added) ops.push({ p: actual[pi++] });
      else if (part.removed) ops.push({ t: expected[ti++] });
      else ops.push({ t: expected[ti++], p: actual[pi++] });
    }
  }
  const ranges: [number, number][] = [];
  for (let i = 0; i < ops.length; ) {
    if (ops[i]!.t && ops[i]!.p) {
      i++;
      continue;
    }
    let j = i;
    while (j < ops.length && !(ops[j]!.t && ops[j]!.p)) j++;
    ranges.push(widen(ops, i, j));
    i = j;
  }
  const merged = merge(ranges);
  const sentences = rewrittenSentences(ops, merged);
  return merge([...merged, ...sentences].sort((x, y) => x[0] - y[0] || y[1] - x[1])).map(([a, b]) => toHunk(ops.slice(a, b), sentences.some(([s, e]) => s === a && e === b)));
}

const SENTENCE_END = new Set(['.', '!', '?']);

/**
 * Template sentences the page rewrote rather than touched: two or more hunks in one sentence,
 * spanning at least half of it, that drop a third of its words and change half of them in all
 * (a rewording, not an inserted sentence or a few case slips). Each becomes one
 * hunk quoting both sentences whole (fragments like "expected `Third-party auditors regularly
 * test and verify the`, found `The`" make no sense alone).
 */
function rewrittenSentences(ops: readonly Op[], ranges: readonly [number, number][]): [number, number][] {
  const rewritten: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < ops.length; i++) {
    const t = ops[i]!.t;
    const ends = (t && t.kind === 'punct' && SENTENCE_END.has(t.text) && !(ops[i + 1]?.t?.spaceBefore === false && ops[i + 1]?.t?.kind === 'word')) || i === ops.length - 1;
    if (!ends) continue;
    const end = i + 1;
    const inside = ranges.filter(([a, b]) => a < end && b > start);
    const words = ops.slice(start, end).filter((op) => op.t).length;
    if (inside.length >= 2 && words > 0) {
      const span = ops.slice(inside[0]![0], inside[inside.length - 1]![1]).filter((op) => op.t).length;
      const removed = ops.slice(start, end).filter((op) => !op.p).length;
      const added = ops.slice(start, end).filter((op) => !op.t).length;
      if (span * 2 >= words && removed * 3 >= words && (added + removed) * 2 >= words) rewritten.push([Math.min(start, inside[0]![0]), Math.max(end, inside[inside.length - 1]![1])]);
    }
    start = end;
  }
  return rewritten;
}

/** Grows a hunk to whole placeholder values, and to one word of context when a side is empty. */
function widen(ops: readonly Op[], from: number, to: number): [number, number] {
  let a = from;
  let b = to;
  const changed = ops.slice(a, b);
  const oneSided = !changed.some((op) => op.t) || !changed.some((op) => op.p);
  if (oneSided) {
    if (a > 0) a--;
    if (b < ops.length) b++;
  }
  const instances = new Set(
    ops.slice(a, b).flatMap((op) => (op.t?.placeholder ? [`${op.t.placeholder.name}#${op.t.placeholder.occurrence}`] : [])),
  );
  const sameInstance = (op: Op | undefined): boolean =>
    !!op?.t?.placeholder && instances.has(`${op.t.placeholder.name}#${op.t.placeholder.occurrence}`);
  while (a > 0 && sameInstance(ops[a - 1])) a--;
  while (b < ops.length && sameInstance(ops[b])) b++;
  return [a, b];
}

function merge(ranges: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

function toHunk(ops: readonly Op[], sentence: boolean): Hunk {
  return {
    sentence,
    addedSentences: addsSentences(ops),
    expected: ops.flatMap((op) => (op.t ? [op.t] : [])),
    actual: ops.flatMap((op) => (op.p ? [op.p] : [])),
    touchesName: ops.some((op) => !op.p && op.t?.placeholder) && ops.some((op) => op.p && !op.t),
  };
}

const endsSentence = (token: Token | undefined): boolean => token?.kind === 'punct' && SENTENCE_END.has(token.text);

/** Only additions, starting after a sentence end (or the block's start) and ending one: where they are in `actual`. */
function addsSentences(ops: readonly Op[]): { from: number; to: number } | undefined {
  if (ops.some((op) => op.t && !op.p)) return undefined;
  const first = ops.findIndex((op) => !op.t);
  const last = ops.findLastIndex((op) => !op.t);
  if (first === -1) return undefined;
  const before = ops[first - 1];
  const startsAfterEnd = !before || endsSentence(before.p);
  const words = ops.slice(first, last + 1).some((op) => op.p?.kind === 'word');
  // Every op has a page token here, so op indexes are indexes into `actual`.
  return startsAfterEnd && endsSentence(ops[last]!.p) && words ? { from: first, to: last + 1 } : undefined;
}
