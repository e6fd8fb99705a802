/**
 * The pre-parse link count (`scripts/corpus/markup-counts.ts`) against its reference, the mdast the
 * pages are parsed to: links, images, references and definitions. The count is a guard read before
 * any parse, so it may count more (every `[` outside code); counting fewer lets a page over the limit
 * be parsed, so where it does, the shortfall is named (the spec) or bounded (the real guides: two
 * pages of 1,046 fall short, by one and two links).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from '../scripts/corpus/markdown.js';
import { countMarkup } from '../scripts/corpus/markup-counts.js';
import { projectRoot } from './helpers/docs-tree.js';

const { tests: examples } = createRequire(import.meta.url)('commonmark-spec') as { tests: { markdown: string; number: number }[] };
const LINK_NODES = new Set(['link', 'linkReference', 'image', 'imageReference', 'definition']);

function parsedLinks(text: string): number {
  let links = 0;
  visit(parseMarkdown(text), (node) => {
    if (LINK_NODES.has(node.type)) links++;
  });
  return links;
}

const differential = suite('pre-parse link count against mdast');

differential('on the CommonMark spec examples it never counts fewer links than the parser finds, but one', () => {
  const fewer = examples.filter((example) => countMarkup(example.markdown).links < parsedLinks(example.markdown)).map((example) => example.number);
  // 570: `[foo][bar][baz]` is `[foo]` and the link `[bar][baz]`; the scan takes `[baz]` for the label of `[bar]`.
  assert.equal(fewer, [570]);
});

differential('on the two real guides it is within a few links of the parser, and never far above it', () => {
  let pages = 0;
  let worstShortfall = 0;
  let worstRatio = 1;
  for (const guide of ['amazon-rds-user-guide', 'aws-lambda-developer-guide']) {
    const dir = join(projectRoot, '..', 'shared', 'corpus', 'guides', guide, 'doc_source');
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.md'))) {
      const text = readFileSync(join(dir, name), 'utf8');
      const [counted, parsed] = [countMarkup(text).links, parsedLinks(text)];
      pages++;
      worstShortfall = Math.max(worstShortfall, parsed - counted);
      if (parsed > 0) worstRatio = Math.max(worstRatio, counted / parsed);
    }
  }
  assert.is(pages, 1046);
  assert.ok(worstShortfall <= 2, `the count falls short of the parser by ${worstShortfall} links on a page`);
  assert.ok(worstRatio < 2, `the count is ${worstRatio.toFixed(2)} x the parser's on a page`);
});

differential.run();
