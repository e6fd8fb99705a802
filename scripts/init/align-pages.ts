/**
 * Aligning the service pages with each other, with no template to align them on: the page that
 * agrees best with all the others is the reference, every page is aligned to it with the template
 * aligner, and a block most pages have but the reference lacks becomes a column of its own. Each
 * column is one block of the template to be: the blocks of the pages that say it.
 */
import { alignBlocks, similarity } from '../template/align.js';
import type { Block } from '../template/blocks.js';
import type { TemplateBlock } from '../template/template.js';
import { abstractBlock } from './abstract-names.js';
import type { PageNames } from './bind-page-names.js';
import type { ServicePage } from './service-pages.js';

/** A page with its names bound and its blocks' tokens abstracted (names as placeholders). */
export interface PageModel {
  page: ServicePage;
  names: PageNames;
  blocks: Block[];
}

export interface Column {
  /** The block the pages were aligned on (from the reference page, or the first page of an added column). */
  representative: Block;
  /** Each page's block in this column, by page index (absent: the page lacks it). */
  members: Map<number, Block>;
}

/** Below this share of common words, unmatched blocks of two pages are different blocks. */
const SAME_BLOCK = 0.5;

/** A page model: its blocks with names abstracted. */
export function modelOf(page: ServicePage, names: PageNames): PageModel {
  return { page, names, blocks: page.blocks.map((block) => ({ ...block, tokens: abstractBlock(block, page.source, names) })) };
}

/** The columns of the pages, in the reference's order with added columns in place; `pageOf[page][column]` is the block index. */
export function alignPages(models: readonly PageModel[]): { columns: Column[]; pageOf: (number | undefined)[][] } {
  if (models.length === 0) return { columns: [], pageOf: [] };
  const reference = bestReference(models);
  let representatives = models[reference]!.blocks;
  let pageOf = models.map((model) => alignTo(representatives, model));
  representatives = withAddedColumns(representatives, models, pageOf);
  pageOf = models.map((model) => alignTo(representatives, model));
  const columns = representatives.map((representative, c) => {
    const members = new Map<number, Block>();
    models.forEach((model, p) => {
      const at = pageOf[p]![c];
      if (at !== undefined) members.set(p, model.blocks[at]!);
    });
    return { representative, members };
  });
  return { columns, pageOf };
}

function alignTo(representatives: readonly Block[], model: PageModel): (number | undefined)[] {
  const template = representatives.map((b, index) => ({ ...b, kind: b.kind === 'topicsList' ? 'topicsSlot' : b.kind, index }) as TemplateBlock);
  return alignBlocks(template, representatives.map((b) => b.tokens), model.blocks).pageOf;
}

/** The page whose blocks the other pages' blocks resemble most. */
function bestReference(models: readonly PageModel[]): number {
  let best = 0;
  let bestScore = -1;
  models.forEach((model, r) => {
    let score = 0;
    models.forEach((other, p) => {
      if (p === r) return;
      alignTo(model.blocks, other).forEach((at, c) => {
        if (at !== undefined) score += Math.max(similarity(model.blocks[c]!.tokens, other.blocks[at]!.tokens, 0), 0.5);
      });
    });
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  });
  return best;
}

/**
 * The reference's blocks plus the blocks most pages have that it lacks: unmatched blocks are
 * grouped by similarity, and a group that more than half the pages share is put after the column
 * its first page's preceding block sits in.
 */
function withAddedColumns(representatives: readonly Block[], models: readonly PageModel[], pageOf: readonly (number | undefined)[][]): Block[] {
  const groups: { first: Block; after: number; pages: Set<number> }[] = [];
  models.forEach((model, p) => {
    const columnOf = new Map<number, number>();
    pageOf[p]!.forEach((at, c) => at !== undefined && columnOf.set(at, c));
    let lastColumn = -1;
    model.blocks.forEach((block, b) => {
      const column = columnOf.get(b);
      if (column !== undefined) {
        lastColumn = column;
        return;
      }
      if (block.kind !== 'paragraph' && block.kind !== 'item' && block.kind !== 'heading') return;
      const group = groups.find((g) => g.first.kind === block.kind && similarity(g.first.tokens, block.tokens, SAME_BLOCK) > 0);
      if (group) group.pages.add(p);
      else groups.push({ first: block, after: lastColumn, pages: new Set([p]) });
    });
  });
  const out = [...representatives];
  const added = groups.filter((g) => g.pages.size * 2 > models.length);
  // Insert from the back so earlier positions stay valid.
  for (const group of added.sort((a, b) => b.after - a.after)) out.splice(group.after + 1, 0, group.first);
  return out;
}
