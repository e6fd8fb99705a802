/**
 * A page's wording with its names put back as placeholders, so pages of different services can be
 * compared word for word: the H1's name is `{{service}}`; a name in the body, in any of its forms, is
 * `{{short}}`, the placeholder that accepts every form (the full name too), so no page that names
 * its service there drifts from the template.
 */
import type { Block } from '../template/blocks.js';
import type { Token } from '../template/tokens.js';
import { formRuns, nameForms, type PageNames } from './bind-page-names.js';

/** Where an abstracted token came from: its page's source and its index among the block's tokens. */
export interface TokenOrigin {
  source: string;
  block: Block;
  index: number;
  /** True for the block's last token (its Markdown then runs to the end of the block's content). */
  last: boolean;
}

/** The origin of every abstracted token, so a wording built from several pages keeps each page's Markdown. */
export const origins = new WeakMap<Token, TokenOrigin>();

/** A block's tokens with each name run replaced by one placeholder token; in the H1 every name is `{{service}}`. */
export function abstractBlock(block: Block, source: string, names: PageNames): Token[] {
  const runs = formRuns(block.tokens, nameForms(names));
  const heading = block.kind === 'heading' && block.depth === 1;
  const out: Token[] = [];
  let i = 0;
  for (const run of runs) {
    out.push(...block.tokens.slice(i, run.from));
    const first = block.tokens[run.from]!;
    const last = block.tokens[run.to - 1]!;
    const text = heading ? '{{service}}' : '{{short}}';
    out.push({ ...first, text, norm: text, kind: 'placeholder', end: last.end });
    i = run.to;
  }
  out.push(...block.tokens.slice(i));
  out.forEach((token, index) => origins.set(token, { source, block, index, last: index === out.length - 1 }));
  return out;
}

/**
 * A title with the service's names as placeholders. Catalog titles name the service one way, so
 * every form is `{{service}}`; with `exact`, for a topic only this service lists, the short name
 * is `{{short}}`, so the title fills back to what the page says.
 */
export function abstractTitle(title: string, names: PageNames, exact = false): string {
  let result = title;
  const forms = [...new Set(nameForms(names).map((form) => form.map((t, k) => (k > 0 && t.spaceBefore ? ' ' : '') + t.text).join('')))];
  for (const form of forms) {
    const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const placeholder = exact && form === names.short && form !== names.service ? '{{short}}' : '{{service}}';
    result = result.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'), placeholder);
  }
  return result;
}

/**
 * The Markdown of a token sequence, copied from the pages the tokens came from: runs of tokens that
 * sit together in one page are that page's source (escapes, bold, links kept), placeholders are
 * written as placeholders, and runs from different pages are joined by a space where one was read.
 */
export function markdownOf(tokens: readonly Token[]): string {
  let out = '';
  let k = 0;
  while (k < tokens.length) {
    const origin = origins.get(tokens[k]!)!;
    let end = k + 1;
    while (end < tokens.length) {
      const next = origins.get(tokens[end]!);
      if (!next || next.block !== origin.block || next.index !== origins.get(tokens[end - 1]!)!.index + 1) break;
      end++;
    }
    // A run from the block's first or last token keeps the markup around it (`**Security of the cloud**`).
    let text = '';
    let at = origin.index === 0 ? Math.min(origin.block.contentStart, tokens[k]!.start) : tokens[k]!.start;
    for (let j = k; j < end; j++) {
      const token = tokens[j]!;
      if (token.kind !== 'placeholder') continue;
      text += origin.source.slice(at, token.start) + token.text;
      at = token.end;
    }
    const lastOrigin = origins.get(tokens[end - 1]!)!;
    const to = lastOrigin.last ? Math.max(origin.block.contentEnd, tokens[end - 1]!.end) : tokens[end - 1]!.end;
    text += origin.source.slice(at, Math.max(at, to));
    out += (out && tokens[k]!.spaceBefore ? ' ' : '') + text;
    k = end;
  }
  return out;
}
