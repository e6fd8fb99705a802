/**
 * todo-placeholder: no page keeps a `TODO` placeholder (the summaries `new-service` scaffolds are
 * marked this way until a writer replaces them).
 *
 * found: `TODO: summarize how Amazon SQS protects data.`
 *   -> placeholder text left in the page: replace the TODO with the real summary
 */
import { visit } from 'unist-util-visit';
import type { OffsetFinding } from '../template/edit.js';
import { docsRule } from './report.js';

const TODO = /\bTODO\b/;

export default docsRule('todo-placeholder', (tree) => {
  const findings: OffsetFinding[] = [];
  visit(tree, 'text', (node) => {
    const at = TODO.exec(node.value);
    if (!at || !node.position) return;
    const start = node.position.start.offset! + at.index;
    findings.push({
      rule: 'todo-placeholder',
      start,
      end: node.position.end.offset!,
      message: 'placeholder text left in the page: replace the TODO with the real summary',
      actual: node.value.slice(at.index),
    });
  });
  return findings;
});
