/**
 * trailing-spaces: no line ends in spaces or tabs, except a hard line break (two or more spaces
 * before the next line of the same paragraph), which the template's notes may use.
 *
 * found: `applicable laws and regulations\. ` -> trailing whitespace (fix removes it)
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { OffsetFinding } from '../template/edit.js';
import { docsRule } from './report.js';

export default docsRule('trailing-spaces', (tree: Root, file) => {
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
