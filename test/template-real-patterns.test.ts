/**
 * The template rules on patterns real security pages show (issue 16), each on a page of our own
 * derived from the clean fixture: one true finding per deviation, no fix that guesses a name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fixDocs } from '../scripts/engine/fix.js';
import { brief, findingsIn } from './helpers/check.js';
import { runCli } from './helpers/run-cli.js';
import { fixture, makeDocsTree } from './helpers/docs-tree.js';

const page = 'kinesis-data-streams/security.md';
const clean = fixture('template/clean/security.md');

/** The clean page with each [text, replacement] applied once (each text must be there). */
function pageWith(...edits: [string, string][]): string {
  return edits.reduce((text, [from, to]) => {
    assert.ok(text.includes(from), `the clean page has \`${from}\``);
    return text.replace(from, to);
  }, clean);
}

const templateFindings = async (root: string): Promise<string[]> =>
  (await findingsIn(root)).filter((f) => f.ruleId.startsWith('template-')).map(brief);

const names = suite('name binding');

names('a placeholder H1 is one finding, and nothing else of the template is guessed', async () => {
  const root = makeDocsTree({ [page]: pageWith(['# Security in Amazon Kinesis Data Streams', '# Security for this AWS Product or Service']) });
  const findings = (await findingsIn(root)).filter((f) => f.ruleId.startsWith('template-'));
  assert.equal(findings.map(brief), [
    `${page}:1:3 template-heading H1 is a placeholder: \`Security for this AWS Product or Service\`: write the service's name into it (\`Security in <service>\`), or pin the name in _template/services.json`,
  ]);
  assert.is(findings[0]!.fixable, false);
});

names('an H1 no name can be bound from says so once, with no fix', async () => {
  const root = makeDocsTree({ [page]: pageWith(['# Security in Amazon Kinesis Data Streams', '# Securing Your Content']) });
  const findings = (await findingsIn(root)).filter((f) => f.ruleId.startsWith('template-'));
  assert.equal(findings.map(brief), [
    `${page}:1:3 template-heading cannot bind the service name from the H1 \`Securing Your Content\`: write the service's name into it (\`Security in <service>\`), or pin the name in _template/services.json`,
  ]);
  assert.is(findings[0]!.fixable, false);
});

names('with the name pinned in the manifest, the same H1 is rewritten by fix', async () => {
  const manifest = JSON.stringify({ services: { 'kinesis-data-streams': { service: 'Amazon Kinesis Data Streams', short: 'Kinesis Data Streams' } } });
  const root = makeDocsTree({ [page]: pageWith(['# Security in Amazon Kinesis Data Streams', '# Securing Your Content']) }, { manifest });
  assert.equal(await templateFindings(root), [
    `${page}:1:3 template-heading H1 does not follow the template: expected \`Security in Amazon Kinesis Data Streams\`, found \`Securing Your Content\``,
  ]);
  await fixDocs({ docsRoot: root, cwd: root });
  assert.is(readFileSync(join(root, page), 'utf8'), clean);
});

names('a leading article belongs to the sentence: the name binds without it', async () => {
  const root = makeDocsTree({ [page]: pageWith(['# Security in Amazon Kinesis Data Streams', '# Security in the Amazon Kinesis Data Streams']) });
  assert.equal(await templateFindings(root), []);
});

names.run();

const odd = suite('which name is odd');

odd('a page that mostly says "AWS" where its name belongs is reported at the "AWS"s, not at the one right place', async () => {
  const root = makeDocsTree({
    [page]: pageWith(
      ['apply to Kinesis Data Streams,', 'apply to AWS,'],
      ['configure Kinesis Data Streams to', 'configure AWS to'],
      ['your Kinesis Data Streams resources', 'your AWS resources'],
    ),
  });
  assert.equal(await templateFindings(root), [
    `${page}:6:413 template-name service name differs from the rest of the page: expected \`Kinesis Data Streams\`, found \`AWS\``,
    `${page}:9:167 template-name service name differs from the rest of the page: expected \`Kinesis Data Streams\`, found \`AWS\``,
    `${page}:9:307 template-name service name differs from the rest of the page: expected \`Kinesis Data Streams\`, found \`AWS\``,
  ]);
  await fixDocs({ docsRoot: root, cwd: root });
  assert.is(readFileSync(join(root, page), 'utf8'), clean);
});

odd('the full name and its short forms may stand wherever the template says {{short}}', async () => {
  const root = makeDocsTree({
    [page]: pageWith(['apply to Kinesis Data Streams,', 'apply to Amazon Kinesis Data Streams,'], ['configure Kinesis Data Streams to', 'configure Amazon KDS to']),
  });
  assert.equal(await templateFindings(root), []);
});

odd('a name dropped from a sentence is a wording change, not a name filled differently', async () => {
  const root = makeDocsTree({ [page]: pageWith(['your Kinesis Data Streams resources', 'your Kinesis resources']) });
  assert.equal(await templateFindings(root), [
    `${page}:9:324 template-wording expected \`Kinesis Data Streams resources\`, found \`Kinesis resources\``,
  ]);
});

odd.run();

const rewrites = suite('rewrites and links');

rewrites('a sentence put in the passive voice is one finding quoting both sentences, and fix restores it', async () => {
  const root = makeDocsTree({
    [page]: pageWith([
      'Third\\-party auditors regularly test and verify the effectiveness of our security as part',
      'The effectiveness of our security is regularly tested and verified by third\\-party auditors as part',
    ]),
  });
  assert.equal(await templateFindings(root), [
    `${page}:6:190 template-wording sentence differs from the template: expected \`Third-party auditors regularly test and verify the effectiveness of our security as part of the AWS compliance programs.\`, found \`The effectiveness of our security is regularly tested and verified by third-party auditors as part of the AWS compliance programs.\``,
  ]);
  await fixDocs({ docsRoot: root, cwd: root });
  assert.is(readFileSync(join(root, page), 'utf8'), clean);
});

rewrites('a sentence reworded in the active voice is one finding, not two fragments', async () => {
  const root = makeDocsTree({ [page]: pageWith(['Your responsibility is determined by the AWS service that you use', 'Your AWS service determines your responsibility']) });
  assert.equal(await templateFindings(root), [
    `${page}:7:5 template-wording sentence differs from the template: expected \`Security in the cloud – Your responsibility is determined by the AWS service that you use.\`, found \`Security in the cloud – Your AWS service determines your responsibility.\``,
  ]);
});

rewrites('two slips in one sentence stay two findings', async () => {
  const root = makeDocsTree({ [page]: pageWith(['Services in Scope by Compliance Program', 'services in Scope by compliance Program']) });
  assert.equal((await templateFindings(root)).length, 2);
});

rewrites('a link whose text and target both drifted says the target changed too', async () => {
  const root = makeDocsTree({ [page]: pageWith(['[AWS compliance programs](https://aws.amazon.com/compliance/programs/)', '[AWS Compliance Programs](http://aws.amazon.com/compliance/programs/)']) });
  assert.equal(await templateFindings(root), [
    `${page}:6:292 template-wording expected \`compliance programs\`, found \`Compliance Programs\`; link target differs too: expected \`https://aws.amazon.com/compliance/programs/\`, found \`http://aws.amazon.com/compliance/programs/\``,
  ]);
});

rewrites('sentences of the service\'s own written into a template item are moved into the free region by fix, not deleted', async () => {
  const note = 'Kinesis Data Streams encrypts your data at rest\\. See [Data protection](server-side-encryption.md)\\.';
  const root = makeDocsTree({ [page]: pageWith(['that you can use securely\\. Third', `that you can use securely\\. ${note} Third`]) });
  assert.equal(await templateFindings(root), [
    `${page}:6:190 template-wording sentences added to the template's text: \`Kinesis Data Streams encrypts your data at rest …\`: notes of the service's own belong in the free region, where fix moves them`,
  ]);
  await fixDocs({ docsRoot: root, cwd: root });
  const fixed = readFileSync(join(root, page), 'utf8');
  assert.is(fixed, pageWith(['your Kinesis Data Streams resources\\.\n', `your Kinesis Data Streams resources\\.\n\n${note}\n`]));
});

rewrites('a fix that rewrites a whole block keeps the name forms the check accepted', async () => {
  const root = makeDocsTree({
    [page]: pageWith(
      ['[AWS compliance programs](https://aws.amazon.com/compliance/programs/)', '[AWS Compliance Programs](http://aws.amazon.com/compliance/programs/)'],
      ['apply to Kinesis Data Streams, see', 'apply to Amazon Kinesis Data Streams, see'],
    ),
  });
  await fixDocs({ docsRoot: root, cwd: root });
  assert.is(readFileSync(join(root, page), 'utf8'), pageWith(['apply to Kinesis Data Streams, see', 'apply to Amazon Kinesis Data Streams, see']));
});

rewrites('punctuation slipped in after a name is the slip, not a different name', async () => {
  const root = makeDocsTree({ [page]: pageWith(['apply to Kinesis Data Streams, see', 'apply to Amazon Kinesis Data Streams;, see']) });
  assert.equal(await templateFindings(root), [`${page}:6:413 template-wording expected \`Amazon Kinesis Data Streams,\`, found \`Amazon Kinesis Data Streams;,\``]);
});

rewrites('a word fix puts back the template\'s space: a colon after the bold lead becomes ` – `', async () => {
  const root = makeDocsTree({ [page]: pageWith(['**Security in the cloud** – Your', '**Security in the cloud**: Your']) });
  assert.equal(await templateFindings(root), [`${page}:7:28 template-wording expected \`–\`, found \`:\``]);
  await fixDocs({ docsRoot: root, cwd: root });
  assert.is(readFileSync(join(root, page), 'utf8'), clean);
});

rewrites.run();

const structure = suite('structural edits');

structure('a section appended after the Topics list is one finding with its lines, and fix keeps it', async () => {
  const appended = '\n## Security of the services it uses\n+ Security in Amazon EC2\n+ Security in Amazon S3\n+ Security in AWS Lambda\n';
  const root = makeDocsTree({ [page]: clean + appended });
  assert.equal(await templateFindings(root), [
    `${page}:19:1 template-blocks content after the Topics list (lines 19–22): move it into the free region or into a topic page`,
  ]);
  await fixDocs({ docsRoot: root, cwd: root });
  assert.ok(readFileSync(join(root, page), 'utf8').endsWith(appended), 'the writer\'s section is left where it is');
});

structure('a notice above the H1, between rules, is one finding that quotes no empty text', async () => {
  const root = makeDocsTree({ [page]: `--------\n\nThis guide has moved to [a new place](https://example.com/new)\\.\n\n--------\n\n${clean}` });
  const findings = await templateFindings(root);
  assert.equal(findings, [`${page}:1:1 template-blocks content before the H1 (lines 1–5): move it below the H1, into the free region`]);
});

structure('a lone word-less block is quoted as its source line', async () => {
  const root = makeDocsTree({ [page]: pageWith(['\n\nThis documentation helps', '\n\n--------\n\nThis documentation helps']) });
  assert.equal(await templateFindings(root), [`${page}:9:1 template-blocks block is not in the template: \`--------\`; service-specific notes belong in the free region, before the Topics list`]);
});

structure('several pasted paragraphs among the template\'s are one finding', async () => {
  const pasted = 'To learn whether a service is in scope, see the compliance pages\\.\n\nYou can download audit reports from the console\\.\n\n';
  const root = makeDocsTree({ [page]: pageWith(['This documentation helps', `${pasted}This documentation helps`]) });
  assert.equal(await templateFindings(root), [
    `${page}:9:1 template-blocks 2 blocks are not in the template (lines 9–11), from \`To learn whether a service is in scope …\`; service-specific notes belong in the free region, before the Topics list`,
  ]);
});

structure('two adjacent missing items are one finding, and fix inserts them in the template\'s order', async () => {
  const items = clean.slice(clean.indexOf('+ **Security of'), clean.indexOf('\n\nThis documentation'));
  const root = makeDocsTree({ [page]: clean.replace(`\n${items}`, '') });
  assert.equal(await templateFindings(root), [
    `${page}:5:227 template-blocks missing 2 list items from the template: \`Security of the cloud – AWS is responsible …\`, \`Security in the cloud – Your responsibility is …\``,
  ]);
  await fixDocs({ docsRoot: root, cwd: root });
  assert.is(readFileSync(join(root, page), 'utf8'), clean);
});

structure('a template paragraph split in two is one finding, and fix joins it without repeating a sentence', async () => {
  for (const [from, to] of [
    ['objectives\\. You also learn', 'objectives\\.\n\nYou also learn'],
    ['Kinesis Data Streams\\. The following topics', 'Kinesis Data Streams\\.\n\nThe following topics'],
  ] as [string, string][]) {
    const root = makeDocsTree({ [page]: pageWith([from, to]) });
    const findings = await templateFindings(root);
    assert.is(findings.length, 1, findings.join('\n'));
    assert.match(findings[0]!, /^kinesis-data-streams\/security\.md:9:1 template-blocks paragraph split in two \(lines 9 and 11\): the template has them as one paragraph, `This documentation helps you understand how to apply …`$/);
    await fixDocs({ docsRoot: root, cwd: root });
    assert.is(readFileSync(join(root, page), 'utf8').split('\n').slice(0, 11).join('\n'), clean.split('\n').slice(0, 11).join('\n'));
  }
});

structure('two template paragraphs written as one are one finding, and fix parts them', async () => {
  const root = makeDocsTree({ [page]: pageWith(['organizations\\.\n\nSecurity is a shared', 'organizations\\. Security is a shared']) });
  assert.equal(await templateFindings(root), [
    `${page}:3:1 template-blocks paragraph holds two of the template's: \`Cloud security at AWS is the highest priority …\` and \`Security is a shared responsibility between AWS and …\`: start the second on a paragraph of its own`,
  ]);
  await fixDocs({ docsRoot: root, cwd: root });
  assert.is(readFileSync(join(root, page), 'utf8').split('\n').slice(0, 11).join('\n'), clean.split('\n').slice(0, 11).join('\n'));
});

structure.run();

const shapes = suite('items written as paragraphs');

shapes('the template\'s bold items written as paragraphs are recognised, and fix makes them items without writing them twice', async () => {
  const asParagraphs = clean.replace(':\n+ **Security of the cloud**', ':\n\n**Security of the cloud**').replace('\n+ **Security in the cloud**', '\n\n**Security in the cloud**');
  assert.is.not(asParagraphs, clean);
  const root = makeDocsTree({ [page]: asParagraphs });
  assert.equal(await templateFindings(root), [
    `${page}:7:1 template-blocks list item written as a paragraph: \`Security of the cloud – AWS is responsible …\`: the template makes it an item of the list above`,
    `${page}:9:1 template-blocks list item written as a paragraph: \`Security in the cloud – Your responsibility is …\`: the template makes it an item of the list above`,
  ]);
  await fixDocs({ docsRoot: root, cwd: root });
  assert.is(readFileSync(join(root, page), 'utf8'), clean);
});

shapes('inside such a paragraph, words are still compared with the item', async () => {
  const asParagraph = clean.replace('\n+ **Security in the cloud** – Your responsibility', '\n\n**Security in the Cloud** – Your responsibility');
  const root = makeDocsTree({ [page]: asParagraph });
  assert.equal(await templateFindings(root), [
    `${page}:8:1 template-blocks list item written as a paragraph: \`Security in the Cloud – Your responsibility is …\`: the template makes it an item of the list above`,
    `${page}:8:19 template-wording expected \`cloud\`, found \`Cloud\``,
  ]);
});

shapes.run();

const citations = suite('template citations');

citations('each template finding cites the template line it comes from, in JSON, the human report and SARIF', async () => {
  const root = makeDocsTree({
    [page]: pageWith(['you benefit', 'you will benefit'], ['# Security in Amazon Kinesis Data Streams', '# Amazon Kinesis Data Streams Security']),
  });
  const findings = (await findingsIn(root)).filter((f) => f.ruleId.startsWith('template-'));
  assert.equal(
    findings.map((f) => [f.ruleId, f.template]),
    [
      ['template-heading', { file: '_template/security.md', line: 1 }],
      ['template-wording', { file: '_template/security.md', line: 3 }],
    ],
  );
  const human = runCli(['check', '--docs', '.', '--no-cache'], root);
  // the human report wraps at 80 columns: the rule id may sit between the message's lines
  assert.match(human.stdout, /expected `you benefit`, found `you will(?: +template-wording\n +| )benefit` \(_template\/security\.md:3\)/);
  const sarif = JSON.parse(runCli(['check', '--docs', '.', '--no-cache', '--format', 'sarif'], root).stdout);
  const wording = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'template-wording');
  assert.equal(wording.relatedLocations[0].physicalLocation.artifactLocation.uri, '_template/security.md');
  assert.is(wording.relatedLocations[0].physicalLocation.region.startLine, 3);
});

citations('findings of other rules cite nothing', async () => {
  const root = makeDocsTree({ [page]: clean.replace('organizations\\.', 'organizations\\.  ') });
  const findings = await findingsIn(root);
  assert.ok(findings.length > 0);
  assert.ok(findings.every((f) => f.template === undefined));
});

citations.run();
