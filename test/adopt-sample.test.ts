/**
 * Adopting docs-quality on an existing docs set, end to end, as a new user would: a repository of the
 * 20 real security pages (`../shared/corpus/security`, laid out one folder per service, read and
 * never copied into the project), the package installed as a dependency from `npm pack`, then
 * `npx docs-quality init`, `check --update-baseline`, the installed hook, and the action's command.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { layOutSample } from '../scripts/precision/lay-out-sample.js';
import { projectRoot, securitySample as sample } from './helpers/docs-tree.js';
import { cleanEnv, git, initRepo } from './helpers/git-repo.js';
import { runAction } from './helpers/run-action.js';

const service = 'amazon-athena-user-guide';
const servicePage = `docs/${service}/security.md`;

/** Installs the packed package into `repo/node_modules` the way npm does: its files, its bin, its dependencies. */
function installPacked(repo: string): void {
  const scratch = mkdtempSync(join(tmpdir(), 'docs-quality-pack-'));
  // --ignore-scripts: npm test has just built dist/; prepack would build it again.
  execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', scratch], { cwd: projectRoot, stdio: 'ignore' });
  const installed = join(repo, 'node_modules', 'docs-quality');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(scratch, 'docs-quality-0.1.0.tgz'), '-C', installed, '--strip-components=1']);
  // The dependencies are this checkout's, already installed: the registry is not needed.
  symlinkSync(join(projectRoot, 'node_modules'), join(installed, 'node_modules'));
  chmodSync(join(installed, 'dist', 'scripts', 'cli.js'), 0o755);
  mkdirSync(join(repo, 'node_modules', '.bin'));
  symlinkSync(join('..', 'docs-quality', 'dist', 'scripts', 'cli.js'), join(repo, 'node_modules', '.bin', 'docs-quality'));
}

/** A git repository holding the sample as its docs, committed, with no `_template/` yet. */
function sampleRepo(): string {
  const repo = mkdtempSync(join(tmpdir(), 'docs-quality-adopt-'));
  layOutSample(sample, join(projectRoot, 'docs', '_template'), join(repo, 'docs'));
  rmSync(join(repo, 'docs', '_template'), { recursive: true });
  writeFileSync(join(repo, '.gitignore'), 'node_modules/\n');
  initRepo(repo);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '--no-verify', '-m', 'the docs as they are');
  installPacked(repo);
  return repo;
}

const npx = (repo: string, ...args: string[]) => {
  const run = spawnSync('npx', ['--no', 'docs-quality', ...args], { cwd: repo, encoding: 'utf8', env: cleanEnv({ NO_COLOR: '1' }) });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};
const commit = (repo: string, message: string) => {
  git(repo, 'add', '-A');
  const run = spawnSync('git', ['commit', '-q', '-m', message], { cwd: repo, encoding: 'utf8', env: cleanEnv({ NO_COLOR: '1' }) });
  return { code: run.status, output: run.stdout + run.stderr };
};
const annotations = (stdout: string): string[] => stdout.split('\n').filter((line) => /^::(error|warning) /.test(line));

const adopt = suite('adopting it on the 20-page sample');

adopt('init, baseline, hook and action: only what a change adds blocks it', () => {
  assert.ok(existsSync(sample), `the sample is at ${sample}`);
  const repo = sampleRepo();

  const init = npx(repo, 'init');
  assert.is(init.code, 0, init.stderr);
  assert.match(init.stdout, /^inferred from 20 service pages/);
  assert.match(init.stdout, /pages that already match the inferred template: \d+ of \d+/);
  for (const file of ['security.md', 'topics.json', 'services.json', 'words.txt']) assert.ok(existsSync(join(repo, 'docs', '_template', file)), file);
  assert.match(readFileSync(join(repo, 'docs', '_template', 'security.md'), 'utf8'), /^# Security in \{\{service\}\}/);

  const before = npx(repo, 'check', '--format', 'json');
  assert.is(before.code, 1, 'the old findings fail a run without a baseline');
  const old = (JSON.parse(before.stdout) as unknown[]).length;
  assert.ok(old > 100, `${old} old findings`);

  writeFileSync(join(repo, '.docs-quality.json'), '{ "baseline": "docs-quality-baseline.json" }\n');
  const update = npx(repo, 'check', '--update-baseline');
  assert.equal([update.code, update.stdout], [0, `wrote ${old} entries to the baseline docs-quality-baseline.json\n`]);
  const after = npx(repo, 'check');
  assert.is(after.code, 0, after.stdout);
  assert.match(after.stdout, new RegExp(`no new findings\\n${old} known findings \\(in the baseline\\) not shown`));

  const hook = npx(repo, 'install-hook');
  assert.is(hook.code, 0, hook.stderr);
  const adopted = commit(repo, 'adopt docs-quality: template, catalog, baseline');
  assert.is(adopted.code, 0, adopted.output);

  // A one-sentence edit to a topic page of a service whose security page has known findings.
  appendFileSync(join(repo, 'docs', service, 'security-resilience.md'), '\nThis page also covers backups across regions.\n');
  const known = commit(repo, 'a topic page edit');
  assert.is(known.code, 0, known.output);
  assert.match(known.output, /no new findings\n\d+ known findings \(in the baseline\) not shown/);

  // One new drift from the template's wording.
  const drifted = readFileSync(join(repo, servicePage), 'utf8').replace('you benefit', 'you will benefit');
  writeFileSync(join(repo, servicePage), drifted);
  const blocked = commit(repo, 'a drift');
  assert.is(blocked.code, 1, blocked.output);
  assert.match(blocked.output, new RegExp(`commit blocked: 1 error in 1 page \\(${servicePage}\\)\\n  npx docs-quality fix would fix 1 of them`));

  const action = runAction(repo, {});
  assert.is(action.code, 1, action.stderr);
  assert.match(action.summary, /`npx docs-quality fix` would fix 1 of them/);
  assert.equal(annotations(action.stdout), [
    `::error file=${servicePage},line=3,col=69,endLine=3,endColumn=85,title=template-wording::expected \`you benefit\`, found \`you will benefit\``,
  ]);
});

adopt.run();
