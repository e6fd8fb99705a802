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
  /** True when the change touches a placeholder's value (a service name). */
  touchesName: boolean;
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
  return merge(ranges).map(([a, b]) => toHunk(ops.slice(a, b)));
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

function toHunk(ops: readonly Op[]): Hunk {
  return {
    expected: ops.flatMap((op) => (op.t ? [op.t] : [])),
    actual: ops.flatMap((op) => (op.p ? [op.p] : [])),
    touchesName: ops.some((op) => !op.p && op.t?.placeholder),
  };
}
