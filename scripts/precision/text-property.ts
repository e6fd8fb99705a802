/**
 * The fix property: after `fix`, every sentence of the original page that the template does not
 * replace is still there exactly once.
 *
 * A sentence "the template replaces" is one that
 *   1. a fix edit of the original page overlaps (an insertion only when strictly inside it), and
 *   2. is not itself one of the template's sentences (names filled in as the page binds them), and
 *   3. is the page's version of something the template or catalog says: a title (a heading or a
 *      Topics entry, which the template's H1 and the catalog name), prose that reads like one of
 *      the template's sentences (half its words or more in the same order, `similarity` of the
 *      block aligner), or prose a finding of that fix quotes whole as found while it offers
 *      template words in its place (at least half as many: a rewording, not a deletion).
 * So a reworded template sentence may be rewritten, but the writer's own sentence inside a
 * template block is not the template's to drop, even when the fix rewrites the whole block; and a
 * template sentence the page already writes right must survive even a fix that moves its block.
 *
 * Every other sentence of the original must survive `fix`:
 * - lost: the fixed page has it fewer times than the original has it outside the replaced sentences
 *   (a template sentence counts as kept while it is there at least once: the template has it once,
 *   so removing a duplicate of it is the template's to do);
 * - duplicated: the fixed page has it more times than the original had it at all, e.g. a missing
 *   list item inserted while the page's own paragraph saying the same thing stays.
 *
 * Sentences compare by their rendered text with case and typographic quotes folded (sentences.ts),
 * so `**Security of the Cloud** –` in a paragraph and `+ **Security of the cloud** –` in a list
 * item are the same sentence. A fragment (a block that ends mid-sentence, as when a writer split a
 * sentence over two paragraphs) of three words or more counts wherever a sentence contains it:
 * the fix that joins the halves keeps it, the fix that adds the whole sentence beside them
 * duplicates it.
 */
import { similarity } from '../template/align.js';
import { pointAt } from '../template/template.js';
import { tokensOfText, type Token } from '../template/tokens.js';
import { sentenceKey, sentencesOf, type Sentence } from './sentences.js';

/** A source range of the original page that a fix edit replaces (end exclusive; start = end inserts). */
export interface TextRange {
  start: number;
  end: number;
  /** The rule whose fix made the edit, for the report. */
  rule?: string;
  /** What the finding says the page writes there and what the template expects, when it says. */
  actual?: string;
  expected?: string;
}

export interface SentenceCount {
  sentence: string;
  /** 1-based line of its first occurrence in the original. */
  line: number;
  /** Times in the original (lost: outside the replaced sentences) and in the fixed page. */
  before: number;
  after: number;
  /** For a lost sentence: the rules whose fix edits overlap it, and the fixed page's closest sentence. */
  editedBy?: string[];
  nowReads?: string;
  /** For a duplicated sentence: the lines of the fixed page that say it. */
  fixedLines?: number[];
}

export interface TextChanges {
  lost: SentenceCount[];
  duplicated: SentenceCount[];
}

/** How alike a page's sentence and a template sentence must read for the first to be the second's version. */
const VARIANT_SIMILARITY = 0.5;

/**
 * The sentences of `original` that `fixed` lost or duplicated beyond what the template replaces;
 * `appliedRanges`: what fix edited in the original; `templateSentences`: the template's sentences
 * as this page should write them (empty for a page the template does not govern).
 */
export function textLostOrDuplicated(
  original: string,
  fixed: string,
  appliedRanges: readonly TextRange[],
  templateSentences: readonly string[] = [],
): TextChanges {
  const template = templateSentences.map((text) => ({ key: sentenceKey(text), tokens: foldedTokens(text) }));
  const templateKeys = new Set(template.map(({ key }) => key));
  const replaced = (sentence: Sentence): boolean =>
    appliedRanges.some((range) => overlaps(range, sentence)) &&
    !templateKeys.has(sentence.key) &&
    (sentence.title ||
      template.some(({ tokens }) => similarity(foldedTokens(sentence.text), tokens, VARIANT_SIMILARITY) > 0) ||
      appliedRanges.some((range) => overlaps(range, sentence) && reworded(range, sentence)));
  const before = sentencesOf(original);
  const after = sentencesOf(fixed);
  const mustKeepCounts = countByKey(before.filter((sentence) => !replaced(sentence)));
  const lost: SentenceCount[] = [];
  const duplicated: SentenceCount[] = [];
  const seen = new Set<string>();
  for (const sentence of before) {
    if (seen.has(sentence.key)) continue;
    seen.add(sentence.key);
    const now = occurrences(sentence, after);
    const line = pointAt(original, sentence.start).line;
    const mustKeep = mustKeepCounts.get(sentence.key) ?? 0;
    const needed = templateKeys.has(sentence.key) ? Math.min(mustKeep, 1) : mustKeep;
    if (now < needed) lost.push({ sentence: sentence.text, line, before: mustKeep, after: now, ...whatBecameOf(sentence, appliedRanges, after) });
    const had = occurrences(sentence, before);
    if (now > had) duplicated.push({ sentence: sentence.text, line, before: had, after: now, fixedLines: linesSaying(sentence, after, fixed) });
  }
  return { lost, duplicated };
}

/** True when the property holds: nothing lost, nothing duplicated. */
export function keepsText(changes: TextChanges): boolean {
  return changes.lost.length === 0 && changes.duplicated.length === 0;
}

/** Whether an edit's range touches a sentence: a replacement overlapping it, an insertion inside it. */
function overlaps(range: TextRange, sentence: Sentence): boolean {
  if (range.start === range.end) return range.start > sentence.start && range.start < sentence.end;
  return range.start < sentence.end && sentence.start < range.end;
}

/** The range's finding quotes the whole sentence as found and offers template words for it. */
function reworded({ actual, expected }: TextRange, sentence: Sentence): boolean {
  if (actual === undefined || expected === undefined) return false;
  const words = (text: string): number => foldedTokens(text).filter((token) => token.kind === 'word').length;
  return ` ${sentenceKey(actual)} `.includes(` ${sentence.key} `) && 2 * words(expected) >= words(sentence.text);
}

/** Which fixes edited a lost sentence and what the fixed page says closest to it. */
function whatBecameOf(sentence: Sentence, ranges: readonly TextRange[], fixed: readonly Sentence[]): Pick<SentenceCount, 'editedBy' | 'nowReads'> {
  const editedBy = [...new Set(ranges.filter((range) => range.rule !== undefined && overlaps(range, sentence)).map((range) => range.rule!))].sort();
  const tokens = foldedTokens(sentence.text);
  let best: { text: string; score: number } | undefined;
  for (const candidate of fixed) {
    const score = similarity(tokens, foldedTokens(candidate.text), VARIANT_SIMILARITY);
    if (score > (best?.score ?? 0)) best = { text: candidate.text, score };
  }
  return { ...(editedBy.length > 0 ? { editedBy } : {}), ...(best ? { nowReads: best.text } : {}) };
}

/** Times a page says the sentence: as a sentence of its own or, for a fragment, inside one. */
function occurrences(sentence: Sentence, page: readonly Sentence[]): number {
  return page.filter((other) => says(other, sentence)).length;
}

function says(other: Sentence, sentence: Sentence): boolean {
  if (!sentence.fragment || sentence.key.split(' ').length < 3) return other.key === sentence.key;
  return ` ${other.key} `.includes(` ${sentence.key} `);
}

function linesSaying(sentence: Sentence, page: readonly Sentence[], source: string): number[] {
  return page.filter((other) => says(other, sentence)).map((other) => pointAt(source, other.start).line);
}

function foldedTokens(text: string): Token[] {
  return tokensOfText(sentenceKey(text));
}

function countByKey(sentences: readonly Sentence[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { key } of sentences) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
