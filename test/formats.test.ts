/** Output formats on fixtures with known findings: GitHub annotations, SARIF, and exit codes. */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
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

formats.run();
