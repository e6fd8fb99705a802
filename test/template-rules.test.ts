/** The template rules on small pages derived from a clean service page, one drift each. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fixDocs } from '../scripts/engine/fix.js';
import { brief, findingsIn } from './helpers/check.js';
import { fixture, makeDocsTree } from './helpers/docs-tree.js';

const page = 'kinesis-data-streams/security.md';
const treeWith = (name: string, options = {}): string => makeDocsTree({ [page]: fixture(`template/${name}/security.md`) }, options);

async function fixedClean(root: string): Promise<void> {
  await fixDocs({ docsRoot: root, cwd: root });
  assert.equal((await findingsIn(root)).map(brief), [], 'check is clean after fix');
}

const name = suite('template-name');

name('a boilerplate sentence naming another service is reported at the name', async () => {
  const root = treeWith('other-service-name');
  const findings = await findingsIn(root);
  assert.equal(findings.map(brief), [
    `${page}:9:167 template-name service name differs from the rest of the page: expected \`Kinesis Data Streams\`, found \`WorkSpaces\``,
  ]);
  assert.equal([findings[0]!.endLine, findings[0]!.endColumn, findings[0]!.fixable], [9, 177, true]);
  await fixedClean(root);
});

name('the services manifest catches a name misspelt the same way throughout', async () => {
  const text = fixture('template/free-region-note/security.md').replaceAll('Kinesis Data Streams', 'Kinesis Data Stream');
  const manifest = JSON.stringify({ services: { 'kinesis-data-streams': { service: 'Amazon Kinesis Data Streams', short: 'Kinesis Data Streams' } } });
  const root = makeDocsTree({ [page]: text }, { manifest });
  const findings = await findingsIn(root);
  assert.ok(findings.length > 0 && findings.every((f) => f.ruleId === 'template-name'), findings.map(brief).join('\n'));
  assert.equal(brief(findings[0]!), `${page}:1:3 template-name service name differs from the services manifest: expected \`Amazon Kinesis Data Streams\`, found \`Amazon Kinesis Data Stream\``);
});

name.run();

const blocks = suite('template-blocks');

blocks('a missing paragraph is reported where it belongs, and fix inserts it', async () => {
  const root = treeWith('missing-paragraph');
  assert.equal((await findingsIn(root)).map(brief), [
    `${page}:1:65 template-blocks missing paragraph from the template: \`Cloud security at AWS is the highest priority …\``,
  ]);
  await fixedClean(root);
  assert.is(readFileSync(join(root, page), 'utf8'), fixture('template/clean/security.md'));
});

blocks('two swapped paragraphs are reported as out of order, and fix moves them back', async () => {
  const root = treeWith('swapped-paragraphs');
  assert.equal((await findingsIn(root)).map(brief), [
    `${page}:7:1 template-blocks paragraph out of order: the template puts it before \`Security is a shared responsibility between AWS and …\``,
  ]);
  await fixedClean(root);
  assert.is(readFileSync(join(root, page), 'utf8'), fixture('template/clean/security.md'));
});

blocks('a note in the free region is allowed', async () => {
  assert.equal(await findingsIn(treeWith('free-region-note')), []);
});

blocks('a paragraph outside the free region is extra, and fix leaves it to the writer', async () => {
  const root = treeWith('extra-paragraph');
  const findings = await findingsIn(root);
  assert.equal(findings.map(brief), [
    `${page}:5:1 template-blocks paragraph is not in the template: \`We also keep a changelog of security fixes …\`; service-specific notes belong in the free region, before the Topics list`,
  ]);
  assert.is(findings[0]!.fixable, false);
});

blocks('a page without a Topics list is told so', async () => {
  const text = `${fixture('template/free-region-note/security.md').split('**Topics**')[0]!.trimEnd()}\n`;
  const findings = await findingsIn(makeDocsTree({ [page]: text }));
  assert.equal(findings.map((f) => f.message), [
    'missing "Topics" label from the template: `Topics`',
    'missing Topics list: the "Topics" label must be followed by a list of links to the service\'s topic pages',
  ]);
});

blocks.run();

const wording = suite('template-wording');

wording('escapes, emphasis markers, hard breaks and wrapping do not count', async () => {
  const clean = fixture('template/clean/security.md');
  const restyled = clean
    .replaceAll('\\.', '.')
    .replace('security *of* the cloud and security *in* the cloud', 'security _of_ the cloud and security _in_ the cloud')
    .replaceAll('**', '__')
    .replace('you benefit from a data center', 'you benefit from a data\ncenter')
    .replace('highest priority. As', 'highest priority.  \nAs');
  assert.not.equal(restyled, clean);
  assert.equal((await findingsIn(makeDocsTree({ [page]: restyled }))).map(brief), []);
});

wording('words, punctuation and link targets do count', async () => {
  const clean = fixture('template/clean/security.md');
  const drifted = clean
    .replace('highest priority\\.', 'highest priority!')
    .replace('https://aws.amazon.com/compliance/programs/', 'https://example.com/programs/');
  const messages = (await findingsIn(makeDocsTree({ [page]: drifted }))).map((f) => f.message);
  assert.equal(messages, [
    'expected `.`, found `!`',
    'link target differs from the template: expected `https://aws.amazon.com/compliance/programs/`, found `https://example.com/programs/`',
  ]);
});

wording('fix keeps CRLF line endings and a page without escapes stays without', async () => {
  const text = fixture('seeds/s3/security.md').replaceAll('\\.', '.').replaceAll('\\-', '-').replace(/\n/g, '\r\n');
  const root = makeDocsTree({ 's3/security.md': text });
  await fixedClean(root);
  const fixed = readFileSync(join(root, 's3/security.md'), 'utf8');
  assert.not.match(fixed, /[^\r]\n/, 'every line still ends in CRLF');
  assert.not.match(fixed, /\\[.-]/, 'no escapes were introduced');
  assert.match(fixed, /Third-party auditors regularly test/);
});

wording.run();
