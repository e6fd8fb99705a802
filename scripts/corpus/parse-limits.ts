/** Pages past these limits are reported, not parsed: parse time and memory grow too fast past them. */
export const MAX_PAGE_CHARS = 5_000_000;
export const MAX_NESTING = 64;
export const MAX_LINKS = 10_000;

/** Why a page is beyond what the checker will parse, or undefined when it is not. */
export function beyondLimits(text: string): string | undefined {
  if (text.length > MAX_PAGE_CHARS) {
    return `page is too large to check (${(text.length / 1e6).toFixed(1)} million characters; the limit is ${MAX_PAGE_CHARS / 1e6} million): split it`;
  }
  // Container markers (block quotes, list bullets) opening a line, counted cheaply before parsing.
  const nesting = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/gm;
  let deepest = 0;
  for (const match of text.matchAll(nesting)) deepest = Math.max(deepest, (match[0].match(/>|[-*+]|\d{1,9}[.)]/g) ?? []).length);
  if (deepest > MAX_NESTING) return `page nests ${deepest} levels deep (the limit is ${MAX_NESTING}): flatten its lists or quotes`;
  const links = text.split('](').length - 1;
  if (links > MAX_LINKS) return `page has ${links} links (the limit is ${MAX_LINKS}): split it`;
  return undefined;
}

