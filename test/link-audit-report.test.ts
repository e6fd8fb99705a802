/** The link audit's inputs and outputs: which URLs are collected, the settings file, the issue body. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LinkState } from 'linkinator';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { auditLinks, type AuditReport } from '../scripts/links/audit.js';
import { collectExternalUrls } from '../scripts/links/collect-urls.js';
import { DEFAULT_CONFIG, loadLinkConfig, parseLinkConfig } from '../scripts/links/config.js';
import { UserError } from '../scripts/user-error.js';
import type { ProbeResult } from '../scripts/links/linkinator-probe.js';
import { humanReport, issueReport, MAX_ISSUE_LENGTH } from '../scripts/links/report.js';
import { makeDocsTree, projectRoot } from './helpers/docs-tree.js';

const pages = {
  'guide/a.md': ['# Guide A', '', '- [Gone](https://a.test/gone)', '- [Old](https://a.test/old)', '- ![Badge](https://c.test/)', '- `https://z.test/in-code` is code, not a link', ''].join('\n'),
  'guide/b.md': [
    '# Guide B',
    '',
    'Read [the missing page][missing] and <https://a.test/gone#part>.',
    '',
    '[missing]: https://b.test/missing',
    '',
    '```js',
    'fetch("https://z.test/fenced");',
    '```',
    '',
    'Slow: [d](https://d.test/slow), fine: [e](https://e.test/), local: [c](../c.md), <a href="https://z.test/html">raw HTML</a>, [mail](mailto:x@a.test).',
    '',
  ].join('\n'),
};

const collect = suite('link-audit: collecting URLs');

collect('links, images, definitions and autolinks count; code, raw HTML and other schemes do not; fragments share a request', () => {
  const root = makeDocsTree(pages, { template: null });
  const { urls, pages: scanned } = collectExternalUrls(root, root);
  assert.is(scanned, 2);
  assert.equal(
    urls.map(({ url, citations }) => `${url} ${citations.map((c) => `${c.page}:${c.line}:${c.column}`).join(' ')}`),
    [
      'https://a.test/gone guide/a.md:3:3 guide/b.md:3:38',
      'https://a.test/old guide/a.md:4:3',
      'https://b.test/missing guide/b.md:5:1',
      'https://c.test/ guide/a.md:5:3',
      'https://d.test/slow guide/b.md:11:7',
      'https://e.test/ guide/b.md:11:39',
    ],
  );
});

collect.run();

const settings = suite('link-audit: links.json');

settings('the shipped settings are valid and spell out every default', () => {
  const path = join(projectRoot, 'docs', '_template', 'links.json');
  const shipped = loadLinkConfig(path, true);
  const { skip, allow, ...numbers } = shipped;
  const { skip: _s, allow: _a, ...defaults } = DEFAULT_CONFIG;
  assert.equal(numbers, defaults);
  assert.ok(skip.some((pattern) => pattern.test('http://localhost:8080/')));
  assert.equal(allow, []);
  assert.equal(Object.keys(JSON.parse(readFileSync(path, 'utf8')) as object).sort(), ['allow', 'skip', ...Object.keys(defaults)].sort());
});

settings('every mistake is one line naming the file, the position and the setting', () => {
  const message = (text: string): string => {
    try {
      parseLinkConfig(text, 'links.json');
    } catch (error) {
      assert.instance(error, UserError);
      return (error as Error).message;
    }
    return 'accepted';
  };
  assert.equal(
    [
      message('[]'),
      message('{"skipp": []}'),
      message('{"skip": "^https://a"}'),
      message('{"skip": ["(unclosed"]}'),
      message('{"allow": {"^https://intranet/": "fine"}}'),
      message('{"allow": {"(unclosed": "broken"}}'),
      message('{\n  "timeoutMs": 2.5\n}'),
      message('{"retries": -1}'),
      message('{"retries": 1,}'),
      message('{"allow": {"^https://intranet/": ["blocked", "flaky"]}, "retries": 0}'),
    ],
    [
      'links.json:1:1: the file must be an object like {"skip": [], "allow": {}}, found a list',
      'links.json:1:2: unknown key "skipp" (one of: skip, allow, concurrency, perHost, timeoutMs, retries, retryBaseMs, recheckOkAfterHours, deadAfterRuns, hostWaitBudgetMs, deadlineMs, followPrivateRedirects)',
      'links.json:1:10: `skip` must be a list of regular expressions, found "^https://a"',
      'links.json:1:11: `skip[0]` is not a valid regular expression (Unterminated group), found "(unclosed"',
      'links.json:1:34: `allow["^https://intranet/"]` must be one of "redirected", "broken", "blocked", "flaky" or a list of them, found "fine"',
      'links.json:1:12: `allow`: key "(unclosed" is not a valid regular expression (Unterminated group)',
      'links.json:2:16: `timeoutMs` must be a whole number >= 1, found 2.5',
      'links.json:1:13: `retries` must be a whole number >= 0, found -1',
      'links.json:1:15: not valid JSON: expected a key in double quotes',
      'accepted',
    ],
  );
});

settings.run();

const issue = suite('link-audit: the tracking issue body');

const timeout = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
const answers: Record<string, ProbeResult> = {
  'https://a.test/gone': { state: LinkState.BROKEN, status: 404, failures: [{ status: 404, headers: {} }] },
  'https://a.test/old': { state: LinkState.OK, status: 200, failures: [], finalUrl: 'https://a.test/new' },
  'https://b.test/missing': { state: LinkState.BROKEN, status: 410, failures: [{ status: 410, headers: {} }] },
  'https://c.test/': { state: LinkState.BROKEN, status: 403, failures: [{ status: 403, headers: {} }] },
  'https://d.test/slow': { state: LinkState.BROKEN, status: 0, failures: [timeout, timeout] },
  'https://e.test/': { state: LinkState.OK, status: 200, failures: [] },
};

/** A second run over the pages above, with canned answers instead of requests. */
function smallAudit(): Promise<AuditReport> {
  const root = makeDocsTree(pages, { template: null });
  return auditLinks({
    docsRoot: root,
    cwd: root,
    config: { ...DEFAULT_CONFIG, retryBaseMs: 0 },
    previous: new Map([['https://a.test/gone', { status: 'broken', reason: 'HTTP 404', checkedAt: '2025-01-06T06:00:00.000Z', failedRuns: 1 }]]),
    now: () => new Date('2025-01-13T06:00:00Z'),
    probe: async (url) => answers[url]!,
  });
}

issue('grouped by URL, every citing page and line under it, sections in order of urgency', async () => {
  const report = await smallAudit();
  assert.fixture(
    issueReport(report),
    `<!-- link-audit: opened, updated and closed by the link-audit workflow -->
## External link audit

Audit of 2025-01-13 06:00 UTC: 6 URLs cited 7 times on 2 of 2 pages, 6 requested.

**1 dead**, 1 failing, 1 redirected, 1 blocked, 1 flaky, 1 ok.

### Dead links (1)

Broken on 2 consecutive runs: fix or remove them.

- <https://a.test/gone> — HTTP 404, broken on 2 runs in a row
  - \`guide/a.md:3:3\`
  - \`guide/b.md:3:38\`

### Failing links (1)

Broken on this run, not yet on 2 consecutive runs: dead if they stay broken.

- <https://b.test/missing> — HTTP 410, failing (1 of 2 runs)
  - \`guide/b.md:5:1\`

### Redirected links (1)

They still work, through a redirect: update them to the final URL.

- <https://a.test/old> → <https://a.test/new> — HTTP 200 after a redirect
  - \`guide/a.md:4:3\`

### Blocked (1)

The site refused the checker (401, 403 or a bot challenge): check these by hand, or accept them in \`_template/links.json\`.

- <https://c.test/> — HTTP 403 (access refused)
  - \`guide/a.md:5:3\`

### Flaky (1)

No clear answer after retries (timeouts, 5xx, 429, dropped connections); not counted as broken.

- <https://d.test/slow> — timed out after 3 attempts
  - \`guide/b.md:11:7\`
`,
  );
  assert.match(issueReport(report, { sourceUrl: 'https://github.com/o/r/blob/abc/' }), '  - [`guide/b.md:3:38`](https://github.com/o/r/blob/abc/guide/b.md#L3)\n');
  assert.match(humanReport(report), 'Redirected links (1). They still work, through a redirect: update them to the final URL.\n  https://a.test/old  HTTP 200 after a redirect\n    now at https://a.test/new\n    guide/a.md:4:3\n');
});

issue('a healthy audit says the issue can be closed; an enormous one is cut below GitHub’s limit', async () => {
  const report = await smallAudit();
  const healthy: AuditReport = { ...report, healthy: true, summary: { ...report.summary, dead: 0, failing: 0, redirected: 0, blocked: 0, flaky: 0 }, urls: report.urls.filter((u) => u.status === 'ok') };
  assert.ok(issueReport(healthy).endsWith('\n**0 dead**, 0 failing, 0 redirected, 0 blocked, 0 flaky, 1 ok.\n\nNothing dead, failing or redirected: this issue can be closed.\n'));
  const dead = report.urls.find((u) => u.dead)!;
  const citations = Array.from({ length: 5000 }, (_, i) => ({ page: `service-${i}/security.md`, line: 3, column: 1 }));
  const huge = issueReport({ ...report, urls: [{ ...dead, citations }] });
  assert.ok(huge.length <= MAX_ISSUE_LENGTH, String(huge.length));
  assert.ok(huge.endsWith("\n… (truncated: the full report is in the workflow run's `link-audit-report` artifact)\n"));
});

issue.run();
