/**
 * Compares one service page with the template: binds the names, aligns the blocks and computes
 * the word-level differences inside each matched block. The template rules judge this model; each
 * builds its own findings and fixes from it.
 */
import { diffArrays } from 'diff';
import type { Root } from 'mdast';
import { alignBlocks, commonTokens, similarity } from './align.js';
import { expandPlaceholders, majority, serviceFromHeading, valuesAt } from './bind.js';
import { blocksOf, type Block } from './blocks.js';
import type { ServiceNames } from './manifest.js';
import { pageStyleOf, renderForPage, type Bindings } from './markup.js';
import type { Template, TemplateBlock } from './template.js';
import { joinTokens, tokensOfText, type Token } from './tokens.js';
import { wordDiff, type Hunk } from './word-diff.js';
import { lineOf } from './lines.js';
import type { Edit, TemplateCitation } from './edit.js';
import { HEADING_VARIANT_PATTERNS, isPlaceholderName, shortFormsOf, withoutArticle } from './service-names.js';

export interface BlockWording {
  text: string;
  /** True when the page says exactly what the template says. */
  asTemplate: boolean;
}

/** A word-level difference inside one matched block. */
export interface BlockHunk {
  hunk: Hunk;
  /** The template block and the page block it was matched with. */
  templateBlock: TemplateBlock;
  pageBlock: Block;
}

/** A template paragraph the page splits in two: `first` and `second` are adjacent page paragraphs. */
export interface SplitBlock {
  templateIndex: number;
  first: Block;
  second: Block;
}

/** Two adjacent template paragraphs the page writes as one; `splitAt` is where the second begins. */
export interface MergedBlocks {
  templateIndexes: [number, number];
  block: Block;
  /** Source range of the space between the two (what `fix` turns into a blank line), when it is plain space. */
  gap?: { start: number; end: number };
}

export interface PageComparison {
  source: string;
  template: Template;
  /** The page's blocks (HTML blocks left out). */
  blocks: Block[];
  /** The page's H1 block, if it has one. */
  heading: Block | undefined;
  /** `{{service}}` as the page's H1 gives it, before the manifest. */
  boundService: string | undefined;
  /** True when the H1 follows the template's H1 pattern (not a variant). */
  headingFollowsTemplate: boolean;
  /** True when the manifest pins a name the H1 does not give. */
  pinnedMismatch: boolean;
  /** False when no name is bound (from the H1 or the manifest): only the H1 is judged. */
  comparable: boolean;
  /** True when the H1 names a placeholder (`Security for this AWS Product or Service`). */
  headingIsPlaceholder: boolean;
  bindings: Bindings;
  /** Each template block's tokens with the page's names filled in. */
  expected: Token[][];
  alignment: ReturnType<typeof alignBlocks>;
  /** Index of the template's free region (service notes), or -1. */
  freeAt: number;
  /** Page block indexes between which unmatched blocks are service notes (exclusive bounds). */
  freeZone: [number, number];
  hunks: BlockHunk[];
  /** Template paragraphs the page writes as two paragraphs (their wording is judged once joined). */
  splits: SplitBlock[];
  /** Pairs of template paragraphs the page writes as one paragraph. */
  merges: MergedBlocks[];
  /** The template's H1 content for this page, when a name is bound. */
  headingText: string | undefined;
  /** Template Markdown filled with this page's names, in its escaping style. */
  fill(markdown: string): string;
  /**
   * A template block's Markdown from `from` to `to` (template offsets), filled as the page fills
   * each place: a short form the page may use stays as the page wrote it, so a fix that rewrites
   * a whole block changes no name the check accepted.
   */
  fillBlock(templateBlock: TemplateBlock, from: number, to: number): string;
  /** For each template block, how this page words it (names put back as placeholders). */
  wording: (BlockWording | undefined)[];
}

/** H1 shapes real pages use instead of the template's, as tokens. */
const HEADING_VARIANTS = HEADING_VARIANT_PATTERNS.map(tokensOfText);

/** Compares a service page with the template; `pinned` are the manifest's names, if any. */
export function comparePage(source: string, tree: Root, template: Template, pinned?: ServiceNames): PageComparison {
  const style = pageStyleOf(source);
  const blocks = blocksOf(tree, source).filter((b) => b.kind !== 'html');
  const tHeading = template.blocks[0]!;
  const heading = blocks.find((b) => b.kind === 'heading' && b.depth === 1);

  // 1. The H1 binds {{service}}.
  let service = heading ? serviceFromHeading(tHeading.tokens, heading.tokens, false) : undefined;
  const headingFollowsTemplate = service !== undefined;
  if (heading && service === undefined) {
    for (const variant of HEADING_VARIANTS) {
      service = serviceFromHeading(variant, heading.tokens, true);
      if (service !== undefined) break;
    }
  }
  // A leading article is the sentence's, not the name's; a placeholder is no name at all.
  if (service !== undefined) service = withoutArticle(service);
  const headingIsPlaceholder = service !== undefined && isPlaceholderName(service);
  if (headingIsPlaceholder) service = undefined;
  const boundService = service;
  const pinnedMismatch = pinned !== undefined && service !== undefined && service !== pinned.service;
  service = pinned?.service ?? service;

  // 2. Align blocks, with {{service}} known and {{short}} left as a gap.
  const withService = template.blocks.map((b) => expandPlaceholders(b.tokens, { service }));
  const alignment = alignBlocks(template.blocks, withService, blocks);

  // 3. {{short}} is what most of the page's uses say, among the forms consistent with
  // {{service}}: a page that mostly says "AWS" where its name belongs is reported at the "AWS"s.
  const shortFills = template.blocks.map((_block, i) => {
    const p = alignment.pageOf[i];
    return p === undefined ? [] : valuesAt(withService[i]!, blocks[p]!.tokens, 'short');
  });
  const shortUses = shortFills.flat().filter((use): use is string => use !== undefined);
  const forms = service === undefined ? undefined : shortFormsOf(service);
  const short = pinned?.short ?? majority(forms ? shortUses.filter((use) => forms.has(use)) : shortUses) ?? service ?? '';
  const bindings: Bindings = { service: service ?? '', short };
  // Any consistent form may stand where the template says {{short}} (the manifest's pins only its own).
  const accepted = pinned?.short !== undefined ? new Set([pinned.short, bindings.service]) : new Set([short, ...(forms ?? [])]);
  const expected = template.blocks.map((b, i) =>
    expandPlaceholders(b.tokens, { ...bindings }, { short: shortFills[i]!.map((use) => (use !== undefined && accepted.has(use) ? use : undefined)) }),
  );
  const fill = (markdown: string): string => renderForPage(markdown, bindings, style);
  const acceptedShort = shortFills.map((uses) => uses.map((use) => (use !== undefined && accepted.has(use) ? use : undefined)));
  const fillBlock = (t: TemplateBlock, from: number, to: number): string => {
    const earlier = (template.source.slice(t.start, from).match(/\{\{\s*short\s*\}\}/g) ?? []).length;
    return renderForPage(template.source.slice(from, to), bindings, style, { short: acceptedShort[template.blocks.indexOf(t)]?.slice(earlier) ?? [] });
  };
  const freeAt = template.blocks.findIndex((b) => b.kind === 'free');

  // 4. Paragraphs split in two, then word-level differences inside each matched block.
  const splits = splitParagraphs(template.blocks, expected, alignment, blocks);
  const merges = mergedParagraphs(template.blocks, expected, alignment, blocks, source);
  const hunks: BlockHunk[] = [];
  template.blocks.forEach((t, ti) => {
    const pi = alignment.pageOf[ti];
    if (pi === undefined || ti === 0 || t.kind === 'topicsSlot' || t.kind === 'free') return;
    // A split paragraph is one structural finding; its words are compared once it is joined.
    if (splits.some((split) => split.templateIndex === ti) || merges.some((merge) => merge.templateIndexes.includes(ti))) return;
    for (const hunk of wordDiff(expected[ti]!, blocks[pi]!.tokens)) hunks.push({ hunk, templateBlock: t, pageBlock: blocks[pi]! });
  });
  const differs = new Set(hunks.map((h) => h.templateBlock));
  const comparable = service !== undefined;
  const wording = !comparable
    ? []
    : template.blocks.map((t, ti) => {
        const pi = alignment.pageOf[ti];
        if (pi === undefined || ti === 0 || t.kind === 'topicsSlot' || t.kind === 'free' || t.kind === 'topicsLabel') return undefined;
        return { text: withPlaceholders(joinTokens(blocks[pi]!.tokens), bindings), asTemplate: !differs.has(t) };
      });
  return {
    source,
    template,
    blocks,
    heading,
    boundService,
    headingFollowsTemplate,
    pinnedMismatch,
    comparable,
    headingIsPlaceholder,
    bindings,
    expected,
    alignment,
    freeAt,
    freeZone: freeZone(alignment.pageOf, freeAt, blocks.length),
    hunks,
    splits,
    merges,
    headingText: service ? fill(contentOf(template, tHeading)) : undefined,
    fill,
    fillBlock,
    wording,
  };
}

/** Tokens one sequence must drop or add to read as the other. */
function changes(want: readonly Token[], have: readonly Token[]): number {
  return want.length + have.length - 2 * commonTokens(want, have);
}

/**
 * Template paragraphs the page splits into two adjacent paragraphs: the matched one and an
 * unmatched neighbour whose words are nearly all the template words the matched one lacks. Judged
 * word by word, such a page gives a "missing words" finding whose fix writes the neighbour's
 * sentence a second time.
 */
function splitParagraphs(template: readonly TemplateBlock[], expected: readonly Token[][], alignment: ReturnType<typeof alignBlocks>, blocks: readonly Block[]): SplitBlock[] {
  const splits: SplitBlock[] = [];
  template.forEach((t, ti) => {
    const pi = alignment.pageOf[ti];
    if (pi === undefined || t.kind !== 'paragraph') return;
    const page = blocks[pi]!;
    for (const qi of [pi - 1, pi + 1]) {
      const other = blocks[qi];
      if (!other || other.kind !== 'paragraph' || alignment.templateOf[qi] !== undefined || other.tokens.length === 0) continue;
      const [first, second] = qi < pi ? [other, page] : [page, other];
      const joined = [...first.tokens, ...second.tokens];
      if (changes(expected[ti]!, page.tokens) - changes(expected[ti]!, joined) >= 0.8 * other.tokens.length) {
        splits.push({ templateIndex: ti, first, second });
        return;
      }
    }
  });
  return splits;
}

/**
 * Adjacent template paragraphs the page writes as one: a matched paragraph that also holds nearly
 * all the words of its missing neighbour. Judged apart, that is a "missing paragraph" whose fix
 * inserts the neighbour plus a wording fix that deletes it from the merged one.
 */
function mergedParagraphs(template: readonly TemplateBlock[], expected: readonly Token[][], alignment: ReturnType<typeof alignBlocks>, blocks: readonly Block[], source: string): MergedBlocks[] {
  const merges: MergedBlocks[] = [];
  template.forEach((t, ti) => {
    const pi = alignment.pageOf[ti];
    if (pi === undefined || t.kind !== 'paragraph') return;
    const page = blocks[pi]!;
    for (const tj of [ti - 1, ti + 1]) {
      if (template[tj]?.kind !== 'paragraph' || alignment.pageOf[tj] !== undefined || merges.some((m) => m.templateIndexes.includes(tj))) continue;
      const [a, b] = tj < ti ? [tj, ti] : [ti, tj];
      const joined = [...expected[a]!, ...expected[b]!];
      if (changes(expected[ti]!, page.tokens) - changes(joined, page.tokens) < 0.8 * expected[tj]!.length) continue;
      merges.push({ templateIndexes: [a, b], block: page, ...gapBetween(joined, expected[a]!.length, page.tokens, source) });
      return;
    }
  });
  return merges;
}

/** The plain space before the first page token that matches the second template paragraph. */
function gapBetween(joined: readonly Token[], boundary: number, tokens: readonly Token[], source: string): { gap?: { start: number; end: number } } {
  let ti = 0;
  let pi = 0;
  for (const part of diffArrays(joined as Token[], tokens as Token[], { comparator: (x, y) => x.norm === y.norm })) {
    const count = part.count ?? part.value.length;
    if (!part.added && !part.removed && ti + count > boundary) {
      const at = pi + Math.max(0, boundary - ti);
      const before = tokens[at - 1];
      const next = tokens[at];
      if (!before || !next) return {};
      return /^[ \t]*\n?[ \t]*$/.test(source.slice(before.end, next.start)) && before.end < next.start ? { gap: { start: before.end, end: next.start } } : {};
    }
    if (!part.added) ti += count;
    if (!part.removed) pi += count;
  }
  return {};
}

/** The narrowest safe edit for a hunk: its words when they sit in one inline run, else the whole block. */
export function hunkEdit({ hunk, templateBlock, pageBlock }: BlockHunk, { fillBlock, source }: PageComparison): Edit {
  const simple = (tokens: readonly Token[]): boolean =>
    tokens.length > 0 && tokens.every((token) => token.kind !== 'url' && token.container === tokens[0]!.container);
  if (simple(hunk.expected) && simple(hunk.actual)) {
    const from = hunk.expected[0]!.start;
    const to = hunk.expected[hunk.expected.length - 1]!.end;
    // The space before the words is the template's too: `**Security in the cloud**: Your` becomes
    // `**Security in the cloud** – Your`, not `**Security in the cloud**– Your`.
    let start = hunk.actual[0]!.start;
    let text = fillBlock(templateBlock, from, to);
    if (hunk.expected[0]!.spaceBefore && !hunk.actual[0]!.spaceBefore) text = ` ${text}`;
    else if (!hunk.expected[0]!.spaceBefore && hunk.actual[0]!.spaceBefore) while (start > pageBlock.contentStart && /[ \t]/.test(source[start - 1]!)) start--;
    return { start, end: hunk.actual[hunk.actual.length - 1]!.end, text };
  }
  return { start: pageBlock.contentStart, end: pageBlock.contentEnd, text: fillBlock(templateBlock, templateBlock.contentStart, templateBlock.contentEnd) };
}

/** The hunks template-wording reports: every difference of a comparable page that does not touch a name. */
export function wordingHunks(comparison: PageComparison): BlockHunk[] {
  return comparison.comparable ? comparison.hunks.filter(({ hunk }) => !hunk.touchesName) : [];
}

/** Where a hunk sits in the page (its first to last changed word; an insertion point when it deletes). */
export function hunkRange({ hunk, pageBlock }: BlockHunk): { start: number; end: number } {
  const first = hunk.actual[0];
  const last = hunk.actual[hunk.actual.length - 1];
  return { start: first?.start ?? pageBlock.contentStart, end: last?.end ?? pageBlock.contentStart };
}

/** Nearly the same words as a template block: a copy, not a note that happens to share words. */
export function isCopy(expected: readonly Token[], actual: readonly Token[]): boolean {
  if (expected.length === 0 || actual.length === 0) return false;
  return similarity(expected, actual, 0.8) > 0;
}

/** The template line holding `offset` of its source: what a template finding cites. */
export function templateLine(template: Template, offset: number): TemplateCitation {
  return { path: template.path, line: lineOf(template.source, offset) };
}

/** What a block is, in messages. */
export function kindName(kind: string): string {
  return KIND_NAMES[kind] ?? 'block';
}

const KIND_NAMES: Record<string, string> = {
  heading: 'heading',
  paragraph: 'paragraph',
  item: 'list item',
  topicsLabel: '"Topics" label',
  topicsSlot: 'Topics list',
  topicsList: 'Topics list',
  other: 'block',
};

/** First words of a block, for messages. */
export function preview(tokens: readonly Token[]): string {
  const words = joinTokens(tokens.slice(0, 8));
  return tokens.filter((t) => t.kind !== 'url').length > 8 ? `${words} …` : words;
}

/** Template Markdown of a block's inline content. */
export function contentOf(template: Template, t: TemplateBlock): string {
  return template.source.slice(t.contentStart, t.contentEnd);
}

/** A page's wording with its names turned back into placeholders, so services can be compared. */
function withPlaceholders(text: string, bindings: Bindings): string {
  // Short first: where both names are the same, the body's placeholder is {{short}}.
  const names = [
    [bindings.short, '{{short}}'],
    [bindings.service, '{{service}}'],
  ].filter(([name]) => name) as [string, string][];
  names.sort((a, b) => b[0].length - a[0].length);
  let result = text;
  for (const [name, placeholder] of names) result = result.split(name).join(placeholder);
  return result;
}

/** Page block indexes between which unmatched blocks are service notes (exclusive bounds). */
function freeZone(pageOf: readonly (number | undefined)[], freeAt: number, pageLength: number): [number, number] {
  if (freeAt === -1) return [0, 0];
  let from = -1;
  for (let k = freeAt - 1; k >= 0; k--) {
    const pi = pageOf[k];
    if (pi !== undefined) {
      from = pi;
      break;
    }
  }
  let to = pageLength;
  for (let k = freeAt + 1; k < pageOf.length; k++) {
    const pi = pageOf[k];
    if (pi !== undefined) {
      to = pi;
      break;
    }
  }
  return [from, to];
}
