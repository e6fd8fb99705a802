/** The pre-commit hook in a real temporary git repository, and `check --staged` reading the index. */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fixture, makeDocsTree, projectRoot } from './helpers/docs-tree.js';
import { runCli } from './helpers/run-cli.js';
import type { Finding } from '../scripts/engine/finding.js';
import { blockedCommitMessage } from '../scripts/reporters/blocked-commit.js';
import { commandHint, runningAsDependency } from '../scripts/command-hint.js';

const hook = suite('pre-commit hook');

const page = 'docs/kinesis-data-streams/security.md';
const good = fixture('template/clean/security.md');
const bad = good.replace('you benefit', 'you will benefit');

/** A git repository with a docs tree (template + one clean service page), committed. */
function makeRepo(): string {
  const repo = mkdtempSync(join(tmpdir(), 'docs-quality-repo-'));
  cpSync(makeDocsTree({ 'kinesis-data-streams/security.md': good }), join(repo, 'docs'), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'writer@example.com');
  git('config', 'user.name', 'Writer');
  git('add', '.');
  git('commit', '-q', '--no-verify', '-m', 'docs');
  return repo;
}

function installHook(repo: string): string {
  const env = { ...process.env };
  delete env.CI;
  return execFileSync(process.execPath, [join(projectRoot, 'dist', 'scripts', 'install-hook.js')], { cwd: repo, env, encoding: 'utf8' });
}

function commit(repo: string): { code: number | null; output: string } {
  const run = spawnSync('git', ['commit', '-m', 'change'], { cwd: repo, encoding: 'utf8' });
  return { code: run.status, output: run.stdout + run.stderr };
}

hook('a bad staged page blocks the commit with the finding; a good one passes', () => {
  const repo = makeRepo();
  assert.match(installHook(repo), /installed \.git\/hooks\/pre-commit/);
  writeFileSync(join(repo, page), bad);
  execFileSync('git', ['add', page], { cwd: repo });
  const blocked = commit(repo);
  assert.is.not(blocked.code, 0);
  assert.match(blocked.output, '3:69-3:85 error expected `you benefit`, found `you will         template-wording\n                benefit` (docs/_template/security.md:3)\n');
  assert.match(
    blocked.output,
    `commit blocked: 1 error in 1 page (${page})\n  npm run fix would fix 1 of them; then git add the pages and commit again\n  to commit anyway, this once: git commit --no-verify\n`,
  );
  writeFileSync(join(repo, page), good);
  writeFileSync(join(repo, 'docs', 'notes.md'), '# Notes\n\nA page about release notes.\n');
  execFileSync('git', ['add', '-A'], { cwd: repo });
  const passed = commit(repo);
  assert.is(passed.code, 0, passed.output);
});

hook('in a linked worktree (git sets GIT_DIR for the hook) a page outside docs/ is not taken for a docs page', () => {
  const repo = makeRepo();
  installHook(repo);
  const worktree = `${repo}-worktree`;
  execFileSync('git', ['worktree', 'add', '-q', worktree], { cwd: repo });
  writeFileSync(join(worktree, 'README.md'), '# About\n\nA misspeled word outside the docs.\n');
  execFileSync('git', ['add', 'README.md'], { cwd: worktree });
  const passed = commit(worktree);
  assert.is(passed.code, 0, passed.output);
  writeFileSync(join(worktree, page), bad);
  execFileSync('git', ['add', page], { cwd: worktree });
  const blocked = commit(worktree);
  assert.is.not(blocked.code, 0);
  assert.match(blocked.output, /commit blocked: 1 error in 1 page \(docs\/kinesis-data-streams\/security\.md\)/);
});

hook('an unstaged bad change does not block: the staged content is what is checked', () => {
  const repo = makeRepo();
  installHook(repo);
  writeFileSync(join(repo, 'docs', 'notes.md'), '# Notes\n\nA page about release notes.\n');
  execFileSync('git', ['add', 'docs/notes.md'], { cwd: repo });
  writeFileSync(join(repo, page), bad); // in the working tree only
  writeFileSync(join(repo, 'docs', 'notes.md'), '# Notes\n\nA page abuot release notes.\n'); // typo, unstaged
  const run = commit(repo);
  assert.is(run.code, 0, run.output);
  assert.is(readFileSync(join(repo, page), 'utf8'), bad, 'the working tree is left as it was');
});

hook('check --staged reads the index; check reads the working tree', () => {
  const repo = makeRepo();
  writeFileSync(join(repo, page), bad);
  execFileSync('git', ['add', page], { cwd: repo });
  writeFileSync(join(repo, page), good);
  const staged = runCli(['check', '--staged', '--docs', 'docs', '--format', 'json'], repo);
  assert.is(staged.code, 1, staged.stderr);
  assert.equal(
    (JSON.parse(staged.stdout) as { file: string; line: number; column: number }[]).map((f) => `${f.file}:${f.line}:${f.column}`),
    [`${page}:3:69`],
  );
  assert.is(runCli(['check', '--docs', 'docs'], repo).code, 0);
  assert.is(runCli(['check', 'docs/kinesis-data-streams', '--docs', 'docs'], repo).code, 0);
});

hook('nothing staged: nothing to check; outside a git checkout: exit 2 with the reason', () => {
  const repo = makeRepo();
  const run = runCli(['check', '--staged', '--docs', 'docs'], repo);
  assert.equal([run.code, run.stdout.trim()], [0, 'no pages to check']);
  const notRepo = makeDocsTree({});
  const outside = runCli(['check', '--staged', '--docs', '.'], notRepo);
  assert.is(outside.code, 2);
  assert.match(outside.stderr, /git rev-parse failed: fatal: not a git repository/);
});

hook('a hook someone else wrote is left alone', () => {
  const repo = makeRepo();
  writeFileSync(join(repo, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\necho theirs\n');
  assert.match(installHook(repo), /exists and is not ours: left alone/);
  assert.is(readFileSync(join(repo, '.git', 'hooks', 'pre-commit'), 'utf8'), '#!/bin/sh\necho theirs\n');
});

hook.run();

const blockedMessage = suite('the blocked-commit message');

blockedMessage('counts errors and pages, says what fix would fix, names at most five pages', () => {
  const finding = (file: string, fixable: boolean, severity: 'error' | 'warning' = 'error') =>
    ({ file, line: 1, column: 1, severity, ruleId: 'r', message: 'm', fixable }) as Finding;
  assert.is(blockedCommitMessage([finding('a.md', true, 'warning')]), '');
  assert.is(
    blockedCommitMessage([finding('b.md', false), finding('a.md', false), finding('a.md', false)]),
    'commit blocked: 3 errors in 2 pages (a.md, b.md)\n  npm run fix cannot fix these: edit the pages as the findings say\n  to commit anyway, this once: git commit --no-verify',
  );
  const many = ['1', '2', '3', '4', '5', '6', '7'].map((n) => finding(`p${n}.md`, n !== '7'));
  assert.match(blockedCommitMessage(many), /^commit blocked: 7 errors in 7 pages \(p1\.md, p2\.md, p3\.md, p4\.md, p5\.md and 2 more\)\n  npm run fix would fix 6 of them/);
  assert.match(blockedCommitMessage(many, 'npx docs-quality fix'), /\n  npx docs-quality fix would fix 6 of them/);
});

blockedMessage('names fix as the writer types it: the npm script here, the bin from a dependency, --docs when not docs', () => {
  assert.ok(runningAsDependency(join('/repo', 'node_modules', 'docs-quality', 'dist', 'scripts', 'command-hint.js')));
  assert.not.ok(runningAsDependency(join('/work', 'docs-quality', 'dist', 'scripts', 'command-hint.js'), undefined));
  assert.ok(runningAsDependency(join('/runner', '_actions', 'dq', 'abc', 'dist', 'scripts', 'command-hint.js'), join('/runner', '_actions', 'dq', 'abc')), 'the GitHub Action');
  assert.is(commandHint('fix', 'docs', false), 'npm run fix');
  assert.is(commandHint('fix', 'site/docs', false), 'npm run fix -- --docs site/docs');
  assert.is(commandHint('fix', 'docs', true), 'npx docs-quality fix');
  assert.is(commandHint('fix', "my docs's", true), "npx docs-quality fix --docs 'my docs'\\''s'");
});

blockedMessage.run();
