/**
 * The link audit's memory across runs when the store is lost (an evicted cache, an expired artifact):
 * dead only after N *recorded* consecutive failures, never sooner, never "healthy" because the store
 * is gone; and a run in which most hosts fail alike could not run: no verdict, nothing recorded.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LinkState } from 'linkinator';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { auditLinks, resultsAfter, type AuditReport } from '../scripts/links/audit.js';
import { DEFAULT_CONFIG, type LinkConfig } from '../scripts/links/config.js';
import type { ProbeResult } from '../scripts/links/linkinator-probe.js';
import { humanReport, issueReport } from '../scripts/links/report.js';
import { loadResults, saveResults } from '../scripts/links/results-store.js';
import { runAudit } from './helpers/audit-server.js';
import { makeDocsTree } from './helpers/docs-tree.js';

const start = Date.parse('2025-01-06T06:00:00Z');
const week = (n: number): Date => new Date(start + n * 7 * 24 * 3_600_000);
const notFound: ProbeResult = { state: LinkState.BROKEN, status: 404, failures: [{ status: 404, headers: {} }] };
const ok: ProbeResult = { state: LinkState.OK, status: 200, failures: [] };
const dnsFailure = (host: string): ProbeResult => {
  const error = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(`getaddrinfo EAI_AGAIN ${host}`), { code: 'EAI_AGAIN' }) });
  return { state: LinkState.BROKEN, status: 0, failures: [error, error] };
};

/** One weekly run as the workflow does it: load the store (if it survived), audit, save. */
function weeklyRun(root: string, store: string, config: LinkConfig, answer: (url: string) => ProbeResult) {
  return async (n: number): Promise<AuditReport> => {
    const previous = loadResults(store);
    const report = await auditLinks({ docsRoot: root, cwd: root, config, previous, now: () => week(n), probe: async (url) => answer(url) });
    if (report.couldNotRun === undefined) saveResults(store, resultsAfter(report, previous));
    return report;
  };
}

const brief = (report: AuditReport, url: string): string => {
  const r = report.urls.find((u) => u.url === url)!;
  return `${r.status}${r.dead ? ' dead' : ''} failedRuns=${r.failedRuns}`;
};

const evicted = suite('link-audit: a lost store');

evicted('a first run with broken links is not healthy (the tracking issue opens), and nothing is dead yet', async () => {
  const root = makeDocsTree({ 'page.md': '# Page\n\n[a](https://a.test/gone) [b](https://b.test/gone) [c](https://c.test/gone) [ok](https://d.test/)\n' }, { template: null });
  const store = join(mkdtempSync(join(tmpdir(), 'link-audit-store-')), 'results.json');
  const report = await weeklyRun(root, store, DEFAULT_CONFIG, (url) => (url === 'https://d.test/' ? ok : notFound))(0);
  assert.equal([report.healthy, report.summary.broken, report.summary.failing, report.summary.dead, report.previousResults], [false, 3, 3, 0, 0]);
  assert.match(humanReport(report), 'No results of earlier runs were found (a first run, or the stored results were lost)');
  assert.match(issueReport(report), '### Failing links (3)');
});

evicted('dead after N recorded failures, never sooner: a lost store starts the count again, and no run in between is healthy', async () => {
  const url = 'https://a.test/gone';
  const root = makeDocsTree({ 'page.md': `# Page\n\n[gone](${url}) [ok](https://b.test/)\n` }, { template: null });
  const store = join(mkdtempSync(join(tmpdir(), 'link-audit-store-')), 'results.json');
  const run = weeklyRun(root, store, { ...DEFAULT_CONFIG, deadAfterRuns: 3 }, (u) => (u === url ? notFound : ok));
  const seen: string[] = [];
  const record = (report: AuditReport): void => {
    seen.push(`${brief(report, url)} healthy=${report.healthy} exit=${report.summary.dead > 0 ? 1 : 0}`);
  };
  record(await run(0));
  record(await run(1));
  rmSync(store); // evicted: the next run finds nothing
  record(await run(2));
  record(await run(3));
  record(await run(4));
  record(await run(5));
  assert.equal(seen, [
    'broken failedRuns=1 healthy=false exit=0',
    'broken failedRuns=2 healthy=false exit=0',
    'broken failedRuns=1 healthy=false exit=0',
    'broken failedRuns=2 healthy=false exit=0',
    'broken dead failedRuns=3 healthy=false exit=1',
    'broken dead failedRuns=4 healthy=false exit=1',
  ]);
  assert.is(loadResults(store).get(url)!.failedRuns, 4);
});

evicted('a store of a fixed link, then lost: the link that broke meanwhile is failing, not dead and not healthy', async () => {
  const url = 'https://a.test/page';
  const root = makeDocsTree({ 'page.md': `# Page\n\n[page](${url}) [b](https://b.test/) [c](https://c.test/)\n` }, { template: null });
  const store = join(mkdtempSync(join(tmpdir(), 'link-audit-store-')), 'results.json');
  let answer = ok;
  const run = weeklyRun(root, store, DEFAULT_CONFIG, (u) => (u === url ? answer : ok));
  assert.is((await run(0)).healthy, true);
  rmSync(store);
  answer = notFound;
  const report = await run(1);
  assert.equal([brief(report, url), report.healthy], ['broken failedRuns=1', false]);
});

evicted.run();

const outage = suite('link-audit: a run that could not run');


outage('most hosts failing DNS alike: could not run, nothing dead, the store unchanged; the next real run goes on from it', async () => {
  const hosts = ['a.test', 'b.test', 'c.test', 'd.test'];
  const root = makeDocsTree({ 'page.md': `# Page\n\n${hosts.map((host) => `[${host}](https://${host}/gone)`).join(' ')} [e](https://e.test/)\n` }, { template: null });
  const store = join(mkdtempSync(join(tmpdir(), 'link-audit-store-')), 'results.json');
  let cutOff = false;
  const run = weeklyRun(root, store, DEFAULT_CONFIG, (url) => (cutOff ? dnsFailure(new URL(url).host) : url === 'https://e.test/' ? ok : notFound));
  await run(0);
  const before = readFileSync(store, 'utf8');
  cutOff = true;
  for (const n of [1, 2]) {
    const report = await run(n);
    assert.is(report.couldNotRun, "5 of 5 hosts failed alike (DNS lookup failed): the runner's network or DNS looks down");
    assert.equal([report.healthy, report.summary.dead, brief(report, 'https://a.test/gone')], [false, 0, 'broken failedRuns=1']);
    assert.is(readFileSync(store, 'utf8'), before, 'the store is not touched');
    assert.equal(resultsAfter(report, loadResults(store)), loadResults(store));
  }
  cutOff = false;
  const back = await run(3);
  assert.is(back.couldNotRun, undefined);
  assert.is(brief(back, 'https://a.test/gone'), 'broken dead failedRuns=2');
});

outage('one host failing DNS among several is a verdict on that host, not an outage', async () => {
  const root = makeDocsTree({ 'page.md': '# Page\n\n[a](https://gone.test/) [b](https://b.test/) [c](https://c.test/) [d](https://d.test/)\n' }, { template: null });
  const report = await auditLinks({ docsRoot: root, cwd: root, config: DEFAULT_CONFIG, probe: async (url) => (url === 'https://gone.test/' ? dnsFailure('gone.test') : ok) });
  assert.is(report.couldNotRun, undefined);
  assert.is(brief(report, 'https://gone.test/'), 'broken failedRuns=1');
});

/** A port on 127.0.0.1 where nothing listens: connections are refused, without any network. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}


outage('the command line: exit 2 with a one-line reason, and the results file is left as it was', async () => {
  const ports = [await closedPort(), await closedPort(), await closedPort()];
  const root = makeDocsTree({ 'page.md': `# Page\n\n${ports.map((port) => `[${port}](http://127.0.0.1:${port}/)`).join('\n')}\n` }, { template: null });
  const results = join(root, 'results.json');
  const kept = `${JSON.stringify({ version: 1, urls: { [`http://127.0.0.1:${ports[0]}/`]: { status: 'broken', reason: 'HTTP 404', checkedAt: '2025-01-06T06:00:00.000Z', failedRuns: 1 } } }, null, 2)}\n`;
  writeFileSync(results, kept);
  writeFileSync(join(root, '_template', 'links.json'), '{"retries": 0}');
  const { code, stderr } = await runAudit(['--docs', '.', '--results', 'results.json'], root);
  assert.is(code, 2, stderr);
  assert.is(stderr.trim().split('\n').at(-1), "links:audit: the audit could not run: 3 of 3 hosts failed alike (connection refused): the runner's network or DNS looks down; no link was judged and results.json was not changed");
  assert.is(readFileSync(results, 'utf8'), kept);
  assert.ok(existsSync(results));
});

outage.run();
