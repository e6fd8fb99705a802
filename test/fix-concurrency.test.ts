/**
 * Runs at once on one tree: two `fix` and a `check` (real processes, the built CLI) end as one
 * `fix` does, and no reader ever sees a page other than as it was or as fixed. One `fix` at a time
 * per tree (a lock in the cache folder); a dead holder's lock is taken over.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, watch, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fixDocs } from '../scripts/engine/fix.js';
import { lockPathFor } from '../scripts/files/tree-lock.js';
import { makeDocsTree, projectRoot, seedTree, shippedConfig } from './helpers/docs-tree.js';
import { runBuiltCli } from './helpers/run-cli.js';

const concurrency = suite('fix concurrency');

const TRIALS = 10;

/** The seed tree; spelling off, so that ten trials of three runs stay within seconds. */
function seedDocs(): string {
  const root = makeDocsTree(seedTree(), shippedConfig());
  writeFileSync(join(root, '.docs-quality.json'), '{"rules": {"spelling": "off"}}\n');
  return root;
}

/** Every Markdown page of a tree (relative path -> bytes as text), as the walk would list them. */
function pagesOf(root: string): Map<string, string> {
  const pages = new Map<string, string>();
  for (const path of markdownPaths(root)) pages.set(path, readFileSync(join(root, path), 'utf8'));
  return pages;
}

function markdownPaths(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && !entry.name.startsWith('.'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

function hiddenLeftovers(root: string): string[] {
  return readdirSync(root, { recursive: true }).map(String).filter((path) => /(^|\/)\.[^/]*\.tmp$/.test(path));
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(args: readonly string[]): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(projectRoot, 'dist', 'scripts', 'cli.js'), ...args], { cwd: projectRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

concurrency('two fixes and a check at once end as one fix, and every page is always as it was or as fixed', async () => {
  const original = seedDocs();
  const reference = seedDocs();
  const once = runBuiltCli(['fix', '--docs', reference]);
  assert.is(once.code, 0, once.stderr);
  const before = pagesOf(original);
  const fixed = pagesOf(reference);
  assert.ok([...fixed].some(([path, text]) => before.get(path) !== text), 'the seeds have something to fix');
  let samples = 0;
  const wrong: string[] = [];
  const sample = (root: string, path: string): void => {
    let text: string;
    try {
      text = readFileSync(join(root, path), 'utf8');
    } catch {
      // gone between the event and the read: only a page one of the two states lacks may go
      if (before.has(path) && fixed.has(path)) wrong.push(`${path} vanished`);
      return;
    }
    samples++;
    if (text !== before.get(path) && text !== fixed.get(path)) wrong.push(`${path} is neither as it was nor as fixed: ${text.split(/\r?\n/)[0]}`);
  };
  for (let trial = 0; trial < TRIALS; trial++) {
    const root = seedDocs();
    // Each page is read as soon as something replaced it, besides the check reading them all.
    const watcher = watch(root, { recursive: true }, (_event, name) => {
      const path = String(name).split(sep).join('/');
      if (path.endsWith('.md') && !basename(path).startsWith('.')) sample(root, path);
    });
    const runs = await Promise.all([start(['fix', '--docs', root]), start(['fix', '--docs', root]), start(['check', '--docs', root, '--no-cache', '--format', 'json'])]);
    watcher.close();
    for (const path of markdownPaths(root)) sample(root, path);
    assert.equal([...new Set(wrong)].slice(0, 5), [], `trial ${trial}: pages as no single run leaves them`);
    const [first, second, check] = runs;
    assert.is(first!.code, 0, `trial ${trial}: ${first!.stderr}`);
    assert.is(second!.code, 0, `trial ${trial}: ${second!.stderr}`);
    assert.ok(check!.code === 0 || check!.code === 1, `trial ${trial}: check ${check!.code} ${check!.stderr}`);
    const findings = JSON.parse(check!.stdout) as { ruleId: string }[];
    assert.equal(findings.filter((f) => f.ruleId === 'read-page'), [], `trial ${trial}: check read every page whole`);
    // One of the two did the work, the other found it done.
    assert.equal([first!.stdout, second!.stdout].filter((out) => out === 'nothing to fix\n').length, 1, `trial ${trial}`);
    const after = pagesOf(root);
    assert.equal([...after.keys()], [...fixed.keys()], `trial ${trial}: the same pages`);
    for (const [path, text] of fixed) assert.is(after.get(path), text, `trial ${trial}: ${path} as one fix leaves it`);
    assert.equal(hiddenLeftovers(root), [], `trial ${trial}: no temporary file left`);
    assert.not.ok(existsSync(lockPathFor(realpathSync(root), 'fix')), `trial ${trial}: the lock is released`);
  }
  assert.ok(samples > TRIALS * fixed.size, 'pages were read while the runs ran, not only at the end');
});

/** A process id that is certainly gone: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function plantLock(root: string, holder: { pid: number; host: string }): string {
  const path = lockPathFor(realpathSync(root), 'fix');
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, `${JSON.stringify({ ...holder, started: '2026-01-01T00:00:00.000Z', token: `planted-${holder.pid}` })}\n`);
  return path;
}

concurrency('a lock left by a dead fix is taken over', async () => {
  const root = makeDocsTree({ 'guide/page.md': '# Page\n\nText.' });
  const lock = plantLock(root, { pid: deadPid(), host: hostname() });
  const changes = await fixDocs({ docsRoot: root, cwd: root, lockWaitMs: 0 });
  assert.equal(changes.map((c) => c.to), ['guide/page.md']);
  assert.is(readFileSync(join(root, 'guide', 'page.md'), 'utf8'), '# Page\n\nText.\n');
  assert.not.ok(existsSync(lock), 'released after the run');
});

concurrency('a lock a running fix holds stops the run with one line naming it; the tree is untouched', async () => {
  const root = makeDocsTree({ 'guide/page.md': '# Page\n\nText.' });
  const lock = plantLock(root, { pid: process.pid, host: hostname() });
  try {
    await fixDocs({ docsRoot: root, cwd: root, lockWaitMs: 0 });
    assert.unreachable('the run must not start');
  } catch (error) {
    assert.is(
      (error as Error).message,
      `another fix of this docs tree is running: process ${process.pid} on ${hostname()}, started 2026-01-01T00:00:00.000Z; if it is not, remove ${lock}`,
    );
  }
  assert.is(readFileSync(join(root, 'guide', 'page.md'), 'utf8'), '# Page\n\nText.', 'unchanged');
  assert.ok(existsSync(lock), 'the holder keeps its lock');
  // A holder on another host cannot be asked whether it runs: it is never taken over.
  plantLock(root, { pid: deadPid(), host: `not-${hostname()}` });
  await fixDocs({ docsRoot: root, cwd: root, lockWaitMs: 0 }).then(
    () => assert.unreachable('taken over from another host'),
    (error: Error) => assert.match(error.message, `on not-${hostname()}`),
  );
  rmSync(lock);
});

concurrency('check does not take the lock: it runs while a fix holds the tree', () => {
  const root = makeDocsTree({ 'guide/page.md': '# Page\n\nText.' });
  const lock = plantLock(root, { pid: process.pid, host: hostname() });
  const run = runBuiltCli(['check', '--docs', root, '--format', 'json']);
  rmSync(lock);
  assert.is(run.code, 1, run.stderr);
  assert.match(run.stdout, 'final-newline');
});

concurrency.run();
