/**
 * docs-quality used from another repository: the npm package's contents, `install-hook`, the
 * composite GitHub Action (action.yml) and the pre-commit framework's hook (.pre-commit-hooks.yaml).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { validateAction } from '@action-validator/core';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { fixture, makeDocsTree, projectRoot } from './helpers/docs-tree.js';
import { cleanEnv, git, initRepo } from './helpers/git-repo.js';
import { action, actionText, runAction } from './helpers/run-action.js';
import { runCli } from './helpers/run-cli.js';
import { installingOwnCheckout } from '../scripts/install-hook.js';

const page = 'docs/kinesis-data-streams/security.md';
const good = fixture('template/clean/security.md');
const bad = good.replace('you benefit', 'you will benefit');

/** A committed git repository (branch main) holding a docs tree with one clean service page. */
function makeDocsRepo(pages: Record<string, string> = {}): string {
  const repo = mkdtempSync(join(tmpdir(), 'docs-quality-user-'));
  cpSync(makeDocsTree({ 'kinesis-data-streams/security.md': good, ...pages }), join(repo, 'docs'), { recursive: true });
  initRepo(repo);
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '--no-verify', '-m', 'docs');
  return repo;
}

const npmPackage = suite('the npm package');

npmPackage('npm pack ships the compiled CLI, its schemas and the starter template; no tests, fixtures, sources or CI', () => {
  // --ignore-scripts: the build is already there (npm test builds first); prepack would rebuild it.
  const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { files: { path: string }[] }[];
  const files = packed[0]!.files.map((file) => file.path);
  for (const path of ['dist/scripts/cli.js', 'dist/scripts/install-hook.js', 'scripts/config/services.schema.json', 'docs/_template/security.md', 'README.md', 'package.json']) {
    assert.ok(files.includes(path), `${path} is packed`);
  }
  const unwanted = files.filter((path) => /^(test|dist\/test|\.ci|\.github)\/|fixtures\/|\.test\.|\.ts$|^dist\/scripts\/(bench|mutation|precision)\//.test(path));
  assert.equal(unwanted, []);
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
  assert.is(manifest.bin['docs-quality'], 'dist/scripts/cli.js');
  assert.is(manifest.scripts.prepack, 'npm run build', 'npm pack builds dist/ first');
  assert.match(readFileSync(join(projectRoot, 'scripts', 'cli.ts'), 'utf8'), /^#!\/usr\/bin\/env node\n/, 'the bin runs with node');
});

npmPackage('docs-quality install-hook puts the hook into the current repository; a bad page then blocks the commit', () => {
  const repo = makeDocsRepo();
  const run = runCli(['install-hook'], repo);
  assert.is(run.code, 0, run.stderr);
  assert.match(run.stdout, /^installed \.git\/hooks\/pre-commit: commits now run check --staged/);
  assert.match(readFileSync(join(repo, '.git', 'hooks', 'pre-commit'), 'utf8'), /check --staged --docs 'docs'\n$/);
  assert.is(runCli(['install-hook'], repo).code, 0, 'installing again replaces our own hook');
  writeFileSync(join(repo, page), bad);
  git(repo, 'add', page);
  const commit = spawnSync('git', ['commit', '-m', 'change'], { cwd: repo, encoding: 'utf8', env: cleanEnv() });
  assert.is(commit.status, 1, commit.stdout + commit.stderr);
  assert.match(commit.stderr, /commit blocked: 1 error in 1 page/);
});

npmPackage('install-hook from a subfolder records the docs tree from the top; outside a checkout it is an exit-2 error', () => {
  const repo = makeDocsRepo();
  mkdirSync(join(repo, 'site'));
  const run = runCli(['install-hook', '--docs', '../docs'], join(repo, 'site'));
  assert.is(run.code, 0, run.stderr);
  assert.match(readFileSync(join(repo, '.git', 'hooks', 'pre-commit'), 'utf8'), /--docs 'docs'\n$/);
  const outside = runCli(['install-hook', '--docs', '.'], makeDocsTree({}));
  assert.equal([outside.code, outside.stderr], [2, 'docs-quality: not a git checkout: no pre-commit hook installed\n']);
});

npmPackage("npm install's prepare installs the hook in this checkout only, never in a project that depends on docs-quality", () => {
  assert.ok(installingOwnCheckout(projectRoot, {}));
  assert.ok(installingOwnCheckout(projectRoot, { INIT_CWD: join(projectRoot, 'docs') }));
  assert.not.ok(installingOwnCheckout(projectRoot, { INIT_CWD: tmpdir() }), 'a git dependency: prepare runs in a clone, INIT_CWD is the project');
  assert.not.ok(installingOwnCheckout(join(tmpdir(), 'project', 'node_modules', 'docs-quality'), {}));
  const consumer = makeDocsRepo();
  const run = execFileSync(process.execPath, [join(projectRoot, 'dist', 'scripts', 'install-hook.js'), '--on-install'], { cwd: consumer, env: cleanEnv({ INIT_CWD: consumer }), encoding: 'utf8' });
  assert.is(run, '');
  assert.not.ok(existsSync(join(consumer, '.git', 'hooks', 'pre-commit')));
});

npmPackage.run();

/** An action folder whose CLI prints the arguments it was given, one per line. */
function argumentsEcho(): string {
  const folder = mkdtempSync(join(tmpdir(), 'docs-quality-action-'));
  mkdirSync(join(folder, 'dist', 'scripts'), { recursive: true });
  writeFileSync(join(folder, 'dist', 'scripts', 'cli.js'), "process.stdout.write(process.argv.slice(2).join('\\n') + '\\n');\n");
  // choose-base's contract: `since=<sha>` to $GITHUB_OUTPUT, one line saying why to stdout.
  mkdirSync(join(folder, 'dist', 'scripts', 'ci'));
  writeFileSync(join(folder, 'dist', 'scripts', 'ci', 'choose-base.js'), "require('node:fs').appendFileSync(process.env.GITHUB_OUTPUT, 'since=0123abc\\n'); console.log('chose 0123abc');\n");
  return folder;
}

const githubAction = suite('the GitHub Action (action.yml)');

githubAction('is a composite action with the documented inputs, valid by the schema, with no expression inside run:', () => {
  assert.equal(validateAction(actionText).errors, []);
  assert.is(action.runs.using, 'composite');
  assert.equal(Object.keys(action.inputs), ['docs', 'baseline', 'changed-only', 'format']);
  for (const step of action.runs.steps) assert.not.match(step.run, /\$\{\{/, step.name);
});

githubAction('installs from its lockfile in its own folder, then checks the caller\'s docs: annotations and the job summary', () => {
  const repo = makeDocsRepo();
  writeFileSync(join(repo, page), bad);
  const run = runAction(repo, {});
  assert.equal(run.npm, [`${projectRoot} ci --include=dev --no-audit --no-fund`]);
  assert.is(run.code, 1, run.stderr);
  assert.match(run.stdout, /^::error file=docs\/kinesis-data-streams\/security\.md,line=3,col=69,endLine=3,endColumn=85,title=template-wording::expected `you benefit`, found `you will benefit`$/m);
  assert.match(run.summary, /template-wording/);
  writeFileSync(join(repo, page), good);
  assert.is(runAction(repo, {}).code, 0);
});

githubAction('inputs become arguments: --baseline only when given, --changed-since the base choose-base picks for changed-only', () => {
  const echo = argumentsEcho();
  const args = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): string[] => {
    const run = runAction(makeDocsTree({}), inputs, { actionPath: echo, env });
    assert.is(run.code, 0, run.stderr);
    return run.stdout.trim().split('\n');
  };
  const summary = ['--summary', expectSummary];
  assert.equal(args({}).map(maskSummary), ['check', '--docs', 'docs', '--format', 'github', ...summary]);
  assert.equal(args({ docs: 'site/docs', format: 'human', baseline: '.docs-quality-baseline.json' }).map(maskSummary), [
    'check', '--docs', 'site/docs', '--format', 'human', ...summary, '--baseline', '.docs-quality-baseline.json',
  ]);
  const changedOnly = args({ 'changed-only': 'true' }, { GITHUB_EVENT_NAME: 'pull_request' });
  assert.equal([changedOnly[0], ...changedOnly.slice(-2)], ['chose 0123abc', '--changed-since', '0123abc']);
  const push = runAction(makeDocsTree({}), { 'changed-only': 'true' }, { actionPath: echo });
  assert.match(push.stdout, /^::notice title=docs-quality::changed-only applies to pull requests: checking every page$/m);
  assert.not.match(push.stdout, /--changed-since/);
});

const expectSummary = '<the job summary file>';
const maskSummary = (arg: string): string => (arg.endsWith('summary.md') ? expectSummary : arg);

githubAction('changed-only on a pull request checks the pages the branch changed, not the others', () => {
  const origin = makeDocsRepo({ 'notes.md': '# Notes\n\nA page abuot release notes.\n' }); // a typo already on main
  const clone = mkdtempSync(join(tmpdir(), 'docs-quality-pr-'));
  git(clone, 'clone', '-q', origin, '.');
  git(clone, 'checkout', '-q', '-b', 'change');
  writeFileSync(join(clone, page), bad);
  git(clone, '-c', 'user.email=w@example.com', '-c', 'user.name=W', 'commit', '-q', '--no-verify', '-am', 'change');
  // The pull request's event names its base; this checkout has it (as a clone with fetch-depth 2 would).
  const event = join(mkdtempSync(join(tmpdir(), 'docs-quality-event-')), 'event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { base: { sha: git(clone, 'rev-parse', 'main').trim() }, head: { sha: git(clone, 'rev-parse', 'HEAD').trim() } } }));
  const run = runAction(clone, { 'changed-only': 'true' }, { env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event } });
  assert.match(run.stdout, /^pull request: checking the pages changed since the merge base with [0-9a-f]{12} and the pages they affect$/m);
  assert.is(run.code, 1, run.stderr);
  const files = [...run.stdout.matchAll(/^::error file=([^,]+)/gm)].map((match) => match[1]);
  assert.equal([...new Set(files)], [page]);
});

githubAction.run();

const preCommitFramework = suite('the pre-commit framework hook (.pre-commit-hooks.yaml)');

interface PreCommitHook {
  id: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames: boolean;
}

const hooks = parse(readFileSync(join(projectRoot, '.pre-commit-hooks.yaml'), 'utf8')) as PreCommitHook[];

preCommitFramework('another repository pointing at this one by path: a bad staged page fails the hook, a good one passes', () => {
  const hook = hooks.find((h) => h.id === 'docs-quality')!;
  assert.is(hook.language, 'node');
  const repo = makeDocsRepo();
  writeFileSync(join(repo, '.pre-commit-config.yaml'), `repos:\n  - repo: ${projectRoot}\n    rev: HEAD\n    hooks:\n      - id: docs-quality\n`);
  writeFileSync(join(repo, page), bad);
  git(repo, 'add', '-A');
  const staged = git(repo, 'diff', '--cached', '--name-only').trim().split('\n');
  const files = staged.filter((path) => new RegExp(hook.files).test(path));
  assert.equal(files, [page], 'the hook\'s files pattern picks the staged page, not the config');
  // The pre-commit tool is not installed here (`which pre-commit` finds nothing), so the hook runs
  // the way pre-commit runs a `language: node` hook: the package installed, its bin on PATH, the
  // entry split into words and run from the repository's root with the staged file names after it.
  const bin = mkdtempSync(join(tmpdir(), 'docs-quality-bin-'));
  writeFileSync(join(bin, 'docs-quality'), `#!/bin/sh\nexec "${process.execPath}" "${join(projectRoot, 'dist', 'scripts', 'cli.js')}" "$@"\n`);
  chmodSync(join(bin, 'docs-quality'), 0o755);
  const [command, ...entryArgs] = hook.entry.split(/\s+/);
  const env = cleanEnv({ PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` });
  const runHook = () => spawnSync(command!, [...entryArgs, ...(hook.pass_filenames ? files : [])], { cwd: repo, env, encoding: 'utf8' });
  const failed = runHook();
  assert.is(failed.status, 1, failed.stderr);
  assert.match(failed.stdout, /^3:69-3:85 error expected `you benefit`, found `you will +template-wording\n +benefit`/m);
  writeFileSync(join(repo, page), good);
  const passed = runHook();
  assert.is(passed.status, 0, passed.stdout + passed.stderr);
});

preCommitFramework.run();
