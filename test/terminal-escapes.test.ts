/** The human report escapes what a terminal would act on: ANSI and OSC escapes, bidi controls, line breaks. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkDocs } from '../scripts/engine/check.js';
import { humanReport } from '../scripts/reporters/human.js';
import { terminalText } from '../scripts/reporters/terminal-text.js';
import { makeDocsTree } from './helpers/docs-tree.js';

const terminal = suite('terminal escapes');

/** Control characters, C1 controls and bidi controls that must never reach the terminal raw. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

terminal('control, bidi and line-break characters are written as escapes', () => {
  assert.is(terminalText('a\u001b[31mb\u202Ec\nd\te\u0007\u009b\u2066'), 'a\\x1b[31mb\\u202ec\\nd\\te\\x07\\x9b\\u2066');
  assert.is(terminalText('Plain text, `code` and ünïcode'), 'Plain text, `code` and ünïcode');
});

terminal('a file name and page text with escapes, RLO and newlines print escaped', async () => {
  const name = 'guide/evil\u001b]8;;https:example.com\u0007link\u202Egnp.md\nrm -rf.md';
  const root = makeDocsTree({ [name]: '# Evil\n\nSee [reset \u001bc and \u202Etxt].\n' });
  const { files } = await checkDocs({ docsRoot: root, cwd: root });
  for (const color of [false, true]) {
    const report = humanReport(files.map((f) => f.file), color);
    // Our own colours are the only escape sequences left.
    const text = report.replace(/\u001b\[\d+m/g, '');
    const lines = text.split('\n');
    assert.not.match(text, RAW);
    assert.ok(lines.some((line) => line === 'guide/evil\\x1b]8;;https:example.com\\x07link\\u202egnp.md\\nrm -rf.md'), text);
    assert.match(text, /reset \\x1bc and \\u202etxt/);
  }
});

terminal.run();
