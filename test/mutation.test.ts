/** A small seeded sample of the mutation harness: every class caught, no false alarm. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { generateCorpus } from '../scripts/bench/generate-corpus.js';
import { MUTATIONS } from '../scripts/mutation/mutations.js';
import { runMutations } from '../scripts/mutation/run-mutations.js';
import { makeDocsTree, projectRoot, shippedConfig, shippedDocs } from './helpers/docs-tree.js';

const mutation = suite('mutation harness');

mutation('every class is caught on the shipped docs, with no false alarm', async () => {
  const root = makeDocsTree(shippedDocs(), shippedConfig());
  const report = await runMutations(root, 1, 7);
  assert.equal(report.falseAlarms, []);
  assert.is(report.classes.length, Object.keys(MUTATIONS).length);
  for (const c of report.classes) {
    assert.is(c.trials, 1, c.name);
    assert.is(c.detected, 1, `${c.name}: ${c.missed.join('; ')}`);
  }
});

mutation('every class is caught on a generated corpus', async () => {
  const work = mkdtempSync(join(tmpdir(), 'docs-quality-mutation-test-'));
  try {
    generateCorpus(join(projectRoot, 'docs'), join(work, 'docs'), 3, 11, false);
    const report = await runMutations(join(work, 'docs'), 1, 11);
    assert.equal(report.falseAlarms, []);
    for (const c of report.classes) assert.is(c.detected, c.trials, `${c.name}: ${c.missed.join('; ')}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

mutation.run();
