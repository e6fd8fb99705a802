/** The acceptance test of the template rules: the five original seed pages drift, and fix repairs them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fixDocs } from '../scripts/engine/fix.js';
import { brief, findingsIn } from './helpers/check.js';
import { makeDocsTree, seedPages } from './helpers/docs-tree.js';

const seeds = suite('the five original seed pages');

seeds('"you will benefit" is found in the three Kinesis pages at its true position', async () => {
  const findings = (await findingsIn(makeDocsTree(seedPages()))).map(brief);
  for (const service of ['kinesis-data-streams', 'kinesis-video-streams', 'kinesis-data-analytics']) {
    assert.ok(
      findings.includes(`${service}/security.md:3:69 template-wording expected \`you benefit\`, found \`you will benefit\``),
      `${service}: ${findings.filter((f) => f.startsWith(service)).join('\n')}`,
    );
  }
});

seeds('the H1s of the S3 and DynamoDB pages are template variants', async () => {
  const findings = (await findingsIn(makeDocsTree(seedPages()))).map(brief);
  assert.ok(findings.includes('s3/security.md:1:3 template-heading H1 does not follow the template: expected `Security in Amazon S3`, found `Amazon S3 Security`'));
  assert.ok(
    findings.includes(
      'dynamodb/security.md:1:3 template-heading H1 does not follow the template: expected `Security in Amazon DynamoDB`, found `Security and compliance in Amazon DynamoDB`',
    ),
  );
});

seeds('"will help you understand" is found in S3 and DynamoDB', async () => {
  const findings = (await findingsIn(makeDocsTree(seedPages()))).map(brief);
  for (const service of ['s3', 'dynamodb']) {
    assert.ok(findings.includes(`${service}/security.md:9:20 template-wording expected \`helps\`, found \`will help\``), service);
  }
});

seeds('"other Amazon services" is found in Data Analytics only', async () => {
  const findings = await findingsIn(makeDocsTree(seedPages()));
  const amazon = findings.filter((f) => f.actual === 'Amazon' && f.expected === 'AWS');
  assert.equal(amazon.map(brief), ['kinesis-data-analytics/security.md:9:277 template-wording expected `AWS`, found `Amazon`']);
  assert.equal([amazon[0]!.endLine, amazon[0]!.endColumn], [9, 283]);
});

seeds('every seed finding carries a fix, and fix brings all five onto the template', async () => {
  const root = makeDocsTree(seedPages());
  const before = await findingsIn(root);
  assert.ok(before.length >= 30, `expected many findings, got ${before.length}`);
  assert.ok(before.every((f) => f.fixable), 'every template finding on the seeds is fixable');
  const changes = await fixDocs({ docsRoot: root, cwd: root });
  assert.is(changes.length, 5);
  assert.equal(await findingsIn(root), []);
  assert.equal(await fixDocs({ docsRoot: root, cwd: root }), [], 'a second fix changes nothing');
  const s3 = readFileSync(join(root, 's3', 'security.md'), 'utf8');
  assert.ok(s3.startsWith('# Security in Amazon S3<a name="security"></a>\n'), 'the anchor survives the H1 fix');
  assert.ok(s3.includes('security\\-sensitive'), 'the page keeps its escapes');
});

seeds.run();
