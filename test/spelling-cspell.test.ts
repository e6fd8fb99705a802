/**
 * Spelling is cspell's verdict on prose: small pages run through our check and through cspell-lib's
 * own `spellCheckDocument` with the same configuration (our base settings, the tree's `cspell.json`,
 * its word list and the page's names) give the same (line:column word) set on prose, for every
 * directive form, `ignoreRegExpList`, `flagWords`, capitals, camelCase and possessives.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { location } from 'vfile-location';
import { Speller } from '../scripts/spelling/speller.js';
import { DOCS_SPELLING_BASE } from '../scripts/spelling/docs-dictionaries.js';
import { brief, findingsIn } from './helpers/check.js';
import { fixture, makeDocsTree, shippedConfig } from './helpers/docs-tree.js';

const PAGES = [
  'ignore-and-words.md',
  'disable-enable.md',
  'next-line-and-line.md',
  'spell-checker-prefix.md',
  'ignore-regexp-and-flag-words.md',
  'capitals-camel-case-possessives.md',
  'code-html-urls.md',
];

/** `line:column word` of each spelling finding of our check on one page. */
async function ours(root: string, page: string): Promise<string[]> {
  return (await findingsIn(root)).filter((f) => f.ruleId === 'spelling' && f.file === page).map((f) => `${f.line}:${f.column} ${f.actual}`);
}

/** What cspell-lib itself reports on the page, all of it or only in prose (mdast `text` nodes, autolinks aside). */
async function cspells(root: string, page: string, words: string[], where: 'prose' | 'everywhere' = 'prose'): Promise<string[]> {
  const { spellCheckDocument } = await import('cspell-lib');
  const path = join(root, page);
  const text = readFileSync(path, 'utf8');
  const configFile = join(root, 'cspell.json');
  const hasConfig = (() => {
    try {
      readFileSync(configFile);
      return true;
    } catch {
      return false;
    }
  })();
  const result = await spellCheckDocument(
    { uri: pathToFileURL(path).href, text },
    { generateSuggestions: false, ...(hasConfig ? { configFile } : { noConfigSearch: true }) },
    { ...DOCS_SPELLING_BASE, words },
  );
  assert.is(result.errors, undefined);
  const prose: [number, number][] = [];
  visit(unified().use(remarkParse).use(remarkFrontmatter).parse(text) as Root, 'text', (node, _index, parent) => {
    if (parent?.type === 'link' && (parent.url === node.value || parent.url === `mailto:${node.value}`)) return;
    prose.push([node.position!.start.offset!, node.position!.end.offset!]);
  });
  const place = location(text);
  return result.issues
    .filter((issue) => where === 'everywhere' || prose.some(([from, to]) => from <= issue.offset && issue.offset + issue.text.length <= to))
    .map((issue) => {
      const point = place.toPoint(issue.offset)!;
      return `${point.line}:${point.column} ${issue.text}`;
    });
}

const sameAsCspell = suite('spelling: the same words as cspell, at the same places');

const tree = (): string =>
  makeDocsTree({ ...Object.fromEntries(PAGES.map((page) => [`guide/${page}`, fixture(`cspell/${page}`)])), 'cspell.json': fixture('cspell/cspell.json') }, { words: '' });

const EXPECTED: Record<string, string[]> = {
  'ignore-and-words.md': ['7:43 blorpishh', '9:37 misspeled'],
  'disable-enable.md': ['3:27 mistaek', '9:23 mistaek', '9:50 anotherr'],
  'next-line-and-line.md': ['5:14 chekced', '8:9 wrongg'],
  'spell-checker-prefix.md': ['5:47 zorkmidd', '12:16 xyzzyy'],
  'ignore-regexp-and-flag-words.md': ['3:82 qqwerty', '5:7 blacklist', '5:25 recieve', '5:58 unknwn'],
  'capitals-camel-case-possessives.md': ['3:12 CRENDETIAL', '3:68 QWZXV', '5:61 Streeming', "7:50 bukcet's"],
  'code-html-urls.md': ['7:14 typpo', '7:46 linkk', '7:52 texxt', '11:10 inlinehtmltypo'],
};

let root = '';
sameAsCspell.before(() => {
  root = tree();
});

for (const page of PAGES) {
  sameAsCspell(`${page.replace(/\.md$/, '').replace(/-/g, ' ')}: ours and cspell's agree`, async () => {
    const theirs = await cspells(root, `guide/${page}`, []);
    assert.equal(await ours(root, `guide/${page}`), theirs);
    assert.equal(theirs, EXPECTED[page]);
  });
}

sameAsCspell('code, inline code, HTML, link URLs, image alt text and front matter are deliberately not checked', async () => {
  const everywhere = await cspells(root, 'guide/code-html-urls.md', [], 'everywhere');
  for (const word of ['frontmattr', 'wordz', 'codetypo', 'htmltypo', 'codeblocktypo', 'indentedcodetypo', 'imagealttypo']) {
    assert.ok(everywhere.some((found) => found.endsWith(` ${word}`)), `cspell itself flags ${word}`);
  }
  assert.equal(await ours(root, 'guide/code-html-urls.md'), EXPECTED['code-html-urls.md']);
});

sameAsCspell.run();

const doneWhen = suite('spelling: what a writer sees');

doneWhen('a page with `<!-- cspell:ignore frobnicate -->` and the word checks clean; without the directive it is flagged', async () => {
  const text = '# Notes\n\n<!-- cspell:ignore frobnicate -->\nThe agent will frobnicate records.\n';
  assert.equal((await findingsIn(makeDocsTree({ 'guide/page.md': text }))).map(brief), []);
  const without = await findingsIn(makeDocsTree({ 'guide/page.md': text.replace('<!-- cspell:ignore frobnicate -->\n', '') }));
  assert.equal(without.map((f) => `${f.line}:${f.column} ${f.actual}`), ['3:16 frobnicate']);
});

doneWhen('`GStreamer` checks clean', async () => {
  assert.equal((await findingsIn(makeDocsTree({ 'guide/page.md': '# Media\n\nThe GStreamer plugin sends video.\n' }))).map(brief), []);
});

doneWhen('the service name bound from the H1 is known on the service page, without any word list', async () => {
  const page = '# Security in Amazon Zorbulator\n\nAmazon Zorbulator keeps Zorbulator’s data safe.\n';
  const root = makeDocsTree({ 'zorbulator/security.md': page, 'guide/notes.md': page.replace('# Security in', '# Notes on') }, { words: '' });
  const spelling = (await findingsIn(root)).filter((f) => f.ruleId === 'spelling');
  // The same words on a page that binds no name are unknown: the binding is what makes them known.
  assert.equal(spelling.map((f) => `${f.file}:${f.line}:${f.column} ${f.actual}`), [
    'guide/notes.md:1:19 Zorbulator',
    'guide/notes.md:3:8 Zorbulator',
    'guide/notes.md:3:25 Zorbulator’s',
  ]);
  assert.equal(await cspells(root, 'zorbulator/security.md', ['Amazon', 'Zorbulator']), []);
});

doneWhen('a topic page knows the name its H1 gives in a catalog title; manifest names are known on every page', async () => {
  const topic = '# Data protection in Amazon Zorbulator\n\nAmazon Zorbulator encrypts every record.\n';
  const notes = '# Notes\n\nThe Quxotron service and Amazon Quxotron Pro.\n';
  const manifest = JSON.stringify({ services: { quxotron: { service: 'Amazon Quxotron Pro', short: 'Quxotron' } } });
  // A topic page is one beside a service page (here a stub that binds the name too).
  const root = makeDocsTree({ 'zorbulator/security.md': '# Security in Amazon Zorbulator\n', 'zorbulator/data-protection.md': topic, 'guide/notes.md': notes }, { ...shippedConfig(), manifest, words: '' });
  assert.equal((await findingsIn(root)).filter((f) => f.ruleId === 'spelling').map(brief), []);
});

doneWhen('`CRENDETIAL` in prose is flagged, with the one-edit correction in its own capitals', async () => {
  const findings = await findingsIn(makeDocsTree({ 'guide/page.md': '# Keys\n\nRotate the CRENDETIAL every day.\n' }));
  assert.equal(findings.map(brief), [
    'guide/page.md:3:12 spelling unknown word `CRENDETIAL`; did you mean `CREDENTIAL`? (add it to _template/words.txt if it is right)',
  ]);
});

doneWhen('a forbidden word says so, with only the correction flagWords names', async () => {
  const root = makeDocsTree({ 'guide/page.md': '# Hosts\n\nNever blacklist a host.\n', 'cspell.json': fixture('cspell/cspell.json') });
  assert.equal((await findingsIn(root)).map(brief), ["guide/page.md:3:7 spelling forbidden word `blacklist`; did you mean `denylist`? (cspell's flagWords list it)"]);
});

doneWhen.run();

const answers = suite('spelling: answers kept between runs');

answers('an unchanged page is answered from the cache without loading cspell; a changed one needs cspell', async () => {
  const root = makeDocsTree({});
  const cachePath = join(mkdtempSync(join(tmpdir(), 'docs-quality-spelling-')), 'spelling.json');
  const text = '# Notes\n\nThe stream recieves records.\n';
  const page = { path: join(root, 'guide', 'page.md'), text, prose: [[9, text.length - 1]] as const, names: [] };
  writeFileSync(join(root, 'cspell.json'), '{}');
  const first = new Speller(root, () => ({ configPath: undefined, words: [] }), cachePath, 'key');
  const found = await first.check(page);
  assert.equal(found, [{ offset: 20, word: 'recieves', flagged: false, suggestions: ['receives', 'relieves'] }]);
  first.saveCache();
  const noCspell = (): never => {
    throw new Error('cspell was loaded');
  };
  assert.equal(await new Speller(root, noCspell, cachePath, 'key').check(page), found);
  try {
    await new Speller(root, noCspell, cachePath, 'key').check({ ...page, text: text.replace('stream', 'streem') });
    assert.unreachable('a changed page must be spelled again');
  } catch (error) {
    assert.is((error as Error).message, 'cspell was loaded');
  }
  try {
    await new Speller(root, noCspell, cachePath, 'another configuration').check(page);
    assert.unreachable('another configuration must not reuse the answers');
  } catch (error) {
    assert.is((error as Error).message, 'cspell was loaded');
  }
});

answers('suggestions do not depend on the run: two fresh spellers give the same ones', async () => {
  const root = makeDocsTree({});
  const text = '# Notes\n\nThe identifer of the recieved CRENDETIAL is asychronously rotated.\n';
  const page = { path: join(root, 'guide', 'page.md'), text, prose: [[9, text.length - 1]] as const, names: [] };
  const sources = () => ({ configPath: undefined, words: [] });
  const once = await new Speller(root, sources, undefined, 'a').check(page);
  const again = await new Speller(root, sources, undefined, 'b').check(page);
  assert.equal(again, once);
  assert.equal(once.map((f) => `${f.word}: ${f.suggestions.join(', ')}`), [
    'identifer: identifier',
    'recieved: received, relieved',
    'CRENDETIAL: CREDENTIAL',
    'asychronously: asynchronously',
  ]);
});

answers('a config that sets suggestionNumChanges searches that far', async () => {
  const root = makeDocsTree({});
  const configPath = join(root, 'cspell.json');
  writeFileSync(configPath, JSON.stringify({ suggestionNumChanges: 3 }));
  const text = '# Notes\n\nRotate the CRENDETIAL.\n';
  const page = { path: join(root, 'guide', 'page.md'), text, prose: [[9, text.length - 1]] as const, names: [] };
  const found = await new Speller(root, () => ({ configPath, words: [] }), undefined, 'wide').check(page);
  assert.equal(found.map((f) => f.suggestions), [['CREDENTIAL', 'CREDENTIALS']]);
});

answers.run();
