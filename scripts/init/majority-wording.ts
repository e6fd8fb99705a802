/**
 * The majority wording of one template block, word by word: the pages' blocks are diffed against
 * a reference (the block most like the others), and each place where pages differ takes the
 * wording most pages use there; repeated until no place changes. What the pages write at each place
 * is kept with its count, so `init` can print the variants.
 */
import { diffArrays } from 'diff';
import type { Block, BlockKind } from '../template/blocks.js';
import { joinTokens, type Token } from '../template/tokens.js';
import { commonTokens } from '../template/align.js';
import { majority } from '../template/bind.js';
import { markdownOf } from './abstract-names.js';

const sameToken = (a: Token, b: Token): boolean => a.norm === b.norm;

/** One page's block in a column. */
export interface Member {
  page: number;
  block: Block;
  source: string;
}

/** A place where pages word a block differently: the majority's words and every variant's. */
export interface Place {
  expected: string;
  /** Pages that write the majority's words here. */
  count: number;
  variants: { text: string; count: number }[];
}

export interface BlockMajority {
  kind: BlockKind;
  /** Majority tokens, names as `{{service}}` / `{{short}}`. */
  tokens: Token[];
  /** The block's Markdown (marker and anchor included): the most common among the pages that word it so, when one does. */
  markdown: string;
  /** Pages whose block reads exactly as the majority. */
  exact: Set<number>;
  places: Place[];
}

interface Hunk {
  /** Range of reference tokens replaced, and what replaces them. */
  a: number;
  b: number;
  tokens: Token[];
}

const MAX_ROUNDS = 4;

/** The majority wording of a column's blocks. */
export function majorityWording(members: readonly Member[]): BlockMajority {
  const kind = majorityKind(members);
  let reference = referenceOf(members).block.tokens;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const chosen = winningHunks(reference, members);
    if (chosen.length === 0) break;
    reference = applyHunks(reference, chosen);
  }
  const tokens = reference;
  const hunks = members.map((m) => hunksOf(tokens, m.block.tokens));
  const exact = new Set(members.filter((_, i) => hunks[i]!.length === 0).map((m) => m.page));
  // Among the pages that word it so, the Markdown most of them write (their escapes, bold, links).
  const exactMembers = members.filter((m) => exact.has(m.page) && m.block.kind === kind);
  const markdown = exactMembers.length > 0 ? majority(exactMembers.map((m) => markdownOfMember(m)))! : markdownOfMember(members.find((m) => m.block.kind === kind) ?? members[0]!, tokens);
  return { kind, tokens, markdown, exact, places: placesOf(tokens, hunks) };
}

/** A member's block as Markdown (marker and anchor included), its content from `tokens` (its own by default). */
function markdownOfMember({ block, source }: Member, tokens: readonly Token[] = block.tokens): string {
  return source.slice(block.start, block.contentStart) + markdownOf(tokens) + source.slice(block.contentEnd, block.end);
}

/** Item or paragraph (a template item some pages write as a paragraph): what most pages make it. */
function majorityKind(members: readonly Member[]): BlockKind {
  const counts = new Map<BlockKind, number>();
  for (const m of members) counts.set(m.block.kind, (counts.get(m.block.kind) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1])[0]![0];
}

/** The member most like all the others. */
function referenceOf(members: readonly Member[]): Member {
  let best = members[0]!;
  let bestScore = -1;
  for (const m of members) {
    const score = members.reduce((sum, other) => sum + commonTokens(m.block.tokens, other.block.tokens), 0);
    if (score > bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return best;
}

/** The differences of `page` from `reference`, as replaced reference ranges. */
function hunksOf(reference: readonly Token[], page: readonly Token[]): Hunk[] {
  const hunks: Hunk[] = [];
  let ri = 0;
  let open: Hunk | undefined;
  for (const part of diffArrays(reference as Token[], page as Token[], { comparator: sameToken })) {
    const count = part.count ?? part.value.length;
    if (!part.added && !part.removed) {
      if (open) hunks.push(open);
      open = undefined;
      ri += count;
      continue;
    }
    open ??= { a: ri, b: ri, tokens: [] };
    if (part.removed) {
      ri += count;
      open.b = ri;
    } else open.tokens.push(...part.value);
  }
  if (open) hunks.push(open);
  return hunks;
}

/** True when two hunks touch the same reference words (an insertion touches the words either side). */
function overlaps(x: Hunk, y: Hunk): boolean {
  if (x.a === x.b || y.a === y.b) return x.a <= y.b && y.a <= x.b;
  return x.a < y.b && y.a < x.b;
}

/** The differences more pages share than keep the reference's words there, the most shared first. */
function winningHunks(reference: readonly Token[], members: readonly Member[]): Hunk[] {
  const perPage = members.map((m) => hunksOf(reference, m.block.tokens));
  const variants = new Map<string, { hunk: Hunk; count: number }>();
  for (const hunks of perPage) {
    for (const hunk of hunks) {
      const key = `${hunk.a}:${hunk.b}:${hunk.tokens.map((t) => t.norm).join('\u0001')}`;
      const entry = variants.get(key) ?? { hunk, count: 0 };
      entry.count++;
      variants.set(key, entry);
    }
  }
  const chosen: Hunk[] = [];
  for (const { hunk, count } of [...variants.values()].sort((x, y) => y.count - x.count || x.hunk.a - y.hunk.a)) {
    const keep = perPage.filter((hunks) => !hunks.some((h) => overlaps(h, hunk))).length;
    if (count > keep && !chosen.some((c) => overlaps(c, hunk))) chosen.push(hunk);
  }
  return chosen;
}

function applyHunks(reference: readonly Token[], hunks: readonly Hunk[]): Token[] {
  const out = [...reference];
  for (const hunk of [...hunks].sort((x, y) => y.a - x.a)) out.splice(hunk.a, hunk.b - hunk.a, ...hunk.tokens);
  return out;
}

/** Each place some pages word differently: the majority's words (a word of context around an insertion) and the variants. */
function placesOf(tokens: readonly Token[], hunks: readonly Hunk[][]): Place[] {
  const places = new Map<string, { a: number; b: number; variants: Map<string, number> }>();
  for (const page of hunks) {
    for (const hunk of page) {
      const oneSided = hunk.a === hunk.b || hunk.tokens.length === 0;
      const before = oneSided && hunk.a > 0 ? [tokens[hunk.a - 1]!] : [];
      const after = oneSided && hunk.b < tokens.length ? [tokens[hunk.b]!] : [];
      const key = `${hunk.a - before.length}:${hunk.b + after.length}`;
      const place = places.get(key) ?? { a: hunk.a - before.length, b: hunk.b + after.length, variants: new Map<string, number>() };
      const text = shown([...before, ...hunk.tokens, ...after]);
      place.variants.set(text, (place.variants.get(text) ?? 0) + 1);
      places.set(key, place);
    }
  }
  return [...places.values()]
    .sort((x, y) => x.a - y.a || x.b - y.b)
    .map(({ a, b, variants }) => ({
      expected: shown(tokens.slice(a, b)),
      count: hunks.filter((page) => !page.some((h) => overlaps(h, { a, b, tokens: [] }))).length,
      variants: [...variants].map(([text, count]) => ({ text, count })).sort((x, y) => y.count - x.count),
    }));
}

/** Words as a writer reads them, link targets in angle brackets; a dropped passage reads as nothing. */
function shown(tokens: readonly Token[]): string {
  const text = tokens.map((t) => (t.kind === 'url' ? { ...t, kind: 'word' as const, text: `<${t.text}>`, spaceBefore: true } : t));
  return joinTokens(text) || '(nothing)';
}
