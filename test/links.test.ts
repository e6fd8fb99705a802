/**
 * Internal links on a two-page tree: missing files and fragments are found, the docs root is guarded,
 * and `.remarkrc.mjs` wires remark-validate-links in. The full comparison with remark-validate-links
 * is validate-links-differential.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { brief, findingsIn } from './helpers/check.js';
import { fixture, makeDocsTree, projectRoot } from './helpers/docs-tree.js';

const links = suite('internal-links');

const linkTree = (): string => makeDocsTree({ 'guide/a.md': fixture('links/guide/a.md'), 'guide/b.md': fixture('links/guide/b.md') });

links('missing files and fragments are found; <a name> anchors and heading slugs resolve', async () => {
  const findings = (await findingsIn(linkTree())).filter((f) => f.ruleId === 'internal-links');
  assert.equal(findings.map(brief), [
    'guide/a.md:3:28 internal-links link points to a missing file `c.md`',
    'guide/a.md:5:46 internal-links link points to a missing anchor `#no-such-heading` in `b.md`',
    'guide/a.md:7:35 internal-links link points to a missing anchor `#nothing-here` in `this page`',
  ]);
});

links('on the two-page tree, remark-validate-links (through .remarkrc.mjs) reports the same three broken links at the same places', async () => {
  const root = linkTree();
  const run = spawnSync(join(projectRoot, 'node_modules', '.bin', 'remark'), ['--rc-path', join(projectRoot, '.remarkrc.mjs'), '--no-color', '--no-stdout', 'guide'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TS_NODE_PROJECT: join(projectRoot, 'tsconfig.json') },
  });
  const theirs: string[] = [];
  let file = '';
  for (const line of run.stderr.replace(/\x1b\[[0-9;]*m/g, '').split('\n')) {
    const finding = /^\s*(\d+):(\d+)-\S+\s+warning\s.*remark-validate-links:/.exec(line);
    if (finding) theirs.push(`${file}:${finding[1]}:${finding[2]}`);
    else if (/\.md$/.test(line.trim())) file = line.trim();
  }
  const ours = (await findingsIn(root)).filter((f) => f.ruleId === 'internal-links').map((f) => `${f.file}:${f.line}:${f.column}`);
  assert.is(theirs.length, 3, run.stderr);
  assert.equal(ours, theirs);
});

links('links may not leave the docs tree, use absolute paths or unsafe schemes', async () => {
  const page = ['# Escapes', '', '[up](../../etc/passwd)', '[encoded](..%2F..%2Fsecret.md)', '[abs](/etc/hosts)', '[file](file:///etc/passwd)', '[js](javascript:alert(1))', ''].join('\n');
  const messages = (await findingsIn(makeDocsTree({ 'guide/escape.md': page }))).filter((f) => f.ruleId === 'internal-links').map((f) => f.message);
  assert.equal(messages, [
    'link leaves the docs tree: `../../etc/passwd`',
    'link leaves the docs tree: `..%2F..%2Fsecret.md`',
    'absolute path `/etc/hosts`: use a path relative to this page',
    'unsafe link scheme `file:`: link to pages by relative path',
    'unsafe link scheme `javascript:`: link to pages by relative path',
  ]);
});

links.run();
