/**
 * Benchmark of the link audit against linkinator's own CLI on the same pages: 500 unique URLs cited
 * 5,000 times across 100 pages, all pointing at a loopback server that answers every request after
 * 50 ms and counts them. Both tools run as child processes (the server must stay free to answer).
 * A benchmark, not a test: it reports, it never fails on slowness.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG } from './config.js';

const UNIQUE_URLS = 500;
const PAGES = 100;
const LINKS_PER_PAGE = 50;
const ANSWER_DELAY_MS = 50;

interface Row {
  tool: string;
  seconds: number;
  requests: number;
}

/** Runs the benchmark and returns a markdown table: wall time and requests for each tool. */
export async function benchAudit(): Promise<string> {
  let requests = 0;
  const server = createServer((_request, response) => {
    requests++;
    setTimeout(() => response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n'), ANSWER_DELAY_MS);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const work = mkdtempSync(join(tmpdir(), 'link-audit-bench-'));
  try {
    // linkinator serves the pages from its working directory: the glob must be relative to `work`.
    const docs = writePages(join(work, 'docs'), base);
    const settings = (name: string, overrides: object): string => {
      const { skip: _skip, allow: _allow, ...numbers } = DEFAULT_CONFIG;
      const path = join(work, name);
      writeFileSync(path, JSON.stringify({ ...numbers, ...overrides }));
      return path;
    };
    const shipped = settings('shipped.json', {});
    const wide = settings('wide.json', { concurrency: 100, perHost: 100 });
    const ours = (config: string, results: string): string[] => [...ourCli(), '--docs', docs, '--config', config, '--results', join(work, results), '--format', 'json'];
    const tools: [string, string[]][] = [
      [`ours, shipped settings (${DEFAULT_CONFIG.concurrency} at once, ${DEFAULT_CONFIG.perHost} per host)`, ours(shipped, 'shipped.json.results')],
      ['ours, second run (ok results reused)', ours(shipped, 'shipped.json.results')],
      ['ours, 100 at once, 100 per host', ours(wide, 'wide.json.results')],
      ['linkinator CLI (--markdown, concurrency 100)', [process.execPath, linkinatorCli(), 'docs/**/*.md', '--markdown', '--concurrency', '100', '--format', 'json']],
    ];
    const rows: Row[] = [];
    for (const [tool, command] of tools) {
      requests = 0;
      const started = performance.now();
      await run(command, work);
      rows.push({ tool, seconds: (performance.now() - started) / 1000, requests });
    }
    return [
      `Link audit bench: ${UNIQUE_URLS} unique URLs cited ${PAGES * LINKS_PER_PAGE} times on ${PAGES} pages; the loopback server answers after ${ANSWER_DELAY_MS} ms.`,
      '',
      '| tool | wall time | requests to the server |',
      '|---|--:|--:|',
      ...rows.map((row) => `| ${row.tool} | ${row.seconds.toFixed(2)} s | ${row.requests} |`),
    ].join('\n');
  } finally {
    server.closeAllConnections();
    server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** Pages whose links cycle through the unique URLs, so each URL is cited PAGES * LINKS_PER_PAGE / UNIQUE_URLS times. */
function writePages(docs: string, base: string): string {
  mkdirSync(docs, { recursive: true });
  for (let page = 0; page < PAGES; page++) {
    const links = Array.from({ length: LINKS_PER_PAGE }, (_, i) => `- [link ${i}](${base}/page/${(page * LINKS_PER_PAGE + i) % UNIQUE_URLS})`);
    writeFileSync(join(docs, `page-${page}.md`), `# Page ${page}\n\n${links.join('\n')}\n`);
  }
  return docs;
}

/** Our CLI beside this module: the compiled one, or the TypeScript source through the project's loader. */
function ourCli(): string[] {
  const self = fileURLToPath(import.meta.url);
  // From source, through ts-node (whose loader sets off a deprecation warning on Node 22 and 24).
  const loader = extname(self) === '.ts' ? ['--disable-warning=DEP0180', '--import', join(dirname(self), '..', 'register.mjs')] : [];
  return [process.execPath, ...loader, join(dirname(self), `audit-cli${extname(self)}`)];
}

/** linkinator's CLI module (its package exports only the library, which sits beside it). */
function linkinatorCli(): string {
  return join(dirname(fileURLToPath(import.meta.resolve('linkinator'))), 'cli.js');
}

/** Runs a command to its end without blocking this process's event loop; exit codes other than 0 and 1 fail. */
function run([command, ...args]: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command!, args, { cwd, maxBuffer: 1 << 28 }, (error, _stdout, stderr) => {
      if (error && error.code !== 1) reject(new Error(`${command} ${args.join(' ')} failed (${error.code}): ${stderr.slice(-400)}`));
      else resolve();
    });
  });
}
