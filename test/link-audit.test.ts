/** The external link audit against a real loopback server: every kind of answer, politeness, the CLI. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { LinkState } from 'linkinator';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { auditLinks, type AuditReport } from '../scripts/links/audit.js';
import { classify } from '../scripts/links/classify.js';
import { DEFAULT_CONFIG, type LinkConfig } from '../scripts/links/config.js';
import { runAudit, startServer, type Hit, type TestServer } from './helpers/audit-server.js';
import { makeDocsTree } from './helpers/docs-tree.js';


const hitsOf = (server: TestServer, path: string): Hit[] => server.hits.filter((hit) => hit.path === path);

/** Short timeouts and backoff: a test should wait on nothing but a Retry-After of 1 s. */
const testConfig: LinkConfig = { ...DEFAULT_CONFIG, concurrency: 16, perHost: 16, timeoutMs: 300, retries: 1, retryBaseMs: 10 };

/** Answers by path; what a real site might do, one behaviour each. */
function siteHandler(request: IncomingMessage, response: ServerResponse, hits: Hit[]): void {
  const path = request.url ?? '/';
  const seen = hits.filter((hit) => hit.path === path);
  const answer = (status: number, headers: Record<string, string> = {}): void => {
    response.writeHead(status, { 'content-type': 'text/plain', ...headers });
    response.end(request.method === 'HEAD' ? undefined : `${status}\n`);
  };
  switch (path) {
    case '/ok':
    case '/popular':
    case '/new-home':
      return answer(200);
    case '/moved':
      return answer(301, { location: '/new-home' });
    case '/loop':
      return answer(302, { location: '/loop' });
    case '/gone':
      return answer(404);
    case '/removed':
      return answer(410);
    case '/forbidden':
      return answer(403);
    case '/challenge':
      return answer(403, { 'cf-mitigated': 'challenge' });
    case '/rate-limited':
      // 429 until a second has passed since the first request: only honouring Retry-After gets a 200.
      return Date.now() - seen[0]!.at < 1000 ? answer(429, { 'retry-after': '1' }) : answer(200);
    case '/unavailable':
      // The first attempt (HEAD, then linkinator's GET) gets 503 without Retry-After; later ones 200.
      return seen.length <= 2 ? answer(503) : answer(200);
    case '/down':
      return answer(500);
    case '/hang':
      return; // never answers: the audit's timeout must end it
    case '/drop':
      request.socket.destroy();
      return;
    case '/drop-head':
      if (request.method === 'HEAD') request.socket.destroy();
      else answer(200);
      return;
    case '/no-head':
      return request.method === 'HEAD' ? answer(405, { allow: 'GET' }) : answer(200);
    case '/head-not-implemented':
      return request.method === 'HEAD' ? answer(501) : answer(200);
    default:
      return answer(404);
  }
}

const PATHS = [
  '/ok',
  '/moved',
  '/loop',
  '/gone',
  '/removed',
  '/forbidden',
  '/challenge',
  '/rate-limited',
  '/unavailable',
  '/down',
  '/hang',
  '/drop',
  '/drop-head',
  '/no-head',
  '/head-not-implemented',
];

const statuses = suite('link-audit: answers and what they mean');
let site: TestServer;
let report: AuditReport;

statuses.before(async () => {
  site = await startServer(siteHandler);
  const pages: Record<string, string> = {
    'guide/all.md': ['# All answers', '', ...PATHS.map((path) => `- [${path.slice(1)}](${site.base}${path})`), ''].join('\n'),
  };
  for (let i = 0; i < 50; i++) pages[`popular/page-${String(i).padStart(2, '0')}.md`] = `# Page ${i}\n\nSee [the popular page](${site.base}/popular#section-${i}).\n`;
  const root = makeDocsTree(pages, { template: null });
  report = await auditLinks({ docsRoot: root, cwd: root, config: testConfig });
});

statuses.after(async () => {
  await site.close();
});

const resultFor = (path: string) => {
  const result = report.urls.find((r) => r.url === `${site.base}${path}`);
  assert.ok(result, `no result for ${path}`);
  return result;
};

const brief = (path: string): string => {
  const r = resultFor(path);
  return `${r.status} | ${r.reason} | ${r.attempts}${r.finalUrl ? ` | ${r.finalUrl.replace(site.base, '')}` : ''}`;
};

statuses('each URL gets a status, a reason a writer understands, and the number of attempts', () => {
  assert.equal(Object.fromEntries(PATHS.map((path) => [path, brief(path)])), {
    '/ok': 'ok | HTTP 200 | 1',
    '/moved': 'redirected | HTTP 200 after a redirect | 1 | /new-home',
    '/loop': 'broken | redirect loop (too many redirects) | 1',
    '/gone': 'broken | HTTP 404 | 1',
    '/removed': 'broken | HTTP 410 | 1',
    '/forbidden': 'blocked | HTTP 403 (access refused) | 1',
    '/challenge': 'blocked | bot challenge (HTTP 403) | 1',
    '/rate-limited': 'ok | HTTP 200 | 2',
    '/unavailable': 'ok | HTTP 200 | 2',
    '/down': 'flaky | HTTP 500 | 2',
    '/hang': 'flaky | timed out | 2',
    '/drop': 'flaky | connection dropped | 2',
    '/drop-head': 'ok | HTTP 200 | 1',
    '/no-head': 'ok | HTTP 200 | 1',
    '/head-not-implemented': 'ok | HTTP 200 | 1',
  });
});

statuses('a 429 is retried after its Retry-After, not after the (10 ms) backoff', () => {
  const hits = hitsOf(site, '/rate-limited');
  assert.is(hits.at(-1)!.method, 'HEAD');
  assert.ok(hits.at(-1)!.at - hits[0]!.at >= 950, `retried after ${hits.at(-1)!.at - hits[0]!.at} ms`);
});

statuses('HEAD first; GET only when HEAD is refused, dropped or not answered', () => {
  const methods = (path: string): string => hitsOf(site, path).map((hit) => hit.method).join(' ');
  assert.is(methods('/ok'), 'HEAD');
  assert.is(methods('/no-head'), 'HEAD GET');
  assert.is(methods('/drop-head'), 'HEAD GET');
  assert.is(methods('/head-not-implemented'), 'HEAD GET');
  assert.is(methods('/hang'), 'HEAD GET HEAD GET');
});

statuses('a URL cited by 50 pages is requested exactly once, and every citation is reported', () => {
  assert.is(hitsOf(site, '/popular').length, 1);
  const popular = resultFor('/popular');
  assert.is(popular.citations.length, 50);
  assert.equal(popular.citations[0], { page: 'popular/page-00.md', line: 3, column: 5 });
  assert.equal(resultFor('/gone').citations, [{ page: 'guide/all.md', line: 6, column: 3 }]);
});

statuses('the summary counts each status once; broken URLs are failing, not dead, on a first run', () => {
  const { summary } = report;
  assert.equal(
    { ok: summary.ok, redirected: summary.redirected, broken: summary.broken, failing: summary.failing, dead: summary.dead, blocked: summary.blocked, flaky: summary.flaky },
    { ok: 7, redirected: 1, broken: 3, failing: 3, dead: 0, blocked: 2, flaky: 3 },
  );
  assert.is(summary.urls, 16);
  assert.is(summary.citations, 65);
  assert.is(report.healthy, false); // a redirect wants the doc updated
});

statuses.run();

const politeness = suite('link-audit: bounded concurrency');

politeness('never more than `concurrency` requests in flight, nor more than `perHost` to one host', async () => {
  let inFlight = 0;
  let maxInFlight = 0;
  const perServer = new Map<string, { now: number; max: number }>();
  const slow = (name: string) => (_request: IncomingMessage, response: ServerResponse) => {
    const counts = perServer.get(name) ?? { now: 0, max: 0 };
    perServer.set(name, counts);
    counts.max = Math.max(counts.max, ++counts.now);
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    setTimeout(() => {
      counts.now--;
      inFlight--;
      response.writeHead(200).end();
    }, 40);
  };
  const [a, b] = await Promise.all([startServer(slow('a')), startServer(slow('b'))]);
  try {
    const links = [a, b].flatMap((server) => Array.from({ length: 6 }, (_, i) => `[${i}](${server.base}/page-${i})`));
    const root = makeDocsTree({ 'links.md': `# Links\n\n${links.join('\n')}\n` }, { template: null });
    const result = await auditLinks({ docsRoot: root, cwd: root, config: { ...testConfig, concurrency: 3, perHost: 2 } });
    assert.is(result.summary.ok, 12);
    assert.is(a.hits.length + b.hits.length, 12);
    assert.is(perServer.get('a')!.max, 2);
    assert.is(perServer.get('b')!.max, 2);
    assert.is(maxInFlight, 3);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

politeness.run();

const verdicts = suite('link-audit: classifying failures without a response');

verdicts('a DNS failure is broken at once, without retries', () => {
  const dns = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('getaddrinfo ENOTFOUND docs.invalid'), { code: 'ENOTFOUND' }) });
  assert.equal(classify('https://docs.invalid/', { state: LinkState.BROKEN, status: 0, failures: [dns, dns] }, 0), {
    status: 'broken',
    reason: 'DNS lookup failed (ENOTFOUND)',
    retry: false,
    network: 'dns',
  });
});

verdicts('a 503 carrying a Retry-After date waits until that date', () => {
  const now = Date.parse('2025-01-06T06:00:00Z');
  const response = { status: 503, headers: { 'retry-after': 'Mon, 06 Jan 2025 06:00:30 GMT' } };
  assert.equal(classify('https://a.test/', { state: LinkState.BROKEN, status: 503, failures: [response] }, now), {
    status: 'flaky',
    reason: 'HTTP 503',
    retry: true,
    httpStatus: 503,
    retryAfterMs: 30_000,
  });
});

verdicts.run();

const cli = suite('link-audit: the command line');
let cliSite: TestServer;

cli.before(async () => {
  cliSite = await startServer((request, response) => {
    response.writeHead(request.url === '/gone' ? 404 : 200).end();
  });
});

cli.after(async () => {
  await cliSite.close();
});


cli('exit 0 while a broken link is failing, 1 once it is dead; results are kept in --results', async () => {
  const root = makeDocsTree({ 'page.md': `# Page\n\n[gone](${cliSite.base}/gone)\n[ok](${cliSite.base}/ok)\n` }, { template: null });
  const first = await runAudit(['--docs', '.', '--results', 'state/results.json'], root);
  assert.is(first.code, 0, first.stderr);
  assert.match(first.stdout, `${cliSite.base}/gone  HTTP 404, failing (1 of 2 runs)`);
  assert.match(first.stderr, `link-audit: [2/2]`);
  assert.ok(existsSync(join(root, 'state', 'results.json')));
  const second = await runAudit(['--docs', '.', '--results', 'state/results.json', '--format', 'issue', '--issue-file', 'issue.md'], root);
  assert.is(second.code, 1, second.stderr);
  assert.match(second.stdout, '### Dead links (1)');
  assert.match(second.stdout, `- <${cliSite.base}/gone> — HTTP 404, broken on 2 runs in a row\n  - \`page.md:3:1\``);
  assert.is(readFileSync(join(root, 'issue.md'), 'utf8'), second.stdout);
  assert.is(cliSite.hits.filter((hit) => hit.path === '/ok').length, 1, 'ok URL reused from the first run');
});

cli('an invalid links.json is a one-line error and exit 2; so is an unknown format', async () => {
  const root = makeDocsTree({ 'page.md': '# Page\n' }, { template: null });
  writeFileSync(join(root, '_template', 'links.json'), '{"perHost": 0}');
  const bad = await runAudit(['--docs', '.'], root);
  assert.is(bad.code, 2);
  assert.is(bad.stderr, 'links:audit: _template/links.json:1:13: `perHost` must be a whole number >= 1, found 0\n');
  const format = await runAudit(['--docs', '.', '--format', 'xml'], root);
  assert.is(format.code, 2);
  assert.match(format.stderr, 'unknown format "xml" (one of: human, json, issue)');
});

cli.run();
