/**
 * A run parses each page once: page rules on the tree the index is collected from, corpus rules
 * once the index is complete. It must report exactly what one remark run of every rule reports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { VFile } from 'vfile';
import { corpusIndexFor, indexCorpus, provideCorpusIndex, withholdCorpusIndex } from '../scripts/corpus/corpus-index.js';
import { checkDocs } from '../scripts/engine/check.js';
import { findingsOf } from '../scripts/engine/finding.js';
import { lintFile } from '../scripts/engine/processor.js';
import { brief } from './helpers/check.js';
import { makeDocsTree, shippedConfig, shippedDocs } from './helpers/docs-tree.js';

const split = suite('one parse per page');

/** Every page of the tree through the whole preset at once, the way `npx remark docs` runs it. */
async function oneRunOfEveryRule(root: string): Promise<string[]> {
  provideCorpusIndex(indexCorpus(root));
  const files: VFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) files.push(new VFile({ path: relative(root, path), cwd: root, value: readFileSync(path, 'utf8') }));
    }
  };
  walk(root);
  for (const file of files) await lintFile(file);
  return findingsOf(files).map(brief);
}

// Links of every kind, on a topic page (rebuilt from its index entry) and a service page (its tree kept).
const linkPage = [
  '# Logging and monitoring in Amazon S3',
  '',
  '> * [in a quote](network-isolation.md#missing)',
  '',
  '![diagram](missing.png) and [ref][r] and <https://example.com> and [case](#Logging-and-monitoring-in-amazon-s3)',
  '',
  '[r]: ./nowhere.md#x',
  '[unused]: data-protection.md#nothing',
  '',
].join('\n');

for (const workers of [0, 2]) {
  split(`findings equal one remark run of every rule (${workers} workers)`, async () => {
    const docs = shippedDocs();
    docs['s3/logging-and-monitoring.md'] = linkPage;
    docs['s3/security.md'] = docs['s3/security.md']!.replace('](DataDurability.md)', '](DataDurability.md#gone)').replace('you benefit', 'you will benfit');
    const root = makeDocsTree(docs, shippedConfig());
    const expected = await oneRunOfEveryRule(root);
    const { findings } = await checkDocs({ docsRoot: root, cwd: root, workers });
    assert.ok(expected.length >= 8, expected.join("\n"));
    assert.equal(findings.map(brief), expected);
  });
}

split('a rule that reads the corpus index before it is complete is told so', () => {
  const root = makeDocsTree(shippedDocs(), shippedConfig());
  const restore = withholdCorpusIndex(root);
  assert.throws(() => corpusIndexFor(root).pages, /not complete yet/);
  restore();
  assert.ok(corpusIndexFor(root).pages.size > 0);
});

split.run();
