/**
 * The template's sentences as one service page should write them: the template rules' own
 * comparison (names bound from the page's H1 and body), split the way sentences.ts splits pages.
 */
import { parseMarkdown } from '../corpus/markdown.js';
import { comparePage } from '../template/compare-page.js';
import { loadManifest } from '../template/manifest.js';
import { loadTemplate } from '../template/template.js';
import { splitSentences } from './sentences.js';

/** The template's sentences for this page (`service`: its folder, the manifest's key); none when no name binds. */
export function templateSentencesFor(docsRoot: string, service: string, page: string): string[] {
  const comparison = comparePage(page, parseMarkdown(page), loadTemplate(docsRoot), loadManifest(docsRoot)[service]);
  if (!comparison.comparable) return [];
  const sentences: string[] = [];
  comparison.template.blocks.forEach((block, i) => {
    if (block.kind === 'free' || block.kind === 'topicsSlot') return;
    for (const sentence of splitSentences(comparison.expected[i]!)) sentences.push(sentence.text);
  });
  return sentences;
}
