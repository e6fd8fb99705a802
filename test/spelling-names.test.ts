/**
 * Spelling knows what a writer should never have to list: the names a page's folder binds, AWS's own
 * documentation words and identifiers, and it leaves a typo in template text to template-wording.
 * Pages here are our own, each showing a pattern seen on the real corpus.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { brief, findingsIn } from './helpers/check.js';
import { makeDocsTree, shippedTemplate } from './helpers/docs-tree.js';

const spellingOf = async (root: string): Promise<string[]> =>
  (await findingsIn(root)).filter((f) => f.ruleId === 'spelling').map((f) => `${f.file}:${f.line}:${f.column} ${f.actual}`);

const names = suite('spelling: the names a page binds are known on it');

names('a topic page knows its service page’s name, whatever its own title; outside a service folder the name is unknown', async () => {
  const topic = '# Encrypting Zorblaxian snapshots\n\nZorblaxian encrypts every snapshot.\n';
  const privacy = '# Internetwork traffic privacy in Amazon Zorblaxian\n\nTraffic between Zorblaxian hosts stays private.\n';
  const root = makeDocsTree(
    {
      'zorblaxian/security.md': '# Security in Amazon Zorblaxian\n\nAmazon Zorblaxian keeps data safe.\n',
      'zorblaxian/encryption.md': topic,
      'zorblaxian/internetwork-privacy.md': privacy,
      'guide/encryption.md': topic,
    },
    { words: '' },
  );
  assert.equal(await spellingOf(root), ['guide/encryption.md:1:14 Zorblaxian', 'guide/encryption.md:3:1 Zorblaxian']);
});

names('a service page titled `X security` binds X for its topic pages too', async () => {
  const root = makeDocsTree(
    { 'quxotron/security.md': '# Quxotron security\n\nQuxotron keeps data safe.\n', 'quxotron/keys.md': '# Rotating keys\n\nQuxotron rotates keys.\n' },
    { words: '' },
  );
  assert.equal(await spellingOf(root), []);
});

names.run();

const awsWords = suite('spelling: AWS documentation words and identifiers are known');

awsWords('AWS words cspell’s aws list lacks, its own aws words, SQL types and AWS identifiers check clean; a typo beside them does not', async () => {
  const page = [
    '# Notes',
    '',
    'Use the SDK for Python \\(Boto3\\) in the China \\(Ningxia\\) Region with AWS Fargate and Amazon CloudTrail\\.',
    '',
    'A db\\.x2iedn\\.16xlarge or db\\.\\*\\.2xlarge instance, an m5d\\.4xlarge host and the 2xlarge size support PITR and ABAC\\.',
    '',
    'Attach AWSXRayDaemonWriteAccess; a VARCHAR column in tempdb; FIPS endpoints and Internetwork traffic privacy\\.',
    '',
    'The function recieves events\\.',
    '',
  ].join('\n');
  const root = makeDocsTree({ 'guide/notes.md': page }, { words: '' });
  assert.equal(await spellingOf(root), ['guide/notes.md:9:14 recieves']);
});

awsWords('a cspell config turns our dictionaries off with `!sql` and `!aws-docs`', async () => {
  const page = '# Notes\n\nA VARCHAR column and Internetwork traffic privacy\\.\n';
  const root = makeDocsTree({ 'guide/notes.md': page, 'cspell.json': JSON.stringify({ dictionaries: ['!sql', '!aws-docs'] }) }, { words: '' });
  assert.equal(await spellingOf(root), ['guide/notes.md:3:3 VARCHAR', 'guide/notes.md:3:22 Internetwork']);
});

awsWords.run();

const oneFinding = suite('spelling: a typo in template text is template-wording’s');

const servicePage = (typo: string): string =>
  shippedTemplate
    .replace('{{service}}', 'Amazon Zorblaxian')
    .replaceAll('{{short}}', 'Zorblaxian')
    .replace('security\\-sensitive organizations', `security\\-sensitive ${typo}`)
    .replace('<!-- /free-region -->', 'Zorblaxian nodes are patched wekly\\.\n<!-- /free-region -->')
    .replace('+ {{topics}}', '+ [Data protection in Amazon Zorblaxian](data-protection.md)');

oneFinding('the misspelt template word gets template-wording’s finding alone; a typo in a service note stays spelling’s', async () => {
  const root = makeDocsTree({ 'zorblaxian/security.md': servicePage('organizatons'), 'zorblaxian/data-protection.md': '# Data protection in Amazon Zorblaxian\n\nText\\.\n' }, { words: '' });
  const found = (await findingsIn(root)).filter((f) => f.ruleId === 'spelling' || f.ruleId === 'template-wording').map(brief);
  assert.equal(found, [
    'zorblaxian/security.md:3:196 template-wording expected `organizations`, found `organizatons`',
    'zorblaxian/security.md:12:30 spelling unknown word `wekly`; did you mean `weekly`, `wkly`, `welly`? (add it to _template/words.txt if it is right)',
  ]);
});

oneFinding('with template-wording off, spelling reports the template word', async () => {
  const root = makeDocsTree(
    {
      'zorblaxian/security.md': servicePage('organizatons'),
      'zorblaxian/data-protection.md': '# Data protection in Amazon Zorblaxian\n\nText\\.\n',
      '.docs-quality.json': JSON.stringify({ rules: { 'template-wording': 'off' } }),
    },
    { words: '' },
  );
  assert.equal(await spellingOf(root), ['zorblaxian/security.md:3:196 organizatons', 'zorblaxian/security.md:12:30 wekly']);
});

oneFinding.run();
