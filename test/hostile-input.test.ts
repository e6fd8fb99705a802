/** Bad input: each case gets a clear finding or error with file and position, and nothing crashes. */
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fixDocs, WriteError } from '../scripts/engine/fix.js';
import { brief, findingsIn } from './helpers/check.js';
import { fixture, makeDocsTree, shippedConfig } from './helpers/docs-tree.js';
import { runCli } from './helpers/run-cli.js';

const hostile = suite('bad input');

const clean = fixture('template/clean/security.md');
const only = async (pages: Record<string, string | Uint8Array>) => (await findingsIn(makeDocsTree(pages))).map(brief);

hostile('an empty page and a page of only front matter are checked without crashing', async () => {
  assert.equal(await only({ 'guide/empty.md': '', 'guide/front.md': '---\ntitle: Front matter only\n---\n' }), []);
  const empty = await only({ 's3/security.md': '' });
  assert.equal(empty, ['s3/security.md:1:1 template-heading page has no H1: expected `Security in {{service}}`']);
});

hostile('a binary file and invalid UTF-8 are findings on those files', async () => {
  const findings = await only({ 'guide/logo.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]), 'guide/latin1.md': new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]) });
  assert.equal(findings, [
    'guide/latin1.md:1:1 read-page not valid UTF-8: save the page as UTF-8',
    'guide/logo.md:1:1 read-page binary file, not Markdown (NUL byte at offset 4)',
  ]);
});

hostile('a UTF-8 BOM and mixed line endings survive fix', async () => {
  const page = `\ufeff${clean.replace('you benefit', 'you will benefit').replace(/\n/g, '\r\n').replace('\r\n\r\n**Topics**', '\n\n**Topics**')}`;
  const root = makeDocsTree({ 'kinesis-data-streams/security.md': page });
  assert.equal((await findingsIn(root)).map(brief), ['kinesis-data-streams/security.md:3:69 template-wording expected `you benefit`, found `you will benefit`']);
  await fixDocs({ docsRoot: root, cwd: root });
  const fixed = readFileSync(join(root, 'kinesis-data-streams', 'security.md'), 'utf8');
  assert.ok(fixed.startsWith('\ufeff# Security in'), 'BOM kept');
  assert.is(fixed, page.replace('you will benefit', 'you benefit'), 'only the words changed');
});

hostile('a 20 MB page, 10,000 nesting levels and 100,000 links are refused quickly, with the reason', async () => {
  const started = Date.now();
  const findings = await only({
    'guide/big.md': `# Big\n\n${'word '.repeat(4_000_000)}\n`,
    'guide/lists.md': `${'- '.repeat(10_000)}x\n`,
    'guide/quotes.md': `${'> '.repeat(10_000)}deep\n`,
    'guide/links.md': `# Links\n\n${'[a](#links) '.repeat(100_000)}\n`,
  });
  assert.equal(findings, [
    'guide/big.md:1:1 check-page page is too large to check (20.0 million characters; the limit is 5 million): split it',
    'guide/links.md:1:1 check-page page has 100000 links (the limit is 10000): split it',
    'guide/lists.md:1:1 check-page page nests 10000 levels deep (the limit is 64): flatten its lists or quotes',
    'guide/quotes.md:1:1 check-page page nests 10000 levels deep (the limit is 64): flatten its lists or quotes',
  ]);
  assert.ok(Date.now() - started < 20_000, 'bounded time');
});

hostile('symbolic links: a loop and a link out of the docs tree are reported and not read', async () => {
  const root = makeDocsTree({ 'guide/page.md': '# Page\n\nText.\n' });
  symlinkSync(join(root, 'guide', 'loop-b.md'), join(root, 'guide', 'loop-a.md'));
  symlinkSync(join(root, 'guide', 'loop-a.md'), join(root, 'guide', 'loop-b.md'));
  const outside = makeDocsTree({ 'secret.md': '# Secret\n\nDo not read.\n' });
  symlinkSync(join(outside, 'secret.md'), join(root, 'guide', 'secret.md'));
  symlinkSync(outside, join(root, 'elsewhere'));
  const findings = (await findingsIn(root)).map(brief);
  assert.equal(findings, [
    'elsewhere:1:1 read-page symbolic link points outside the docs tree: not read',
    'guide/loop-a.md:1:1 read-page symbolic link loop: not read',
    'guide/loop-b.md:1:1 read-page symbolic link loop: not read',
    'guide/secret.md:1:1 read-page symbolic link points outside the docs tree: not read',
  ]);
});

hostile('a missing catalog turns the topic rules off; a malformed catalog or manifest is exit 2 with its position', async () => {
  const config = shippedConfig();
  const root = makeDocsTree({ 'kinesis-data-streams/security.md': clean }, { catalog: '{"topics": [', manifest: config.manifest! });
  const run = runCli(['check', '--docs', root]);
  assert.is(run.code, 2);
  assert.match(run.stderr, /_template\/topics\.json:1:\d+: not valid JSON/);
  const badManifest = makeDocsTree({}, { manifest: '{"services": {"s3": {"short": "S3"}}}' });
  const manifestRun = runCli(['check', '--docs', badManifest]);
  assert.is(manifestRun.code, 2);
  assert.match(manifestRun.stderr, /_template\/services\.json:1:21: `services\.s3` needs "service"\n/);
  assert.equal(await only({ 'kinesis-data-streams/security.md': clean }), []);
});

hostile('a service folder without security.md, and a link that differs from its file only by case', async () => {
  const root = makeDocsTree(
    { 'sqs/data-protection.md': '# Data protection\n\nSee [access](Identity.md).\n', 'sqs/identity.md': '# Identity\n\nText.\n' },
    { manifest: '{"services": {"sqs": {"service": "Amazon Simple Queue Service"}}}' },
  );
  const findings = (await findingsIn(root)).map(brief);
  assert.equal(findings, [
    'sqs/data-protection.md:1:1 orphan-pages folder `sqs/` has no security.md: every service in the services manifest needs its security page',
    'sqs/data-protection.md:3:5 internal-links link points to `Identity.md`, but the file is `identity.md`: names differ only by case, which breaks on case-sensitive systems',
  ]);
});

hostile('a page that cannot be written is reported and left intact', async () => {
  const root = makeDocsTree({ 'kinesis-data-streams/security.md': clean.replace('you benefit', 'you will benefit') });
  const page = join(root, 'kinesis-data-streams', 'security.md');
  const before = readFileSync(page, 'utf8');
  // A folder where the temporary file must go: the write fails as on a full or read-only disk.
  mkdirSync(join(root, 'kinesis-data-streams', `.security.md.${process.pid}.0.tmp`));
  const error = await fixDocs({ docsRoot: root, cwd: root }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  assert.instance(error, WriteError);
  assert.match((error as Error).message, /cannot write .*security\.md: E[A-Z]+; the page is unchanged/);
  assert.is(readFileSync(page, 'utf8'), before);
});

hostile.run();
