/**
 * A page's names without a template: the H1 gives `{{service}}` (by the shipped template's H1 pattern
 * or one of the variants real pages use), and the name form the body repeats most is `{{short}}`.
 */
import { serviceFromHeading } from '../template/bind.js';
import { HEADING_VARIANT_PATTERNS, isPlaceholderName, shortFormsOf, withoutArticle } from '../template/service-names.js';
import { tokensOfText, type Token } from '../template/tokens.js';
import type { ServicePage } from './service-pages.js';

export interface PageNames {
  service: string;
  short: string;
}

/** The H1 pattern of the template we ship: tried first, then the variants. */
const HEADING_PATTERNS = ['Security in {{service}}', ...HEADING_VARIANT_PATTERNS].map(tokensOfText);

/** The page's names, or undefined when its H1 names no service (a placeholder, another shape). */
export function bindPageNames(page: ServicePage): PageNames | undefined {
  const heading = page.blocks.find((b) => b.kind === 'heading' && b.depth === 1);
  if (!heading) return undefined;
  let service: string | undefined;
  for (const pattern of HEADING_PATTERNS) {
    service = serviceFromHeading(pattern, heading.tokens, true);
    if (service !== undefined) break;
  }
  if (service === undefined) return undefined;
  service = withoutArticle(service);
  if (isPlaceholderName(service)) return undefined;
  const body = page.blocks.filter((b) => b !== heading && b.kind !== 'topicsList');
  return { service, short: repeatedForm(service, body.map((b) => b.tokens)) };
}

/** The name forms to look for in a page, longest first, so `Amazon Athena` is never read as `Athena`. */
export function nameForms(names: PageNames): Token[][] {
  const forms = new Set([...shortFormsOf(names.service), names.short]);
  return [...forms].map(tokensOfText).sort((a, b) => b.length - a.length);
}

/** Where the forms occur in tokens, as token index ranges, longest form first and never overlapping. */
export function formRuns(tokens: readonly Token[], forms: readonly Token[][]): { from: number; to: number; text: string }[] {
  const runs: { from: number; to: number; text: string }[] = [];
  for (let i = 0; i < tokens.length; ) {
    const form = forms.find((f) => f.length > 0 && f.every((t, k) => tokens[i + k]?.norm === t.norm) && !wordContinues(tokens, i, f.length));
    if (!form) {
      i++;
      continue;
    }
    runs.push({ from: i, to: i + form.length, text: form.map((t, k) => (k > 0 && t.spaceBefore ? ' ' : '') + t.text).join('') });
    i += form.length;
  }
  return runs;
}

/** True when the run ends inside a longer word written without a space (`S3` in `S3-compatible` is fine). */
function wordContinues(tokens: readonly Token[], at: number, length: number): boolean {
  const next = tokens[at + length];
  return next !== undefined && next.kind === 'word' && !next.spaceBefore;
}

/** The form of the name the body uses most (the longer on a tie); the full name when the body never names it. */
function repeatedForm(service: string, blocks: readonly Token[][]): string {
  const forms = nameForms({ service, short: service });
  const counts = new Map<string, number>();
  for (const tokens of blocks) for (const run of formRuns(tokens, forms)) counts.set(run.text, (counts.get(run.text) ?? 0) + 1);
  let best = service;
  for (const [form, count] of counts) {
    const bestCount = counts.get(best) ?? 0;
    if (count > bestCount || (count === bestCount && form.length > best.length)) best = form;
  }
  return best;
}
