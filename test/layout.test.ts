/** Where service pages sit: any folder holding one, at any depth, under the configured file name; other pages are named, never dropped. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { brief, findingsIn } from './helpers/check.js';
import { makeDocsTree, projectRoot } from './helpers/docs-tree.js';
import { runCli } from './helpers/run-cli.js';

const layout = suite('layout');

const KDA = 'kinesis-data-analytics';
/** The shipped pages of one service, placed under `folder`, with page `rename` renamed. */
const shippedService = (service: string, folder: string, rename: Record<string, string> = {}): Record<string, string> =>
  Object.fromEntries(readdirSync(join(projectRoot, 'docs', service)).map((name) => [`${folder}/${rename[name] ?? name}`, readFileSync(join(projectRoot, 'docs', service, name), 'utf8')]));

layout('a service folder nested two levels deep is checked like a top-level one', async () => {
  const root = makeDocsTree({ ...shippedService(KDA, `analytics/${KDA}`), ...shippedService('s3', 's3') });
  assert.equal((await findingsIn(root)).map(brief), []);
  const page = join(root, 'analytics', KDA, 'security.md');
  writeFileSync(page, readFileSync(page, 'utf8').replace('# Security in Amazon Kinesis Data Analytics', '# Security for Amazon Kinesis Data Analytics'));
  assert.equal((await findingsIn(root)).map(brief), [
    `analytics/${KDA}/security.md:1:3 template-heading H1 does not follow the template: expected \`Security in Amazon Kinesis Data Analytics\`, found \`Security for Amazon Kinesis Data Analytics\``,
  ]);
});

layout('a nested topic page off its Topics list is an orphan, and a checked topic page brings in its service page', async () => {
  const root = makeDocsTree(shippedService(KDA, `analytics/${KDA}`));
  writeFileSync(join(root, 'analytics', KDA, 'extra.md'), '# Extra notes\n\nMore text.\n');
  assert.equal((await findingsIn(root)).map(brief), [
    `analytics/${KDA}/extra.md:1:1 orphan-pages page is not linked from any page: add it to the Topics list of \`security.md\` or remove it`,
  ]);
  const service = join(root, 'analytics', KDA, 'security.md');
  writeFileSync(service, `${readFileSync(service, 'utf8')}trailing  \n`);
  const run = runCli(['check', '--docs', '.', '--format', 'json', join(root, 'analytics', KDA, 'extra.md')], root);
  const files = new Set((JSON.parse(run.stdout) as { file: string }[]).map((f) => f.file));
  assert.ok(files.has(`analytics/${KDA}/security.md`), [...files].join());
});

layout('the service page file name is configurable: layout.servicePage', async () => {
  const root = makeDocsTree(shippedService('s3', 's3', { 'security.md': 'index.md' }));
  writeFileSync(join(root, '.docs-quality.json'), JSON.stringify({ layout: { servicePage: 'index.md' } }));
  assert.equal((await findingsIn(root)).map(brief), []);
  const page = join(root, 's3', 'index.md');
  writeFileSync(page, readFileSync(page, 'utf8').replace('# Security in Amazon S3', '# Amazon S3 Security'));
  assert.equal((await findingsIn(root)).map((f) => f.ruleId), ['template-heading']);
});

layout('pages outside every service folder are named once in the summary', () => {
  const root = makeDocsTree({ ...shippedService('s3', 's3'), 'archive/a.md': '# Old A\n\nText.\n', 'archive/b.md': '# Old B\n\nText.\n', 'archive/c.md': '# Old C\n\nText.\n', 'README.md': '# About\n\nText.\n' });
  const run = runCli(['check', '--docs', '.'], root);
  assert.is(run.code, 0, run.stdout + run.stderr);
  assert.equal(run.stdout.trim().split('\n'), [
    '14 files checked: no findings',
    'note: 4 pages are outside every service folder (no security.md beside them), so',
    'only style, spelling and links are checked: README.md, 3 under archive/',
  ]);
});

layout('a bad layout setting is exit 2 at its position', () => {
  const root = makeDocsTree(shippedService('s3', 's3'));
  writeFileSync(join(root, '.docs-quality.json'), '{ "layout": { "servicePage": "security" } }\n');
  const run = runCli(['check', '--docs', '.'], root);
  assert.is(run.code, 2);
  assert.is(run.stderr, 'docs-quality: .docs-quality.json:1:30: `layout.servicePage` must be a Markdown file name such as "security.md", found "security"\n');
});

layout.run();
