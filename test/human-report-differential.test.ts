/**
 * The human report against its reference, vfile-reporter: on the real sample's findings, at a width
 * where nothing wraps, ours is vfile-reporter's report line for line. vfile-reporter adds a source
 * column (`docs-quality` on every row), which ours leaves out, so the messages here carry none; ours
 * cites the template line a template finding compares with, which the reference is given as text.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { checkDocs } from '../scripts/engine/check.js';
import type { FixableMessage } from '../scripts/engine/finding.js';
import { layOutSample } from '../scripts/precision/lay-out-sample.js';
import { humanReport } from '../scripts/reporters/human.js';
import { fixture, makeDocsTree, projectRoot, securitySample } from './helpers/docs-tree.js';

const differential = suite('human report against vfile-reporter');

async function filesOf(docsRoot: string): Promise<VFile[]> {
  const { files } = await checkDocs({ docsRoot, cwd: docsRoot, cache: false });
  const vfiles = files.map((f) => f.file);
  for (const file of vfiles) for (const message of file.messages) message.source = undefined;
  return vfiles;
}

/** vfile-reporter's report of the same files, the template citation ours adds put into the message (in place: call it last). */
function reference(files: VFile[]): string {
  for (const file of files) {
    for (const message of file.messages) {
      const template = (message as FixableMessage).template;
      if (template) message.message = message.reason = `${message.reason} (${template.file}:${template.line})`;
    }
  }
  return reporter(files, { color: false, quiet: true });
}

differential('the real sample: the same report as vfile-reporter, row for row, at a width where nothing wraps', async () => {
  assert.ok(existsSync(securitySample), `the sample is at ${securitySample}`);
  const docsRoot = join(mkdtempSync(join(tmpdir(), 'docs-quality-human-')), 'docs');
  layOutSample(securitySample, join(projectRoot, 'docs', '_template'), docsRoot);
  const files = await filesOf(docsRoot);
  const messages = files.reduce((n, file) => n + file.messages.length, 0);
  assert.ok(messages > 200, `${messages} findings on the sample`);
  const ours = humanReport(files, false, 100_000);
  assert.fixture(ours, reference(files));
});

differential('several rules on a service page and a topic page, and a page with none: the same report', async () => {
  const clean = fixture('template/clean/security.md');
  const files = await filesOf(makeDocsTree({ 's3/security.md': clean.replace('you benefit', 'you will benefit'), 'guide/notes.md': '# Notes\n\nA page abuot notes.\n\n\n\nEnd.\n' }));
  const ours = humanReport(files, false, 100_000);
  assert.fixture(ours, reference(files));
});

differential.run();
