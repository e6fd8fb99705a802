/** The content-hash cache: unchanged pages are not re-checked, and nothing stale is ever reported. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkDocs } from '../scripts/engine/check.js';
import { brief } from './helpers/check.js';
import { makeDocsTree, shippedConfig, shippedDocs } from './helpers/docs-tree.js';

const cache = suite('findings cache');

const run = (root: string) => checkDocs({ docsRoot: root, cwd: root, cache: true });

cache('a second run with nothing changed lints nothing and reports the same', async () => {
  const root = makeDocsTree(shippedDocs(), shippedConfig());
  writeFileSync(join(root, 's3', 'security.md'), readFileSync(join(root, 's3', 'security.md'), 'utf8').replace('you benefit', 'you will benefit'));
  const cold = await run(root);
  const warm = await run(root);
  assert.is(cold.linted, cold.files.length);
  assert.equal([warm.linted, warm.cached], [0, cold.files.length]);
  assert.equal(warm.findings, cold.findings);
  assert.is(warm.findings.length, 1);
});

cache('editing prose re-checks just that page', async () => {
  const root = makeDocsTree(shippedDocs(), shippedConfig());
  await run(root);
  const page = join(root, 's3', 'network-isolation.md');
  writeFileSync(page, `${readFileSync(page, 'utf8')}\nAnother sentnce.\n`);
  const after = await run(root);
  assert.is(after.linted, 1);
  assert.equal(after.findings.map((f) => f.ruleId), ['spelling']);
});

cache('renaming a heading re-checks every page: cross-file findings are never stale', async () => {
  const root = makeDocsTree(shippedDocs(), shippedConfig());
  await run(root);
  const page = join(root, 's3', 'network-isolation.md');
  writeFileSync(page, readFileSync(page, 'utf8').replace('# Infrastructure security in Amazon S3', '# Network isolation in Amazon S3'));
  const after = await run(root);
  assert.is(after.cached, 0);
  assert.equal(after.findings.map(brief), [
    "s3/security.md:17:4 topic-titles link text differs from the title of `network-isolation.md`: the page's H1 is `Network isolation in Amazon S3`, the link says `Infrastructure security in Amazon S3`, the catalog's title: the fix renames the H1 to it",
  ]);
});

cache.run();

const parallel = suite('worker threads');

parallel('two workers report exactly what one thread reports', async () => {
  const { seedTree } = await import('./helpers/docs-tree.js');
  const root = makeDocsTree(seedTree(), shippedConfig());
  const single = await checkDocs({ docsRoot: root, cwd: root, workers: 0 });
  const threaded = await checkDocs({ docsRoot: root, cwd: root, workers: 2 });
  assert.ok(single.findings.length > 40);
  assert.equal(threaded.findings, single.findings);
});

parallel.run();
