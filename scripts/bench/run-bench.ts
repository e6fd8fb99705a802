/**
 * `npm run bench`: generates corpora of 50, 300 and 1,000 services and times, in the same run and
 * alternating, our full `check`, `remark` with `remark-validate-links` alone, `cspell` alone, a
 * parse-only baseline (`remark` with no plugins), and rumdl (native-speed reference); then
 * `check --staged` with one staged page in the largest corpus, and the external link audit next to
 * linkinator's own CLI. Prints medians, peak memory and ratios. A benchmark, not a test: it never
 * fails the suite.
 *
 *   npm run bench -- --sizes 50,300 --runs 3
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchAudit } from '../links/bench-audit.js';
import { generateCorpus } from './generate-corpus.js';

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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '50,300,1000' },
      runs: { type: 'string', default: '3' },
      'staged-only': { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const runs = Number(values.runs);
  const work = mkdtempSync(join(tmpdir(), 'docs-quality-bench-'));
  const cacheDir = join(tmpdir(), 'docs-quality-cache');
  console.log(`docs-quality bench: ${runs} runs per tool, medians; peak memory is the largest process's RSS\n`);
  try {
    for (const services of sizes) {
      const corpus = join(work, `corpus-${services}`);
      const stats = generateCorpus(join(project, 'docs'), corpus, services, services);
      console.log(`## ${services} services: ${stats.files} files, ${(stats.bytes / 1048576).toFixed(1)} MB, ${stats.drifted} drifted pages`);
      const tools: Record<string, { command: string[]; before?: () => void }> = {
        'check (cold cache)': { command: [process.execPath, cli, 'check', '--docs', corpus, '--format', 'json'], before: () => rmSync(cacheDir, { recursive: true, force: true }) },
        'check (warm cache, nothing changed)': { command: [process.execPath, cli, 'check', '--docs', corpus, '--format', 'json'] },
        'remark + validate-links': { command: [bin('remark'), '--no-config', '--use', 'remark-validate-links=repository:false', '--quiet', '--no-stdout', '--silent', corpus] },
        'parse only (remark, no plugins)': { command: [bin('remark'), '--no-config', '--quiet', '--no-stdout', '--silent', corpus] },
        // --root: cspell only checks files under its root (an absolute glob elsewhere checks nothing).
        'cspell lint': { command: [bin('cspell'), 'lint', '--no-progress', '--no-summary', '--no-cache', '--root', corpus, '**/*.md'] },
        // rumdl ships per-platform binaries that npm cannot pin in one lockfile, so it is fetched here.
        rumdl: { command: ['npx', '--yes', 'rumdl@0.2.75', 'check', '--no-cache', corpus] },
      };
      if (values['staged-only']) {
        if (services === sizes[sizes.length - 1]) benchStaged(corpus, runs);
        continue;
      }
      const results = new Map<string, Measure[]>(Object.keys(tools).map((name) => [name, []]));
      for (let run = 0; run < runs; run++) {
        for (const [name, tool] of Object.entries(tools)) {
          tool.before?.();
          // From the project folder, so remark finds its plugins; --no-config keeps our .remarkrc out.
          results.get(name)!.push(measure(tool.command, project));
        }
      }
      const summary = new Map([...results].map(([name, ms]) => [name, { seconds: median(ms.map((m) => m.seconds)), mib: Math.max(...ms.map((m) => m.mib)) }]));
      const ours = summary.get('check (cold cache)')!;
      console.log('| tool | median wall | peak memory | ours (cold) / tool |');
      console.log('|---|--:|--:|--:|');
      for (const [name, m] of summary) {
        console.log(`| ${name} | ${m.seconds.toFixed(2)} s | ${m.mib.toFixed(0)} MiB | ${(ours.seconds / m.seconds).toFixed(2)} |`);
      }
      console.log(`\nours: ${(ours.mib / (stats.files / 1000)).toFixed(0)} MiB per 1,000 files\n`);
      if (services === sizes[sizes.length - 1]) benchStaged(corpus, runs);
      rmSync(corpus, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
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
