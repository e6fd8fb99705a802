/** Page-derived text in GitHub Markdown: no raw HTML, no live mentions, no new lines, no link targets broken out of. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { codeLink, codeSpan, plainText, tableCell, urlPath } from '../scripts/reporters/github-markdown-text.js';

const text = suite('github markdown text');
const hostileName = 'x)[click](javascript:alert(1)) @someone <img src=x onerror=alert(1)>\n`tick`.md';

text('a code span outgrows the backticks inside and keeps to one line', () => {
  assert.is(codeSpan('a`b'), '``a`b``');
  assert.is(codeSpan('`tick`'), '`` `tick` ``');
  assert.is(codeSpan('one\ntwo\r\nthree'), '`one two three`');
});

text('plain text escapes punctuation, HTML and mentions', () => {
  const out = plainText(hostileName);
  assert.not.match(out, /<img/);
  assert.not.match(out, /@someone/);
  assert.not.match(out, /\n/);
  assert.match(out, /\\\[click\\\]\\\(javascript/);
  assert.is(plainText('see #12'), 'see #\u200b12');
});

text('url paths percent-encode every segment, parentheses included', () => {
  assert.is(urlPath('docs/x)[a](javascript:1).md'), 'docs/x%29%5Ba%5D%28javascript%3A1%29.md');
  assert.is(urlPath('docs\\s3/security.md'), 'docs/s3/security.md');
});

text('a link with a hostile name keeps its target closed', () => {
  const link = codeLink(hostileName, `https://example.test/blob/1/${urlPath(hostileName)}#L3`);
  assert.match(link, /^\[``.*``\]\(https:\/\/example\.test\/blob\/1\/[^()\s]+#L3\)$/);
  assert.is(tableCell('`a|b`'), '`a\\|b`');
});

text.run();
