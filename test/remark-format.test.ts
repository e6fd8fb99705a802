/** Formatting through remark (`npx remark docs -o`, format-on-save) with the settings of `.remarkrc.mjs`. */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { diffLines } from 'diff';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import remarkStringify, { type Options } from 'remark-stringify';
import { unified } from 'unified';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { listMarkdownFiles } from '../scripts/corpus/docs-files.js';
import { projectRoot } from './helpers/docs-tree.js';

const format = suite('remark formatting of docs/');

/** Measured when the settings were chosen: every change is an AWS-style escape (`\.`, `\-`) remark drops, or one blank line. */
const MAX_CHANGED_LINES = 61;

const unescape = (line: string): string => line.replace(/\\([!-/:-@[-`{-~])/g, '$1');

format('formatting keeps the docs style: only backslash escapes and a few blank lines change', async () => {
  const { settings } = (await import(new URL('../.remarkrc.mjs', import.meta.url).href)) as { settings: Options };
  const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkStringify, settings);
  let changed = 0;
  const pages = new Set<string>();
  for (const path of listMarkdownFiles(`${projectRoot}/docs`)) {
    const text = readFileSync(path, 'utf8');
    const formatted = String(await processor.process(text));
    const removed: string[] = [];
    const added: string[] = [];
    for (const part of diffLines(text, formatted)) {
      const lines = part.value.replace(/\n$/, '').split('\n');
      if (part.removed) removed.push(...lines);
      if (part.added) added.push(...lines);
    }
    if (removed.length + added.length === 0) continue;
    pages.add(relative(projectRoot, path));
    changed += removed.length + added.length;
    const kept = new Set(removed.map(unescape));
    for (const line of added) assert.ok(line === '' || kept.has(line), `${relative(projectRoot, path)}: formatting changed more than escapes: ${line.slice(0, 80)}`);
  }
  assert.ok(changed <= MAX_CHANGED_LINES, `${changed} changed lines in ${[...pages].join(', ')} (at most ${MAX_CHANGED_LINES})`);
});

format.run();
