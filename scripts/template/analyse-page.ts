/**
 * Compares one service page with the template: binds the names, aligns the blocks, and lists
 * every difference with its place in the page and the template text that fixes it.
 */
import type { Root } from 'mdast';
import { alignBlocks, similarity } from './align.js';
import { expandPlaceholders, majority, serviceFromHeading, valuesAt } from './bind.js';
import { blocksOf, type Block } from './blocks.js';
import type { ServiceNames } from './manifest.js';
import { pageStyleOf, renderForPage, type Bindings } from './markup.js';
import type { Template, TemplateBlock } from './template.js';
import { joinTokens, tokensOfText, type Token } from './tokens.js';
import { wordDiff, type Hunk } from './word-diff.js';
import type { Edit, OffsetFinding } from './edit.js';

export type TemplateRuleId = 'template-heading' | 'template-blocks' | 'template-wording' | 'template-name';

export type PageFinding = OffsetFinding<TemplateRuleId>;

export interface BlockWording {
  text: string;
  /** True when the page says exactly what the template says. */
  asTemplate: boolean;
}

export interface PageAnalysis {
  bindings: Bindings;
  findings: PageFinding[];
  /** For each template block, how this page words it (names put back as placeholders). */
  wording: (BlockWording | undefined)[];
}

/** H1 shapes real pages use instead of the template's; recognised so the name still binds. */
const HEADING_VARIANTS = [
  '{{service}} security',
  'Security and compliance in {{service}}',
  'Security and compliance for {{service}}',
  'Security for {{service}}',
  'Security of {{service}}',
  'Security in {{service}}',
].map(tokensOfText);

const KIND_NAMES: Record<string, string> = {
  heading: 'heading',
  paragraph: 'paragraph',
  item: 'list item',
  topicsLabel: '"Topics" label',
  topicsSlot: 'Topics list',
  topicsList: 'Topics list',
  other: 'block',
};

/** Analyses a service page against the template; `pinned` are the manifest's names, if any. */
export function analysePage(source: string, tree: Root, template: Template, pinned?: ServiceNames): PageAnalysis {
  const findings: PageFinding[] = [];
  const style = pageStyleOf(source);
  const blocks = blocksOf(tree, source).filter((b) => b.kind !== 'html');
  const tHeading = template.blocks[0]!;
  const pHeading = blocks.find((b) => b.kind === 'heading' && b.depth === 1);

  // 1. The H1 binds {{service}}.
  let service = pHeading ? serviceFromHeading(tHeading.tokens, pHeading.tokens, false) : undefined;
  const headingFollowsTemplate = service !== undefined;
  if (pHeading && service === undefined) {
    for (const variant of HEADING_VARIANTS) {
      service = serviceFromHeading(variant, pHeading.tokens, true);
      if (service !== undefined) break;
    }
  }
  const boundService = service;
  const pinnedMismatch = pinned !== undefined && service !== undefined && service !== pinned.service;
  service = pinned?.service ?? service;

  // 2. Align blocks, with {{service}} known and {{short}} left as a gap.
  const withService = template.blocks.map((b) => expandPlaceholders(b.tokens, { service }));
  const alignment = alignBlocks(template.blocks, withService, blocks);

  // 3. {{short}} is what most of the page's uses say.
  const shortUses = template.blocks.flatMap((_block, i) => {
    const p = alignment.pageOf[i];
    return p === undefined ? [] : valuesAt(withService[i]!, blocks[p]!.tokens, 'short');
  });
  const short = pinned?.short ?? majority(shortUses) ?? service ?? '';
  const bindings: Bindings = { service: service ?? '', short };
  const expectedTokens = template.blocks.map((b) => expandPlaceholders(b.tokens, { ...bindings }));
  const fill = (markdown: string): string => renderForPage(markdown, bindings, style);

  // 4. The H1 itself. Without it (and without a manifest entry) the page has no names to compare
  // with, so that is the one finding: the rest would only be noise.
  if (!pHeading) {
    const expected = service ? joinTokens(expectedTokens[0]!) : joinTokens(template.blocks[0]!.tokens);
    findings.push({
      rule: 'template-heading',
      start: 0,
      end: 0,
      message: `page has no H1: expected \`${expected}\``,
      expected,
      ...(service ? { fix: { edits: [{ start: 0, end: 0, text: `# ${fill(contentOf(template, tHeading))}\n\n` }] } } : {}),
    });
    if (!service) return { bindings, findings, wording: [] };
  } else if (!headingFollowsTemplate || pinnedMismatch) {
    const expected = joinTokens(expectedTokens[0]!);
    const actual = joinTokens(pHeading.tokens);
    findings.push({
      rule: headingFollowsTemplate ? 'template-name' : 'template-heading',
      start: pHeading.contentStart,
      end: pHeading.contentEnd,
      message: headingFollowsTemplate
        ? `service name differs from the services manifest: expected \`${bindings.service}\`, found \`${boundService}\``
        : `H1 does not follow the template: expected \`${expected}\`, found \`${actual}\``,
      expected,
      actual,
      ...(service ? { fix: { edits: [{ start: pHeading.contentStart, end: pHeading.contentEnd, text: fill(contentOf(template, tHeading)) }] } } : {}),
    });
  }

  // 5. Missing, out-of-order and extra blocks.
  const freeAt = template.blocks.findIndex((b) => b.kind === 'free');
  const [freeFrom, freeTo] = freeZone(alignment.pageOf, freeAt, blocks.length);
  template.blocks.forEach((t, ti) => {
    if (t.kind === 'free' || ti === 0) return;
    const pi = alignment.pageOf[ti];
    if (pi === undefined) {
      findings.push(missingBlock(template, ti, expectedTokens, alignment.pageOf, blocks, source, fill));
    } else if (alignment.outOfOrder.has(ti)) {
      findings.push(misplacedBlock(template, ti, expectedTokens, alignment, blocks, source));
    }
  });
  blocks.forEach((p, pi) => {
    if (alignment.templateOf[pi] !== undefined || p === pHeading) return;
    // A second copy of a template block is drift even in the free region: it repeats the template.
    const copied = template.blocks.findIndex((_block, ti) => ti > 0 && isCopy(expectedTokens[ti]!, p.tokens));
    if (copied !== -1) {
      const cut = lineSpan(source, p.start, p.end);
      findings.push({
        rule: 'template-blocks',
        start: p.start,
        end: p.end,
        message: `${KIND_NAMES[p.kind] ?? 'block'} repeats the template's \`${preview(expectedTokens[copied]!)}\`: remove the copy`,
        actual: joinTokens(p.tokens),
        fix: { edits: [{ start: cut.start, end: cut.end, text: '' }] },
      });
      return;
    }
    if (pi > freeFrom && pi < freeTo) return; // service notes belong here
    findings.push({
      rule: 'template-blocks',
      start: p.start,
      end: p.end,
      message: `${KIND_NAMES[p.kind] ?? 'block'} is not in the template: \`${preview(p.tokens)}\`${freeAt === -1 ? '' : '; service-specific notes belong in the free region, before the Topics list'}`,
      actual: joinTokens(p.tokens),
    });
  });

  // 6. Word-level differences inside each matched block.
  const differs = new Set<number>();
  template.blocks.forEach((t, ti) => {
    const pi = alignment.pageOf[ti];
    if (pi === undefined || ti === 0 || t.kind === 'topicsSlot' || t.kind === 'free') return;
    const p = blocks[pi]!;
    for (const hunk of wordDiff(expectedTokens[ti]!, p.tokens)) {
      findings.push(wordFinding(hunk, template, t, p, fill));
      differs.add(ti);
    }
  });

  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  const wording = template.blocks.map((t, ti) => {
    const pi = alignment.pageOf[ti];
    if (pi === undefined || ti === 0 || t.kind === 'topicsSlot' || t.kind === 'free' || t.kind === 'topicsLabel') return undefined;
    return { text: withPlaceholders(joinTokens(blocks[pi]!.tokens), bindings), asTemplate: !differs.has(ti) };
  });
  return { bindings, findings, wording };
}

function wordFinding(hunk: Hunk, template: Template, t: TemplateBlock, p: Block, fill: (markdown: string) => string): PageFinding {
  const expected = joinTokens(hunk.expected);
  const actual = joinTokens(hunk.actual);
  const linkOnly = expected === actual;
  const first = hunk.actual[0];
  const last = hunk.actual[hunk.actual.length - 1];
  const start = first?.start ?? p.contentStart;
  const end = last?.end ?? p.contentStart;
  const message = hunk.touchesName
    ? `service name differs from the rest of the page: expected \`${expected}\`, found \`${actual}\``
    : linkOnly
      ? `link target differs from the template: expected \`${hunk.expected.find((e) => e.kind === 'url')!.text}\`, found \`${hunk.actual.find((a) => a.kind === 'url')?.text ?? 'no link'}\``
      : `expected \`${expected}\`, found \`${actual}\``;
  return {
    rule: hunk.touchesName ? 'template-name' : 'template-wording',
    start,
    end,
    message,
    expected,
    actual,
    fix: { edits: [wordEdit(hunk, template, t, p, fill)] },
  };
}

/** The narrowest safe edit: the hunk's words when they sit in one inline run, else the whole block. */
function wordEdit(hunk: Hunk, template: Template, t: TemplateBlock, p: Block, fill: (markdown: string) => string): Edit {
  const simple = (tokens: readonly Token[]): boolean =>
    tokens.length > 0 && tokens.every((token) => token.kind !== 'url' && token.container === tokens[0]!.container);
  if (simple(hunk.expected) && simple(hunk.actual)) {
    const from = hunk.expected[0]!.start;
    const to = hunk.expected[hunk.expected.length - 1]!.end;
    return { start: hunk.actual[0]!.start, end: hunk.actual[hunk.actual.length - 1]!.end, text: fill(template.source.slice(from, to)) };
  }
  return { start: p.contentStart, end: p.contentEnd, text: fill(contentOf(template, t)) };
}

function missingBlock(
  template: Template,
  ti: number,
  expectedTokens: readonly Token[][],
  pageOf: readonly (number | undefined)[],
  blocks: readonly Block[],
  source: string,
  fill: (markdown: string) => string,
): PageFinding {
  const t = template.blocks[ti]!;
  let before: Block | undefined;
  for (let k = ti - 1; k >= 0 && !before; k--) {
    const pi = pageOf[k];
    if (pi !== undefined) before = blocks[pi];
  }
  const at = before ? before.end : 0;
  const expected = joinTokens(expectedTokens[ti]!);
  const what = KIND_NAMES[t.kind] ?? 'block';
  const finding: PageFinding = {
    rule: 'template-blocks',
    start: at,
    end: at,
    message:
      t.kind === 'topicsSlot'
        ? 'missing Topics list: the "Topics" label must be followed by a list of links to the service\'s topic pages'
        : `missing ${what} from the template: \`${preview(expectedTokens[ti]!)}\``,
    expected,
  };
  if (t.kind !== 'topicsSlot') {
    const marker = before?.kind === 'item' ? source[before.start] ?? '+' : '+';
    const content = t.kind === 'heading' ? `${'#'.repeat(t.depth ?? 2)} ${fill(contentOf(template, t))}` : fill(contentOf(template, t));
    const text = t.kind === 'item' ? `\n${marker} ${content}` : `\n\n${content}`;
    finding.fix = { edits: [{ start: at, end: at, text: before ? text : `${content}\n\n` }] };
  }
  return finding;
}

function misplacedBlock(
  template: Template,
  ti: number,
  expectedTokens: readonly Token[][],
  alignment: ReturnType<typeof alignBlocks>,
  blocks: readonly Block[],
  source: string,
): PageFinding {
  const p = blocks[alignment.pageOf[ti]!]!;
  // Move it in front of the page block of the next template block that is in order.
  let next: Block | undefined;
  let nextTi = -1;
  for (let k = ti + 1; k < template.blocks.length && !next; k++) {
    const pi = alignment.pageOf[k];
    if (pi !== undefined && !alignment.outOfOrder.has(k)) {
      next = blocks[pi];
      nextTi = k;
    }
  }
  const what = KIND_NAMES[template.blocks[ti]!.kind] ?? 'block';
  const finding: PageFinding = {
    rule: 'template-blocks',
    start: p.start,
    end: p.end,
    message: next
      ? `${what} out of order: the template puts it before \`${preview(expectedTokens[nextTi]!)}\``
      : `${what} out of order: the template puts it later in the page`,
    actual: joinTokens(p.tokens),
  };
  if (next) {
    const cut = lineSpan(source, p.start, p.end);
    const target = lineStartOf(source, next.start);
    const separator = p.kind === 'item' && next.kind === 'item' ? '' : '\n';
    const moved = source.slice(cut.start, cut.contentEnd) + '\n' + separator;
    finding.fix = { edits: [{ start: target, end: target, text: moved }, { start: cut.start, end: cut.end, text: '' }] };
  }
  return finding;
}

/** Nearly the same words as a template block: a copy, not a note that happens to share words. */
function isCopy(expected: readonly Token[], actual: readonly Token[]): boolean {
  if (expected.length === 0 || actual.length === 0) return false;
  return similarity(expected, actual, 0.8) > 0;
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

/** First words of a block, for messages. */
function preview(tokens: readonly Token[]): string {
  const words = joinTokens(tokens.slice(0, 8));
  return tokens.filter((t) => t.kind !== 'url').length > 8 ? `${words} …` : words;
}

/** Template Markdown of a block's inline content. */
function contentOf(template: Template, t: TemplateBlock): string {
  return template.source.slice(t.contentStart, t.contentEnd);
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

function lineStartOf(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** Whole lines of a block, plus the blank lines after it (what a move cuts out). */
function lineSpan(source: string, start: number, end: number): { start: number; contentEnd: number; end: number } {
  const from = lineStartOf(source, start);
  const lineEnd = source.indexOf('\n', end);
  const contentEnd = lineEnd === -1 ? source.length : lineEnd;
  let to = lineEnd === -1 ? source.length : lineEnd + 1;
  const blank = /[ \t]*\r?\n/y;
  for (blank.lastIndex = to; blank.exec(source); blank.lastIndex = to) to = blank.lastIndex;
  return { start: from, contentEnd: source[contentEnd - 1] === '\r' ? contentEnd - 1 : contentEnd, end: to };
}
