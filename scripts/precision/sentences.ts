/**
 * A page's sentences as a reader sees them: each block's rendered text (the template rules' tokens,
 * so escapes, emphasis, links and line wrapping vanish) split after `.`, `!` or `?` followed by a
 * space or the block's end. A sentence never spans two blocks: a sentence a writer split over two
 * paragraphs is two sentences here, as the template rules also see two blocks.
 */
import type { Nodes } from 'mdast';
import { parseMarkdown } from '../corpus/markdown.js';
import { blocksOf } from '../template/blocks.js';
import { joinTokens, normalise, tokensOf, type Token } from '../template/tokens.js';

export interface Sentence {
  /** The rendered text, as the reader sees it. */
  text: string;
  /** What two sentences are compared by: typographic quotes folded, case folded. */
  key: string;
  /** A heading or a Topics entry: a title, which the template's H1 or the catalog names, not prose. */
  title: boolean;
  /** Prose a block cuts: it ends before its sentence does (no `.`, `!`, `?`) or starts in lowercase, as halves of a split sentence do. */
  fragment: boolean;
  /** Source offsets of its first and last token (end exclusive). */
  start: number;
  end: number;
}

const SENTENCE_END = new Set(['.', '!', '?']);

/** Every sentence of a Markdown page, in reading order (HTML blocks and comments have none). */
export function sentencesOf(markdown: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const block of blocksOf(parseMarkdown(markdown), markdown)) {
    if (block.kind === 'html') continue;
    // The Topics list is one block to the template; to a reader each entry is its own line.
    const parts = block.kind === 'topicsList' && 'children' in block.node ? block.node.children.map((item) => tokensOf(item as Nodes, markdown)) : [block.tokens];
    const title = block.kind === 'heading' || block.kind === 'topicsList';
    for (const tokens of parts) sentences.push(...splitSentences(tokens).map((sentence) => ({ ...sentence, title, fragment: !title && sentence.fragment })));
  }
  return sentences;
}

/** Splits one block's tokens into sentences. */
export function splitSentences(tokens: readonly Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let current: Token[] = [];
  const words = tokens.filter((token) => token.kind !== 'url');
  const close = (): void => {
    if (current.length > 0) sentences.push(sentenceOf(current, sentences.length === 0));
    current = [];
  };
  words.forEach((token, i) => {
    current.push(token);
    const next = words[i + 1];
    if (token.kind === 'punct' && SENTENCE_END.has(token.text) && (!next || next.spaceBefore)) close();
  });
  close();
  return sentences;
}

/** The comparison key of a rendered text. */
export function sentenceKey(text: string): string {
  return normalise(text).toLowerCase();
}

function sentenceOf(tokens: readonly Token[], opensBlock: boolean): Sentence {
  const text = joinTokens(tokens);
  const last = tokens[tokens.length - 1]!;
  return {
    text,
    key: sentenceKey(text),
    title: false,
    fragment: !(last.kind === 'punct' && SENTENCE_END.has(last.text)) || (opensBlock && /^\p{Ll}/u.test(tokens[0]!.text)),
    start: tokens[0]!.start,
    end: Math.max(...tokens.map((token) => token.end)),
  };
}
