/**
 * todo-placeholder: no page keeps a `TODO` placeholder (the summaries `new-service` scaffolds are
 * marked this way until a writer replaces them).
 *
 * found: `TODO: summarize how Amazon SQS protects data.`
 *   -> placeholder text left in the page: replace the TODO with the real summary
 */
import { visit } from 'unist-util-visit';
import type { OffsetFinding } from '../template/edit.js';
import { defineRule } from '../rule-kit/define-rule.js';

const TODO = /\bTODO\b/;

export default defineRule(
  {
    id: "todo-placeholder",
    description: "a `TODO` left in a page",
    docs: "The summaries `new-service` scaffolds are marked `TODO` until a writer replaces them.",
    fixable: false,
    crossFile: "none",
    defaultSeverity: "error",
    examples: [
      { title: "a scaffolded summary", pages: {"guide/page.md": "# Page\n\nTODO: summarize how the service protects data.\n"}, findings: ["guide/page.md:3:1 placeholder text left in the page: replace the TODO with the real summary"] },
    ],
  },
  (tree) => {
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
