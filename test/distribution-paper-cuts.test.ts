/** What a new user trips over first: a shallow clone's --changed-since, new-service's manifest, the report's width. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { VFile } from 'vfile';
import { fixture, makeDocsTree, shippedConfig, shippedDocs } from './helpers/docs-tree.js';
import { runCli } from './helpers/run-cli.js';
import { withService } from '../scripts/engine/new-service.js';
import { humanReport } from '../scripts/reporters/human.js';
import { wrapWords } from '../scripts/reporters/wrap-words.js';

const page = 'docs/kinesis-data-streams/security.md';
const good = fixture('template/clean/security.md');

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=writer@example.com', '-c', 'user.name=Writer', ...args], { cwd, encoding: 'utf8', stdio: 'pipe' });
}

const shallow = suite('--changed-since in a shallow clone');

shallow('names the fetch that brings the base, in one exit-2 line; after that fetch the check runs', () => {
  const origin = mkdtempSync(join(tmpdir(), 'docs-quality-origin-'));
  cpSync(makeDocsTree({ 'kinesis-data-streams/security.md': good }), join(origin, 'docs'), { recursive: true });
  git(origin, 'init', '-q', '-b', 'main');
  git(origin, 'add', '.');
  git(origin, 'commit', '-q', '-m', 'docs');
  writeFileSync(join(origin, 'docs', 'notes.md'), '# Notes\n\nRelease notes.\n');
  git(origin, 'add', '.');
  git(origin, 'commit', '-q', '-m', 'notes');
  git(origin, 'checkout', '-q', '-b', 'change');
  writeFileSync(join(origin, page), good.replace('you benefit', 'you will benefit'));
  git(origin, 'commit', '-q', '-am', 'change');
  const clone = mkdtempSync(join(tmpdir(), 'docs-quality-shallow-'));
  git(clone, 'clone', '-q', '--depth', '1', '--branch', 'change', `file://${origin}`, '.');

  const run = runCli(['check', '--changed-since', 'origin/main'], clone);
  const fetch = 'git fetch --deepen=100 origin main:refs/remotes/origin/main';
  assert.equal([run.code, run.stdout, run.stderr], [2, '', `docs-quality: --changed-since origin/main: origin/main is not in this shallow clone: fetch the base with \`${fetch}\` (or check out with fetch-depth: 0)\n`]);
  git(clone, 'fetch', '-q', '--depth=1', 'origin', 'main:refs/remotes/origin/main');
  const unrelated = runCli(['check', '--changed-since', 'origin/main'], clone);
  assert.is(unrelated.stderr, `docs-quality: --changed-since origin/main: no merge base of origin/main and HEAD in this shallow clone: fetch the base with \`${fetch}\` (or check out with fetch-depth: 0)\n`);

  execFileSync('sh', ['-c', fetch], { cwd: clone, stdio: 'pipe' });
  const fetched = runCli(['check', '--changed-since', 'origin/main', '--format', 'json'], clone);
  assert.is(fetched.code, 1, fetched.stderr);
  assert.equal((JSON.parse(fetched.stdout) as { file: string }[]).map((f) => f.file), [page]);
});

shallow('a ref this clone does not have is named, with the fetch that brings it', () => {
  const repo = mkdtempSync(join(tmpdir(), 'docs-quality-full-'));
  cpSync(makeDocsTree({}), join(repo, 'docs'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'docs');
  const run = runCli(['check', '--changed-since', 'release'], repo);
  assert.equal([run.code, run.stderr], [2, 'docs-quality: --changed-since release: no such branch, tag or commit here (fetch it first: `git fetch origin release`)\n']);
});

shallow.run();

const manifest = suite('new-service and services.json');

manifest("adds the service at the end of services, keeping the file's order, indentation and other keys", () => {
  const text = '{\n    "$schema": "../../scripts/config/services.schema.json",\n    "services": {\n        "s3": { "service": "Amazon Simple Storage Service", "short": "Amazon S3" },\n        "dynamodb": {\n            "service": "Amazon DynamoDB"\n        }\n    }\n}\n';
  assert.is(
    withService(text, 'sqs', { service: 'Amazon Simple Queue Service', short: 'Amazon SQS' }),
    '{\n    "$schema": "../../scripts/config/services.schema.json",\n    "services": {\n        "s3": { "service": "Amazon Simple Storage Service", "short": "Amazon S3" },\n        "dynamodb": {\n            "service": "Amazon DynamoDB"\n        },\n        "sqs": {\n            "service": "Amazon Simple Queue Service",\n            "short": "Amazon SQS"\n        }\n    }\n}\n',
  );
});

manifest('new-service without --short (or with the full name again) writes no short name; the rest of the file is untouched', () => {
  const config = shippedConfig();
  const before = config.manifest!;
  const root = makeDocsTree(shippedDocs(), config);
  const run = runCli(['new-service', '--docs', '.', '--name', 'Amazon Simple Queue Service', '--dir', 'sqs'], root);
  assert.is(run.code, 0, run.stderr);
  const after = readFileSync(join(root, '_template', 'services.json'), 'utf8');
  const services = (text: string) => Object.keys((JSON.parse(text) as { services: object }).services);
  assert.equal(services(after), [...services(before), 'sqs']);
  assert.equal((JSON.parse(after) as { services: Record<string, unknown> }).services.sqs, { service: 'Amazon Simple Queue Service' });
  const lastEntryEnd = before.lastIndexOf('}', before.lastIndexOf('}', before.lastIndexOf('}') - 1) - 1) + 1;
  assert.ok(after.startsWith(before.slice(0, lastEntryEnd)), 'the existing entries are byte for byte as they were');
});

manifest.run();

const width = suite('the human report fits the terminal');

function pageWith(messages: [string, number, number, number, string][]): VFile {
  const file = new VFile({ path: 's3/security.md', cwd: '/' });
  for (const [reason, line, column, end, ruleId] of messages) {
    file.message(reason, { place: { start: { line, column }, end: { line, column: end } }, ruleId, source: 'docs-quality' }).fatal = true;
  }
  return file;
}

const long = 'sentence differs from the template: expected `Third-party auditors regularly test and verify the effectiveness of our security.`, found `The effectiveness of our security is regularly tested.`';

width('no line is wider than the width; long messages wrap under themselves, rule ids aligned on their first line', () => {
  const report = humanReport([pageWith([[long, 6, 190, 369, 'template-wording'], ['trailing whitespace', 7, 253, 254, 'no-trailing-spaces']])], false, 80);
  assert.is(
    report,
    [
      's3/security.md',
      '6:190-6:369 error sentence differs from the template:         template-wording',
      '                  expected `Third-party auditors regularly',
      '                  test and verify the effectiveness of our',
      '                  security.`, found `The effectiveness of our',
      '                  security is regularly tested.`',
      '7:253-7:254 error trailing whitespace                         no-trailing-spaces',
      '',
      '✖ 2 errors',
    ].join('\n'),
  );
  for (const columns of [60, 80, 120, 200]) {
    const lines = humanReport([pageWith([[long, 6, 190, 369, 'template-wording']])], false, columns).split('\n');
    assert.ok(lines.every((line) => line.length <= columns), `${columns}: ${lines.find((line) => line.length > columns)}`);
  }
});

width('a wide terminal keeps each finding on one line, the rule ids just after the longest message', () => {
  assert.is(
    humanReport([pageWith([[long, 6, 190, 369, 'template-wording'], ['trailing whitespace', 7, 253, 254, 'no-trailing-spaces']])], false, 250).split('\n')[2],
    `7:253-7:254 error ${'trailing whitespace'.padEnd(long.length)} no-trailing-spaces`,
  );
});

width('too narrow to align the rule ids: they go on a line of their own', () => {
  assert.equal(humanReport([pageWith([['expected `helps`, found `will help`', 9, 20, 29, 'template-wording']])], false, 40).split('\n').slice(1, 4), [
    '9:20-9:29 error expected `helps`, found',
    '                `will help`',
    '                template-wording',
  ]);
});

width('colour paints the severity and the code spans, also when a span goes on over a line break', () => {
  const report = humanReport([pageWith([['expected `you benefit`, found `you will benefit`', 3, 69, 85, 'template-wording']])], true, 60);
  assert.match(report, '\u001B[31merror\u001B[39m');
  assert.match(report, 'found \u001B[36m`you will\u001B[39m\n                \u001B[36mbenefit`\u001B[39m');
});

width('wrapWords breaks at spaces and keeps a longer word whole', () => {
  assert.equal(wrapWords('a bb ccc https://example.com/a/long/path dd', 10), ['a bb ccc', 'https://example.com/a/long/path', 'dd']);
});

width.run();
