/**
 * Every finding on a broken tree, exactly: the seeds with our topic pages and the shipped
 * configuration, whose drift reaches the template, topic, link, orphan, name and style rules. A
 * refactoring of the rules must leave this list (and so `docs/`'s empty one) as it is.
 * Regenerate after an intended change: `UPDATE_FINDINGS=1` with this test.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding } from '../scripts/engine/finding.js';
import { brief, findingsIn } from './helpers/check.js';
import { fixtures, makeDocsTree, seedTree, shippedConfig } from './helpers/docs-tree.js';

const expectedFile = join(fixtures, 'findings', 'seeds.txt');
const line = (f: Finding): string => `${brief(f)} [${f.severity}${f.fixable ? ', fixable' : ''}]`;

test('the seeds give the recorded findings, no more, no fewer', async () => {
  const found = (await findingsIn(makeDocsTree(seedTree(), shippedConfig()))).map(line).join('\n') + '\n';
  if (process.env.UPDATE_FINDINGS) writeFileSync(expectedFile, found);
  assert.fixture(found, readFileSync(expectedFile, 'utf8'));
});

test.run();
