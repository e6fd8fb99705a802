/**
 * Pages past these limits are reported, not parsed: parse time and memory grow too fast past them.
 * The counts are made in one linear pass before any parse (see markup-counts.ts).
 */
import { countMarkup } from './markup-counts.js';

export const MAX_PAGE_CHARS = 5_000_000;
export const MAX_NESTING = 64;
/** Links of every form (inline, reference, image, definition, autolink): resolving references grows faster than the page. */
export const MAX_LINKS = 10_000;
/**
 * Emphasis markers in one paragraph: markers that cannot pair (`*a_ *a_ …`) make the parser's work
 * grow with their square; 2,000 of the worst kind still parse in about a tenth of a second.
 */
export const MAX_EMPHASIS_MARKERS = 2_000;

/** Why a page is beyond what the checker will parse, and the line to report it on. */
export interface PageLimit {
  reason: string;
  line: number;
}

/** Why a page is beyond what the checker will parse, or undefined when it is not. */
export function beyondLimits(text: string): PageLimit | undefined {
  if (text.length > MAX_PAGE_CHARS) {
    return { reason: `page is too large to check (${(text.length / 1e6).toFixed(1)} million characters; the limit is ${MAX_PAGE_CHARS / 1e6} million): split it`, line: 1 };
  }
  // Container markers (block quotes, list bullets) opening a line, counted cheaply before parsing.
  const nesting = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/gm;
  let deepest = 0;
  for (const match of text.matchAll(nesting)) deepest = Math.max(deepest, (match[0].match(/>|[-*+]|\d{1,9}[.)]/g) ?? []).length);
  if (deepest > MAX_NESTING) return { reason: `page nests ${deepest} levels deep (the limit is ${MAX_NESTING}): flatten its lists or quotes`, line: 1 };
  const counts = countMarkup(text);
  if (counts.links > MAX_LINKS) return { reason: `page has ${counts.links} links (the limit is ${MAX_LINKS}): split it`, line: 1 };
  if (counts.emphasis > MAX_EMPHASIS_MARKERS) {
    return {
      reason: `paragraph has ${counts.emphasis} emphasis markers (\`*\`, \`_\`) outside code (the limit is ${MAX_EMPHASIS_MARKERS}): escape literal ones as \`\\*\` and \`\\_\`, or split the paragraph`,
      line: counts.emphasisLine,
    };
  }
  return undefined;
}
