/** Inline disables (`<!-- lint disable|enable|ignore rule-id -->`): honoured, unused, unknown; by check, fix and remark alike. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { commentMarker } from 'mdast-comment-marker';
import remarkParse from 'remark-parse';
import { unified, type Preset } from 'unified';
import { messageControl } from 'unified-message-control';
import { VFile } from 'vfile';
import { remarkDocsSyntax } from '../scripts/corpus/markdown.js';
import { presetFor } from '../scripts/engine/preset.js';
import { checkDocs } from '../scripts/engine/check.js';
import { fixDocs } from '../scripts/engine/fix.js';
import { lintFile } from '../scripts/engine/processor.js';
import { brief, findingsIn } from './helpers/check.js';
import { fixture, makeDocsTree } from './helpers/docs-tree.js';

const directives = suite('lint directives');

/** The parser and a preset, as a processor. */
const processor = (preset: Preset) => unified().use(remarkParse).use(remarkDocsSyntax).use(preset).freeze();

const servicePage = fixture('seeds/s3/security.md').replace('# Amazon S3 Security', '# Security in Amazon S3');
/** A topic page of s3 with the given body under its H1. */
const topicPage = (body: string): string => `# Infrastructure security in Amazon S3<a name="network-isolation"></a>\n\n${body}`;
const tree = (body: string): string => makeDocsTree({ 's3/security.md': servicePage, 's3/network-isolation.md': topicPage(body) });
const onTopic = async (root: string): Promise<string[]> => (await findingsIn(root)).filter((f) => f.file === 's3/network-isolation.md').map(brief);

directives('without directives, the topic page has its two trailing-space findings', async () => {
  assert.equal(await onTopic(tree('One trailing  \n\nTwo trailing  \n')), [
    's3/network-isolation.md:3:13 trailing-spaces trailing whitespace',
    's3/network-isolation.md:5:13 trailing-spaces trailing whitespace',
  ]);
});

directives('disable and enable turn a rule off for the lines between them', async () => {
  const root = tree('<!-- lint disable trailing-spaces -->\n\nOne trailing  \n\n<!-- lint enable trailing-spaces -->\n\nTwo trailing  \n');
  assert.equal(await onTopic(root), ['s3/network-isolation.md:9:13 trailing-spaces trailing whitespace']);
});

directives('ignore turns a rule off for the next block only', async () => {
  const root = tree('<!-- lint ignore trailing-spaces -->\nOne trailing  \n\nTwo trailing  \n');
  assert.equal(await onTopic(root), ['s3/network-isolation.md:6:13 trailing-spaces trailing whitespace']);
});

directives('a bare disable turns every rule off, remark-lint rules included', async () => {
  const root = tree('<!-- lint disable -->\n\nOne trailing  \n\n[unused]: https://example.com\n');
  assert.equal(await onTopic(root), []);
});

directives('a directive that turns off nothing is a warning with a fix that removes it', async () => {
  const root = tree('Fine text.\n\n<!-- lint disable spelling -->\n\nMore fine text.\n');
  const findings = (await findingsIn(root)).filter((f) => f.file === 's3/network-isolation.md');
  assert.equal(findings.map(brief), ['s3/network-isolation.md:5:1 lint-directive `lint disable spelling` turns off no finding here: remove it']);
  assert.is(findings[0]!.severity, 'warning');
  assert.ok(findings[0]!.fixable);
  await fixDocs({ docsRoot: root, cwd: root });
  assert.is(readFileSync(join(root, 's3', 'network-isolation.md'), 'utf8'), topicPage('Fine text.\n\nMore fine text.\n'));
});

directives('of two rules named, the one that turns nothing off is reported', async () => {
  const root = tree('<!-- lint disable trailing-spaces spelling -->\n\nOne trailing  \n');
  assert.equal(await onTopic(root), ['s3/network-isolation.md:3:1 lint-directive `lint disable spelling` turns off no finding here: remove it']);
});

directives('a directive naming an unknown rule, or no verb it knows, is an error', async () => {
  const root = tree('<!-- lint disable trailing-space -->\n\n<!-- lint skip trailing-spaces -->\n\nText.\n');
  const findings = (await findingsIn(root)).filter((f) => f.file === 's3/network-isolation.md');
  assert.equal(findings.map(brief), [
    's3/network-isolation.md:3:1 lint-directive `lint disable trailing-space` names no rule: the rule ids are the README\'s "Rules" table',
    's3/network-isolation.md:5:1 lint-directive `lint skip` is not a directive: write `lint disable`, `lint enable` or `lint ignore` and the rule ids',
  ]);
  assert.ok(findings.every((f) => f.severity === 'error'));
});

directives('fix leaves what a directive turns off as it is', async () => {
  const body = '<!-- lint disable trailing-spaces -->\n\nKept trailing  \n\n<!-- lint enable trailing-spaces -->\n\nFixed trailing  \n';
  const root = tree(body);
  await fixDocs({ docsRoot: root, cwd: root });
  assert.is(readFileSync(join(root, 's3', 'network-isolation.md'), 'utf8'), topicPage(body.replace('Fixed trailing  ', 'Fixed trailing')));
});

directives('a finding after the last node of the page is still controlled (no gap swallows it)', async () => {
  const root = tree('Text.\n\n\n\n');
  assert.equal(await onTopic(root), ['s3/network-isolation.md:3:6 no-consecutive-blank-lines Unexpected `3` blank lines after node, expected `0` blank lines, remove `3` blank lines']);
});

directives('one run of every rule (remark, editors) and a split run of check give the same findings', async () => {
  const body = '<!-- lint ignore trailing-spaces -->\nOne trailing  \n\nTwo trailing  \n\n<!-- lint disable internal-links -->\n\n[gone](missing.md)\n\n<!-- lint disable spelling -->\n';
  const root = tree(body);
  const path = join(root, 's3', 'network-isolation.md');
  const file = new VFile({ path: 's3/network-isolation.md', cwd: root, value: readFileSync(path, 'utf8') });
  await lintFile(file);
  const single = file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`).sort();
  for (const workers of [0, 2]) {
    const { findings } = await checkDocs({ docsRoot: root, cwd: root, workers });
    const split = findings.filter((f) => f.file === 's3/network-isolation.md').map((f) => `${f.line}:${f.column} ${f.ruleId}`).sort();
    assert.equal(split, single, `${workers} workers`);
  }
  assert.equal(single, ['12:1 lint-directive', '6:13 trailing-spaces']);
});

directives('differential: on pages without a trailing gap, the same findings as remark-lint\'s own message control on the real tree', async () => {
  const pages = [
    '# Title\n\n<!-- lint disable trailing-spaces -->\n\nOne  \n\n<!-- lint enable trailing-spaces -->\n\nTwo  \n\nEnd.',
    '# Title\n\n<!-- lint ignore trailing-spaces spelling -->\nOne misspeled  \n\nTwo misspeled  \n\nEnd.',
    '# Title\n\n+ item  \n+ <!-- lint disable -->item two  \n\n[x]: https://example.com\n\n<!-- lint enable -->\n\nEnd  \nof it.',
  ];
  for (const text of pages) {
    const ours = new VFile({ path: 'guide/page.md', value: text });
    await processor(presetFor()).run(processor(presetFor()).parse(ours), ours);
    const reference = new VFile({ path: 'guide/page.md', value: text });
    const rules = processor(presetFor({}, 'page'));
    const tree = rules.parse(reference);
    await rules.run(tree, reference);
    messageControl(tree, { file: reference, marker: commentMarker, name: 'lint', source: ['docs-quality', 'remark-lint'], test: 'html' });
    const shown = (file: VFile) => file.messages.filter((m) => m.ruleId !== 'lint-directive').map((m) => `${m.line}:${m.column} ${m.ruleId}`);
    assert.ok(shown(reference).length > 0, text);
    assert.equal(shown(ours), shown(reference), text);
  }
});

directives('the one difference, on purpose: a finding after the last node, which the reference drops as in a gap', async () => {
  const text = '# Title\n\nText.\n\n\n\n';
  const rules = processor(presetFor({}, 'page'));
  const reference = new VFile({ path: 'guide/page.md', value: text });
  const tree = rules.parse(reference);
  await rules.run(tree, reference);
  assert.equal(reference.messages.map((m) => m.ruleId), ['no-consecutive-blank-lines']);
  messageControl(tree, { file: reference, marker: commentMarker, name: 'lint', source: ['docs-quality', 'remark-lint'], test: 'html' });
  assert.equal(reference.messages.length, 0, 'the reference loses it');
  const ours = new VFile({ path: 'guide/page.md', value: text });
  await processor(presetFor()).run(processor(presetFor()).parse(ours), ours);
  assert.equal(ours.messages.map((m) => m.ruleId), ['no-consecutive-blank-lines']);
});

directives.run();
