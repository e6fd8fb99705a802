/**
 * Hostile pages that cost more than their size: each is refused before parsing, or stopped by the
 * page's time budget, and a page's findings stay a few kilobytes. Bounds are counts and bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { pageBudgetMs } from '../scripts/corpus/parse-budget.js';
import { checkDocs } from '../scripts/engine/check.js';
import { fixDocs } from '../scripts/engine/fix.js';
import { humanReport } from '../scripts/reporters/human.js';
import { jsonReport } from '../scripts/reporters/json.js';
import { brief } from './helpers/check.js';
import { makeDocsTree } from './helpers/docs-tree.js';

const budgets = suite('hostile input: limits and budgets');

const check = (root: string, more: { pageBudgetMs?: number; workers?: number } = {}) => checkDocs({ docsRoot: root, cwd: root, ...more });

budgets('a paragraph of unpaired emphasis markers is refused before parsing, at its line', async () => {
  // `*a_ ` ten thousand times: 24.6 s to check before this limit (the parser's work grows with the square).
  const root = makeDocsTree({ 'guide/emphasis.md': `# U\n\nFine *text*.\n\n${'*a_ '.repeat(10_000)}\n` });
  assert.equal((await check(root)).findings.map(brief), [
    'guide/emphasis.md:5:1 check-page paragraph has 20000 emphasis markers (`*`, `_`) outside code (the limit is 2000): escape literal ones as `\\*` and `\\_`, or split the paragraph',
  ]);
});

budgets('emphasis markers in code, escaped or between spaces do not count', async () => {
  const code = `# Code\n\n\`\`\`\n${'*a_ '.repeat(3_000)}\n\`\`\`\n\nSee \`${'*a_ '.repeat(3_000)}\`, \\*${'a \\* b _ '.repeat(1_000)}.\n\n${'- item\n'.repeat(2_500)}`;
  const root = makeDocsTree({ 'guide/code.md': code });
  assert.equal((await check(root)).findings.filter((f) => f.ruleId === 'check-page').map(brief), []);
});

// Under the emphasis limit per paragraph, but forty such paragraphs: seconds of parsing.
const slow = `# Slow\n\n${Array.from({ length: 40 }, () => '*a_ '.repeat(900)).join('\n\n')}\n`;

budgets('a page over its time budget gets one finding, and the run goes on with the next page', async () => {
  const root = makeDocsTree({ 'guide/a-slow.md': slow, 'guide/b-next.md': '# Next\n\nSee [nowhere](missing.md).\n' });
  assert.equal((await check(root, { pageBudgetMs: 200, workers: 0 })).findings.map(brief), [
    'guide/a-slow.md:1:1 check-page page too complex to check in 0.2 s: split it or simplify its markup',
    'guide/b-next.md:3:5 internal-links link points to a missing file `missing.md`',
  ]);
});

budgets('the budget stops a page in a worker thread too', async () => {
  const root = makeDocsTree({ 'guide/a-slow.md': slow, 'guide/b-next.md': '# Next\n\nText.\n' });
  assert.equal((await check(root, { pageBudgetMs: 200, workers: 1 })).findings.map(brief), [
    'guide/a-slow.md:1:1 check-page page too complex to check in 0.2 s: split it or simplify its markup',
  ]);
});

budgets('reference links count toward the link limit: 100,000 `[a][m]` are refused before parsing', async () => {
  // 21 s and 1.5 GB to check before.
  const root = makeDocsTree({ 'guide/refs.md': `# Refs\n\n${Array(100_000).fill('[a][m]').join(' ')}\n` });
  assert.equal((await check(root)).findings.map(brief), ['guide/refs.md:1:1 check-page page has 100000 links (the limit is 10000): split it']);
});

budgets('every link form counts: inline, full, collapsed and shortcut references, images, definitions, autolinks', async () => {
  const forms = ['[a](x.md)', '[a][m]', '[m][]', '[m]', '![i](i.png)', '<https://example.com>', '<me@example.com>'];
  const body = forms.map((form) => `${`${form} `.repeat(1_400)}\n`).join('\n');
  const root = makeDocsTree({ 'guide/forms.md': `# Forms\n\n${body}\n${'[d]: x.md\n'.repeat(1_400)}` });
  assert.equal((await check(root)).findings.map(brief), ['guide/forms.md:1:1 check-page page has 11200 links (the limit is 10000): split it']);
});

budgets('10,000 nested brackets: quotes cut to 160 characters, 50 findings of a rule, then one that counts the rest', async () => {
  // 9,999 findings and a 104 MB report before.
  const root = makeDocsTree({ 'guide/nested.md': `# U\n\n${'['.repeat(10_000)}${']'.repeat(10_000)}(x.md)\n` });
  const { files, findings } = await check(root);
  const undefinedRefs = findings.filter((f) => f.ruleId === 'no-undefined-references');
  assert.is(undefinedRefs.length, 51);
  assert.is(undefinedRefs.at(-1)!.message, 'and 9,948 more no-undefined-references findings on this page');
  assert.ok(findings.every((f) => f.message.length < 400), 'each message is short');
  assert.match(undefinedRefs[0]!.message, /\(`\[{159}…`\)/);
  const human = Buffer.byteLength(humanReport(files.map((f) => f.file), false));
  const json = Buffer.byteLength(jsonReport(findings));
  assert.ok(human < 25_000, `human report: ${human} bytes`);
  assert.ok(json < 30_000, `JSON report: ${json} bytes`);
});

budgets('fixable findings past the 50 of a rule are counted, and fix still fixes every one', async () => {
  const root = makeDocsTree({ 'guide/spaces.md': `# Spaces\n\n${'A line with a trailing space. \n\n'.repeat(120)}` });
  const spaces = (await check(root)).findings.filter((f) => f.ruleId === 'trailing-spaces');
  assert.is(spaces.length, 51);
  assert.equal({ ...spaces.at(-1)!, file: '' }, { ...spaces.at(-1)!, file: '', message: 'and 70 more trailing-spaces findings on this page', fixable: true });
  await fixDocs({ docsRoot: root, cwd: root });
  assert.not.match(readFileSync(join(root, 'guide', 'spaces.md'), 'utf8'), / \n/);
});

budgets('the budget is the option given, else DOCS_QUALITY_PAGE_BUDGET_MS, else 5 s', () => {
  const saved = process.env.DOCS_QUALITY_PAGE_BUDGET_MS;
  try {
    delete process.env.DOCS_QUALITY_PAGE_BUDGET_MS;
    assert.is(pageBudgetMs(), 5_000);
    process.env.DOCS_QUALITY_PAGE_BUDGET_MS = '250';
    assert.is(pageBudgetMs(), 250);
    assert.is(pageBudgetMs(40), 40);
    process.env.DOCS_QUALITY_PAGE_BUDGET_MS = 'soon';
    assert.is(pageBudgetMs(), 5_000);
  } finally {
    if (saved === undefined) delete process.env.DOCS_QUALITY_PAGE_BUDGET_MS;
    else process.env.DOCS_QUALITY_PAGE_BUDGET_MS = saved;
  }
});

budgets.run();
