/** The command line end to end: real processes, real exit codes, real output. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fixture, makeDocsTree, projectRoot, seedPages } from './helpers/docs-tree.js';
import { runCli, sourceEntryArgs } from './helpers/run-cli.js';
import { spawn } from 'node:child_process';
import { ResultsError } from '../scripts/links/results-store.js';
import { errorReport } from '../scripts/run-main.js';
import { FileError, UsageError, UserError } from '../scripts/user-error.js';

const cli = suite('cli');

cli('check on the shipped docs exits 0', () => {
  const run = runCli(['check']);
  assert.is(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /files checked: no findings/);
});

cli('check --docs on the seeds exits 1 and prints JSON findings of the documented shape', () => {
  const root = makeDocsTree(seedPages());
  const run = runCli(['check', '--docs', root, '--format', 'json']);
  assert.is(run.code, 1, run.stderr);
  const findings = JSON.parse(run.stdout) as Record<string, unknown>[];
  assert.ok(findings.length > 0);
  const keys = ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'ruleId', 'message', 'expected', 'actual', 'fixable', 'template'];
  for (const finding of findings) {
    assert.ok(Object.keys(finding).every((key) => keys.includes(key)), Object.keys(finding).join());
    assert.is(finding.severity, 'error');
    assert.type(finding.line, 'number');
    assert.type(finding.fixable, 'boolean');
  }
  const first = findings.find((f) => f.ruleId === 'template-heading')!;
  assert.is(first.file, join(relative(projectRoot, root), 'dynamodb', 'security.md'), 'paths are relative to the current directory');
});

cli('the human report groups by file and names the rule', () => {
  const root = makeDocsTree({ 'kinesis-data-streams/security.md': fixture('template/other-service-name/security.md') });
  const run = runCli(['check', '--docs', '.'], root);
  assert.is(run.code, 1);
  assert.match(run.stdout, /kinesis-data-streams\/security\.md\n/);
  assert.match(
    run.stdout,
    '9:167-9:177 error service name differs from the rest of the page:  template-name\n' +
      '                  expected `Kinesis Data Streams`, found\n' +
      '                  `WorkSpaces` (_template/security.md:9)\n',
    'a long message wraps under itself at 80 columns, the rule id on its first line',
  );
});

cli('fix --dry-run prints the diff and writes nothing; fix writes; a second fix changes nothing', () => {
  const root = makeDocsTree({ 's3/security.md': fixture('seeds/s3/security.md') });
  const page = join(root, 's3', 'security.md');
  const before = readFileSync(page, 'utf8');
  const dry = runCli(['fix', '--dry-run', '--docs', root]);
  assert.is(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /^-# Amazon S3 Security<a name="security"><\/a>$/m);
  assert.match(dry.stdout, /^\+# Security in Amazon S3<a name="security"><\/a>$/m);
  assert.is(readFileSync(page, 'utf8'), before, 'dry run wrote nothing');
  assert.is(runCli(['fix', '--docs', root]).code, 0);
  assert.is(runCli(['check', '--docs', root]).code, 0);
  assert.match(runCli(['fix', '--docs', root]).stdout, /nothing to fix/);
});

cli('usage and configuration errors exit 2 with one line and no stack trace', () => {
  const cases: [string[], RegExp][] = [
    [['lint'], /unknown command "lint"/],
    [['check', '--format', 'xml'], /unknown format "xml"/],
    [['check', '--docs', 'no-such-dir'], /docs directory not found: no-such-dir/],
    [['check', '--frobnicate'], /Unknown option '--frobnicate'/],
  ];
  for (const [args, reason] of cases) {
    const run = runCli(args);
    assert.is(run.code, 2, args.join(' '));
    assert.match(run.stderr, reason);
    assert.not.match(run.stderr, /\n\s+at /, 'no stack trace');
  }
});

cli('a command refuses the options it does not read instead of ignoring them', () => {
  const cases: [string[], string][] = [
    [['sync', '--format', 'markdown'], 'sync does not take --format (options of sync: --docs, --config)'],
    [['sync', '--dry-run'], 'sync does not take --dry-run (options of sync: --docs, --config)'],
    [['merge-reports', 'a.json', '--dry-run'], 'merge-reports does not take --dry-run (options of merge-reports: --format)'],
    [['merge-reports', 'a.json', '--format', 'markdown'], 'merge-reports writes JSON findings as json or github (SARIF logs merge into SARIF), not --format markdown'],
    [['fix', '--format', 'json'], 'fix does not take --format (options of fix: --docs, --config, --dry-run)'],
    [['check', '--name', 'S3'], 'check does not take --name (options of check: --docs, --config, --format, --staged, --changed-since, --summary, --sarif, --shard, --no-cache, --baseline, --update-baseline, --show-known, --summary-link-base, --max-annotations)'],
    [['new-service', '--name', 'Amazon S3', '--staged'], 'new-service does not take --staged (options of new-service: --docs, --name, --short, --dir)'],
  ];
  for (const [args, message] of cases) {
    const run = runCli(args);
    assert.is(run.code, 2, args.join(' '));
    assert.is(run.stderr, `docs-quality: ${message}\nusage: docs-quality <command> [options]\n`);
  }
  const merged = runCli(['merge-reports', '--format', 'github', join('test', 'fixtures', 'no-such-report.json')]);
  assert.not.match(merged.stderr, /does not take|not --format/, 'merge-reports takes --format github');
});

cli('both command lines end the same way: a user error is one line, the usage line only after a bad argument', () => {
  const program = { name: 'tool', usage: 'usage: tool <command>' };
  assert.is(errorReport(program, new UsageError('unknown format "xml"'), false), 'tool: unknown format "xml"\nusage: tool <command>\n');
  assert.is(errorReport(program, new FileError('a.json', 2, 3, 'not valid JSON'), false), 'tool: a.json:2:3: not valid JSON\n');
  assert.is(errorReport(program, new ResultsError('r.json: not a results file'), false), 'tool: r.json: not a results file\n');
  assert.ok(new ResultsError('') instanceof UserError, 'the link audit errors are user errors');
  assert.is(errorReport(program, new TypeError('x is undefined'), false), 'tool: internal error: x is undefined (run with --debug for details)\n');
  assert.match(errorReport(program, new TypeError('x is undefined'), true), /^tool: internal error: x is undefined\nTypeError: x is undefined\n\s+at /);
});

cli('a missing or broken template is a configuration error naming the file and position', () => {
  const noTemplate = makeDocsTree({ 's3/security.md': fixture('seeds/s3/security.md') }, { template: null });
  const missing = runCli(['check', '--docs', noTemplate]);
  assert.is(missing.code, 2);
  assert.match(missing.stderr, /_template\/security\.md:1:1: template not found/);
  const broken = makeDocsTree({}, { template: '# Security in {{service}}\n\nFor {{sevice}}.\n' });
  const run = runCli(['check', '--docs', broken]);
  assert.is(run.code, 2);
  assert.match(run.stderr, /_template\/security\.md:3:5: unknown placeholder `\{\{sevice\}\}`/);
  assert.is(run.stderr.trim().split('\n').length, 1);
});

cli('a page that cannot be read is an error finding on that page, not a crash', () => {
  const root = makeDocsTree({ 's3/security.md': fixture('seeds/s3/security.md'), 's3/logo.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]) });
  writeFileSync(join(root, 's3', 'latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
  const run = runCli(['check', '--docs', root, '--format', 'json']);
  assert.is(run.code, 1);
  const messages = (JSON.parse(run.stdout) as { file: string; message: string }[]).filter((f) => !f.file.endsWith('security.md'));
  assert.equal(messages.map((f) => f.message), ['not valid UTF-8: save the page as UTF-8', 'binary file, not Markdown (NUL byte at offset 4)']);
});

cli('a reader that stops early (check | head) ends the run quietly: no stack trace', async () => {
  const child = spawn(process.execPath, [...sourceEntryArgs(join(projectRoot, 'scripts', 'cli.ts')), 'check', '--docs', makeDocsTree(seedPages())], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TS_NODE_PROJECT: join(projectRoot, 'tsconfig.json') },
  });
  child.stdout.destroy(); // the reader is gone before the first line is written
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  assert.is(stderr, '');
  assert.is(code, 1, 'the exit code still says there are findings');
});

cli.run();
