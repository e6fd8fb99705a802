/**
 * The template inferred from the aligned pages: every block more than half the pages have, in
 * the majority wording and with a majority page's Markdown; the free region for service notes
 * before the Topics label, and the Topics slot, as the shipped template has them.
 */
import { parseTemplate, TEMPLATE_DIR, TEMPLATE_FILE } from '../template/template.js';
import { alignPages, type Column, type PageModel } from './align-pages.js';
import { majorityWording, type BlockMajority, type Member } from './majority-wording.js';

export const FREE_REGION = '<!-- free-region: service-specific notes and warnings go here, between this marker and the next -->\n<!-- /free-region -->';
const TOPICS = '**Topics**\n+ {{topics}}';

/** One block of the inferred template, with what the pages say there. */
export interface InferredBlock {
  majority: BlockMajority;
  /** Pages that have the block. */
  pages: Set<number>;
}

export interface InferredTemplate {
  text: string;
  blocks: InferredBlock[];
  /** For each page, its block index in each inferred block (undefined: the page lacks it). */
  pageOf: (number | undefined)[][];
  /** For each page, the indexes of its prose blocks that are in no inferred block (its own additions). */
  extras: number[][];
}

/** Infers the template from pages whose names are bound. */
export function inferTemplate(models: readonly PageModel[]): InferredTemplate {
  const { columns, pageOf } = alignPages(models);
  const kept = columns.flatMap((column, c) => (keeps(column, c, models.length) ? [c] : []));
  const blocks = kept.map((c) => {
    const column = columns[c]!;
    const members: Member[] = [...column.members].map(([page, block]) => ({ page, block, source: models[page]!.page.source }));
    return { majority: majorityWording(members), pages: new Set(column.members.keys()) };
  });
  const text = render(blocks);
  parseTemplate(text, `${TEMPLATE_DIR}/${TEMPLATE_FILE}`); // what init writes, check must be able to read
  const keptPageOf = pageOf.map((of) => kept.map((c) => of[c]));
  const extras = models.map((model, p) => model.blocks.flatMap((block, b) => (keptPageOf[p]!.includes(b) || !isProse(block.kind) ? [] : [b])));
  return { text, blocks, pageOf: keptPageOf, extras };
}

function isProse(kind: string): boolean {
  return kind === 'heading' || kind === 'paragraph' || kind === 'item';
}

/** A block belongs in the template when most pages have it; the Topics label and list are written by `render`. */
function keeps(column: Column, index: number, pages: number): boolean {
  const kind = column.representative.kind;
  if (index === 0 && kind === 'heading' && column.representative.depth === 1) return true;
  return isProse(kind) && column.members.size * 2 > pages;
}

/** The template's Markdown: blocks apart by blank lines, list items kept together, then the free region and Topics. */
function render(blocks: readonly InferredBlock[]): string {
  let text = '';
  let previous: string | undefined;
  for (const { majority } of blocks) {
    const together = majority.kind === 'item' && (previous === 'item' || previous === 'paragraph');
    text += previous === undefined ? '' : together ? '\n' : '\n\n';
    text += majority.markdown.trim();
    previous = majority.kind;
  }
  return `${text}\n\n${FREE_REGION}\n\n${TOPICS}\n`;
}
