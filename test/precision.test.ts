/**
 * The precision harness: the fix property on small pages of our own (never the real sample, whose
 * licence keeps it out of test/), and `npm run precision` end to end on a small tree.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { measurePrecision } from '../scripts/precision/precision.js';
import { sentencesOf } from '../scripts/precision/sentences.js';
import { keepsText, textLostOrDuplicated, type TextRange } from '../scripts/precision/text-property.js';
import { makeDocsTree, projectRoot, shippedConfig, shippedTemplate } from './helpers/docs-tree.js';
import { sourceEntryArgs } from './helpers/run-cli.js';

/** The shipped template written for "Amazon Example", with one topic. */
const page = shippedTemplate
  .replace(/\{\{service\}\}/g, 'Amazon Example')
  .replace(/\{\{short\}\}/g, 'Example')
  .replace('+ {{topics}}', '+ [Data protection in Amazon Example](data-protection.md)');
const topicPage = '# Data protection in Amazon Example\n\nHow Example protects data\\.\n';
const ITEM_OF_THE_CLOUD = page.split('\n').find((line) => line.startsWith('+ **Security of the cloud**'))!;
const ITEM_IN_THE_CLOUD = page.split('\n').find((line) => line.startsWith('+ **Security in the cloud**'))!;
const OUR_NOTE = 'Example keeps its keys in a vault of its own\\. Rotate them yearly\\.';

/** The template's sentences as the page writes them (it follows the template exactly). */
const templateSentences = sentencesOf(page).map((sentence) => sentence.text);

/** The range of `text` in `source`: what a fabricated fix edited. */
function rangeOf(source: string, text: string): TextRange {
  const start = source.indexOf(text);
  assert.ok(start >= 0, `fixture holds ${text}`);
  return { start, end: start + text.length };
}

const property = suite('fix keeps every sentence the template does not replace');

property('a reworded template sentence may be rewritten: it is not lost', () => {
  const drifted = page.replace('you benefit from', 'you will benefit from');
  const changes = textLostOrDuplicated(drifted, page, [rangeOf(drifted, 'will benefit')], templateSentences);
  assert.equal(changes, { lost: [], duplicated: [] });
});

property('a sentence the finding quotes whole and rewords may be rewritten, however few words it shares', () => {
  const template = 'Security is a shared responsibility between AWS and you\\.';
  const drifted = page.replace(template, 'You and AWS split the work of keeping things safe\\.');
  const range = { ...rangeOf(drifted, 'You and AWS split the work of keeping things safe\\.'), rule: 'template-wording' };
  const quoted = { ...range, actual: 'You and AWS split the work of keeping things safe.', expected: 'Security is a shared responsibility between AWS and you.' };
  assert.equal(textLostOrDuplicated(drifted, page, [quoted], templateSentences), { lost: [], duplicated: [] });
  // Without the finding's words it is the writer's own sentence, and lost.
  assert.equal(textLostOrDuplicated(drifted, page, [range], templateSentences).lost.map((lost) => lost.sentence), ['You and AWS split the work of keeping things safe.']);
  // A finding that deletes it (its template words are a mere neighbour) does not replace it either.
  const deleted = { ...range, actual: 'You and AWS split the work of keeping things safe. The', expected: 'The' };
  assert.equal(textLostOrDuplicated(drifted, page, [deleted], templateSentences).lost.length, 1);
});

property('an extra paragraph of the writer is kept by a real fix, and reported when a fix drops it', async () => {
  const drifted = page
    .replace('you benefit from', 'you will benefit from')
    .replace('\n\nSecurity is a shared', `\n\n${OUR_NOTE}\n\nSecurity is a shared`)
    .replace('This documentation helps you', 'This documentation will help you');
  const root = makeDocsTree({ 'example/security.md': drifted, 'example/data-protection.md': topicPage });
  const result = await measurePrecision({ docsRoot: root });
  assert.equal(result.fixedPages.map((fixed) => fixed.from), [join('example', 'security.md')]);
  assert.ok(keepsText(result.fixedPages[0]!.text), 'the note survives fix');
  assert.equal(result.created, []);

  const dropped = page; // a fix that rewrote the page as the template and dropped the note
  const ranges = [rangeOf(drifted, 'will benefit'), rangeOf(drifted, 'will help'), rangeOf(drifted, OUR_NOTE)];
  const changes = textLostOrDuplicated(drifted, dropped, ranges, templateSentences);
  assert.equal(changes.lost, [
    { sentence: 'Example keeps its keys in a vault of its own.', line: 5, before: 1, after: 0 },
    { sentence: 'Rotate them yearly.', line: 5, before: 1, after: 0 },
  ]);
  assert.equal(changes.duplicated, []);
});

property("the writer's own sentence inside a template block is not the template's to drop", () => {
  const own = 'Example encrypts every object\\.';
  const drifted = page.replace('use securely\\.', `use securely\\. ${own}`);
  const item = drifted.split('\n').find((line) => line.startsWith('+ **Security of the cloud**'))!;
  // A fix that rewrote the whole list item as the template words it.
  const changes = textLostOrDuplicated(drifted, page, [{ ...rangeOf(drifted, item.slice(2)), rule: 'template-wording' }], templateSentences);
  assert.equal(changes.lost, [{ sentence: 'Example encrypts every object.', line: 6, before: 1, after: 0, editedBy: ['template-wording'] }]);
});

property('a template sentence the page writes right must survive a fix that moves its block', () => {
  const swapped = page.replace(`${ITEM_OF_THE_CLOUD}\n${ITEM_IN_THE_CLOUD}`, `${ITEM_IN_THE_CLOUD}\n${ITEM_OF_THE_CLOUD}`);
  const lostInMove = page.replace(`${ITEM_IN_THE_CLOUD}\n`, '');
  const changes = textLostOrDuplicated(swapped, lostInMove, [rangeOf(swapped, ITEM_IN_THE_CLOUD), rangeOf(swapped, ITEM_OF_THE_CLOUD)], templateSentences);
  assert.equal(
    changes.lost.map((lost) => lost.sentence),
    ['Security in the cloud – Your responsibility is determined by the AWS service that you use.', 'You are also responsible for other factors including the sensitivity of your data, your company’s requirements, and applicable laws and regulations.'],
  );
});

property('text a fix duplicates is reported with its counts', () => {
  const fixed = page.replace(OUR_NOTE, '').replace('<!-- /free-region -->', `${ITEM_IN_THE_CLOUD.slice(2)}\n\n<!-- /free-region -->`);
  const changes = textLostOrDuplicated(page, fixed, [], templateSentences);
  assert.equal(changes.lost, []);
  assert.equal(changes.duplicated, [
    { sentence: 'Security in the cloud – Your responsibility is determined by the AWS service that you use.', line: 7, before: 1, after: 2, fixedLines: [7, 12] },
    { sentence: 'You are also responsible for other factors including the sensitivity of your data, your company’s requirements, and applicable laws and regulations.', line: 7, before: 1, after: 2, fixedLines: [7, 12] },
  ]);
});

property('a sentence split over two paragraphs: joining the halves keeps it, adding the whole beside them duplicates it', () => {
  const whole = 'This documentation helps you understand how to apply the shared responsibility model when using Example\\.';
  const split = page.replace(whole, 'This documentation helps you understand\n\nhow to apply the shared responsibility model when using Example\\.');
  const halves = rangeOf(split, 'This documentation helps you understand\n\nhow to apply the shared responsibility model when using Example\\.');
  assert.equal(textLostOrDuplicated(split, page, [halves], templateSentences), { lost: [], duplicated: [] });

  const both = split.replace('This documentation helps you understand\n\n', `${whole}\n\nThis documentation helps you understand\n\n`);
  const changes = textLostOrDuplicated(split, both, [], templateSentences);
  assert.equal(changes.lost, []);
  assert.equal(changes.duplicated.map(({ sentence, before, after }) => `${before} -> ${after}: ${sentence}`), [
    '1 -> 2: This documentation helps you understand',
    '1 -> 2: how to apply the shared responsibility model when using Example.',
  ]);
});

property("bold paragraphs instead of the template's list items: inserting the items beside them duplicates their text", () => {
  const ofTheCloud = ITEM_OF_THE_CLOUD.slice(2).replace('**Security of the cloud**', '**Security of the Cloud**');
  const inTheCloud = ITEM_IN_THE_CLOUD.slice(2).replace('**Security in the cloud**', '**Security in the Cloud**');
  const bold = page.replace(`${ITEM_OF_THE_CLOUD}\n${ITEM_IN_THE_CLOUD}`, `\n${ofTheCloud}\n\n${inTheCloud}`);
  // What a fix that inserts the missing items and leaves the paragraphs makes of it.
  const fixed = bold.replace(`the cloud:\n\n${ofTheCloud}`, `the cloud:\n${ITEM_OF_THE_CLOUD}\n${ITEM_IN_THE_CLOUD}\n\n${ofTheCloud}`);
  const insertAt = bold.indexOf(`\n\n${ofTheCloud}`);
  const changes = textLostOrDuplicated(bold, fixed, [{ start: insertAt, end: insertAt }], templateSentences);
  assert.equal(changes.lost, []);
  assert.equal(
    changes.duplicated.map(({ sentence }) => sentence),
    [
      'Security of the Cloud – AWS is responsible for protecting the infrastructure that runs AWS services in the AWS Cloud.',
      'AWS also provides you with services that you can use securely.',
      'Third-party auditors regularly test and verify the effectiveness of our security as part of the AWS compliance programs.',
      'To learn about the compliance programs that apply to Example, see AWS Services in Scope by Compliance Program.',
      'Security in the Cloud – Your responsibility is determined by the AWS service that you use.',
      'You are also responsible for other factors including the sensitivity of your data, your company’s requirements, and applicable laws and regulations.',
    ],
  );
});

property('bold paragraphs instead of the list items: the real fix inserts the items and removes the copies, losing and duplicating nothing', async () => {
  const bold = page
    .replace('the cloud:\n+ **Security of the cloud**', 'the cloud:\n\n**Security of the Cloud**')
    .replace('\n+ **Security in the cloud**', '\n\n**Security in the Cloud**');
  const root = makeDocsTree({ 'example/security.md': bold, 'example/data-protection.md': topicPage });
  const result = await measurePrecision({ docsRoot: root });
  assert.equal(result.fixedPages.map(({ from, text }) => ({ from, text })), [{ from: join('example', 'security.md'), text: { lost: [], duplicated: [] } }]);
  assert.equal(result.created, []);
});

property.run();

const cli = suite('npm run precision');

function runPrecision(args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [...sourceEntryArgs(join(projectRoot, 'scripts', 'precision', 'precision-cli.ts')), ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, TS_NODE_PROJECT: join(projectRoot, 'tsconfig.json') },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function snapshot(root: string): Map<string, string> {
  return new Map(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name), 'utf8')]),
  );
}

cli('prints findings per rule and page, a shared position, and what fix did; never writes the tree', () => {
  // The items dropped and a word added (template findings), and the data protection entry both
  // retitled and out of order behind the IAM one: two findings of two rules at one position.
  const withoutItems = page
    .replace(`${ITEM_OF_THE_CLOUD}\n${ITEM_IN_THE_CLOUD}\n`, '')
    .replace('you benefit from', 'you will benefit from')
    .replace('+ [Data protection in Amazon Example](data-protection.md)', '+ [Identity and access management in Amazon Example](security-iam.md)\n+ [Data Protection in Amazon Example](data-protection.md)');
  const root = makeDocsTree({
    'example/security.md': withoutItems,
    'example/data-protection.md': topicPage.replace('data\\.\n', 'data\\.'),
    'example/security-iam.md': '# Identity and access management in Amazon Example\n\nWho may do what\\.\n',
  }, { catalog: shippedConfig().catalog! });
  const before = snapshot(root);
  const run = runPrecision(['--docs', root]);
  assert.is(run.stderr, '');
  assert.is(run.code, 0);
  const security = join('example', 'security.md');
  const lines = run.stdout.split('\n');
  assert.ok(lines.includes('Findings per rule: 6 in 2 pages'), run.stdout);
  for (const [rule, count] of [['topic-catalog', 2], ['template-blocks', 1], ['template-wording', 1], ['final-newline', 1], ['topic-titles', 1]] as const) {
    assert.match(run.stdout, new RegExp(`\\]\\s+${rule}\\s+${count}\\n`));
  }
  assert.match(run.stdout, new RegExp(`  ${security.replace('.', '\\.')}\\s+5\\s`));
  assert.ok(lines.includes('  Same rule: 0'), run.stdout);
  assert.ok(lines.includes('  Different rules: 1'), run.stdout);
  assert.ok(lines.includes(`    ${security}:14:4`), run.stdout);
  assert.ok(lines.some((line) => line.startsWith('      topic-titles: topic title differs from the catalog')), run.stdout);
  assert.ok(lines.some((line) => line.startsWith('      topic-catalog: topic out of catalog order')), run.stdout);
  assert.ok(lines.includes('Fix: 2 pages changed, 5 findings removed, 0 findings created'), run.stdout); // the missing required topics have no pages to link
  assert.ok(lines.includes('  Text lost or duplicated by fix (sentences of the original the template does not replace): 0 of 2 changed pages'), run.stdout);
  assert.equal(snapshot(root), before, 'the tree is unchanged');
});

cli('wrong usage exits 2 with one line and the usage', () => {
  for (const args of [[], ['--docs'], ['--docs', 'docs', '--bogus'], ['--docs', join(projectRoot, 'no-such-dir')]]) {
    const run = runPrecision(args);
    assert.is(run.code, 2, args.join(' '));
    assert.is(run.stdout, '');
    assert.match(run.stderr, /^docs-quality precision: .+\n/);
  }
});

cli.run();
