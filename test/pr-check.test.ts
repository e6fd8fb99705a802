/**
 * The pull request check as docs.yml runs it: scripts/ci/choose-base.ts picks the base, and the
 * workflow's own step scripts run in a real clone of a pull request's test merge commit, made the
 * way actions/checkout makes it (depth 2).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { chooseBase } from '../scripts/ci/choose-base.js';
import { fixture, makeDocsTree, projectRoot } from './helpers/docs-tree.js';

const choose = suite('choose-base');
const [base, head, merge] = ['b'.repeat(40), 'c'.repeat(40), 'd'.repeat(40)];
const event = { pull_request: { base: { sha: base }, head: { sha: head } } };

choose('a pull request\'s test merge commit: the changes since its first parent, the base it merges into', () => {
  const choice = chooseBase({ eventName: 'pull_request', event, headParents: [merge, head], hasCommit: () => true });
  assert.is(choice.since, merge);
  assert.match(choice.reason, /^pull request: checking the pages changed since d{12} \(the base branch it merges into\)/);
});

choose('a checkout of the head (its own merge commits included): the merge base with the event\'s base', () => {
  assert.is(chooseBase({ eventName: 'pull_request', event, headParents: ['e'.repeat(40), 'f'.repeat(40)], hasCommit: () => true }).since, base);
  assert.is(chooseBase({ eventName: 'pull_request', event, headParents: ['e'.repeat(40)], hasCommit: (sha) => sha === base }).since, base);
});

choose('pushes, and a base the checkout lacks: every page, saying why', () => {
  assert.equal(chooseBase({ eventName: 'push', event: {}, headParents: [base], hasCommit: () => true }), { reason: 'push: checking every page' });
  const shallow = chooseBase({ eventName: 'pull_request', event, headParents: [], hasCommit: () => false });
  assert.is(shallow.since, undefined);
  assert.match(shallow.reason, /its base b{12} is not in this checkout \(actions\/checkout needs fetch-depth: 2\): checking every page/);
});

const workflow = suite('docs.yml, run on a pull request');

interface Step {
  name?: string;
  run?: string;
  env?: Record<string, string>;
}
const docsJob = (parse(readFileSync(join(projectRoot, '.github', 'workflows', 'docs.yml'), 'utf8')) as { jobs: { check: { steps: Step[] } } }).jobs.check;
const stepNamed = (name: string): Step => docsJob.steps.find((step) => step.name === name)!;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=w@example.com', '-c', 'user.name=W', ...args], { cwd, encoding: 'utf8', stdio: 'pipe' }).trim();
}

const good = fixture('template/clean/security.md');
const bad = good.replace('you benefit', 'you will benefit');

/**
 * A repository whose main already has a finding (a typo in notes.md), a pull request changing
 * one page, and the test merge commit GitHub makes (refs/pull/1/merge), checked out at `depth`.
 */
function pullRequest(depth: number): { workspace: string; event: string; merge: string } {
  const origin = mkdtempSync(join(tmpdir(), 'docs-quality-origin-'));
  cpSync(makeDocsTree({ 'kinesis-data-streams/security.md': good, 'notes.md': '# Notes\n\nA page abuot release notes.\n' }), join(origin, 'docs'), { recursive: true });
  git(origin, 'init', '-q', '-b', 'main');
  git(origin, 'add', '.');
  git(origin, 'commit', '-q', '--no-verify', '-m', 'docs');
  git(origin, 'checkout', '-q', '-b', 'change');
  writeFileSync(join(origin, 'docs', 'kinesis-data-streams', 'security.md'), bad);
  git(origin, 'commit', '-q', '--no-verify', '-am', 'change');
  const headSha = git(origin, 'rev-parse', 'HEAD');
  git(origin, 'checkout', '-q', 'main');
  writeFileSync(join(origin, 'docs', 'later.md'), '# Later\n\nA page main gained after the branch.\n');
  git(origin, 'add', '.');
  git(origin, 'commit', '-q', '--no-verify', '-m', 'main moves on');
  const baseSha = git(origin, 'rev-parse', 'HEAD');
  git(origin, 'checkout', '-q', '--detach');
  git(origin, 'merge', '-q', '--no-ff', '--no-verify', '-m', 'Merge change into main', 'change');
  const merge = git(origin, 'rev-parse', 'HEAD');
  git(origin, 'update-ref', 'refs/pull/1/merge', merge);
  git(origin, 'checkout', '-q', 'main');
  // What actions/checkout does: fetch the merge ref at the depth asked, check the commit out.
  const workspace = mkdtempSync(join(tmpdir(), 'docs-quality-workspace-'));
  git(workspace, 'init', '-q');
  git(workspace, 'fetch', '-q', `--depth=${depth}`, `file://${origin}`, '+refs/pull/1/merge:refs/remotes/pull/1/merge');
  git(workspace, 'checkout', '-q', '--detach', merge);
  // The workflow runs the CLI from the workspace's dist/ (npm ci builds it there).
  symlinkSync(join(projectRoot, 'dist'), join(workspace, 'dist'));
  const eventFile = join(workspace, '..', `event-${merge.slice(0, 8)}.json`);
  writeFileSync(eventFile, JSON.stringify({ pull_request: { base: { sha: baseSha }, head: { sha: headSha } } }));
  return { workspace, event: eventFile, merge };
}

/** Runs one step's script as the runner does (bash -e -o pipefail), with the runner's variables. */
function runStep(step: Step, workspace: string, env: Record<string, string>): { code: number | null; stdout: string; stderr: string } {
  const clean: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(clean)) if (/^(GITHUB_|CI$|GIT_)/.test(name)) delete clean[name];
  const run = spawnSync('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', step.run!], { cwd: workspace, encoding: 'utf8', env: { ...clean, GITHUB_WORKSPACE: workspace, ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The choose step, then the check step with the choice, as the workflow wires them. */
function runCheck(pr: { workspace: string; event: string; merge: string }, eventName: string) {
  const scratch = mkdtempSync(join(tmpdir(), 'docs-quality-runner-'));
  const [output, summary] = [join(scratch, 'output'), join(scratch, 'summary.md')];
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const runner = { GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: pr.event, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: pr.merge };
  const chosen = runStep(stepNamed('Choose the pages to check'), pr.workspace, runner);
  assert.is(chosen.code, 0, chosen.stderr);
  const since = /^since=(.*)$/m.exec(readFileSync(output, 'utf8'))?.[1] ?? '';
  // `env: SINCE: ${{ steps.scope.outputs.since }}`
  assert.is(stepNamed('Check (annotations, job summary)').env?.SINCE, '${{ steps.scope.outputs.since }}');
  const check = runStep(stepNamed('Check (annotations, job summary)'), pr.workspace, { ...runner, SINCE: since });
  const annotated = [...new Set([...check.stdout.matchAll(/^::(?:error|warning) file=([^,]+)/gm)].map((m) => m[1]))];
  return { chosen: chosen.stdout, since, check, annotated, summary: readFileSync(summary, 'utf8') };
}

workflow('a pull request: only the page it changes, against the base it merges into; links to the checked commit', () => {
  const pr = pullRequest(2);
  const run = runCheck(pr, 'pull_request');
  assert.match(run.chosen, /^pull request: checking the pages changed since [0-9a-f]{12} \(the base branch it merges into\)/);
  assert.is(run.check.code, 1, run.check.stderr);
  assert.equal(run.annotated, ['docs/kinesis-data-streams/security.md'], 'not notes.md (main\'s old typo), not later.md (main\'s own change)');
  assert.match(run.summary, new RegExp(`\\]\\(https://github\\.com/o/r/blob/${pr.merge}/docs/kinesis-data-streams/security\\.md#L3\\) error \\*\\*template-wording\\*\\* expected \`you benefit\``));
  assert.match(run.summary, /pages? checked \(the pages changed since `[0-9a-f]{40}` and the pages they affect\)/);
});

workflow('a push to main, and a clone too shallow for the base: every page', () => {
  const pr = pullRequest(1);
  const shallow = runCheck(pr, 'pull_request');
  assert.match(shallow.chosen, /is not in this checkout \(actions\/checkout needs fetch-depth: 2\): checking every page/);
  assert.is(shallow.since, '');
  assert.equal(shallow.annotated.sort(), ['docs/kinesis-data-streams/security.md', 'docs/notes.md']);
  const push = runCheck(pullRequest(2), 'push');
  assert.is(push.since, '');
  assert.equal(push.annotated.sort(), ['docs/kinesis-data-streams/security.md', 'docs/notes.md']);
});

choose.run();
workflow.run();
