/** `.remarkrc.mjs` loads the same rules: `npx remark` and `check` agree finding for finding. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { findingsIn } from './helpers/check.js';
import { makeDocsTree, projectRoot, seedPages } from './helpers/docs-tree.js';

const remark = suite('remark configuration');

remark('npx remark reports exactly the findings of check on the seed pages', async () => {
  const root = makeDocsTree(seedPages());
  const run = spawnSync(
    join(projectRoot, 'node_modules', '.bin', 'remark'),
    ['--rc-path', join(projectRoot, '.remarkrc.mjs'), '--no-color', '--quiet', '--no-stdout', '.'],
    { cwd: root, encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TS_NODE_PROJECT: join(projectRoot, 'tsconfig.json') } },
  );
  assert.is(run.status, 1, run.stderr);
  let file = '';
  const fromRemark: string[] = [];
  for (const line of run.stderr.replace(/\x1b\[[0-9;]*m/g, '').split('\n')) {
    const finding = /^\s*(\d+):(\d+)(?:-\d+:\d+)?\s+error\s+.*\s([a-z-]+)\s+docs-quality$/.exec(line);
    if (finding) fromRemark.push(`${file}:${finding[1]}:${finding[2]} ${finding[3]}`);
    else if (/\.md$/.test(line.trim())) file = line.trim();
  }
  const fromCheck = (await findingsIn(root)).map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`);
  assert.ok(fromCheck.length > 30);
  assert.equal(fromRemark.sort(), fromCheck.sort());
});

remark.run();
