/** foreign-file-name on small trees of our own: what names another service beyond doubt, what does not, the `accept` option, placeholders. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { brief, findingsIn } from './helpers/check.js';
import { makeDocsTree, shippedConfig, type TreeOptions } from './helpers/docs-tree.js';
import { runCli } from './helpers/run-cli.js';

const page = (h1: string): string => `# ${h1}\n\nText.\n`;
const service = (name: string): string => page(`Security in ${name}`);

/** This rule's findings on a tree of these pages, `file:line:column rule message`. */
const foreignIn = async (pages: Record<string, string>, options: TreeOptions = {}, settings?: unknown): Promise<string[]> => {
  const root = makeDocsTree(pages, options);
  if (settings !== undefined) writeFileSync(join(root, '.docs-quality.json'), JSON.stringify({ rules: { 'foreign-file-name': settings } }));
  return (await findingsIn(root)).filter((f) => f.ruleId === 'foreign-file-name').map(brief);
};

const kinesis = {
  'kinesis-data-streams/security.md': service('Amazon Kinesis Data Streams'),
  'kinesis-data-analytics/security.md': service('Amazon Kinesis Data Analytics'),
  'kinesis-data-streams/akda-java-compliance.md': page('Compliance validation for Amazon Kinesis Data Streams'),
};
const akda = 'kinesis-data-streams/akda-java-compliance.md:1:1 foreign-file-name file name carries another service\'s name: `akda` stands for Amazon Kinesis Data Analytics (kinesis-data-analytics/)';

const foreign = suite('foreign-file-name');

foreign('a Data Analytics initialism in the Data Streams folder is reported', async () => {
  assert.equal(await foreignIn(kinesis), [akda]);
});

foreign('VPC and ACL pages are not named for Amazon VPC or Amazon CloudWatch Logs (common initialisms)', async () => {
  const pages = {
    'amazon-vpc/security.md': service('Amazon Virtual Private Cloud'),
    'cloudwatch-logs/security.md': service('Amazon CloudWatch Logs'),
    'cloudwatch-logs/logs-and-interface-VPC.md': page('Logs through interface VPC endpoints'),
    'file-cache/security.md': service('Amazon File Cache'),
    'file-cache/vpc-endpoints.md': page('Endpoints in your VPC'),
    'file-cache/limit-access-acl.md': page('Network ACLs for caches'),
    // Even where the page does not say the word: it is the term, not the service.
    'file-cache/vpc-notes.md': page('Notes'),
    'file-cache/acl-notes.md': page('Notes'),
  };
  assert.equal(await foreignIn(pages), []);
});

foreign('a common initialism the manifest writes in a service\'s name is that service\'s, unless the page uses the word', async () => {
  const pages = {
    'amazon-vpc/security.md': service('Amazon Virtual Private Cloud'),
    'file-cache/security.md': service('Amazon File Cache'),
    'file-cache/vpc-endpoints.md': page('Endpoints in your VPC'),
    'file-cache/vpc-notes.md': page('Notes'),
  };
  const manifest = JSON.stringify({ services: { 'amazon-vpc': { service: 'Amazon Virtual Private Cloud', short: 'Amazon VPC' } } });
  assert.equal(await foreignIn(pages, { manifest }), [
    'file-cache/vpc-notes.md:1:1 foreign-file-name file name carries another service\'s name: `vpc` stands for Amazon Virtual Private Cloud (amazon-vpc/)',
  ]);
});

foreign('a word that is part of the own service\'s name or folder never counts (s3 in the S3 Glacier guide)', async () => {
  const pages = {
    's3/security.md': service('Amazon S3'),
    'amazon-s3-glacier/security.md': service('Amazon Glacier'),
    'amazon-s3-glacier/s3-access.md': page('Access to vaults'),
    'dynamodb/security.md': service('Amazon DynamoDB'),
    'dax/security.md': service('Amazon DynamoDB Accelerator'),
    'dax/dynamodb-notes.md': page('Notes'),
  };
  assert.equal(await foreignIn(pages), []);
});

foreign('an identifier the page itself uses is what the page is about', async () => {
  assert.equal(await foreignIn({ ...kinesis, 'kinesis-data-streams/kda-connector.md': page('Reading a stream from a KDA application') }), [akda]);
});

foreign('an identifier of two services names neither', async () => {
  const pages = { ...kinesis, 'kinesis-data-archive/security.md': service('Amazon Kinesis Data Archive') };
  assert.equal(await foreignIn(pages), []);
});

foreign('`accept` lists words never taken for another service\'s name, in any case', async () => {
  assert.equal(await foreignIn(kinesis, {}, ['error', { accept: ['AKDA'] }]), []);
  assert.equal(await foreignIn(kinesis, {}, ['error', { accept: ['kda'] }]), [akda]);
  assert.equal(await foreignIn(kinesis, {}, ['warn', {}]), [akda]);
});

foreign('an `accept` that is not a list of words is exit 2 at its place in the configuration', () => {
  const expected = (column: number, found: string): string =>
    `docs-quality: .docs-quality.json:1:${column}: \`rules.foreign-file-name\` must be "off", "warn", "error", or [severity, option] with the option { "accept": [words of letters and digits] }, found ${found}\n`;
  for (const [settings, column] of [
    ['{ "rules": { "foreign-file-name": ["error", { "accept": "vpc" }] } }\n', 35],
    ['{ "rules": { "foreign-file-name": ["error", { "accept": ["vpc-endpoint"] }] } }\n', 35],
    ['{ "rules": { "foreign-file-name": ["error", { "allow": ["vpc"] }] } }\n', 35],
  ] as const) {
    const root = makeDocsTree(kinesis);
    writeFileSync(join(root, '.docs-quality.json'), settings);
    const run = runCli(['check', '--docs', root], root);
    assert.is(run.code, 2, settings);
    assert.is(run.stderr, expected(column, 'a list'), settings);
  }
});

foreign('a template placeholder in a file name is reported, with the service to rename it for', async () => {
  const pages = {
    'personalize/security.md': service('Amazon Personalize'),
    'personalize/SERVICENAME-compliance.md': page('Compliance validation for Amazon Personalize'),
    'personalize/{{service}}-notes.md': page('Notes'),
    'personalize/<service>-logging.md': page('Logging'),
    'personalize/your-service-access.md': page('Access'),
    'personalize/SERVICE_NAME-resilience.md': page('Resilience'),
    'personalize/SERVICE-encryption.md': page('Encryption'),
    // Words, not placeholders: real file names.
    'personalize/security_iam_service-with-iam.md': page('How the service works with IAM'),
    'personalize/using-service-linked-roles.md': page('Service-linked roles'),
    'personalize/USER_Notes.md': page('User notes'),
    'guide/SERVICENAME-overview.md': page('Overview'),
  };
  const placeholder = (path: string, found: string, remedy: string): string => `${path}:1:1 foreign-file-name file name holds a placeholder: \`${found}\`: ${remedy}`;
  assert.equal((await foreignIn(pages)).sort(), [
    placeholder('guide/SERVICENAME-overview.md', 'SERVICENAME', 'rename the page'),
    placeholder('personalize/<service>-logging.md', '<service>', 'rename the page for Amazon Personalize'),
    placeholder('personalize/SERVICE-encryption.md', 'SERVICE', 'rename the page for Amazon Personalize'),
    placeholder('personalize/SERVICENAME-compliance.md', 'SERVICENAME', 'rename the page for Amazon Personalize'),
    placeholder('personalize/SERVICE_NAME-resilience.md', 'SERVICE_NAME', 'rename the page for Amazon Personalize'),
    placeholder('personalize/your-service-access.md', 'your-service', 'rename the page for Amazon Personalize'),
    placeholder('personalize/{{service}}-notes.md', '{{service}}', 'rename the page for Amazon Personalize'),
  ]);
});

foreign('a catalog topic named with a placeholder is renamed to its topic id', async () => {
  const pages = {
    'personalize/security.md': `${service('Amazon Personalize')}\n**Topics**\n+ [Compliance validation for Amazon Personalize](SERVICENAME-compliance.md)\n`,
    'personalize/SERVICENAME-compliance.md': page('Compliance validation for Amazon Personalize'),
  };
  const root = makeDocsTree(pages, shippedConfig());
  const found = (await findingsIn(root)).filter((f) => f.ruleId === 'foreign-file-name');
  assert.equal(found.map(brief), ['personalize/SERVICENAME-compliance.md:1:1 foreign-file-name file name holds a placeholder: `SERVICENAME`: rename to `compliance-validation.md`']);
  assert.ok(found[0]!.fixable);
});

foreign.run();
