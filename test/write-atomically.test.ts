/**
 * The one atomic write: a file is replaced whole or left as it was, and no temporary file stays;
 * one a killed run left is removed by the next run, and only one of ours whose process is gone.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileAtomically } from '../scripts/files/write-atomically.js';
import { makeDocsTree } from './helpers/docs-tree.js';
import { runBuiltCli } from './helpers/run-cli.js';

const write = suite('write-atomically');

write('replaces the file, keeps its mode, creates the folder when asked', () => {
  const root = makeDocsTree({});
  const path = join(root, 'page.md');
  writeFileSync(path, 'old\n');
  chmodSync(path, 0o600);
  writeFileAtomically(path, 'new\n');
  assert.is(readFileSync(path, 'utf8'), 'new\n');
  assert.is(statSync(path).mode & 0o777, 0o600);
  writeFileAtomically(join(root, 'cache', 'deep', 'state.json'), '{}', { mkdir: true });
  assert.is(readFileSync(join(root, 'cache', 'deep', 'state.json'), 'utf8'), '{}');
  assert.equal(readdirSync(root).sort(), ['_template', 'cache', 'page.md']);
});

write('a failed write leaves the file as it was and rethrows', () => {
  const root = makeDocsTree({});
  const path = join(root, 'page.md');
  writeFileSync(path, 'old\n');
  mkdirSync(join(root, `.page.md.${process.pid}.${threadId}.tmp`)); // where the temporary file must go
  assert.throws(() => writeFileAtomically(path, 'new\n'), /EEXIST|EISDIR/);
  assert.is(readFileSync(path, 'utf8'), 'old\n');
});

/** A process id that is certainly gone: a child that has exited. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

/** A tree with the temporary files a `kill -9` between write and rename leaves, and some that only look alike. */
function treeWithLeftovers(): { root: string; dead: string[]; kept: string[] } {
  const root = makeDocsTree({ 's3/security.md': '# Security in Amazon S3\n', 'guide/page.md': '# Page\n\nText.\n' });
  const pid = deadPid();
  const dead = [`s3/.security.md.${pid}.0.tmp`, `s3/.security.md.${pid}.tmp`, `guide/.page.md.${pid}.3.tmp`];
  const kept = [
    `s3/.security.md.${process.pid}.0.tmp`, // a write under way: its process runs
    's3/.security.md.tmp', // not ours: no process id
    `s3/.notes.${pid}.tmp.bak`, // not ours: another pattern
    `s3/security.md.${pid}.0.tmp`, // not hidden: not a name we write
  ];
  for (const path of [...dead, ...kept]) writeFileSync(join(root, path), 'half a page');
  return { root, dead, kept };
}

for (const command of ['check', 'fix'] as const) {
  write(`${command} removes the temporary files of a killed run, and only those`, () => {
    const { root, dead, kept } = treeWithLeftovers();
    const run = runBuiltCli([command, '--docs', root]);
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
    assert.equal(dead.filter((path) => existsSync(join(root, path))), [], 'leftovers of a dead process removed');
    assert.equal(kept.filter((path) => existsSync(join(root, path))), kept, 'files of a live process, and names not ours, kept');
  });
}

write.run();
