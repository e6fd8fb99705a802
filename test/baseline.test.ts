/** `check --baseline FILE`: known findings are reported as known and do not fail the run; only new ones do. */
// The compiled CLI runs here (npm run build first): the suite runs it some forty times.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { baselineText } from '../scripts/baseline/baseline-file.js';
import { compareWithBaseline } from '../scripts/baseline/compare-baseline.js';
import type { Finding } from '../scripts/engine/finding.js';
import { fingerprintsOf } from '../scripts/engine/fingerprint.js';
import { findingsNotIn } from '../scripts/precision/finding-tally.js';
import { fixture, makeDocsTree, projectRoot } from './helpers/docs-tree.js';
import { runBuiltCli as runCli } from './helpers/run-cli.js';

const baseline = suite('baseline');

const page = 'kinesis-data-streams/security.md';
const good = fixture('template/clean/security.md');
// Two old findings: a wording drift (line 3) and a paragraph after the Topics list (its message quotes its lines).
const old = `${good.replace('you benefit', 'you will benefit')}\nA paragraph after the list.\n`;
const newDrift = (text: string): string => text.replace('Security is a shared responsibility', 'Security is a joint responsibility');
const moveLines = (text: string): string => text.replace('**Topics**', 'A service note, in the free region.\n\nAnother one.\n\n**Topics**');

interface JsonFinding {
  file: string;
  line: number;
  ruleId: string;
  message: string;
  baseline?: string;
}

const json = (stdout: string): JsonFinding[] => JSON.parse(stdout) as JsonFinding[];
const summary = (findings: JsonFinding[]): string[] => findings.map((f) => `${f.line} ${f.ruleId} ${f.baseline}`);

/** A docs tree with the old findings and their baseline written beside it (`bl.json`). */
function adopted(): string {
  const root = makeDocsTree({ [page]: old });
  const update = runCli(['check', '--docs', '.', '--baseline', 'bl.json', '--update-baseline'], root);
  assert.equal([update.code, update.stdout, update.stderr], [0, 'wrote 2 entries to the baseline bl.json\n', '']);
  return root;
}

baseline('update, then check: the old findings are known, not shown, and do not fail the run', () => {
  const root = adopted();
  const run = runCli(['check', '--docs', '.', '--baseline', 'bl.json'], root);
  assert.is(run.code, 0, run.stdout + run.stderr);
  assert.is(run.stdout, '2 files checked: no new findings\n2 known findings (in the baseline) not shown: --show-known lists them\n');
  const shown = runCli(['check', '--docs', '.', '--baseline', 'bl.json', '--show-known'], root);
  assert.is(shown.code, 0);
  // The report wraps at 80 columns: the mark may go on a line of its own.
  assert.match(shown.stdout, /3:69-3:85 +error +expected `you benefit`, found `you will[\s\S]*?\(known: in[\s\S]*?the baseline\)/);
  assert.not.match(shown.stdout, /not shown/);
  const listed = runCli(['check', '--docs', '.', '--baseline', 'bl.json', '--format', 'json'], root);
  assert.equal([listed.code, summary(json(listed.stdout))], [0, ['3 template-wording known', '19 template-blocks known']]);
  assert.is(listed.stderr, '2 known findings (in the baseline) not shown: --show-known lists them\n');
  const without = runCli(['check', '--docs', '.', '--format', 'json'], root);
  assert.equal([without.code, summary(json(without.stdout))], [1, ['3 template-wording undefined', '19 template-blocks undefined']], 'without a baseline: as before');
});

baseline('a new drift fails the run, and only it is reported (human, JSON, SARIF, GitHub)', () => {
  const root = adopted();
  writeFileSync(join(root, page), newDrift(old));
  const run = runCli(['check', '--docs', '.', '--baseline', 'bl.json'], root);
  assert.is(run.code, 1);
  const lines = run.stdout.split('\n').filter((line) => /^\s*\d+:\d+/.test(line)).map((line) => line.trim().replace(/\s+/g, ' '));
  assert.is(lines.length, 1, run.stdout);
  assert.ok(lines[0]!.startsWith('5:15-5:20 error expected `shared`, found `joint`'), run.stdout);
  assert.match(run.stdout.replace(/\s+/g, ' '), /\(_template\/security\.md:5\)/);
  assert.match(run.stdout, /\n2 known findings \(in the baseline\) not shown: --show-known lists them\n$/);
  const listed = runCli(['check', '--docs', '.', '--baseline', 'bl.json', '--format', 'json'], root);
  assert.equal(summary(json(listed.stdout)), ['3 template-wording known', '5 template-wording new', '19 template-blocks known']);
  const sarif = runCli(['check', '--docs', '.', '--baseline', 'bl.json', '--format', 'sarif'], root);
  const results = (JSON.parse(sarif.stdout) as { runs: { results: { baselineState: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] }).runs[0]!.results;
  assert.equal(results.map((r) => `${r.locations[0]!.physicalLocation.region.startLine} ${r.baselineState}`), ['3 unchanged', '5 new', '19 unchanged']);
  const github = runCli(['check', '--docs', '.', '--baseline', 'bl.json', '--format', 'github'], root);
  assert.equal(github.stdout.trim().split('\n').map((line) => line.replace(/,col=.*/, '')), [`::error file=${page},line=5`]);
});

baseline('findings on moved lines stay known, also one whose message quotes its lines', () => {
  const root = adopted();
  writeFileSync(join(root, page), moveLines(old));
  const listed = runCli(['check', '--docs', '.', '--baseline', 'bl.json', '--format', 'json'], root);
  assert.is(listed.code, 0, listed.stdout + listed.stderr);
  const findings = json(listed.stdout);
  assert.equal(summary(findings), ['3 template-wording known', '23 template-blocks known']);
  assert.match(findings[1]!.message, /^content after the Topics list \(lines 23–23\)/);
  assert.is(readFileSync(join(root, 'bl.json'), 'utf8').includes('(lines 19–19)'), true, 'the entry keeps the message it was written with');
});

baseline('findings that are gone are counted: run --update-baseline', () => {
  const root = adopted();
  writeFileSync(join(root, page), good);
  const run = runCli(['check', '--docs', '.', '--baseline', 'bl.json'], root);
  assert.equal([run.code, run.stdout], [0, '2 files checked: no new findings\n2 known findings fixed: run --update-baseline\n']);
  writeFileSync(join(root, page), good.replace('you benefit', 'you will benefit'));
  const one = runCli(['check', '--docs', '.', '--baseline', 'bl.json'], root);
  assert.match(one.stdout, /1 known finding \(in the baseline\) not shown: --show-known lists them\n1 known finding fixed: run --update-baseline\n$/);
  assert.is(runCli(['check', '--docs', '.', '--baseline', 'bl.json', '--update-baseline'], root).stdout, 'wrote 1 entry to the baseline bl.json\n');
});

baseline('a run over some pages neither counts the other pages\' entries fixed nor drops them on update', () => {
  const root = makeDocsTree({ [page]: old, 's3/security.md': good.replaceAll('Kinesis Data Streams', 'Amazon S3').replace('you benefit', 'you will benefit') });
  runCli(['check', '--docs', '.', '--baseline', 'bl.json', '--update-baseline'], root);
  const entries = (): string[] => (JSON.parse(readFileSync(join(root, 'bl.json'), 'utf8')) as { findings: { file: string }[] }).findings.map((e) => e.file);
  assert.equal(entries(), [page, page, 's3/security.md']);
  const scoped = runCli(['check', 'kinesis-data-streams', '--docs', '.', '--baseline', 'bl.json'], root);
  assert.equal([scoped.code, scoped.stdout.includes('fixed')], [0, false]);
  writeFileSync(join(root, page), good);
  runCli(['check', 'kinesis-data-streams', '--docs', '.', '--baseline', 'bl.json', '--update-baseline'], root);
  assert.equal(entries(), ['s3/security.md']);
});

baseline('"baseline" in .docs-quality.json: used without the flag, paths relative to that file, from any directory', () => {
  const root = makeDocsTree({ [page]: old });
  mkdirSync(join(root, 'elsewhere'));
  writeFileSync(join(root, '.docs-quality.json'), JSON.stringify({ baseline: 'quality/baseline.json' }));
  const missing = runCli(['check', '--docs', '.'], root);
  assert.equal([missing.code, missing.stderr], [2, 'docs-quality: baseline file not found: quality/baseline.json (check --update-baseline writes it)\n']);
  const update = runCli(['check', '--docs', '..', '--update-baseline'], join(root, 'elsewhere'));
  assert.equal([update.code, update.stdout], [0, 'wrote 2 entries to the baseline ../quality/baseline.json\n']);
  const written = JSON.parse(readFileSync(join(root, 'quality', 'baseline.json'), 'utf8')) as { findings: { file: string }[] };
  assert.equal(written.findings.map((e) => e.file), [page, page]);
  for (const cwd of [root, join(root, 'elsewhere'), join(root, 'kinesis-data-streams')]) {
    const docs = cwd === root ? '.' : '..';
    const run = runCli(['check', '--docs', docs], cwd);
    assert.is(run.code, 0, `${cwd}: ${run.stdout}${run.stderr}`);
    assert.match(run.stdout, /2 known findings \(in the baseline\) not shown/);
  }
  const flag = runCli(['check', '--docs', '.', '--baseline', 'quality/baseline.json', '--format', 'json'], root);
  assert.equal(summary(json(flag.stdout)), ['3 template-wording known', '19 template-blocks known'], 'the flag names the same file: the same paths');
});

baseline('a missing or malformed baseline is exit 2 with one line; a flag the run cannot use is refused', () => {
  const root = adopted();
  const missing = runCli(['check', '--docs', '.', '--baseline', 'nope.json'], root);
  assert.equal([missing.code, missing.stdout, missing.stderr], [2, '', 'docs-quality: baseline file not found: nope.json (check --update-baseline writes it)\n']);
  writeFileSync(join(root, 'bad.json'), '{\n  "version": 1,\n  "findings": [\n    { "file": "a.md" "rule": "r" }\n  ]\n}\n');
  const syntax = runCli(['check', '--docs', '.', '--baseline', 'bad.json'], root);
  assert.equal([syntax.code, syntax.stderr], [2, 'docs-quality: bad.json:4:22: not valid JSON: expected `,` between entries\n']);
  writeFileSync(join(root, 'bad.json'), '{\n  "version": 2,\n  "findings": []\n}\n');
  const version = runCli(['check', '--docs', '.', '--baseline', 'bad.json'], root);
  assert.equal([version.code, version.stderr], [2, 'docs-quality: bad.json:2:14: `version` must be 1 (the only baseline version), found 2\n']);
  const update = runCli(['check', '--docs', '.', '--update-baseline'], root);
  assert.equal([update.code, update.stderr.split('\n')[0]], [2, 'docs-quality: --update-baseline needs a baseline: --baseline FILE, or "baseline" in .docs-quality.json']);
});

baseline('the file is sorted by file, rule and message, and the same findings write the same bytes', () => {
  const root = adopted();
  const first = readFileSync(join(root, 'bl.json'), 'utf8');
  const data = JSON.parse(first) as { version: number; findings: { file: string; rule: string; fingerprint: string; message: string }[] };
  assert.is(data.version, 1);
  assert.equal(data.findings.map((e) => Object.keys(e)), [['file', 'rule', 'fingerprint', 'message'], ['file', 'rule', 'fingerprint', 'message']]);
  assert.equal(data.findings.map((e) => e.rule), ['template-blocks', 'template-wording']);
  assert.is(first, baselineText([...data.findings].reverse()));
  runCli(['check', '--docs', '.', '--baseline', 'bl.json', '--update-baseline', '--no-cache'], root);
  assert.is(readFileSync(join(root, 'bl.json'), 'utf8'), first);
});

baseline.run();

const matching = suite('baseline matching');

const finding = (file: string, line: number, message: string): Finding => ({ file, line, column: 1, endLine: line, endColumn: 2, severity: 'error', ruleId: 'r', message, fixable: false });

matching('identical findings are matched one for one; the line numbers a message quotes are ignored', () => {
  const before = [finding('a.md', 3, 'x'), finding('a.md', 9, 'x'), finding('a.md', 12, 'block (lines 12–14)')];
  const entries = fingerprintsOf(before).map((fingerprint, i) => ({ file: 'a.md', rule: 'r', fingerprint, message: before[i]!.message }));
  const after = [finding('a.md', 5, 'x'), finding('a.md', 20, 'block (lines 20–22)'), finding('a.md', 30, 'y')];
  const compared = compareWithBaseline(after, { version: 1, findings: entries }, { root: '/', cwd: '/' });
  assert.equal(compared.findings.map((f) => f.baseline), ['known', 'known', 'new']);
  assert.equal(compared.fixed.map((e) => e.message), ['x']);
  assert.equal(findingsNotIn(after, before), [after[2]], 'the precision harness matches the same way');
});

matching.run();

const hook = suite('baseline in the pre-commit hook');

/** A git repository whose docs have old findings, with a baseline named by the configuration; the hook installed. */
function repoWithBaseline(): string {
  const repo = mkdtempSync(join(tmpdir(), 'docs-quality-baseline-repo-'));
  cpSync(makeDocsTree({ [page]: old }), join(repo, 'docs'), { recursive: true });
  writeFileSync(join(repo, '.docs-quality.json'), JSON.stringify({ baseline: 'docs-quality-baseline.json' }));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'writer@example.com');
  git('config', 'user.name', 'Writer');
  assert.is(runCli(['check', '--update-baseline'], repo).code, 0);
  git('add', '.');
  git('commit', '-q', '--no-verify', '-m', 'docs and their baseline');
  const env = { ...process.env };
  delete env.CI;
  execFileSync(process.execPath, [join(projectRoot, 'dist', 'scripts', 'install-hook.js')], { cwd: repo, env });
  return repo;
}

function commitPage(repo: string, text: string): { code: number | null; output: string } {
  writeFileSync(join(repo, 'docs', page), text);
  execFileSync('git', ['add', '-A'], { cwd: repo });
  const run = spawnSync('git', ['commit', '-m', 'change'], { cwd: repo, encoding: 'utf8' });
  return { code: run.status, output: run.stdout + run.stderr };
}

hook('a staged page with only known findings commits; a new drift blocks, and only it is named', () => {
  const repo = repoWithBaseline();
  const moved = commitPage(repo, moveLines(old));
  assert.is(moved.code, 0, moved.output);
  assert.match(moved.output, /2 known findings \(in the baseline\) not shown/);
  const blocked = commitPage(repo, newDrift(moveLines(old)));
  assert.is.not(blocked.code, 0);
  assert.match(blocked.output, /5:15-5:20 +error +expected `shared`, found `joint`/);
  assert.not.match(blocked.output, /you will benefit/);
  assert.match(blocked.output, `commit blocked: 1 error in 1 page (docs/${page})`);
});

hook.run();
