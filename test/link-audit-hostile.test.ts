/**
 * The link audit against hostile input: page names that try to become HTML or mentions in the
 * tracking issue (issue 19, row 10), a host answering 429 to everything (row 11), redirects towards
 * private addresses, and an https URL answered in plain HTTP. Real loopback servers that count requests.
 */
import type { Root } from 'mdast';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { visit } from 'unist-util-visit';
import { auditLinks, type AuditReport } from '../scripts/links/audit.js';
import { DEFAULT_CONFIG, type LinkConfig } from '../scripts/links/config.js';
import { issueReport, MAX_ISSUE_LENGTH } from '../scripts/links/report.js';
import { parseMarkdown } from '../scripts/corpus/markdown.js';
import { startServer } from './helpers/audit-server.js';
import { makeDocsTree } from './helpers/docs-tree.js';


const config: LinkConfig = { ...DEFAULT_CONFIG, timeoutMs: 2000, retryBaseMs: 10 };
const audit = (pages: Record<string, string>, overrides: Partial<LinkConfig> = {}): Promise<AuditReport> => {
  const root = makeDocsTree(pages, { template: null });
  return auditLinks({ docsRoot: root, cwd: root, config: { ...config, ...overrides } });
};
const byPath = (report: AuditReport, base: string) => Object.fromEntries(report.urls.map((u) => [u.url.replace(base, ''), `${u.status} | ${u.reason}`]));

const names = suite('link-audit: page names in the tracking issue (issue 19, row 10)');

/** What GitHub would render: raw HTML nodes, and text (outside code) that would mention someone. */
function rendered(markdown: string): { html: string[]; mentions: string[]; code: string[] } {
  const tree: Root = parseMarkdown(markdown);
  const found = { html: [] as string[], mentions: [] as string[], code: [] as string[] };
  visit(tree, (node) => {
    if (node.type === 'html') found.html.push(node.value);
    if (node.type === 'text' && /(^|[^\w`])@[\w-]/.test(node.value)) found.mentions.push(node.value);
    if (node.type === 'inlineCode') found.code.push(node.value);
  });
  return found;
}

names('a page named `@someone <img src=x onerror=alert(1)> `tick.md` stays code: no HTML, no mention, the code span whole', async () => {
  const site = await startServer((_request, response) => response.writeHead(404).end());
  try {
    const page = '@someone <img src=x onerror=alert(1)> `tick.md';
    const report = await audit({ [page]: `# Page\n\n[gone](${site.base}/gone)\n` });
    for (const body of [issueReport(report), issueReport(report, { sourceUrl: 'https://github.com/o/r/blob/abc' })]) {
      const { html, mentions, code } = rendered(body);
      assert.equal(html, ['<!-- link-audit: opened, updated and closed by the link-audit workflow -->'], body);
      assert.equal(mentions, [], body);
      assert.ok(code.includes(`${page}:3:1`), `the citation is one code span: ${JSON.stringify(code)}`);
    }
    assert.match(issueReport(report, { sourceUrl: 'https://github.com/o/r/blob/abc' }), '](https://github.com/o/r/blob/abc/%40someone%20%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E%20%60tick.md#L3)');
  } finally {
    await site.close();
  }
});

names('an issue body with thousands of hostile citations stays under GitHub’s 65,536 characters', async () => {
  const site = await startServer((_request, response) => response.writeHead(404).end());
  try {
    const pages: Record<string, string> = {};
    for (let i = 0; i < 400; i++) pages[`@team-${i} <b>${'`'.repeat(i % 5)}x.md`] = `# P\n\n${Array.from({ length: 5 }, () => `[gone](${site.base}/gone-${i % 7})`).join('\n')}\n`;
    const body = issueReport(await audit(pages), { sourceUrl: 'https://github.com/o/r/blob/abc' });
    assert.ok(body.length <= MAX_ISSUE_LENGTH && MAX_ISSUE_LENGTH + 200 < 65_536, String(body.length));
    assert.equal(rendered(body).mentions, []);
  } finally {
    await site.close();
  }
});

names.run();

const rateLimits = suite('link-audit: a host answering 429 to everything (issue 19, row 11)');

rateLimits('past its waiting budget a host’s remaining URLs are not checked: 4 HEAD requests for 10 URLs, no GET, nothing broken', async () => {
  const site = await startServer((_request, response) => response.writeHead(429, { 'retry-after': '1' }).end());
  try {
    const links = Array.from({ length: 10 }, (_, i) => `[${i}](${site.base}/page-${i})`).join('\n');
    // perHost 2: two 429s rest the host for 1 s (charged once), the next two would pass the 1.5 s budget.
    const report = await audit({ 'page.md': `# Page\n\n${links}\n` }, { perHost: 2, retries: 2, hostWaitBudgetMs: 1500 });
    assert.equal(site.hits.map((hit) => hit.method), ['HEAD', 'HEAD', 'HEAD', 'HEAD']);
    const host = new URL(site.base).host;
    assert.equal(new Set(report.urls.map((u) => `${u.status} | ${u.reason}`)), new Set([`unchecked | not checked: rate-limited (${host} asked us to wait more than 1.5 s in all)`]));
    assert.equal(report.urls.map((u) => u.attempts).reduce((a, b) => a + b), 4);
    const { unchecked, broken, dead, flaky } = report.summary;
    assert.equal({ unchecked, broken, dead, flaky }, { unchecked: 10, broken: 0, dead: 0, flaky: 0 });
    assert.match(issueReport(report), '### Not checked (10)');
  } finally {
    await site.close();
  }
});

rateLimits('a budget of 0: the first 429 ends that host’s checks; another host is still checked', async () => {
  const limited = await startServer((_request, response) => response.writeHead(429, { 'retry-after': '1' }).end());
  const fine = await startServer((_request, response) => response.writeHead(200).end());
  try {
    const links = [limited, fine].flatMap((server) => Array.from({ length: 5 }, (_, i) => `[${i}](${server.base}/p${i})`)).join('\n');
    const report = await audit({ 'page.md': `# Page\n\n${links}\n` }, { perHost: 1, concurrency: 2, hostWaitBudgetMs: 0 });
    assert.equal(limited.hits.map((hit) => hit.method), ['HEAD']);
    assert.is(fine.hits.length, 5);
    assert.equal([report.summary.unchecked, report.summary.ok], [5, 5]);
  } finally {
    await Promise.all([limited.close(), fine.close()]);
  }
});

rateLimits('past the audit’s deadline no request starts: the rest is not checked, never broken', async () => {
  const site = await startServer((_request, response) => setTimeout(() => response.writeHead(200).end(), 20));
  try {
    const links = Array.from({ length: 10 }, (_, i) => `[${i}](${site.base}/page-${i})`).join('\n');
    const report = await audit({ 'page.md': `# Page\n\n${links}\n` }, { concurrency: 1, perHost: 1, deadlineMs: 1 });
    const unchecked = report.urls.filter((u) => u.status === 'unchecked');
    assert.ok(site.hits.length <= 1, `${site.hits.length} requests`);
    assert.is(unchecked.length + site.hits.length, 10);
    assert.is(unchecked[0]!.reason, "not checked: the audit's deadline (0 s) passed");
    assert.is(report.summary.broken, 0);
  } finally {
    await site.close();
  }
});

rateLimits.run();

const redirects = suite('link-audit: redirects to private addresses');

redirects('a redirect to 169.254.169.254, to another loopback port or to localhost is not followed; one within the cited origin is', async () => {
  const other = await startServer((_request, response) => response.writeHead(200).end());
  let base = '';
  const site = await startServer((request, response) => {
    const to: Record<string, string> = {
      '/to-metadata': 'http://169.254.169.254/latest/meta-data/',
      '/to-other-port': `${other.base}/ok`,
      '/to-localhost': `${base.replace('127.0.0.1', 'localhost')}/ok`,
      '/to-self': '/ok',
    };
    const location = to[request.url ?? ''];
    response.writeHead(location ? 302 : 200, location ? { location } : {}).end();
  });
  base = site.base;
  try {
    const paths = ['/to-metadata', '/to-other-port', '/to-localhost', '/to-self'];
    const report = await audit({ 'page.md': `# Page\n\n${paths.map((path) => `[x](${site.base}${path})`).join('\n')}\n` });
    const otherHost = new URL(other.base).host;
    const localhost = new URL(site.base.replace('127.0.0.1', 'localhost')).host;
    const results = byPath(report, site.base);
    assert.is(results['/to-metadata'], 'broken | redirect to a private address not followed (169.254.169.254)');
    assert.is(results['/to-other-port'], `broken | redirect to a private address not followed (${otherHost})`);
    assert.match(results['/to-localhost']!, new RegExp(`^broken \\| redirect to a private address not followed \\(${localhost}, which is (127\\.0\\.0\\.1|::1)\\)$`));
    assert.is(results['/to-self'], 'redirected | HTTP 200 after a redirect');
    assert.is(other.hits.length, 0, 'the other port was never asked');
    assert.equal(site.hits.filter((hit) => hit.path === '/ok').length, 1);
  } finally {
    await Promise.all([site.close(), other.close()]);
  }
});

redirects('links.json `followPrivateRedirects` lets them through', async () => {
  const other = await startServer((_request, response) => response.writeHead(200).end());
  const site = await startServer((_request, response) => response.writeHead(302, { location: `${other.base}/ok` }).end());
  try {
    const report = await audit({ 'page.md': `# Page\n\n[x](${site.base}/away)\n` }, { followPrivateRedirects: true });
    assert.is(byPath(report, site.base)['/away'], 'redirected | HTTP 200 after a redirect');
    assert.is(other.hits.length, 1);
  } finally {
    await Promise.all([site.close(), other.close()]);
  }
});

redirects.run();

const tls = suite('link-audit: an https URL answered in plain HTTP');

tls('is reported as what it is, not as a certificate problem', async () => {
  const site = await startServer((_request, response) => response.writeHead(200).end());
  try {
    const url = site.base.replace('http:', 'https:');
    const report = await audit({ 'page.md': `# Page\n\n[x](${url}/secure)\n` });
    assert.is(byPath(report, url)['/secure'], 'broken | not TLS: the server answered this https URL in plain HTTP (ERR_SSL_WRONG_VERSION_NUMBER)');
  } finally {
    await site.close();
  }
});

tls.run();
