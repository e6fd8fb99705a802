/**
 * Properties of fix over generated drifted pages: idempotent, it changes nothing outside the
 * ranges rules marked, and the findings it fixed are gone afterwards.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffLines } from 'diff';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { random } from '../scripts/bench/generate-corpus.js';
import { checkDocs } from '../scripts/engine/check.js';
import { fixDocs } from '../scripts/engine/fix.js';
import type { FixableMessage } from '../scripts/engine/finding.js';
import { MUTATIONS, type Pages } from '../scripts/mutation/mutations.js';
import { makeDocsTree, shippedConfig, shippedDocs } from './helpers/docs-tree.js';

const FIXABLE_CLASSES = [
  'word substituted',
  'word dropped',
  'word added',
  'typo in a boilerplate word',
  'paragraph dropped',
  'paragraph duplicated',
  'paragraphs swapped',
  'wrong service name in one place',
  'H1 variant',
  'topic duplicated',
  'topic reordered',
  'topic retitled',
  'link text changed',
];

const properties = suite('fix properties');

const base = makeDocsTree(shippedDocs(), shippedConfig());
const services = ['dynamodb', 'kinesis-data-analytics', 'kinesis-data-streams', 'kinesis-video-streams', 's3'];

properties('on 13 seeded drifted pages: idempotent, confined to marked ranges, fixed findings gone', async () => {
  const next = random(2024);
  for (const name of FIXABLE_CLASSES) {
    const service = services[Math.floor(next() * services.length)]!;
    const root = mkdtempSync(join(tmpdir(), 'docs-quality-prop-'));
    cpSync(base, root, { recursive: true });
    const path = join(root, service, 'security.md');
    const pages: Pages = new Map([[`${service}/security.md`, readFileSync(path, 'utf8')]]);
    const changed = MUTATIONS[name]!(pages, service, next, services.filter((s) => s !== service));
    assert.ok(changed, name);
    writeFileSync(path, changed!.get(`${service}/security.md`)!);
    const drifted = readFileSync(path, 'utf8');

    const before = await checkDocs({ docsRoot: root, cwd: root });
    const page = before.files.find((f) => f.path.endsWith(join(service, 'security.md')))!;
    const fixable = page.file.messages.filter((m) => (m as FixableMessage).fix);
    assert.ok(fixable.length > 0, `${name}: the drift is fixable`);
    const marked = new Set<number>();
    const lineOf = (offset: number): number => drifted.slice(0, offset).split('\n').length;
    for (const message of fixable) {
      for (const edit of (message as FixableMessage).fix!.edits) {
        if (edit.file && !edit.file.endsWith(join(service, 'security.md'))) continue;
        for (let line = lineOf(edit.start); line <= lineOf(edit.end); line++) marked.add(line);
      }
    }

    await fixDocs({ docsRoot: root, cwd: root });
    const fixed = readFileSync(path, 'utf8');
    let line = 1;
    for (const part of diffLines(drifted, fixed)) {
      const count = part.count ?? 0;
      if (part.removed) for (let l = line; l < line + count; l++) assert.ok(marked.has(l), `${name}: line ${l} changed but no rule marked it`);
      if (!part.added) line += count;
    }
    const after = await checkDocs({ docsRoot: root, cwd: root });
    const stillThere = after.findings.filter((f) => fixable.some((m) => m.reason === f.message && m.ruleId === f.ruleId));
    assert.equal(stillThere, [], `${name}: fixed findings are gone`);
    assert.equal(await fixDocs({ docsRoot: root, cwd: root }), [], `${name}: a second fix changes nothing`);
  }
});

properties.run();
