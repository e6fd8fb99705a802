/**
 * The link-audit workflow's GitHub steps (scripts/links/github-cli.ts) against a loopback server
 * playing the GitHub REST API: which run's results are restored, and which issue is ours.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { gitHubApi } from '../scripts/links/github-api.js';
import { findPreviousResults, type Artifact, type WorkflowRun } from '../scripts/links/previous-results.js';
import { ISSUE_MARKER } from '../scripts/links/report.js';
import { findTrackingIssue, isTrackingIssue, planTrackingIssue, type Issue } from '../scripts/links/tracking-issue.js';
import { projectRoot } from './helpers/docs-tree.js';
import { sourceEntryArgs } from './helpers/run-cli.js';

const REPO = 'docs/guide';

/** What the fake API holds; tests set it. */
let runs: WorkflowRun[] = [];
let artifacts: Record<number, Artifact[]> = {};
let issues: Issue[] = [];
const requests: string[] = [];
let server: Server;
let apiUrl = '';

const api = suite('link-audit: the GitHub steps');

api.before(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    requests.push(`${request.headers.authorization ?? '-'} ${url.pathname}${url.search}`);
    const send = (status: number, body: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (url.pathname === `/repos/${REPO}/actions/workflows/link-audit.yml/runs`) return send(200, { workflow_runs: runs });
    const runArtifacts = /^\/repos\/docs\/guide\/actions\/runs\/(\d+)\/artifacts$/.exec(url.pathname);
    if (runArtifacts) return send(200, { artifacts: (artifacts[Number(runArtifacts[1])] ?? []).filter((a) => a.name === url.searchParams.get('name')) });
    if (url.pathname === `/repos/${REPO}/issues`) {
      const page = Number(url.searchParams.get('page') ?? '1');
      return send(200, issues.slice((page - 1) * 100, page * 100));
    }
    return send(404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

api.after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const run = (id: number, overrides: Partial<WorkflowRun> = {}): WorkflowRun => ({ id, event: 'schedule', head_branch: 'main', head_repository: { full_name: REPO }, ...overrides });
const kept = (id: number, expired = false): Artifact[] => [{ id: id * 10, name: 'link-audit-results', expired }];
const query = { repository: REPO, workflow: 'link-audit.yml', branch: 'main', artifact: 'link-audit-results', currentRunId: 900 };

api('results come from the newest run that kept them: not this run, not a fork’s or a pull request’s, not an expired artifact', async () => {
  runs = [run(900), run(800, { event: 'pull_request' }), run(700, { head_repository: { full_name: 'someone/fork' } }), run(600), run(500), run(400, { event: 'workflow_dispatch' })];
  artifacts = { 900: kept(900), 800: kept(800), 700: kept(700), 600: [], 500: kept(500, true), 400: kept(400) };
  assert.equal(await findPreviousResults(gitHubApi(apiUrl, 't0ken'), query), { runId: 400, artifactId: 4000 });
  assert.ok(requests.every((line) => line.startsWith('Bearer t0ken ')));
  assert.ok(requests.some((line) => line.includes('/actions/workflows/link-audit.yml/runs?branch=main&status=completed')));
});

api('none left (a first run, or every artifact expired): undefined, and the audit starts afresh', async () => {
  runs = [run(600)];
  artifacts = { 600: kept(600, true) };
  assert.is(await findPreviousResults(gitHubApi(apiUrl, undefined), query), undefined);
});

const ours = (number: number, state = 'open'): Issue => ({ number, state, body: `${ISSUE_MARKER}\n## External link audit\n`, user: { login: 'github-actions[bot]', type: 'Bot' } });

api('an issue a person filed with the label is never ours, even one quoting the marker; nor is a pull request', () => {
  assert.ok(isTrackingIssue(ours(1)));
  assert.not.ok(isTrackingIssue({ number: 2, state: 'open', body: 'Link audit missed https://x.test', user: { login: 'writer', type: 'User' } }));
  assert.not.ok(isTrackingIssue({ ...ours(3), user: { login: 'writer', type: 'User' } }));
  assert.not.ok(isTrackingIssue({ ...ours(4), body: `Copied:\n${ISSUE_MARKER}` }));
  assert.not.ok(isTrackingIssue({ ...ours(5), pull_request: {} }));
});

api('the newest of ours is found past newer labelled issues of people, on a later page too', async () => {
  const person = (number: number): Issue => ({ number, state: 'open', body: `${ISSUE_MARKER} please look`, user: { login: 'writer', type: 'User' } });
  issues = [...Array.from({ length: 130 }, (_, i) => person(500 - i)), ours(42, 'closed'), ours(7)];
  const found = await findTrackingIssue(gitHubApi(apiUrl, 't'), REPO);
  assert.is(found?.number, 42);
  issues = [person(3), person(2)];
  assert.is(await findTrackingIssue(gitHubApi(apiUrl, 't'), REPO), undefined);
});

api('what to do: open while anything is wrong (reopen, never duplicate), close once healthy, leave alone otherwise', () => {
  assert.equal(
    [planTrackingIssue(undefined, false), planTrackingIssue(ours(9, 'closed'), false), planTrackingIssue(ours(9), true), planTrackingIssue(ours(9, 'closed'), true), planTrackingIssue(undefined, true)],
    [{ action: 'create' }, { action: 'update', number: 9 }, { action: 'close', number: 9 }, { action: 'nothing' }, { action: 'nothing' }],
  );
});

function runGitHubCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...sourceEntryArgs(join(projectRoot, 'scripts', 'links', 'github-cli.ts')), ...args],
      { env: { PATH: process.env.PATH ?? '', TS_NODE_PROJECT: join(projectRoot, 'tsconfig.json'), ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

api('the command line writes step outputs for the workflow; a person’s issue is left alone and ours is updated', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'link-audit-gh-'));
  const output = join(dir, 'output');
  writeFileSync(output, '');
  const report = join(dir, 'link-audit.json');
  writeFileSync(report, JSON.stringify({ healthy: false }));
  issues = [{ number: 12, state: 'open', body: 'The link audit label is on my issue', user: { login: 'writer', type: 'User' } }, ours(11, 'closed')];
  runs = [run(600)];
  artifacts = { 600: kept(600) };
  const env = { GITHUB_API_URL: apiUrl, GITHUB_REPOSITORY: REPO, GITHUB_TOKEN: 't', GITHUB_REF_NAME: 'main', GITHUB_RUN_ID: '900', GITHUB_OUTPUT: output };
  const issue = await runGitHubCli(['tracking-issue', '--report', report], env);
  assert.is(issue.code, 0, issue.stderr);
  const previous = await runGitHubCli(['previous-results', '--workflow', 'link-audit.yml', '--artifact', 'link-audit-results'], env);
  assert.is(previous.code, 0, previous.stderr);
  assert.is(readFileSync(output, 'utf8'), 'action=update\nnumber=11\nrun-id=600\n');
  const missing = await runGitHubCli(['tracking-issue', '--report', join(dir, 'none.json')], env);
  assert.is(missing.code, 2);
  assert.match(missing.stderr, /^links:github: .*none\.json: not a link-audit JSON report \(ENOENT/);
  const unset = await runGitHubCli(['previous-results'], {});
  assert.equal([unset.code, unset.stderr.split('\n')[0]], [2, 'links:github: GITHUB_REPOSITORY is not set (GitHub Actions sets it; set it to run this by hand)']);
});

api.run();
