/**
 * `npm run bench`: real docs trees first (`--corpus DIR...`), then generated corpora of 50, 300 and
 * 1,000 services; for each it times, in the same run and alternating, our full `check` (cold: no
 * cache at all; warm: nothing changed), `remark` with `remark-validate-links`, `cspell`,
 * markdownlint-cli2, a parse-only baseline (`remark` with no plugins), and rumdl (native-speed
 * reference); then `check --staged` with one staged page in the largest generated corpus, and the
 * external link audit next to linkinator's own CLI. Prints medians, peak memory and ratios. A
 * benchmark, not a test: it never fails the suite.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isMarkdownFile } from '../corpus/docs-files.js';
import { benchAudit } from '../links/bench-audit.js';
import { TEMPLATE_DIR } from '../template/template.js';
import { generateCorpus, type CorpusStats } from './generate-corpus.js';

const project = fileURLToPath(new URL('../../../', import.meta.url));
const bin = (name: string): string => join(project, 'node_modules', '.bin', name);
const cli = join(project, 'dist', 'scripts', 'cli.js');

interface Measure {
  seconds: number;
  mib: number;
}

/** Wall time and peak resident memory of a command (GNU time's maximum RSS of the process tree). */
function measure(command: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Measure {
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M', ...command], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
  const last = run.stderr.trim().split('\n').pop() ?? '';
  const [seconds, kib] = last.split(' ').map(Number);
  if (!Number.isFinite(seconds)) throw new Error(`could not time ${command.join(' ')}: ${run.stderr.slice(-400)}`);
  if (/Cannot process file|Cannot find module/.test(run.stderr)) throw new Error(`${command[0]} failed: ${run.stderr.slice(0, 400)}`);
  return { seconds: seconds!, mib: kib! / 1024 };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

const HELP = `npm run bench -- [options]

  --corpus DIR...   real docs trees, benched first: each folder holding .md files becomes one
                    service folder beside our _template/ (e.g. --corpus ../shared/corpus/guides);
                    a top folder's own pages count only when it has no subfolders
  --sizes LIST      generated corpora, in services (default 50,300,1000; "none" for none)
  --runs N          runs per tool, medians reported (default 3)
  --staged-only     only the check --staged figures, in the largest generated corpus
  --no-audit        leave out the external link audit
  --help            this text
`;

interface Corpus {
  label: string;
  path: string;
  files: number;
  bytes: number;
}

/** Lays real trees out as service folders beside our template: one folder of .md files, one service. */
function realCorpus(dirs: readonly string[], target: string): Corpus {
  cpSync(join(project, 'docs', TEMPLATE_DIR), join(target, TEMPLATE_DIR), { recursive: true });
  let files = 0;
  let bytes = 0;
  for (const dir of dirs) {
    const walk = (folder: string): void => {
      const pages = readdirSync(folder, { withFileTypes: true });
      // The top folder's own pages (a README beside the guides) count only when it has no subfolders.
      const top = folder === dir && pages.some((entry) => entry.isDirectory());
      const md = top ? [] : pages.filter((entry) => entry.isFile() && isMarkdownFile(entry.name));
      if (md.length > 0) {
        const service = join(target, (relative(dir, folder) || basename(dir)).replaceAll('/', '-').replace(/-doc_source$/, ''));
        mkdirSync(service, { recursive: true });
        for (const entry of md) {
          cpSync(join(folder, entry.name), join(service, entry.name));
          files++;
          bytes += statSync(join(folder, entry.name)).size;
        }
      }
      for (const entry of pages) if (entry.isDirectory() && !entry.name.startsWith('.')) walk(join(folder, entry.name));
    };
    walk(dir);
  }
  return { label: `real: ${dirs.map((dir) => basename(dir)).join(', ')}`, path: target, files, bytes };
}

function toolsFor(corpus: string, cacheDir: string): Record<string, { command: string[]; before?: () => void }> {
  return {
    'check (cold: no cache)': { command: [process.execPath, cli, 'check', '--docs', corpus, '--format', 'json'], before: () => rmSync(cacheDir, { recursive: true, force: true }) },
    'check (warm cache, nothing changed)': { command: [process.execPath, cli, 'check', '--docs', corpus, '--format', 'json'] },
    'remark + validate-links': { command: [bin('remark'), '--no-config', '--use', 'remark-validate-links=repository:false', '--quiet', '--no-stdout', '--silent', corpus] },
    'parse only (remark, no plugins)': { command: [bin('remark'), '--no-config', '--quiet', '--no-stdout', '--silent', corpus] },
    // --root: cspell only checks files under its root (an absolute glob elsewhere checks nothing).
    'cspell lint': { command: [bin('cspell'), 'lint', '--no-progress', '--no-summary', '--no-cache', '--root', corpus, '**/*.md'] },
    // Its default rules, over the same pages.
    'markdownlint-cli2': { command: [bin('markdownlint-cli2'), `${corpus}/**/*.md`] },
    // rumdl ships per-platform binaries that npm cannot pin in one lockfile, so it is fetched here.
    rumdl: { command: ['npx', '--yes', 'rumdl@0.2.75', 'check', '--no-cache', corpus] },
  };
}

/** Times every tool on one corpus, alternating, and prints the medians, peak memory and ratios. */
function benchCorpus(corpus: Corpus, runs: number, cacheDir: string): void {
  console.log(`## ${corpus.label}: ${corpus.files} files, ${(corpus.bytes / 1048576).toFixed(1)} MB`);
  const tools = toolsFor(corpus.path, cacheDir);
  const results = new Map<string, Measure[]>(Object.keys(tools).map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    for (const [name, tool] of Object.entries(tools)) {
      tool.before?.();
      // From the project folder, so remark finds its plugins; --no-config keeps our .remarkrc out.
      results.get(name)!.push(measure(tool.command, project));
    }
  }
  const summary = new Map([...results].map(([name, ms]) => [name, { seconds: median(ms.map((m) => m.seconds)), mib: Math.max(...ms.map((m) => m.mib)) }]));
  const ours = summary.get('check (cold: no cache)')!;
  console.log('| tool | median wall | peak memory | ours (cold) / tool |');
  console.log('|---|--:|--:|--:|');
  for (const [name, m] of summary) {
    console.log(`| ${name} | ${m.seconds.toFixed(2)} s | ${m.mib.toFixed(0)} MiB | ${(ours.seconds / m.seconds).toFixed(2)} |`);
  }
  console.log(`\nours: ${(ours.mib / (corpus.files / 1000)).toFixed(0)} MiB per 1,000 files\n`);
}

function parseBenchArgs() {
  return parseArgs({
    allowPositionals: true,
    options: {
      corpus: { type: 'string', multiple: true, default: [] },
      sizes: { type: 'string', default: '50,300,1000' },
      runs: { type: 'string', default: '3' },
      'staged-only': { type: 'boolean', default: false },
      'no-audit': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseBenchArgs();
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  // `--corpus A B` gives B as a positional: every positional is a real tree too.
  const real = [...values.corpus, ...positionals];
  const sizes = values.sizes === 'none' ? [] : values.sizes.split(',').map(Number);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || sizes.some((size) => !Number.isInteger(size) || size < 1)) {
    process.stderr.write(`bench: --runs takes a whole number, --sizes a list of whole numbers or "none"\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'docs-quality-bench-'));
  const cacheDir = join(tmpdir(), 'docs-quality-cache');
  console.log(`docs-quality bench: ${runs} runs per tool, medians; peak memory is the largest process's RSS\n`);
  try {
    if (real.length > 0 && !values['staged-only']) {
      const corpus = realCorpus(real, join(work, 'real'));
      benchCorpus(corpus, runs, cacheDir);
      rmSync(corpus.path, { recursive: true, force: true });
    }
    for (const services of sizes) {
      const path = join(work, `corpus-${services}`);
      const stats: CorpusStats = generateCorpus(join(project, 'docs'), path, services, services);
      if (!values['staged-only']) benchCorpus({ label: `${services} generated services, ${stats.drifted} drifted pages`, path, files: stats.files, bytes: stats.bytes }, runs, cacheDir);
      if (services === sizes[sizes.length - 1]) benchStaged(path, runs);
      rmSync(path, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (values['no-audit']) return;
  console.log('## external link audit: 500 unique URLs cited 5,000 times, loopback server with 50 ms latency\n');
  console.log(await benchAudit());
}

/** A number spelt in letters, so it makes one word. */
function letters(n: number): string {
  return n
    .toString(26)
    .split('')
    .map((c) => String.fromCharCode(97 + parseInt(c, 26)))
    .join('');
}

/** `check --staged` with one staged page in a git repository holding the corpus. */
function benchStaged(corpus: string, runs: number): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: corpus, stdio: 'pipe', maxBuffer: 1 << 28 });
  git('init', '-q');
  git('-c', 'user.email=bench@example.com', '-c', 'user.name=bench', 'add', '.');
  git('-c', 'user.email=bench@example.com', '-c', 'user.name=bench', 'commit', '-q', '--no-verify', '-m', 'corpus');
  // The first run after cloning fills the caches (index, findings, spelling), as a writer's
  // earlier commits would have.
  measure([process.execPath, cli, 'check', '--docs', '.'], corpus);
  const page = join(corpus, 'service-0001', 'resilience.md');
  const original = readFileSync(page, 'utf8');
  // Every run stages different content, so no run is answered from the previous one's cache.
  // Words of the template, as the template writes them: every earlier run has already spelled them.
  const known = ['Security is the highest priority.', 'You benefit from the shared responsibility model.', 'AWS is responsible for the infrastructure.', 'Your responsibility is determined by the service that you use.', 'This documentation helps you secure your resources.', 'The following topics show you how to monitor your resources.', 'Security is a shared responsibility.'];
  const edits: [string, (run: number) => string][] = [
    ['an edit in words the docs already use', (run) => known[run % known.length]!],
    // A word no earlier run (of this bench or a previous one) has asked cspell about.
    ['an edit with a word the docs never used (cspell loads its dictionaries)', (run) => `Data is kept by the zymurg${letters(Date.now() + run)}ical service.`],
  ];
  for (const [label, sentence] of edits) {
    const times: Measure[] = [];
    for (let run = 0; run < Math.max(runs, 5); run++) {
      writeFileSync(page, original.replace('\n\n', `\n\n${sentence(run)}\n\n`));
      git('add', page);
      times.push(measure([process.execPath, cli, 'check', '--staged', '--docs', '.'], corpus));
    }
    console.log(`check --staged, one staged page, ${label}: median ${median(times.map((t) => t.seconds)).toFixed(2)} s wall, peak ${Math.max(...times.map((t) => t.mib)).toFixed(0)} MiB (process start included)`);
  }
  console.log('');
}

await main();
