/**
 * trailing-spaces: no line ends in spaces or tabs, except a hard line break (two or more spaces
 * before the next line of the same paragraph), which the template's notes may use.
 *
 * found: `applicable laws and regulations\. ` -> trailing whitespace (fix removes it)
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { OffsetFinding } from '../template/edit.js';
import { defineRule } from '../rule-kit/define-rule.js';

export default defineRule(
  {
    id: "trailing-spaces",
    description: "spaces or tabs at the end of a line (not a hard break)",
    docs: "Two or more spaces before the next line of the same paragraph are a hard break, which the template's notes may use; anywhere else trailing whitespace is reported.",
    fixable: "removes it",
    crossFile: "none",
    defaultSeverity: "error",
    examples: [
      { title: "a space after a heading", pages: {"guide/page.md": "# Page \n\nText.\n"}, findings: ["guide/page.md:1:7 trailing whitespace"] },
      { title: "a hard break is kept", pages: {"guide/page.md": "# Page\n\nOne line  \nnext line.\n"}, findings: [] },
    ],
  },
  (tree: Root, file) => {
  const text = String(file);
  const hardBreaks = new Set<number>();
  visit(tree, 'break', (node) => {
    if (node.position) hardBreaks.add(node.position.start.offset!);
  });
  const findings: OffsetFinding[] = [];
  for (const match of text.matchAll(/[ \t]+(?=\r?\n|$)/g)) {
    if (hardBreaks.has(match.index)) continue;
    const start = match.index;
    const end = start + match[0].length;
    findings.push({ rule: 'trailing-spaces', start, end, message: 'trailing whitespace', fix: { edits: [{ start, end, text: '' }] } });
  }
  return findings;
});
