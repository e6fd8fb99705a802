/**
 * Binding placeholders from the page itself: the H1 names the service, the body's uses name the
 * short form. Every other use must then agree with the binding.
 */
import { diffArrays } from 'diff';
import { joinTokens, tokensOfText, type Token } from './tokens.js';
import { placeholderName } from './template.js';

/**
 * Tokens standing for a placeholder's value, positioned on the placeholder in the template;
 * `perOccurrence` gives a value for one occurrence of a placeholder in these tokens.
 */
export function expandPlaceholders(
  tokens: readonly Token[],
  values: Readonly<Record<string, string | undefined>>,
  perOccurrence: Readonly<Record<string, readonly (string | undefined)[]>> = {},
): Token[] {
  const out: Token[] = [];
  const seen = new Map<string, number>();
  for (const token of tokens) {
    const name = token.kind === 'placeholder' ? placeholderName(token.text) : undefined;
    const occurrence = name === undefined ? 0 : (seen.get(name) ?? 0);
    const value = name === undefined ? undefined : (perOccurrence[name]?.[occurrence] ?? values[name]);
    if (name === undefined || value === undefined) {
      out.push(token);
      continue;
    }
    seen.set(name, occurrence + 1);
    tokensOfText(value).forEach((valueToken, i) => {
      out.push({
        ...token,
        text: valueToken.text,
        norm: valueToken.norm,
        kind: valueToken.kind,
        spaceBefore: i === 0 ? token.spaceBefore : valueToken.spaceBefore,
        placeholder: { name, occurrence },
      });
    });
  }
  return out;
}

/**
 * What the page writes where the template has `{{name}}`: align the template's other words to the
 * page and read off the page words that fill each gap left by the placeholder, one per occurrence
 * (undefined where the page writes nothing there).
 */
export function valuesAt(template: readonly Token[], page: readonly Token[], name: string): (string | undefined)[] {
  const literal: Token[] = [];
  const gaps: number[] = [];
  for (const token of template) {
    if (token.kind === 'placeholder' && placeholderName(token.text) === name) gaps.push(literal.length);
    else literal.push(token);
  }
  if (gaps.length === 0) return [];
  const filled = new Map<number, Token[]>(gaps.map((gap) => [gap, []]));
  let ti = 0;
  let pi = 0;
  for (const part of diffArrays(literal, page as Token[], { comparator: (a, b) => a.norm === b.norm })) {
    const count = part.count ?? part.value.length;
    if (part.added) {
      const gap = filled.get(ti);
      if (gap) gap.push(...page.slice(pi, pi + count));
      pi += count;
    } else if (part.removed) {
      ti += count;
    } else {
      ti += count;
      pi += count;
    }
  }
  // Punctuation the page put after a name ("to Amazon API Gateway;,") is a slip of its own, not part of the name.
  const trimmed = (tokens: Token[]): Token[] => {
    let end = tokens.length;
    while (end > 0 && tokens[end - 1]!.kind === 'punct' && /^[;,:.!?]$/.test(tokens[end - 1]!.text)) end--;
    return tokens.slice(0, end);
  };
  return gaps.map((gap) => joinTokens(trimmed(filled.get(gap)!)) || undefined);
}

/** The value most uses agree on (the first one on a tie). */
export function majority(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const value of values) if (best === undefined || counts.get(value)! > counts.get(best)!) best = value;
  return best;
}

/** Reads the service name from an H1, given H1 patterns like `Security in {{service}}`. */
export function serviceFromHeading(pattern: readonly Token[], heading: readonly Token[], ignoreCase: boolean): string | undefined {
  const at = pattern.findIndex((t) => t.kind === 'placeholder' && placeholderName(t.text) === 'service');
  if (at === -1) return undefined;
  const before = pattern.slice(0, at);
  const after = pattern.slice(at + 1);
  if (heading.length <= before.length + after.length) return undefined;
  const same = (a: Token, b: Token): boolean => (ignoreCase ? a.norm.toLowerCase() === b.norm.toLowerCase() : a.norm === b.norm);
  if (!before.every((t, i) => same(t, heading[i]!))) return undefined;
  const tail = heading.slice(heading.length - after.length);
  if (!after.every((t, i) => same(t, tail[i]!))) return undefined;
  return joinTokens(heading.slice(before.length, heading.length - after.length));
}
