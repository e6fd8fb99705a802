/**
 * Differential test: the corpus index against mdast, on every example of the CommonMark spec
 * (the npm package `commonmark-spec`) and on pages of ours showing what the old line scan got wrong.
 */
import { createRequire } from 'node:module';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { indexDifferences } from '../scripts/bench/index-agreement.js';
import { indexPage } from '../scripts/corpus/corpus-index.js';

const { tests: examples } = createRequire(import.meta.url)('commonmark-spec') as { tests: { markdown: string; number: number; section: string }[] };

const spec = suite('corpus index = mdast, on the CommonMark spec');

spec('every one of the spec examples, none skipped', () => {
  assert.is(examples.length, 652);
  const differing = examples.flatMap((example) => {
    const differences = indexDifferences(example.markdown);
    return differences.length ? [`example ${example.number} (${example.section}): ${differences.join('; ')}`] : [];
  });
  assert.equal(differing, []);
});

spec('the examples hold headings, fragments and links of every kind, so agreeing means something', () => {
  const pages = examples.map((example) => indexPage('page.md', example.markdown));
  assert.ok(pages.filter((page) => page.headings.length > 0).length > 30);
  assert.ok(pages.filter((page) => page.links.length > 0).length > 100);
  assert.ok(pages.some((page) => page.headings.some((h) => h.depth === 2 && h.text === 'Foo' && h.line === 1)));
});

spec.run();

const cases = suite('what the line scan got wrong');
const index = (text: string) => indexPage('page.md', text);
const urls = (text: string) => index(text).links.map((link) => link.url);

cases('links in code spans, indented code, fenced code and HTML comments are not links', () => {
  assert.equal(urls('`[a](x.md)` and\n\n    [b](y.md)\n\n```\n[c](z.md)\n```\n\n<!-- [d](w.md) -->\n'), []);
});

cases('destinations are decoded and ranged as written: parentheses, escapes, <…>, references', () => {
  const text = '[a](<a page.md>) [b](x_\\_y.md) [c](a(b).md) [d](a&amp;b.md "title")\n\n[ref]:\n  akda\\-x.md\n  "Title"\n';
  const page = index(text);
  assert.equal(page.links.map((l) => l.url), ['a page.md', 'x__y.md', 'a(b).md', 'a&b.md', 'akda-x.md']);
  assert.equal(page.links.map((l) => text.slice(l.start, l.end)), ['a page.md', 'x_\\_y.md', 'a(b).md', 'a&amp;b.md', 'akda\\-x.md']);
});

cases('headings in block quotes and list items count; setext headings span their lines; no phantom heading', () => {
  const page = index('> ## Quoted\n\n- ## In a list\n\nFoo\nBar\n===\n\n> Foo\n---\n');
  assert.equal(page.headings.map((h) => [h.depth, h.text, h.slug]), [[2, 'Quoted', 'quoted'], [2, 'In a list', 'in-a-list'], [1, 'Foo\nBar', 'foobar']]);
});

cases('a fence on a list-marker line, or an info string with a backtick, does not swallow the page', () => {
  assert.equal(urls('- ```\n  code\n  ```\n\n[after](a.md)\n'), ['a.md']);
  assert.equal(urls('``` a`b\n[after](a.md)\n'), ['a.md']);
});

cases('a leading thematic break is not front matter', () => {
  assert.equal(index('---\n# Title\n\n[a](a.md)\n').h1?.text, 'Title');
  assert.equal(index('---\ntitle: x\n---\n# Title\n').h1?.text, 'Title');
});

cases('anchors count in HTML, not in code spans or comments', () => {
  const page = index('<a name="real"></a>\n\n`<a name="code"></a>`\n\n<!-- <a name="comment"></a> -->\n');
  assert.equal([...page.fragments], ['real']);
});

cases('the content range of an indented setext heading is its text', () => {
  const text = '   Data protection\n   ===\n';
  const h1 = index(text).h1!;
  assert.is(text.slice(h1.contentStart, h1.contentEnd), 'Data protection');
});

cases.run();
