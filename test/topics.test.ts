/** The topic rules on the seeds (with our topic pages) and on small drifts of the shipped docs. */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fixDocs } from '../scripts/engine/fix.js';
import { brief, findingsIn } from './helpers/check.js';
import { makeDocsTree, seedTree, shippedConfig, shippedDocs } from './helpers/docs-tree.js';

const topicFindings = async (root: string): Promise<string[]> =>
  (await findingsIn(root)).filter((f) => !f.ruleId.startsWith('template-')).map(brief);

const seeds = suite('topics on the five original seeds');

seeds('title-case topics are reported with the canonical title', async () => {
  const findings = await topicFindings(makeDocsTree(seedTree(), shippedConfig()));
  assert.ok(
    findings.includes(
      'kinesis-data-streams/security.md:12:4 topic-titles topic title differs from the catalog: expected `Data protection in Amazon Kinesis Data Streams`, found `Data Protection in Amazon Kinesis Data Streams`',
    ),
  );
  assert.ok(findings.includes('s3/security.md:19:4 topic-titles topic title differs from the catalog: expected `Security best practices for Amazon S3`, found `Security Best Practices for Amazon S3`'));
});

seeds('the DynamoDB entry without the service name is recognised and named', async () => {
  const findings = await topicFindings(makeDocsTree(seedTree(), shippedConfig()));
  assert.ok(
    findings.includes(
      'dynamodb/security.md:13:4 topic-titles topic title differs from the catalog: expected `Identity and access management in Amazon DynamoDB`, found `Identity and access management`',
    ),
  );
});

seeds('the missing logging and monitoring topic of Data Streams is reported, with a fix', async () => {
  const findings = await findingsIn(makeDocsTree(seedTree(), shippedConfig()));
  const missing = findings.find((f) => f.file === 'kinesis-data-streams/security.md' && f.message.includes('(logging-and-monitoring)'));
  assert.ok(missing);
  assert.is(
    brief(missing!),
    'kinesis-data-streams/security.md:17:4 topic-catalog topic `Logging and monitoring in Amazon Kinesis Data Streams` (logging-and-monitoring) is missing from the Topics list, but its page `logging-and-monitoring.md` is in the folder',
  );
  assert.ok(missing!.fixable, 'the unlinked logging page is linked back in');
});

seeds('akda-java-compliance.md is a Data Analytics name in the Data Streams and Video Streams folders only', async () => {
  const foreign = (await findingsIn(makeDocsTree(seedTree(), shippedConfig()))).filter((f) => f.ruleId === 'foreign-file-name');
  assert.equal(
    foreign.map((f) => `${f.file} ${f.fixable}`),
    ['kinesis-data-streams/akda-java-compliance.md true', 'kinesis-video-streams/akda-java-compliance.md true'],
  );
  assert.match(foreign[0]!.message, /`akda` stands for Amazon Kinesis Data Analytics \(kinesis-data-analytics\/\); rename to `compliance-validation.md`/);
});

seeds('fix renames titles, H1s and files and links the missing topic; check is clean afterwards', async () => {
  const root = makeDocsTree(seedTree(), shippedConfig());
  await fixDocs({ docsRoot: root, cwd: root });
  assert.equal((await findingsIn(root)).map(brief), []);
  const kds = readFileSync(join(root, 'kinesis-data-streams', 'security.md'), 'utf8');
  assert.match(kds, /\+ \[Logging and monitoring in Amazon Kinesis Data Streams\]\(logging-and-monitoring\.md\)\n\+ \[Compliance validation/);
  assert.match(kds, /\(compliance-validation\.md\)/);
  assert.match(readFileSync(join(root, 'kinesis-data-streams', 'compliance-validation.md'), 'utf8'), /^# Compliance validation for Amazon Kinesis Data Streams<a name=/);
  assert.equal(await fixDocs({ docsRoot: root, cwd: root }), [], 'a second fix changes nothing');
});

seeds.run();

const drift = suite('topic drift in the shipped docs');

const docsTree = (): string => makeDocsTree(shippedDocs(), shippedConfig());
const edit = (root: string, path: string, change: (text: string) => string): void => {
  const file = join(root, path);
  writeFileSync(file, change(readFileSync(file, 'utf8')));
};

drift('the shipped docs are clean', async () => {
  assert.equal(await topicFindings(docsTree()), []);
});

drift('a deleted topic page', async () => {
  const root = docsTree();
  rmSync(join(root, 's3', 'network-isolation.md'));
  assert.equal(await topicFindings(root), [
    's3/security.md:17:3 topic-links topic link points to a missing page `network-isolation.md`',
  ]);
});

drift('a link whose text no longer matches the renamed target page', async () => {
  const root = docsTree();
  edit(root, 's3/network-isolation.md', (text) => text.replace('# Infrastructure security in Amazon S3', '# Network isolation in Amazon S3'));
  const findings = await findingsIn(root);
  assert.equal(findings.map(brief), [
    's3/security.md:17:4 topic-titles link text differs from the title of `network-isolation.md`: the page\'s H1 is `Network isolation in Amazon S3`, the link says `Infrastructure security in Amazon S3`, the catalog\'s title: the fix renames the H1 to it',
  ]);
  assert.ok(findings[0]!.fixable);
  await fixDocs({ docsRoot: root, cwd: root });
  assert.equal(await findingsIn(root), []);
  assert.match(readFileSync(join(root, 's3', 'network-isolation.md'), 'utf8'), /^# Infrastructure security in Amazon S3<a name=/, 'the H1 follows the catalog title again');
});

drift('a duplicated topic', async () => {
  const root = docsTree();
  edit(root, 'dynamodb/security.md', (text) => text.replace(/(\+ \[Resilience in Amazon DynamoDB\]\(disaster-recovery-resiliency\.md\)\n)/, '$1$1'));
  const findings = await findingsIn(root);
  assert.equal(findings.map(brief), [
    'dynamodb/security.md:17:4 topic-catalog topic listed twice: `Resilience in Amazon DynamoDB` (line 16) is the same topic (resilience)',
  ]);
  await fixDocs({ docsRoot: root, cwd: root });
  assert.equal(await findingsIn(root), []);
});

drift('a topic moved out of order', async () => {
  const root = docsTree();
  edit(root, 's3/security.md', (text) => {
    const line = '+ [Data protection in Amazon S3](DataDurability.md)\n';
    return `${text.replace(line, '')}${line}`;
  });
  const findings = await findingsIn(root);
  assert.equal(findings.map(brief), [
    's3/security.md:19:4 topic-catalog topic out of catalog order: `Data protection in Amazon S3` belongs before `Identity and access management in Amazon S3`',
  ]);
  await fixDocs({ docsRoot: root, cwd: root });
  assert.equal(await findingsIn(root), []);
});

drift('an orphan page', async () => {
  const root = docsTree();
  writeFileSync(join(root, 's3', 'old-encryption.md'), '# Old encryption notes\n\nSuperseded by data protection.\n');
  assert.equal(await topicFindings(root), [
    's3/old-encryption.md:1:1 orphan-pages page is not linked from any page: add it to the Topics list of `security.md` or remove it',
  ]);
});

drift('a fragment to a missing anchor', async () => {
  const root = docsTree();
  edit(root, 's3/security.md', (text) => text.replace('(DataDurability.md)', '(DataDurability.md#encryption)'));
  assert.equal(await topicFindings(root), [
    's3/security.md:12:3 topic-links topic link points to a missing anchor `#encryption` in `DataDurability.md`',
  ]);
});

drift('a topic relinked to another service\'s page, and one unknown to the catalog', async () => {
  const root = docsTree();
  edit(root, 's3/security.md', (text) =>
    text.replace('(disaster-recovery-resiliency.md)', '(../dynamodb/disaster-recovery-resiliency.md)'),
  );
  renameSync(join(root, 's3', 'disaster-recovery-resiliency.md'), join(root, 's3', 'cost-notes.md'));
  edit(root, 's3/security.md', (text) => `${text}+ [Cost notes for Amazon S3](cost-notes.md)\n`);
  edit(root, 's3/cost-notes.md', (text) => text.replace(/^# [^<]*/, '# Cost notes for Amazon S3'));
  const findings = (await topicFindings(root)).filter((f) => f.startsWith('s3/security.md'));
  assert.equal(findings, [
    's3/security.md:16:3 topic-links topic link points to another folder\'s page `dynamodb/disaster-recovery-resiliency.md`: topics link to pages in `s3/`',
    's3/security.md:20:4 topic-catalog topic is not in the catalog: `Cost notes for Amazon S3`: declare it in this service\'s `extraTopics` (`_template/services.json`) or add it to the catalog (`_template/topics.json`)',
  ]);
});

drift('a required topic without a page is reported without a fix', async () => {
  const root = docsTree();
  rmSync(join(root, 's3', 's3-incident-response.md'));
  edit(root, 's3/security.md', (text) => text.replace('+ [Logging and monitoring in Amazon S3](s3-incident-response.md)\n', ''));
  const findings = await findingsIn(root);
  assert.equal(findings.map(brief), ['s3/security.md:18:4 topic-catalog missing required topic `Logging and monitoring in Amazon S3` (logging-and-monitoring)']);
  assert.is(findings[0]!.fixable, false);
});

drift.run();

const recognise = suite('topic recognition');

recognise('an unknown title gets the closest catalog topic only when it is close', async () => {
  const { loadCatalog } = await import('../scripts/topics/catalog.js');
  const { closestTopic } = await import('../scripts/topics/title-closeness.js');
  const root = makeDocsTree({}, shippedConfig());
  const topics = loadCatalog(root)!.topics;
  assert.is(closestTopic('Encryption and data protection notes', topics)?.id, 'data-protection');
  assert.is(closestTopic('Cost notes for Amazon S3', topics), undefined);
});

recognise.run();

const rename = suite('renaming a topic across files');

rename('link text, target H1 and links to the old heading slug change together', async () => {
  const root = docsTree();
  edit(root, 's3/security.md', (text) => text.replace('[Infrastructure security in Amazon S3]', '[Infrastructure security for Amazon S3]'));
  edit(root, 's3/network-isolation.md', (text) => text.replace('# Infrastructure security in Amazon S3', '# Infrastructure security for Amazon S3'));
  edit(root, 's3/security-best-practices.md', (text) => `${text}\nSee [network isolation](network-isolation.md#infrastructure-security-for-amazon-s3).\n`);
  const before = await findingsIn(root);
  assert.equal(before.map(brief), [
    's3/security.md:17:4 topic-titles topic title differs from the catalog: expected `Infrastructure security in Amazon S3`, found `Infrastructure security for Amazon S3`',
  ]);
  await fixDocs({ docsRoot: root, cwd: root });
  assert.equal(await findingsIn(root), []);
  assert.match(readFileSync(join(root, 's3', 'network-isolation.md'), 'utf8'), /^# Infrastructure security in Amazon S3<a name=/);
  assert.match(readFileSync(join(root, 's3', 'security-best-practices.md'), 'utf8'), /\(network-isolation\.md#infrastructure-security-in-amazon-s3\)/);
});

rename.run();
