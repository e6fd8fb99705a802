/** The link audit across runs: the results file, the age of ok results, the consecutive-failure rule. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { auditLinks, resultsAfter, type AuditReport } from '../scripts/links/audit.js';
import { DEFAULT_CONFIG, type LinkConfig } from '../scripts/links/config.js';
import { loadResults, ResultsError, saveResults } from '../scripts/links/results-store.js';
import { makeDocsTree } from './helpers/docs-tree.js';

const config: LinkConfig = { ...DEFAULT_CONFIG, timeoutMs: 300, retries: 0, retryBaseMs: 10, recheckOkAfterHours: 168, deadAfterRuns: 2 };
const start = Date.parse('2025-01-06T06:00:00Z');
const hours = (n: number): Date => new Date(start + n * 3_600_000);

const runs = suite('link-audit: across runs');

/** What each path answers on the current run; tests change it between runs. */
let answers: Record<string, number> = {};
const requests: string[] = [];
let server: Server;
let base = '';
let root = '';
let resultsPath = '';

runs.before(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(answers[request.url ?? ''] ?? 404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const paths = ['/steady', '/gone', '/fixed', '/wobbly'];
  root = makeDocsTree({ 'page.md': ['# Page', '', ...paths.map((path) => `[${path.slice(1)}](${base}${path})`), ''].join('\n') }, { template: null });
  resultsPath = join(mkdtempSync(join(tmpdir(), 'link-audit-')), 'results.json');
});

runs.after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** One scheduled run: load the results file, audit at `now`, save the results file. */
async function run(now: Date): Promise<AuditReport> {
  const report = await auditLinks({ docsRoot: root, cwd: root, config, previous: loadResults(resultsPath), now: () => now });
  saveResults(resultsPath, resultsAfter(report));
  return report;
}

const line = (report: AuditReport, path: string): string => {
  const r = report.urls.find((u) => u.url === `${base}${path}`)!;
  return `${r.status}${r.dead ? ' dead' : ''} failedRuns=${r.failedRuns} attempts=${r.attempts}${r.reused ? ' reused' : ''}`;
};
const lines = (report: AuditReport) => Object.fromEntries(['/steady', '/gone', '/fixed', '/wobbly'].map((path) => [path, line(report, path)]));
const requested = (path: string): number => requests.filter((r) => r === path).length;

runs('run 1: broken URLs are failing (1 of 2 runs), nothing is dead', async () => {
  answers = { '/steady': 200, '/gone': 404, '/fixed': 404, '/wobbly': 404 };
  const report = await run(hours(0));
  assert.equal(lines(report), {
    '/steady': 'ok failedRuns=0 attempts=1',
    '/gone': 'broken failedRuns=1 attempts=1',
    '/fixed': 'broken failedRuns=1 attempts=1',
    '/wobbly': 'broken failedRuns=1 attempts=1',
  });
  assert.is(report.summary.dead, 0);
  assert.is(report.summary.failing, 3);
});

runs('run 2 (an hour later): broken again is dead; fixed resets; a 5xx breaks the streak; a recent ok is not requested', async () => {
  answers = { '/steady': 200, '/gone': 404, '/fixed': 200, '/wobbly': 500 };
  const report = await run(hours(1));
  assert.equal(lines(report), {
    '/steady': 'ok failedRuns=0 attempts=0 reused',
    '/gone': 'broken dead failedRuns=2 attempts=1',
    '/fixed': 'ok failedRuns=0 attempts=1',
    '/wobbly': 'flaky failedRuns=0 attempts=1',
  });
  assert.is(requested('/steady'), 1);
  assert.is(report.summary.dead, 1);
  assert.is(report.summary.reused, 1);
});

runs('run 3 (a week after run 1): the ok result is too old and is requested again; broken after flaky starts over', async () => {
  answers = { '/steady': 200, '/gone': 404, '/fixed': 200, '/wobbly': 404 };
  const report = await run(hours(168));
  assert.equal(lines(report), {
    '/steady': 'ok failedRuns=0 attempts=1',
    '/gone': 'broken dead failedRuns=3 attempts=1',
    '/fixed': 'ok failedRuns=0 attempts=0 reused',
    '/wobbly': 'broken failedRuns=1 attempts=1',
  });
  assert.is(requested('/steady'), 2);
});

runs('the results file keeps what the next run needs, sorted by URL', () => {
  const saved = JSON.parse(readFileSync(resultsPath, 'utf8')) as { version: number; urls: Record<string, unknown> };
  assert.is(saved.version, 1);
  assert.equal(Object.keys(saved.urls), [`${base}/fixed`, `${base}/gone`, `${base}/steady`, `${base}/wobbly`]);
  assert.equal(saved.urls[`${base}/gone`], { status: 'broken', reason: 'HTTP 404', httpStatus: 404, checkedAt: '2025-01-13T06:00:00.000Z', failedRuns: 3 });
  assert.equal(saved.urls[`${base}/fixed`], { status: 'ok', reason: 'HTTP 200', httpStatus: 200, checkedAt: '2025-01-06T07:00:00.000Z', failedRuns: 0 });
});

runs('a URL no longer cited leaves the results file; a skipped one is never requested nor kept', async () => {
  const before = requests.length;
  const skipping = { ...config, skip: [/\/wobbly$/] };
  const report = await auditLinks({ docsRoot: root, cwd: root, config: skipping, previous: loadResults(resultsPath), now: () => hours(169) });
  assert.is(line(report, '/wobbly'), 'skipped failedRuns=0 attempts=0');
  assert.not.ok(resultsAfter(report).has(`${base}/wobbly`));
  assert.is(requests.slice(before).filter((r) => r === '/wobbly').length, 0);
});

runs('an allowed status is counted apart and never becomes dead', async () => {
  answers = { '/steady': 200, '/gone': 404, '/fixed': 200, '/wobbly': 200 };
  const allowing = { ...config, allow: [{ pattern: /\/gone$/, statuses: ['broken' as const] }] };
  const report = await auditLinks({ docsRoot: root, cwd: root, config: allowing, previous: loadResults(resultsPath), now: () => hours(170) });
  const gone = report.urls.find((u) => u.url === `${base}/gone`)!;
  assert.equal([gone.status, gone.allowed, gone.dead], ['broken', true, false]);
  assert.is(report.summary.allowed, 1);
  assert.is(report.summary.dead, 0);
});

runs.run();

const store = suite('link-audit: the results file');

store('a missing file means a first run; a damaged one is an error naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'link-audit-'));
  assert.equal(loadResults(join(dir, 'none.json')).size, 0);
  const damaged = join(dir, 'damaged.json');
  writeFileSync(damaged, '{"version": 1, "urls": {"https://a.test/": {"status": "gone"}}}');
  assert.throws(() => loadResults(damaged), (error: Error) => error instanceof ResultsError && error.message === `${damaged}: not a link-audit results file (bad entry for https://a.test/); delete it to start afresh`);
  writeFileSync(damaged, '[]');
  assert.throws(() => loadResults(damaged), /expected "version": 1/);
});

store.run();
