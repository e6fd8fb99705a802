/**
 * spelling: every word of the prose is in cspell's dictionaries, the project's `cspell.json` words,
 * or the docs tree's word list (`_template/words.txt`). Code, URLs and HTML are not prose. Each
 * distinct word is looked up once per run (and remembered between runs).
 *
 * found: `Kinesis Data Streams recieves records`
 *   -> unknown word `recieves`; did you mean `receives`?
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { spellerFor } from '../spelling/speller.js';
import type { OffsetFinding } from '../template/edit.js';
import { mapValueToSource } from '../template/tokens.js';
import { docsPageOf } from './docs-page.js';
import { docsRule } from './report.js';

/** Words as cspell counts them; shorter ones are not checked (cspell's default minimum is 4). */
const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;
const MIN_LENGTH = 4;

interface Occurrence {
  word: string;
  start: number;
}

export default docsRule('spelling', async (tree: Root, file: VFile) => {
  const page = docsPageOf(file);
  if (!page) return [];
  const occurrences = wordsOf(tree, String(file));
  if (occurrences.length === 0) return [];
  const verdicts = await spellerFor(page.docsRoot).check(occurrences.map((o) => o.word));
  const findings: OffsetFinding[] = [];
  for (const { word, start } of occurrences) {
    const suggestions = verdicts.get(word);
    if (!suggestions) continue;
    findings.push({
      rule: 'spelling',
      start,
      end: start + word.length,
      message: `unknown word \`${word}\`${suggestions.length ? `; did you mean ${suggestions.map((s) => `\`${s}\``).join(', ')}?` : ''} (add it to _template/words.txt if it is right)`,
      actual: word,
      ...(suggestions[0] ? { expected: suggestions[0] } : {}),
    });
  }
  return findings;
});

/** Prose words with their source offsets (text nodes only: no code, URLs or HTML); acronyms are skipped. */
function wordsOf(tree: Root, source: string): Occurrence[] {
  const occurrences: Occurrence[] = [];
  visit(tree, 'text', (node, _index, parent) => {
    if (!node.position || (parent?.type === 'link' && /^[a-z]+:\/\//i.test(node.value))) return;
    let starts: number[] | undefined;
    for (const match of node.value.matchAll(WORD)) {
      if (match[0].length < MIN_LENGTH || /^\p{Lu}+$/u.test(match[0])) continue;
      starts ??= mapValueToSource(node.value, source, node.position.start.offset!, node.position.end.offset!).starts;
      occurrences.push({ word: match[0], start: starts[match.index]! });
    }
  });
  return occurrences;
}
