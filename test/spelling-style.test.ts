/** Spelling (cspell) and style rules join the same report, shape and exit code as the rest. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fixDocs } from '../scripts/engine/fix.js';
import { brief, findingsIn } from './helpers/check.js';
import { makeDocsTree } from './helpers/docs-tree.js';

const spelling = suite('spelling');

spelling('an unknown word is reported where it stands, with suggestions', async () => {
  const root = makeDocsTree({ 'guide/page.md': '# Streams\n\nThe stream recieves records\\. Escapes before it do not shift it.\n' });
  const findings = await findingsIn(root);
  assert.is(findings.length, 1);
  assert.match(brief(findings[0]!), /^guide\/page\.md:3:12 spelling unknown word `recieves`; did you mean `receives`, .*\(add it to _template\/words\.txt if it is right\)$/);
  assert.equal([findings[0]!.endColumn, findings[0]!.expected, findings[0]!.actual, findings[0]!.severity], [20, 'receives', 'recieves', 'error']);
});

spelling('the docs word list, code and URLs are not flagged; an unknown acronym is, with no far-fetched correction', async () => {
  const page = '# Notes\n\nUse `frobnicatr` and <https://example.com/zorblax> with QWZX and Kinesiz.\n\n```\nblorpington\n```\n';
  const root = makeDocsTree({ 'guide/page.md': page }, { words: 'Kinesiz\n' });
  assert.equal((await findingsIn(root)).map(brief), [
    'guide/page.md:3:57 spelling unknown word `QWZX` (add it to _template/words.txt if it is right)',
  ]);
});

spelling.run();

const style = suite('style');

style('trailing spaces and a missing final newline are fixed; a hard break is kept', async () => {
  const root = makeDocsTree({ 'guide/page.md': '# Style\n\nLine with a break  \nnext line. \n\nLast line' });
  assert.equal((await findingsIn(root)).map(brief), [
    'guide/page.md:4:11 trailing-spaces trailing whitespace',
    'guide/page.md:6:10 final-newline page does not end with a newline',
  ]);
  await fixDocs({ docsRoot: root, cwd: root });
  assert.is(readFileSync(join(root, 'guide', 'page.md'), 'utf8'), '# Style\n\nLine with a break  \nnext line.\n\nLast line\n');
  assert.equal(await findingsIn(root), []);
});

style('remark-lint style rules report through the same findings', async () => {
  const root = makeDocsTree({ 'guide/page.md': '# One\n\n# Two\n\n* star\n\n- dash\n' });
  assert.equal((await findingsIn(root)).map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.severity}`), [
    '3:1 no-multiple-toplevel-headings error',
    '7:1 unordered-list-marker-style error',
  ]);
});

style('the template passes every style rule', async () => {
  const root = makeDocsTree({});
  assert.equal((await findingsIn(root)).map(brief), []);
});

style.run();
