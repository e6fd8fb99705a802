/** Rendered-text tokens: what the reader sees, placed exactly in the source. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseMarkdown } from '../scripts/corpus/markdown.js';
import { joinTokens, tokensOf } from '../scripts/template/tokens.js';

const tokens = suite('tokens');

const of = (source: string) => tokensOf(parseMarkdown(source), source);

tokens('escapes vanish from the text but positions point at the source', () => {
  const source = 'security\\-sensitive organizations\\.';
  const list = of(source);
  assert.equal(list.map((t) => t.text), ['security', '-', 'sensitive', 'organizations', '.']);
  assert.equal(list.map((t) => source.slice(t.start, t.end)), ['security', '\\-', 'sensitive', 'organizations', '\\.']);
});

tokens('emphasis markers and line breaks are not text; link targets are', () => {
  const list = of('security *of* the\ncloud, see [programs](https://example.com/p)');
  assert.is(joinTokens(list), 'security of the cloud, see programs');
  assert.equal(list.filter((t) => t.kind === 'url').map((t) => t.text), ['https://example.com/p']);
});

tokens('a code block ends its words: the next paragraph does not run into it', () => {
  assert.is(joinTokens(of('+ Run this:\n\n  ```\n  kinit username\n  ```\n\n  Replace username.\n')), 'Run this: kinit username Replace username.');
});

tokens('character references map to their place', () => {
  const source = 'AT&amp;T rocks';
  const list = of(source);
  assert.equal(list.map((t) => [t.text, source.slice(t.start, t.end)]), [['AT', 'AT'], ['&', '&amp;'], ['T', 'T'], ['rocks', 'rocks']]);
});

tokens('typographic apostrophes compare equal to straight ones', () => {
  assert.is(of('company’s')[0]!.norm, of("company's")[0]!.norm);
});

tokens.run();
