/** The one atomic write: a file is replaced whole or left as it was, and no temporary file stays. */
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileAtomically } from '../scripts/files/write-atomically.js';
import { makeDocsTree } from './helpers/docs-tree.js';

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

write.run();
