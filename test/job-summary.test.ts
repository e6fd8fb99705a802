/** The job summary: under GitHub's 1 MiB whatever the findings, read top down, and page names that cannot break out of it. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Html, Link, Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding } from '../scripts/engine/finding.js';
import { htmlText, messageText, plainText } from '../scripts/reporters/github-markdown-text.js';
import { markdownReport } from '../scripts/reporters/markdown.js';
import { SUMMARY_LIMIT, summaryBudget } from '../scripts/reporters/summary-budget.js';
import { summaryLinkBase } from '../scripts/reporters/summary-links.js';
import { loadTemplate } from '../scripts/template/template.js';
import { fixture, makeDocsTree, projectRoot, shippedConfig } from './helpers/docs-tree.js';

/** The built CLI with GitHub's variables as given (and no others from the environment running the tests). */
export function runInActions(args: readonly string[], cwd: string, github: Record<string, string>): { code: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('GITHUB_')) delete env[name];
  const run = spawnSync(process.execPath, [join(projectRoot, 'dist', 'scripts', 'cli.js'), ...args], { cwd, encoding: 'utf8', env: { ...env, ...github } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const summary = suite('job summary');
const template = loadTemplate(join(projectRoot, 'docs'));
const base = 'https://github.com/o/r/blob/0123456789abcdef0123456789abcdef01234567/';

/** `pages` pages of `perPage` findings each, every third an error, with messages as long as real ones. */
function generated(pages: number, perPage: number): Finding[] {
  const findings: Finding[] = [];
  for (let p = 0; p < pages; p++) {
    for (let i = 0; i < perPage; i++) {
      const error = (p * perPage + i) % 3 === 0;
      findings.push({
        file: `docs/service-${String(p).padStart(5, '0')}/data-protection.md`,
        line: i + 1,
        column: 3,
        endLine: i + 1,
        endColumn: 20,
        severity: error ? 'error' : 'warning',
        ruleId: error ? 'template-wording' : 'trailing-spaces',
        message: error ? 'sentence differs from the template: expected `you benefit from a data center and network architecture`, found `you will benefit from a data center`' : 'line ends with spaces',
        fixable: true,
      });
    }
  }
  return findings;
}

const count = (text: string): number => Number(text.replace(/,/g, ''));

summary('50,000 findings: under 1 MiB, whole lines only, and the "more" count is exact', () => {
  const findings = generated(2_000, 25);
  const text = markdownReport({ files: [], findings, template, topics: [] }, { linkBase: base });
  assert.ok(Buffer.byteLength(text, 'utf8') < SUMMARY_LIMIT, `${Buffer.byteLength(text, 'utf8')} bytes`);
  assert.ok(Buffer.byteLength(text, 'utf8') > SUMMARY_LIMIT / 2, 'the budget is used, not wasted');
  const listed = text.split('\n').filter((line) => line.startsWith('- [')).length;
  const more = /^… ([\d,]+) more findings in ([\d,]+) more pages not listed/m.exec(text);
  assert.ok(more, 'the rest is counted');
  assert.is(listed + count(more![1]!), 50_000);
  const pagesOpened = text.split('\n').filter((line) => line.startsWith('<details>')).length;
  assert.is(pagesOpened + count(more![2]!), 2_000);
  assert.is(text.split('\n').filter((line) => line === '</details>').length, pagesOpened, 'every section closed');
  for (const line of text.split('\n').filter((l) => l.startsWith('- ['))) assert.match(line, /^- \[\d+:\d+\]\(https:\/\/github\.com\/o\/r\/blob\/[0-9a-f]{40}\/docs\/service-\d{5}\/data-protection\.md#L\d+\) (error|warning) \*\*[a-z-]+\*\* .+$/);
  assert.match(text, /^50,000 findings|^16,667 errors, 33,333 warnings\.$/m);
  assert.match(text, /`npm run fix` would fix 50,000 of them\./);
});

summary('a summary appended after others gets what is left of the 1 MiB', () => {
  const existing = 1_000_000;
  const text = markdownReport({ files: [], findings: generated(500, 20), template, topics: [] }, { linkBase: base, budget: summaryBudget(existing) });
  assert.ok(existing + Buffer.byteLength(text, 'utf8') < SUMMARY_LIMIT);
  assert.match(text, /more findings in [\d,]+ more pages not listed/);
});

summary('top down: totals, per rule with what fix fixes, per service, then pages with errors first', () => {
  const findings = generated(4, 3).map((f) => (f.file.includes('00000') ? { ...f, severity: 'warning' as const } : f));
  const text = markdownReport({ files: [], findings, template, topics: [] }, { linkBase: base });
  const order = ['# Docs quality', '| rule | findings | `fix` fixes |', '## Findings per service and rule', '## Findings per page'].map((heading) => text.indexOf(heading));
  assert.equal([...order].sort((a, b) => a - b), order);
  assert.ok(order.every((at) => at >= 0));
  const pages = [...text.matchAll(/<summary><code>docs\/service-(\d+)\//g)].map((m) => m[1]);
  assert.equal(pages, ['00001', '00002', '00003', '00000'], 'the page with only warnings comes last');
});

summary('the SARIF share is said when code scanning gets only part of the findings', () => {
  const text = markdownReport({ files: [], findings: generated(1, 3), template, topics: [] }, { sarif: { total: 12_000, included: 5_000 } });
  assert.match(text, /The SARIF report for code scanning holds 5,000 of the 12,000 findings \(errors first; code scanning keeps at most 5,000 results of a run\): 7,000 left out\./);
});

summary('links point to the checked commit in GitHub Actions, and only inside the checkout', () => {
  const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'abc', GITHUB_WORKSPACE: projectRoot };
  assert.is(summaryLinkBase(undefined, env, projectRoot), 'https://github.com/o/r/blob/abc/');
  assert.is(summaryLinkBase(undefined, env, join(projectRoot, 'docs')), 'https://github.com/o/r/blob/abc/docs/');
  assert.is(summaryLinkBase(undefined, env, makeDocsTree({})), '', 'a folder outside the checkout keeps relative links');
  assert.is(summaryLinkBase(undefined, {}, projectRoot), '');
  assert.is(summaryLinkBase('https://example.test/blob/1', env, projectRoot), 'https://example.test/blob/1/');
  const bad = runInActions(['check', '--docs', '.', '--summary-link-base', 'javascript:alert(1)'], makeDocsTree({}), {});
  assert.equal([bad.code, bad.stderr.split('\n')[0]], [2, 'docs-quality: --summary-link-base must be an http(s) URL, got "javascript:alert(1)"']);
});

// Defect 9: a fork chooses its file and folder names, and they reached the summary raw.
const hostile = 'x)[click](javascript:alert(1)) @someone <img src=x onerror=alert(1)>';
// The same findings with plain names: SERVICENAME, like `<img …>`, reads as a template placeholder.
const plain = 'x-click-javascript-alert-1-someone-SERVICENAME';

function summaryOf(name: string): string {
  const page = fixture('template/clean/security.md').replace('you benefit', 'you will benefit').replace('[Data Protection in Amazon Kinesis Data Streams]', `[Data protection ${name.replace(/[[\]()]/g, '\\$&')}]`);
  const root = makeDocsTree({ [`${name}/security.md`]: page }, shippedConfig());
  mkdirSync(join(root, name), { recursive: true });
  writeFileSync(join(root, name, `${name}\n# injected heading.md`), '# Notes\n\nSome notes.\n');
  const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'abc', GITHUB_WORKSPACE: root };
  const run = runInActions(['check', '--docs', '.', '--format', 'github', '--summary', 'summary.md'], root, env);
  assert.is(run.code, 1, run.stderr);
  return readFileSync(join(root, 'summary.md'), 'utf8');
}

/** Node types in document order; our own HTML with the page name masked; link targets left out. */
function skeleton(node: Nodes, out: string[] = []): string[] {
  out.push(node.type === 'html' ? `html ${node.value.replace(/<code>[^<]*<\/code>/g, '<code>…</code>')}` : node.type);
  if ('children' in node) for (const child of node.children) skeleton(child as Nodes, out);
  return out;
}

function nodesOf(tree: Root, type: string): Nodes[] {
  const found: Nodes[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === type) found.push(node);
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return found;
}

summary('hostile file and folder names: the summary has the structure of one with plain names', () => {
  const [bad, good] = [summaryOf(hostile), summaryOf(plain)];
  const parse = (text: string): Root => unified().use(remarkParse).parse(text);
  const [badTree, goodTree] = [parse(bad), parse(good)];
  assert.equal(skeleton(badTree), skeleton(goodTree));
  // Our HTML only: <details> sections whose page name has no markup left in it.
  for (const node of nodesOf(badTree, 'html') as Html[]) assert.match(node.value, /^(<details><summary><code>[^<>"]*<\/code>: [\d,]+ errors?, [\d,]+ warnings?<\/summary>|<\/details>)$/, node.value);
  // Links: one per finding, each to the checked commit, none broken out of.
  const links = nodesOf(badTree, 'link') as Link[];
  assert.is(links.length, bad.split('\n').filter((line) => line.startsWith('- [')).length);
  for (const link of links) assert.match(link.url, /^https:\/\/github\.com\/o\/r\/blob\/abc\/[^()\s<>]+#L\d+$/, link.url);
  // Mentions broken outside code; no new line from a name starts a heading.
  for (const node of nodesOf(badTree, 'text')) assert.not.match((node as { value: string }).value, /@[a-z]/, 'a live mention');
  assert.not.match(bad, /^# injected heading/m);
  assert.ok(bad.includes('@\u200bsomeone'), 'the mention is kept as text');
  assert.match(bad, /^- `x\)\[click\]\(javascript:alert\(1\)\) @someone <img src=x onerror=alert\(1\)>`: `Data protection x\)\[click\]/m, 'the topic title, in a code span');
  // Table rows keep their cell count (a `|` from a name would add a cell).
  const cells = (line: string): number => line.split(/(?<!\\)\|/).length;
  const rows = (text: string): number[] => text.split('\n').filter((line) => line.startsWith('|')).map(cells);
  assert.equal(rows(bad), rows(good));
});

summary.run();

const text = suite('page text in the summary');

text('bare URLs and www. names from a page do not become links', () => {
  const tree = unified().use(remarkParse).parse(plainText('see https://evil.example and www.evil.example or a@b.example'));
  assert.is(nodesOf(tree, 'link').length, 0);
  assert.is(plainText('https://x.example'), 'https:\u200b//x.example');
  assert.is(plainText('www.x.example'), 'www\u200b.x.example');
});

text('a message keeps its quoted parts as code, whatever backticks the page brings', () => {
  assert.is(messageText('expected `you benefit`, found `a <b> @c`'), 'expected `you benefit`, found `a <b> @c`');
  assert.is(messageText('found `a`b` here (x)'), 'found `a`b\\` here \\(x\\)');
  assert.is(htmlText('<img src="x"> @me\nnext'), '&lt;img src=&quot;x&quot;&gt; @\u200bme next');
});

text.run();
