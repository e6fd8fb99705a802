/**
 * template-blocks: Every template block is on the page, in the template's order, and the page has no block the
 * template lacks outside the free region (service notes). Missing blocks are inserted and
 * misplaced ones moved by `fix`.
 */
import { defineRule, judging } from '../rule-kit/define-rule.js';
import { writtenAsParagraph } from '../template/align.js';
import type { Block } from '../template/blocks.js';
import { contentOf, isCopy, kindName, preview, templateLine, type MergedBlocks, type PageComparison, type SplitBlock } from '../template/compare-page.js';
import type { OffsetFinding } from '../template/edit.js';
import { lineOf, lineSpan, lineStartOf } from '../template/lines.js';
import { servicePageComparison } from '../template/service-page-analysis.js';
import { joinTokens } from '../template/tokens.js';

export default defineRule(
  {
    id: "template-blocks",
    description: "a template paragraph or list item missing, out of order, or a block the template lacks outside the free region",
    docs: "Blocks are aligned with the template's blocks in order; the free region (service notes) may hold anything. Adjacent missing blocks are one finding, inserted together in the template's order. Blocks the template lacks are one finding per run, named for where they are: `content before the H1 (lines 1–5)`, `content after the Topics list (lines 18–37)`, or `3 blocks are not in the template (lines 7–11)`; a block without words (a `--------` rule) is quoted as its source line.",
    fixable: "inserts missing blocks and moves misplaced ones; extra blocks are left to the writer",
    crossFile: "none",
    defaultSeverity: "error",
    examples: [
      { title: "the shipped S3 page has every block", base: "s3", findings: [] },
      { title: "a template paragraph removed", base: "s3", replace: {"s3/security.md": ["Cloud security at AWS is the highest priority\\. As an AWS customer, you benefit from a data center and network architecture that is built to meet the requirements of the most security\\-sensitive organizations\\.\n\n", ""]}, findings: ["s3/security.md:1:47 missing paragraph from the template: `Cloud security at AWS is the highest priority …`"] },
    ],
  },
  judging(servicePageComparison, blockFindings),
);

/** Missing and out-of-order template blocks, then page blocks the template lacks (or repeats). */
function blockFindings(comparison: PageComparison): OffsetFinding[] {
  if (!comparison.comparable) return [];
  const { template, alignment } = comparison;
  const findings: OffsetFinding[] = [];
  const missing: number[] = [];
  template.blocks.forEach((t, ti) => {
    if (t.kind === 'free' || ti === 0) return;
    const pi = alignment.pageOf[ti];
    if (pi === undefined) {
      if (!comparison.merges.some((merge) => merge.templateIndexes.includes(ti))) missing.push(ti);
    }
    else if (alignment.outOfOrder.has(ti)) findings.push(misplacedBlock(comparison, ti));
    else if (writtenAsParagraph(t, comparison.blocks[pi]!)) findings.push(itemAsParagraph(comparison, pi, ti));
  });
  // Adjacent missing blocks go in at one place: one finding and one insertion, in the template's order.
  const structural = (ti: number): boolean => template.blocks[ti]!.kind === 'topicsSlot' || template.blocks[ti]!.kind === 'topicsLabel';
  for (const ti of missing.filter(structural)) findings.push(missingBlocks(comparison, [ti]));
  for (const run of runsOf(missing.filter((ti) => !structural(ti)))) findings.push(missingBlocks(comparison, run));
  for (const split of comparison.splits) findings.push(splitParagraph(comparison, split));
  for (const merge of comparison.merges) findings.push(mergedParagraph(comparison, merge));
  const halves = new Set(comparison.splits.flatMap((split) => [split.first, split.second]));
  const extra: number[] = [];
  comparison.blocks.forEach((p, pi) => {
    if (alignment.templateOf[pi] !== undefined || p === comparison.heading || halves.has(p)) return;
    const copy = repeatedBlock(comparison, p);
    if (copy) findings.push(copy);
    else if (!(pi > comparison.freeZone[0] && pi < comparison.freeZone[1])) extra.push(pi); // the free region holds service notes
  });
  for (const run of runsOf(extra)) findings.push(extraContent(comparison, run));
  return findings;
}

function missingBlocks(comparison: PageComparison, run: readonly number[]): OffsetFinding {
  const { template, expected, alignment, blocks, source, fill } = comparison;
  let before: Block | undefined;
  for (let k = run[0]! - 1; k >= 0 && !before; k--) {
    const pi = alignment.pageOf[k];
    if (pi !== undefined) before = blocks[pi];
  }
  const at = before ? before.end : 0;
  const slot = run.find((ti) => template.blocks[ti]!.kind === 'topicsSlot');
  if (slot !== undefined) {
    return {
      rule: 'template-blocks',
      start: at,
      end: at,
      message: 'missing Topics list: the "Topics" label must be followed by a list of links to the service\'s topic pages',
      expected: joinTokens(expected[slot]!),
      template: templateLine(template, template.blocks[slot]!.start),
    };
  }
  const first = template.blocks[run[0]!]!;
  const quotes = run.map((ti) => `\`${preview(expected[ti]!)}\``).join(', ');
  const what = run.length === 1 ? kindName(first.kind) : `${run.length} ${run.every((ti) => template.blocks[ti]!.kind === 'item') ? 'list items' : 'blocks'}`;
  let marker = before?.kind === 'item' ? source[before.start] ?? '+' : '+';
  const texts = run.map((ti) => {
    const t = template.blocks[ti]!;
    const content = t.kind === 'heading' ? `${'#'.repeat(t.depth ?? 2)} ${fill(contentOf(template, t))}` : fill(contentOf(template, t));
    const text = t.kind === 'item' ? `\n${marker} ${content}` : `\n\n${content}`;
    marker = t.kind === 'item' ? marker : '+';
    return text;
  });
  const inserted = before ? texts.join('') : `${texts.join('').replace(/^\n+/, '')}\n\n`;
  return {
    rule: 'template-blocks',
    start: at,
    end: at,
    message: `missing ${what} from the template: ${quotes}`,
    expected: run.map((ti) => joinTokens(expected[ti]!)).join('\n'),
    fix: { edits: [{ start: at, end: at, text: inserted }] },
    template: templateLine(template, first.start),
  };
}

/** A block out of order, moved by `fix` in front of the page block of the next template block that is in order. */
function misplacedBlock({ template, expected, alignment, blocks, source }: PageComparison, ti: number): OffsetFinding {
  const p = blocks[alignment.pageOf[ti]!]!;
  let next: Block | undefined;
  let nextTi = -1;
  for (let k = ti + 1; k < template.blocks.length && !next; k++) {
    const pi = alignment.pageOf[k];
    if (pi !== undefined && !alignment.outOfOrder.has(k)) {
      next = blocks[pi];
      nextTi = k;
    }
  }
  const what = kindName(template.blocks[ti]!.kind);
  const finding: OffsetFinding = {
    rule: 'template-blocks',
    start: p.start,
    end: p.end,
    message: next
      ? `${what} out of order: the template puts it before \`${preview(expected[nextTi]!)}\``
      : `${what} out of order: the template puts it later in the page`,
    actual: joinTokens(p.tokens),
    template: templateLine(template, template.blocks[ti]!.start),
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

/**
 * A template item written as a paragraph: `fix` turns the blank line before it into a list
 * marker, so the paragraph becomes the item in place and no text is written twice.
 */
function itemAsParagraph({ blocks, source, template }: PageComparison, pi: number, ti: number): OffsetFinding {
  const p = blocks[pi]!;
  const previous = blocks[pi - 1];
  const marker = previous?.kind === 'item' ? source[previous.start] ?? '+' : '+';
  const finding: OffsetFinding = {
    rule: 'template-blocks',
    start: p.start,
    end: p.end,
    message: `list item written as a paragraph: \`${preview(p.tokens)}\`: the template makes it an item of the list above`,
    actual: joinTokens(p.tokens),
    template: templateLine(template, template.blocks[ti]!.start),
  };
  if (previous && /^\s*$/.test(source.slice(previous.end, p.start))) {
    finding.fix = { edits: [{ start: previous.end, end: p.start, text: `\n${marker} ` }] };
  }
  return finding;
}

/** A template paragraph written as two: `fix` joins them (its words are compared once joined). */
function splitParagraph({ source, template, expected }: PageComparison, { templateIndex, first, second }: SplitBlock): OffsetFinding {
  const finding: OffsetFinding = {
    rule: 'template-blocks',
    start: first.start,
    end: second.end,
    message: `paragraph split in two (lines ${lineOf(source, first.start)} and ${lineOf(source, second.start)}): the template has them as one paragraph, \`${preview(expected[templateIndex]!)}\``,
    actual: `${joinTokens(first.tokens)}\n\n${joinTokens(second.tokens)}`,
    template: templateLine(template, template.blocks[templateIndex]!.start),
  };
  if (/^\s*$/.test(source.slice(first.end, second.start))) finding.fix = { edits: [{ start: first.contentEnd, end: second.contentStart, text: ' ' }] };
  return finding;
}

/** Two template paragraphs written as one: `fix` starts the second on a paragraph of its own. */
function mergedParagraph({ template, expected }: PageComparison, { templateIndexes: [a, b], block, gap }: MergedBlocks): OffsetFinding {
  const finding: OffsetFinding = {
    rule: 'template-blocks',
    start: block.start,
    end: block.end,
    message: `paragraph holds two of the template's: \`${preview(expected[a]!)}\` and \`${preview(expected[b]!)}\`: start the second on a paragraph of its own`,
    actual: joinTokens(block.tokens),
    template: templateLine(template, template.blocks[b]!.start),
  };
  if (gap) finding.fix = { edits: [{ ...gap, text: '\n\n' }] };
  return finding;
}

/** A second copy of a template block: drift even in the free region, removed by `fix`. */
function repeatedBlock({ template, expected, source }: PageComparison, p: Block): OffsetFinding | undefined {
  const copied = template.blocks.findIndex((_block, ti) => ti > 0 && isCopy(expected[ti]!, p.tokens));
  if (copied === -1) return undefined;
  const cut = lineSpan(source, p.start, p.end);
  return {
    rule: 'template-blocks',
    start: p.start,
    end: p.end,
    message: `${kindName(p.kind)} repeats the template's \`${preview(expected[copied]!)}\`: remove the copy`,
    actual: joinTokens(p.tokens),
    fix: { edits: [{ start: cut.start, end: cut.end, text: '' }] },
    template: templateLine(template, template.blocks[copied]!.start),
  };
}

/** Runs of consecutive page block indexes: one structural edit each (a pasted section is one finding, not twenty). */
function runsOf(indexes: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const index of indexes) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === index - 1) run.push(index);
    else runs.push([index]);
  }
  return runs;
}

/**
 * Blocks the template lacks outside the free region, one finding per run, named for where they
 * are: before the H1, after the Topics list, or among the template's blocks. Left to the writer:
 * only they know whether the content is a note (the free region) or a topic of its own.
 */
function extraContent(comparison: PageComparison, run: readonly number[]): OffsetFinding {
  const { blocks, heading, source, freeAt, template } = comparison;
  const first = blocks[run[0]!]!;
  const last = blocks[run[run.length - 1]!]!;
  const lines = `lines ${lineOf(source, first.start)}–${lineOf(source, last.end)}`;
  const headingAt = heading ? blocks.indexOf(heading) : -1;
  const topicsAt = blocks.findIndex((b) => b.kind === 'topicsList');
  const freeRegion = freeAt === -1 ? '' : '; service-specific notes belong in the free region, before the Topics list';
  let message: string;
  if (headingAt !== -1 && run[run.length - 1]! < headingAt) {
    message = `content before the H1 (${lines}): move it below the H1${freeAt === -1 ? '' : ', into the free region'}`;
  } else if (topicsAt !== -1 && run[0]! > topicsAt) {
    message = `content after the Topics list (${lines}): move it ${freeAt === -1 ? 'above the Topics list' : 'into the free region'} or into a topic page`;
  } else if (run.length === 1) {
    message = `${kindName(first.kind)} is not in the template: \`${quoted(first, source)}\`${freeRegion}`;
  } else {
    message = `${run.length} blocks are not in the template (${lines}), from \`${quoted(first, source)}\`${freeRegion}`;
  }
  // Cites the free region, where such content may go (or the template's H1 when it has none).
  const cited = templateLine(template, template.blocks[freeAt === -1 ? 0 : freeAt]!.start);
  return { rule: 'template-blocks', start: first.start, end: last.end, message, actual: joinTokens(first.tokens), template: cited };
}

/** A block's first words, or its first source line when it has none (a `--------` rule). */
function quoted(block: Block, source: string): string {
  if (block.tokens.length > 0) return preview(block.tokens);
  return source.slice(block.start, block.end).split('\n')[0]!.trim();
}

