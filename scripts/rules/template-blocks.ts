/**
 * template-blocks: Every template block is on the page, in the template's order, and the page has no block the
 * template lacks outside the free region (service notes). Missing blocks are inserted and
 * misplaced ones moved by `fix`.
 */
import { defineRule, judging } from '../rule-kit/define-rule.js';
import type { Block } from '../template/blocks.js';
import { contentOf, isCopy, kindName, preview, type PageComparison } from '../template/compare-page.js';
import type { OffsetFinding } from '../template/edit.js';
import { lineSpan, lineStartOf } from '../template/lines.js';
import { servicePageComparison } from '../template/service-page-analysis.js';
import { joinTokens } from '../template/tokens.js';

export default defineRule(
  {
    id: "template-blocks",
    description: "a template paragraph or list item missing, out of order, or a block the template lacks outside the free region",
    docs: "Blocks are aligned with the template's blocks in order; the free region (service notes) may hold anything.",
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
  template.blocks.forEach((t, ti) => {
    if (t.kind === 'free' || ti === 0) return;
    if (alignment.pageOf[ti] === undefined) findings.push(missingBlock(comparison, ti));
    else if (alignment.outOfOrder.has(ti)) findings.push(misplacedBlock(comparison, ti));
  });
  comparison.blocks.forEach((p, pi) => {
    if (alignment.templateOf[pi] === undefined && p !== comparison.heading) findings.push(...extraBlock(comparison, p, pi));
  });
  return findings;
}

function missingBlock({ template, expected, alignment, blocks, source, fill }: PageComparison, ti: number): OffsetFinding {
  const t = template.blocks[ti]!;
  let before: Block | undefined;
  for (let k = ti - 1; k >= 0 && !before; k--) {
    const pi = alignment.pageOf[k];
    if (pi !== undefined) before = blocks[pi];
  }
  const at = before ? before.end : 0;
  const finding: OffsetFinding = {
    rule: 'template-blocks',
    start: at,
    end: at,
    message:
      t.kind === 'topicsSlot'
        ? 'missing Topics list: the "Topics" label must be followed by a list of links to the service\'s topic pages'
        : `missing ${kindName(t.kind)} from the template: \`${preview(expected[ti]!)}\``,
    expected: joinTokens(expected[ti]!),
  };
  if (t.kind !== 'topicsSlot') {
    const marker = before?.kind === 'item' ? source[before.start] ?? '+' : '+';
    const content = t.kind === 'heading' ? `${'#'.repeat(t.depth ?? 2)} ${fill(contentOf(template, t))}` : fill(contentOf(template, t));
    const text = t.kind === 'item' ? `\n${marker} ${content}` : `\n\n${content}`;
    finding.fix = { edits: [{ start: at, end: at, text: before ? text : `${content}\n\n` }] };
  }
  return finding;
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

/** A page block no template block matched: a second copy of a template block (drift even in the free region), or a block outside it. */
function extraBlock({ template, expected, freeAt, freeZone, source }: PageComparison, p: Block, pi: number): OffsetFinding[] {
  const copied = template.blocks.findIndex((_block, ti) => ti > 0 && isCopy(expected[ti]!, p.tokens));
  if (copied !== -1) {
    const cut = lineSpan(source, p.start, p.end);
    return [
      {
        rule: 'template-blocks',
        start: p.start,
        end: p.end,
        message: `${kindName(p.kind)} repeats the template's \`${preview(expected[copied]!)}\`: remove the copy`,
        actual: joinTokens(p.tokens),
        fix: { edits: [{ start: cut.start, end: cut.end, text: '' }] },
      },
    ];
  }
  if (pi > freeZone[0] && pi < freeZone[1]) return []; // service notes belong here
  return [
    {
      rule: 'template-blocks',
      start: p.start,
      end: p.end,
      message: `${kindName(p.kind)} is not in the template: \`${preview(p.tokens)}\`${freeAt === -1 ? '' : '; service-specific notes belong in the free region, before the Topics list'}`,
      actual: joinTokens(p.tokens),
    },
  ];
}
