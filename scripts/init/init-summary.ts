/**
 * What `init` prints: for each inferred block its majority wording and the variants with their
 * counts, how many pages already match the inferred template, and the most common drift per block.
 */
import { kindName, preview } from '../template/compare-page.js';
import type { PageModel } from './align-pages.js';
import type { InferredCatalog } from './infer-catalog.js';
import type { InferredTemplate } from './infer-template.js';

export interface SummaryInput {
  models: readonly PageModel[];
  /** Service pages whose H1 names no service, relative to the docs root. */
  unbound: readonly string[];
  template: InferredTemplate;
  catalog: InferredCatalog;
}

/** The summary lines, in the order `init` prints them. */
export function initSummary({ models, unbound, template, catalog }: SummaryInput): string[] {
  const total = models.length;
  const lines = [`inferred from ${total + unbound.length} service pages, names bound on ${total}`];
  if (unbound.length > 0) lines.push(`  not used (the H1 names no service): ${unbound.join(', ')}`);
  template.blocks.forEach(({ majority, pages }, b) => {
    lines.push(`block ${b + 1} ${kindName(majority.kind)} "${preview(majority.tokens)}": ${majority.exact.size} of ${total} pages word it so${missing(total - pages.size)}`);
    for (const place of majority.places) {
      lines.push(`  \`${place.expected}\` ${place.count}, ${place.variants.map((v) => `\`${v.text}\` ${v.count}`).join(', ')}`);
    }
  });
  const required = catalog.topics.filter((t) => t.required).length;
  const extras = [...catalog.extras.values()].reduce((n, list) => n + list.length, 0);
  lines.push(`topics: ${catalog.topics.length} in the catalog (${required} required), ${extras} of one service alone`);
  const matching = models.filter((_, p) => matchesTemplate(template, p));
  lines.push(`pages that already match the inferred template: ${matching.length} of ${total}${matching.length ? ` (${matching.map((m) => m.page.folder).join(', ')})` : ''}`);
  lines.push('most common drift per block:');
  template.blocks.forEach(({ majority, pages }, b) => {
    const drift = majority.places
      .flatMap((place) => place.variants.map((v) => ({ place, v })))
      .sort((x, y) => y.v.count - x.v.count)[0];
    const what = drift ? `expected \`${drift.place.expected}\`, found \`${drift.v.text}\` (${pagesCount(drift.v.count)})` : 'none';
    lines.push(`  block ${b + 1} ${kindName(majority.kind)}: ${what}${missing(total - pages.size)}`);
  });
  return lines;
}

/** A page matches when it has every block in the majority wording and adds blocks only where service notes go. */
function matchesTemplate(template: InferredTemplate, page: number): boolean {
  const at = template.pageOf[page]!;
  if (template.blocks.some(({ majority }, b) => at[b] === undefined || !majority.exact.has(page))) return false;
  const last = Math.max(...at.map((i) => i ?? -1));
  return template.extras[page]!.every((b) => b > last);
}

function missing(count: number): string {
  return count > 0 ? `; ${pagesCount(count)} ${count === 1 ? 'lacks' : 'lack'} it` : '';
}

function pagesCount(count: number): string {
  return `${count} page${count === 1 ? '' : 's'}`;
}
