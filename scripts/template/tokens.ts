/**
 * Rendered-text tokens of Markdown blocks: what a reader sees, with where it sits in the source.
 * Escapes, emphasis markers, hard breaks and line wrapping vanish; words, punctuation and link
 * targets remain, so two blocks compare equal exactly when they read the same.
 */
import type { Nodes, Parents } from 'mdast';

export interface Token {
  /** Text as rendered (a word, one punctuation mark, a link target, or a `{{placeholder}}`). */
  text: string;
  /** Comparison key: typographic quotes folded so ’ and ' read the same. */
  norm: string;
  kind: 'word' | 'punct' | 'url' | 'placeholder';
  /** Source offsets in the file the token came from (end exclusive). */
  start: number;
  end: number;
  /** True when whitespace precedes the token in the rendered text. */
  spaceBefore: boolean;
  /** Identity of the innermost inline container; a fix may only rewrite within one container. */
  container: number;
  /** For tokens expanded from a placeholder: which placeholder and which occurrence. */
  placeholder?: { name: string; occurrence: number };
}

const TOKEN = /\{\{\s*([A-Za-z][\w-]*)\s*\}\}|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** Folds typographic variants that do not change what a sentence says. */
export function normalise(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
}

let containerSeq = 0;

/** Tokens of a block's inline content (its phrasing descendants), in reading order. */
export function tokensOf(node: Nodes, source: string): Token[] {
  const tokens: Token[] = [];
  walk(node, source, tokens, ++containerSeq, { pendingSpace: false });
  return tokens;
}

interface WalkState {
  pendingSpace: boolean;
}

function walk(node: Nodes, source: string, out: Token[], container: number, state: WalkState): void {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      pushText(node.value, node.position?.start.offset ?? 0, node.position?.end.offset ?? 0, source, out, container, state, node.type === 'inlineCode');
      return;
    case 'break':
      state.pendingSpace = true;
      return;
    case 'html':
      return; // anchors and comments are not rendered text
    case 'link':
    case 'image': {
      const own = ++containerSeq;
      if (node.type === 'link') walkChildren(node, source, out, own, state);
      else pushText(node.alt ?? '', node.position?.start.offset ?? 0, node.position?.end.offset ?? 0, source, out, own, state, true);
      out.push({
        text: node.url,
        norm: node.url,
        kind: 'url',
        start: node.position?.start.offset ?? 0,
        end: node.position?.end.offset ?? 0,
        spaceBefore: false,
        container: own,
      });
      return;
    }
    default:
      if ('children' in node) {
        const blockLevel = node.type === 'paragraph' || node.type === 'heading' || node.type === 'listItem' || node.type === 'tableCell';
        walkChildren(node, source, out, blockLevel ? container : ++containerSeq, state);
        if (blockLevel) state.pendingSpace = true;
      } else if ('value' in node && typeof node.value === 'string') {
        pushText(node.value, node.position?.start.offset ?? 0, node.position?.end.offset ?? 0, source, out, container, state, true);
        // A code block ends its words: the next paragraph's first word is not glued to its last.
        if (node.type === 'code') state.pendingSpace = true;
      }
  }
}

function walkChildren(node: Parents, source: string, out: Token[], container: number, state: WalkState): void {
  for (const child of node.children) walk(child as Nodes, source, out, container, state);
}

function pushText(
  value: string,
  from: number,
  to: number,
  source: string,
  out: Token[],
  container: number,
  state: WalkState,
  verbatim: boolean,
): void {
  const map = verbatim ? null : mapValueToSource(value, source, from, to);
  let last = 0;
  for (const match of value.matchAll(TOKEN)) {
    const index = match.index;
    const text = match[0];
    const between = value.slice(last, index);
    const spaceBefore = state.pendingSpace || /\s/.test(between);
    state.pendingSpace = false;
    let start = map ? map.starts[index]! : from;
    // An escaped first character starts at its backslash, so a fix replaces the whole escape.
    if (map && start > from && source[start - 1] === '\\' && /[!-/:-@[-`{-~]/.test(text[0]!)) start--;
    const end = map ? map.ends[index + text.length - 1]! : to;
    out.push({
      text,
      norm: normalise(text),
      kind: match[1] ? 'placeholder' : /^[\p{L}\p{N}]/u.test(text) ? 'word' : 'punct',
      start,
      end,
      spaceBefore,
      container,
    });
    last = index + text.length;
  }
  if (/\s$/.test(value.slice(last))) state.pendingSpace = true;
}

/**
 * Source range of each character of a text node's value. The value differs from the source by
 * backslash escapes, character references and line indentation, so walk both and skip what the
 * parser dropped.
 */
const REFERENCE = /^&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

/** The character reference starting at `at`, when the value holds its decoded character instead. */
function referenceAt(source: string, at: number, value: string, i: number): string | undefined {
  if (source[at] !== '&') return undefined;
  const ref = REFERENCE.exec(source.slice(at, at + 40))?.[0];
  return ref && value.slice(i, i + ref.length) !== ref ? ref : undefined;
}

export function mapValueToSource(value: string, source: string, from: number, to: number): { starts: number[]; ends: number[] } {
  const starts: number[] = new Array(value.length);
  const ends: number[] = new Array(value.length);
  let j = from;
  for (let i = 0; i < value.length; i++) {
    const want = value[i];
    while (j < to && source[j] !== want && !referenceAt(source, j, value, i)) j++;
    starts[i] = Math.min(j, Math.max(from, to - 1));
    j += referenceAt(source, j, value, i)?.length ?? 1;
    ends[i] = Math.min(j, to);
  }
  return { starts, ends };
}

/** Rendered text of tokens, spaced as the reader sees them. */
export function joinTokens(tokens: readonly Token[]): string {
  let text = '';
  for (const token of tokens) {
    if (token.kind === 'url') continue;
    text += (text && token.spaceBefore ? ' ' : '') + token.text;
  }
  return text;
}

/** Tokens of a plain string (a name, an H1 pattern), without source positions. */
export function tokensOfText(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const word = match[0];
    tokens.push({
      text: word,
      norm: normalise(word),
      kind: match[1] ? 'placeholder' : /^[\p{L}\p{N}]/u.test(word) ? 'word' : 'punct',
      start: 0,
      end: 0,
      spaceBefore: /\s/.test(text[match.index - 1] ?? ''),
      container: 0,
    });
  }
  return tokens;
}
