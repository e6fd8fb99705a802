/** `--staged` and path runs reach what the rules declare (`crossFile`): a new cross-file rule needs no change to the scope. */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { indexPage, type CorpusIndex } from '../scripts/corpus/corpus-index.js';
import { listMarkdownFiles } from '../scripts/corpus/docs-files.js';
import { pagesToCheck } from '../scripts/engine/scope.js';
import type { CrossFile } from '../scripts/rule-kit/define-rule.js';
import { makeDocsTree } from './helpers/docs-tree.js';

const scope = suite('scope from crossFile');

const root = makeDocsTree({
  's3/security.md': '# Security in Amazon S3\n\n**Topics**\n+ [Resilience in Amazon S3](resilience.md)\n',
  's3/resilience.md': '# Resilience in Amazon S3\n\nText.\n',
  's3/notes.md': '# Notes\n\nSee [resilience](resilience.md).\n',
  'dynamodb/security.md': '# Security in Amazon DynamoDB\n',
});
const index: CorpusIndex = { root, pages: new Map(listMarkdownFiles(root).map((path) => [path, indexPage(path, readFileSync(path, 'utf8'))])) };
const reach = (changed: string, ...kinds: CrossFile[]): string[] => [...pagesToCheck([join(root, changed)], index, new Set(kinds))].map((path) => relative(root, path)).sort();

scope('rules that read only the page: only the changed page', () => {
  assert.equal(reach('s3/resilience.md', 'none'), ['s3/resilience.md']);
});

scope('a folder rule: the service page of a changed topic page', () => {
  assert.equal(reach('s3/resilience.md', 'none', 'folder'), ['s3/resilience.md', 's3/security.md']);
});

scope('a linking-pages rule: the pages linking to it', () => {
  assert.equal(reach('s3/resilience.md', 'linking-pages'), ['s3/notes.md', 's3/resilience.md', 's3/security.md']);
});

scope('a rule that reads every page: every page', () => {
  assert.equal(reach('s3/resilience.md', 'none', 'all').length, index.pages.size);
});

scope.run();
