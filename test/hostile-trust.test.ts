/**
 * Hostile input beyond the pages: what a run trusts (git refs, its cache, symbolic links, the
 * folder it is installed in) cannot hide findings, run commands, or reach outside the docs root.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { cacheDirProblem } from '../scripts/corpus/cache-dir.js';
import { resolveInside } from '../scripts/files/real-path-inside.js';
import { installHook } from '../scripts/install-hook.js';
import { brief, findingsIn } from './helpers/check.js';
import { makeDocsTree, projectRoot, shippedConfig, shippedDocs } from './helpers/docs-tree.js';
import { runBuiltCli } from './helpers/run-cli.js';

const trust = suite('what a run trusts');

const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: 'pipe' });

/** A committed git repository holding the shipped docs (which check clean) under `docs/`. */
function docsRepo(): string {
  const repo = mkdtempSync(join(tmpdir(), 'docs-quality-trust-'));
  cpSync(makeDocsTree(shippedDocs(), shippedConfig()), join(repo, 'docs'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.email', 'writer@example.com');
  git(repo, 'config', 'user.name', 'Writer');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '--no-verify', '-m', 'docs');
  return repo;
}

const missingTopic = /docs\/s3\/security\.md\n\d+:\d+-\d+:\d+ +error +topic link points to a missing page +topic-links\n +`network-isolation\.md`/;

trust('a staged or committed delete checks the pages linking to the deleted page', () => {
  const repo = docsRepo();
  git(repo, 'rm', '-q', 'docs/s3/network-isolation.md');
  const staged = runBuiltCli(['check', '--staged', '--docs', 'docs'], repo);
  assert.is(staged.code, 1, staged.stdout + staged.stderr);
  assert.match(staged.stdout, missingTopic);
  git(repo, 'commit', '-q', '--no-verify', '-m', 'delete');
  const since = runBuiltCli(['check', '--changed-since', 'HEAD~1', '--docs', 'docs'], repo);
  assert.is(since.code, 1, since.stdout + since.stderr);
  assert.match(since.stdout, missingTopic);
});

trust('a staged rename checks the pages of other folders linking to the old name', () => {
  const repo = docsRepo();
  writeFileSync(join(repo, 'docs', 'dynamodb', 'notes.md'), '# Notes\n\nSee [isolation in S3](../s3/network-isolation.md).\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '--no-verify', '-m', 'notes');
  git(repo, 'mv', 'docs/s3/network-isolation.md', 'docs/s3/isolation.md');
  const staged = runBuiltCli(['check', '--staged', '--docs', 'docs'], repo);
  assert.is(staged.code, 1, staged.stdout + staged.stderr);
  assert.match(staged.stdout, /^docs\/dynamodb\/notes\.md\n(?:.+\n)*3:5-3:50 +error +link points to a missing file +internal-links\n +`\.\.\/s3\/network-isolation\.md`/m);
  assert.match(staged.stdout, missingTopic);
});

trust('a --changed-since ref spelled like a git option is a ref, never an option', () => {
  const repo = docsRepo();
  const octopus = runBuiltCli(['check', '--changed-since=--octopus', '--docs', 'docs'], repo);
  assert.equal([octopus.code, octopus.stderr.split('\n')[0]], [2, 'docs-quality: --changed-since --octopus: no such branch, tag or commit here (fetch it first: `git fetch origin --octopus`)']);
  const written = join(repo, 'written');
  const output = runBuiltCli(['check', `--changed-since=--output=${written}`, '--docs', 'docs'], repo);
  assert.is(output.code, 2);
  assert.match(output.stderr, /no such branch, tag or commit here/);
  assert.not.ok(existsSync(written), 'git wrote no file');
});

trust('a cache folder others can write is not used: its entries cannot hide findings', () => {
  const root = makeDocsTree({ 'guide/page.md': '# Page\n\nSee [a](missing.md) and [b](gone.md).\n' });
  const temp = mkdtempSync(join(tmpdir(), 'docs-quality-tmpdir-'));
  const env = { ...process.env, TMPDIR: temp };
  const run = () => spawnSync(process.execPath, [join(projectRoot, 'dist', 'scripts', 'cli.js'), 'check', '--docs', root], { cwd: root, encoding: 'utf8', env });
  assert.is(run().status, 1, 'the first run fills the cache');
  const [cacheName, ...others] = readdirSync(temp);
  assert.equal(others, [], 'one cache folder in the temp folder');
  const cache = join(temp, cacheName!);
  // Another user edits the cached findings to say the page has none.
  for (const name of readdirSync(cache, { recursive: true }) as string[]) {
    const path = join(cache, name);
    if (!name.startsWith('findings-') || !name.endsWith('.json') || !statSync(path).isFile()) continue;
    const data = JSON.parse(readFileSync(path, 'utf8')) as { pages: Record<string, { messages: unknown[] }> };
    for (const page of Object.values(data.pages)) page.messages = [];
    writeFileSync(path, JSON.stringify(data));
  }
  chmodSync(cache, 0o777);
  const planted = run();
  assert.is(planted.status, 1, planted.stdout);
  assert.match(planted.stdout, /✖ 2 errors/);
  assert.equal(planted.stderr.split('\n'), [`docs-quality: cache folder ${cache} can be written by other users (mode 0777): not used, so this run is slower (remove the folder and docs-quality makes a private one)`, '']);
});

trust("a cache folder is trusted only when it is the user's own, private folder", () => {
  const dir = mkdtempSync(join(tmpdir(), 'docs-quality-cache-test-'));
  chmodSync(dir, 0o700);
  const uid = statSync(dir).uid;
  assert.is(cacheDirProblem(statSync(dir), uid), undefined);
  // Another user's folder cannot be made without root: the same folder, asked for by another uid.
  assert.is(cacheDirProblem(statSync(dir), uid + 1), `belongs to another user (uid ${uid})`);
  chmodSync(dir, 0o770);
  assert.is(cacheDirProblem(statSync(dir), uid), 'can be written by other users (mode 0770)');
  chmodSync(dir, 0o700);
  const link = `${dir}-link`;
  symlinkSync(dir, link);
  assert.is(cacheDirProblem(lstatSync(link), uid), 'is not a folder', 'a symbolic link to a private folder is not that folder');
});

trust('a link through a symbolic link to a folder outside the docs tree is reported', async () => {
  const root = makeDocsTree({ 'guide/page.md': '# Page\n\nSee [a](etcdir/passwd) and [b](etcdir/pages.md).\n' });
  const outside = makeDocsTree({ 'passwd': 'root:x:0:0\n', 'pages.md': '# Outside\n' });
  symlinkSync(outside, join(root, 'guide', 'etcdir'));
  // Through a link that stays inside, a link reaches the page it leads to.
  writeFileSync(join(root, 'guide', 'inside.md'), '# Inside\n\nSee [the page](alias/page.md#page).\n');
  symlinkSync('.', join(root, 'guide', 'alias'));
  assert.equal((await findingsIn(root)).map(brief), [
    'guide/etcdir:1:1 read-page symbolic link points outside the docs tree: not read',
    'guide/page.md:3:5 internal-links link leaves the docs tree through a symbolic link: `etcdir/passwd`',
    'guide/page.md:3:28 internal-links link leaves the docs tree through a symbolic link: `etcdir/pages.md`',
  ]);
});

trust('resolving a path inside the root reads only the links on the way, never their outside targets', () => {
  const root = realpathSync(makeDocsTree({ 's3/security.md': '# Security in Amazon S3\n' }));
  mkdirSync(join(root, 'guide', 'deep'), { recursive: true });
  symlinkSync('../s3', join(root, 'guide', 'alias'));
  symlinkSync('../../..', join(root, 'guide', 'deep', 'up'));
  symlinkSync('loop-b', join(root, 'guide', 'loop-a'));
  symlinkSync('loop-a', join(root, 'guide', 'loop-b'));
  assert.equal(resolveInside(root, join(root, 'guide', 'alias', 'security.md')), { real: join(root, 's3', 'security.md') });
  assert.equal(resolveInside(root, join(root, 'guide', 'alias', 'missing', 'page.md')), { real: join(root, 's3', 'missing', 'page.md') });
  assert.equal(resolveInside(root, join(root, 'guide', 'deep', 'up', 'etc', 'passwd')), { leaves: 'outside' });
  assert.equal(resolveInside(root, join(root, 'guide', 'loop-a', 'page.md')), { leaves: 'loop' });
});

trust('new-service writes nothing through a symbolic link out of the docs tree, and refuses a dangling one', () => {
  const root = makeDocsTree(shippedDocs(), shippedConfig());
  const outside = mkdtempSync(join(tmpdir(), 'docs-quality-outside-'));
  renameSync(join(root, '_template'), join(outside, '_template'));
  symlinkSync(join(outside, '_template'), join(root, '_template'));
  const manifestBefore = readFileSync(join(outside, '_template', 'services.json'), 'utf8');
  const run = runBuiltCli(['new-service', '--docs', '.', '--name', 'Amazon Simple Queue Service', '--short', 'Amazon SQS', '--dir', 'sqs'], root);
  assert.equal([run.code, run.stderr], [2, `docs-quality: ${join(root, '_template', 'security.md')}: a symbolic link on the way leads out of the docs tree: nothing written\n`]);
  assert.is(readFileSync(join(outside, '_template', 'services.json'), 'utf8'), manifestBefore);
  assert.not.ok(existsSync(join(root, 'sqs')));
  const inside = makeDocsTree(shippedDocs(), shippedConfig());
  symlinkSync('nowhere', join(inside, 'sns'));
  const dangling = runBuiltCli(['new-service', '--docs', '.', '--name', 'Amazon SNS', '--dir', 'sns'], inside);
  assert.equal([dangling.code, dangling.stderr], [2, `docs-quality: ${join(inside, 'sns')} already exists (a symbolic link): choose another --dir\n`]);
});

trust('the pre-commit hook runs from a folder whose name holds shell syntax without running it', () => {
  const repo = mkdtempSync(join(tmpdir(), 'docs-quality-hook-'));
  git(repo, 'init', '-q', '-b', 'main');
  // A stand-in for the CLI that records its arguments: the hook must run it, with these exactly.
  const stub = "require('fs').writeFileSync('ran.json', JSON.stringify(process.argv.slice(2)))\n";
  const outsideCli = join(mkdtempSync(join(tmpdir(), 'docs-quality-')), "we$(id>HOOKPWN)i'rd", 'cli.js');
  const insideCli = join(repo, "tools$(id>HOOKPWN)", "o'k", 'cli.js');
  for (const [cli, docs] of [[outsideCli, 'docs'], [insideCli, "d'o$(id>HOOKPWN)cs"]] as const) {
    mkdirSync(join(cli, '..'), { recursive: true });
    writeFileSync(cli, stub);
    assert.is(installHook(repo, docs, cli).outcome, 'installed');
    const hook = spawnSync('sh', [join(repo, '.git', 'hooks', 'pre-commit')], { cwd: repo, encoding: 'utf8' });
    for (const dir of [repo, join(cli, '..'), join(cli, '..', '..'), process.cwd()]) assert.not.ok(existsSync(join(dir, 'HOOKPWN')), `no HOOKPWN in ${dir}`);
    assert.is(hook.status, 0, hook.stderr);
    assert.equal(JSON.parse(readFileSync(join(repo, 'ran.json'), 'utf8')), ['check', '--staged', '--docs', docs]);
  }
});

trust.run();
