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

rewrites.run();
