/**
 * `fix` against what else happens to a tree: a page edited while fix ran keeps the edit, a named
 * pipe is reported and never opened, and an old Mac page (lone CR line endings) keeps its endings.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fixDocs, writeChanges } from '../scripts/engine/fix.js';
import { brief, findingsIn } from './helpers/check.js';
import { makeDocsTree } from './helpers/docs-tree.js';
import { runBuiltCli } from './helpers/run-cli.js';

const hostile = suite('fix and hostile input');

hostile('a page edited after fix read it keeps the edit; a page removed meanwhile is not recreated', async () => {
  const root = makeDocsTree({ 'guide/a.md': '# A\n\nText.', 'guide/b.md': '# B\n\nText.', 'guide/c.md': '# C\n\nText.' });
  const changes = await fixDocs({ docsRoot: root, cwd: root, dryRun: true });
  assert.equal(changes.map((c) => c.to), ['guide/a.md', 'guide/b.md', 'guide/c.md']);
  writeFileSync(join(root, 'guide', 'a.md'), '# A\n\nA writer saved this meanwhile.');
  rmSync(join(root, 'guide', 'c.md'));
  const written = writeChanges(root, changes);
  assert.equal(
    written.map((c) => `${c.to}: ${c.conflict ?? 'written'}`),
    ['guide/a.md: it changed while fix ran', 'guide/b.md: written', 'guide/c.md: it changed while fix ran'],
  );
  assert.is(readFileSync(join(root, 'guide', 'a.md'), 'utf8'), '# A\n\nA writer saved this meanwhile.', 'the edit is kept');
  assert.is(readFileSync(join(root, 'guide', 'b.md'), 'utf8'), '# B\n\nText.\n');
  assert.equal(
    (await findingsIn(root)).map(brief),
    ['guide/a.md:3:31 final-newline page does not end with a newline'],
    'the next fix finds the rest',
  );
});

hostile('a named pipe called x.md is a finding for check and is never opened, also by fix --dry-run', () => {
  const root = makeDocsTree({ 'guide/page.md': '# Page\n\nText.' });
  const made = spawnSync('mkfifo', [join(root, 'guide', 'x.md')]);
  assert.is(made.status, 0, String(made.stderr));
  const check = runBuiltCli(['check', '--docs', '.', '--format', 'json'], root);
  assert.is(check.code, 1, check.stderr);
  const findings = (JSON.parse(check.stdout) as { file: string; ruleId: string; message: string }[]).map((f) => `${f.file} ${f.ruleId} ${f.message}`);
  assert.equal(findings, ['guide/page.md final-newline page does not end with a newline', 'guide/x.md read-page a named pipe (FIFO), not a regular file: not read']);
  const dry = runBuiltCli(['fix', '--dry-run', '--docs', root]);
  assert.is(dry.stderr, '');
  assert.is(dry.code, 0);
  assert.match(dry.stdout, '+Text.');
  const fix = runBuiltCli(['fix', '--docs', root]);
  assert.is(fix.code, 0, fix.stderr);
  assert.is(readFileSync(join(root, 'guide', 'page.md'), 'utf8'), '# Page\n\nText.\n');
});

hostile('an old Mac page (lone CR endings) ends with a newline, and fix adds a CR, never an LF', async () => {
  const root = makeDocsTree({ 'guide/ended.md': '# Ended\r\rText.\r', 'guide/open.md': '# Open\r\rText.' });
  assert.equal((await findingsIn(root)).map(brief), ['guide/open.md:3:6 final-newline page does not end with a newline']);
  await fixDocs({ docsRoot: root, cwd: root });
  assert.is(readFileSync(join(root, 'guide', 'open.md'), 'utf8'), '# Open\r\rText.\r');
  assert.is(readFileSync(join(root, 'guide', 'ended.md'), 'utf8'), '# Ended\r\rText.\r', 'unchanged');
  assert.equal(await fixDocs({ docsRoot: root, cwd: root }), [], 'a second fix changes nothing');
});

hostile.run();
