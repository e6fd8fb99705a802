/** Output formats on fixtures with known findings: GitHub annotations, SARIF, and exit codes. */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Finding } from '../scripts/engine/finding.js';
import { githubReport } from '../scripts/reporters/github.js';
import { sarifLog } from '../scripts/reporters/sarif.js';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fixture, makeDocsTree, seedPages } from './helpers/docs-tree.js';
import { runCli } from './helpers/run-cli.js';

const require = createRequire(import.meta.url);
// ajv-draft-04 is CommonJS: its export is the validator class (the SARIF schema is draft-04).
const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const formats = suite('output formats');

formats('--format github prints one workflow command per finding, escaped', () => {
  const page = fixture('template/other-service-name/security.md').replace('Cloud security at AWS', 'Cloud security at AWS, 100% of it,');
  const root = makeDocsTree({ 'kinesis-data-streams/security.md': page });
  const run = runCli(['check', '--docs', '.', '--format', 'github'], root);
  assert.is(run.code, 1);
  assert.equal(run.stdout.trimEnd().split('\n'), [
    '::error file=kinesis-data-streams/security.md,line=3,col=19,endLine=3,endColumn=38,title=template-wording::expected `AWS is`, found `AWS, 100% of it, is`'.replace('100%', '100%25'),
    '::error file=kinesis-data-streams/security.md,line=9,col=167,endLine=9,endColumn=177,title=template-name::service name differs from the rest of the page: expected `Kinesis Data Streams`, found `WorkSpaces`',
  ]);
});

function sarifOf(root: string): { runs: { results: { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] } {
  const run = runCli(['check', '--docs', '.', '--format', 'sarif'], root);
  assert.is(run.code, 1, run.stderr);
  return JSON.parse(run.stdout);
}

formats('--format sarif validates against the SARIF 2.1.0 schema', () => {
  const log = sarifOf(makeDocsTree(seedPages()));
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false, logger: false }).compile(schema);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  assert.not.ok(validate({ version: '2.1.0' }), 'the schema does reject a log without runs');
  assert.ok(log.runs[0]!.results.length > 30);
});

formats('SARIF fingerprints are stable when lines move, and distinct per finding', () => {
  const root = makeDocsTree(seedPages());
  const before = sarifOf(root).runs[0]!.results;
  const page = join(root, 's3', 'security.md');
  const text = readFileSync(page, 'utf8');
  writeFileSync(page, text.replace('**Topics**', 'A service note, in the free region.\n\n**Topics**'));
  const after = sarifOf(root).runs[0]!.results;
  const prints = (results: typeof before) => results.map((r) => r.partialFingerprints['docsQuality/v1']).sort();
  assert.equal(prints(after), prints(before));
  assert.is(new Set(prints(before)).size, before.length);
});

formats('one run writes the annotations, appends the job summary and writes the SARIF file', () => {
  const root = makeDocsTree(seedPages());
  writeFileSync(join(root, 'summary.md'), '# Earlier step\n');
  const run = runCli(['check', '--docs', '.', '--format', 'github', '--summary', 'summary.md', '--sarif', 'report.sarif'], root);
  assert.is(run.code, 1);
  assert.match(run.stdout, /^::error file=dynamodb\/security\.md,line=1,col=3,/);
  assert.match(readFileSync(join(root, 'summary.md'), 'utf8'), /^# Earlier step\n# Docs quality\n/);
  assert.is(JSON.parse(readFileSync(join(root, 'report.sarif'), 'utf8')).version, '2.1.0');
});

/** Findings of `rules` rules, `each` per rule, on one page per finding. */
function many(severity: Finding['severity'], rules: number, each: number): Finding[] {
  return Array.from({ length: rules * each }, (_, i) => ({
    file: `docs/s${String(i).padStart(5, '0')}/security.md`, line: 3, column: 1, endLine: 3, endColumn: 9,
    severity, ruleId: `${severity}-rule-${i % rules}`, message: `finding ${i}`, fixable: false,
  }));
}

formats('--format github: at most 10 errors and 10 warnings, one of each rule first, then a notice counting the rest', () => {
  const findings = [...many('warning', 2, 15), ...many('error', 4, 10)];
  const lines = githubReport(findings).split('\n');
  const errors = lines.filter((line) => line.startsWith('::error '));
  const warnings = lines.filter((line) => line.startsWith('::warning '));
  assert.equal([errors.length, warnings.length], [10, 10]);
  assert.is(lines.indexOf(errors[0]!), 0, 'errors first');
  assert.equal(new Set(errors.slice(0, 4).map((line) => /title=([^:]+)::/.exec(line)![1])).size, 4, 'four rules, four kinds of problem, before any repeat');
  assert.is(lines.at(-1), '::notice title=docs-quality::… 50 more findings: see the job summary (annotations stop at 10 errors and 10 warnings)');
  assert.is(githubReport(many('error', 1, 10)).split('\n').length, 10, 'no notice when nothing is left out');
});

formats('--max-annotations N changes the cap; the notice counts exactly what the annotations leave out', () => {
  const root = makeDocsTree(seedPages());
  const total = (JSON.parse(runCli(['check', '--docs', '.', '--format', 'json'], root).stdout) as unknown[]).length;
  const run = runCli(['check', '--docs', '.', '--format', 'github', '--max-annotations', '3', '--summary', 'summary.md'], root);
  assert.is(run.code, 1);
  const lines = run.stdout.trim().split('\n');
  assert.is(lines.filter((line) => line.startsWith('::error ')).length, 3);
  assert.is(lines.at(-1), `::notice title=docs-quality::… ${total - 3} more findings: see the job summary (annotations stop at 3 errors and 3 warnings)`);
  const wrong = runCli(['check', '--docs', '.', '--max-annotations', 'many'], root);
  assert.equal([wrong.code, wrong.stderr.split('\n')[0]], [2, 'docs-quality: --max-annotations takes a whole number, got "many"']);
});

formats('SARIF holds at most 5,000 results, errors first, fingerprints as in the whole run, and says what it left out', () => {
  const findings = [...many('warning', 3, 1_500), ...many('error', 2, 1_000)];
  const log = sarifLog(findings, '0.1.0');
  assert.equal([log.included, log.total], [5_000, 6_500]);
  const run = (JSON.parse(log.text) as { runs: { results: { level: string; partialFingerprints: Record<string, string> }[]; properties?: { omittedResults: number } }[] }).runs[0]!;
  assert.is(run.results.filter((r) => r.level === 'error').length, 2_000, 'every error kept');
  assert.is(run.properties?.omittedResults, 1_500);
  const whole = JSON.parse(sarifLog(findings, '0.1.0', undefined, { results: 100_000, gzipBytes: 1e9 }).text).runs[0].results as typeof run.results;
  const prints = new Set(whole.map((r) => r.partialFingerprints['docsQuality/v1']));
  assert.ok(run.results.every((r) => prints.has(r.partialFingerprints['docsQuality/v1'])));
  const small = sarifLog(findings, '0.1.0', undefined, { results: 5_000, gzipBytes: 40_000 });
  assert.ok(gzipSync(small.text).length <= 40_000 && small.included > 0 && small.included < 5_000, `${small.included}`);
});

formats.run();
