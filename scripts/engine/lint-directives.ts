/**
 * Inline disables, the remark-lint convention: `<!-- lint disable rule-id -->`, `<!-- lint enable
 * rule-id -->` and `<!-- lint ignore rule-id -->` (the next node only). unified-message-control
 * does the filtering, so `check`, `fix`, `npx remark` and editors honour them the same way. The
 * directives are taken from the page's tree while it is parsed and applied once every rule has
 * reported, since a split run's corpus rules see only a tree of the page's links.
 *
 * A directive naming no known rule is an error; one that suppresses nothing is a warning (eslint's
 * unused-disable report), with a fix that removes it.
 */
import type { Html, Root } from 'mdast';
import { commentMarker } from 'mdast-comment-marker';
import { messageControl } from 'unified-message-control';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** The message sources the directives control: our rules and remark-lint's. */
const CONTROLLED_SOURCES = ['docs-quality', 'remark-lint'];
const VERBS = ['disable', 'enable', 'ignore'] as const;
/** The rule id of the directives' own findings. */
export const DIRECTIVE_RULE = 'lint-directive';

/** One `<!-- lint … -->` comment of a page, as plain data (it crosses worker threads). */
export interface LintDirective {
  verb: string;
  /** The rules named; none: every rule. */
  ruleIds: string[];
  start: Point;
  end: Point;
  /** Where the node after the comment ends (what `ignore` covers). */
  tail?: Point;
}

/** The page's lint directives, with the end of each one's next sibling. */
export function lintDirectivesOf(tree: Root): LintDirective[] {
  const directives: LintDirective[] = [];
  visit(tree, 'html', (node, index, parent) => {
    const marker = commentMarker(node);
    if (!marker || marker.name !== 'lint' || !node.position) return;
    const [verb = '', ...ruleIds] = marker.attributes.split(/\s+/).filter(Boolean);
    const tail = index === undefined ? undefined : parent?.children[index + 1]?.position?.end;
    directives.push({ verb, ruleIds, start: node.position.start, end: node.position.end, ...(tail ? { tail } : {}) });
  });
  return directives;
}

/**
 * Removes the messages the directives turn off; reports directives naming unknown rules or
 * verbs, and those that turn nothing off. `known`: the rule ids a directive may name.
 */
export function applyLintDirectives(file: VFile, directives: readonly LintDirective[], known: readonly string[]): void {
  if (directives.length === 0) return;
  const usable: LintDirective[] = [];
  for (const directive of directives) {
    if (!(VERBS as readonly string[]).includes(directive.verb)) {
      report(file, directive, `\`lint ${directive.verb}\` is not a directive: write \`lint disable\`, \`lint enable\` or \`lint ignore\` and the rule ids`, true);
      continue;
    }
    const unknown = directive.ruleIds.filter((id) => !known.includes(id));
    for (const id of unknown) report(file, directive, `\`lint ${directive.verb} ${id}\` names no rule: the rule ids are the README's "Rules" table`, true);
    if (unknown.length < directive.ruleIds.length || directive.ruleIds.length === 0) usable.push({ ...directive, ruleIds: directive.ruleIds.filter((id) => known.includes(id)) });
  }
  const controlled = file.messages.filter(isControlled);
  const kept = keptBy(file, controlled, usable);
  for (const [i, directive] of usable.entries()) {
    if (directive.verb === 'enable') continue;
    for (const id of directive.ruleIds.length === 0 ? [undefined] : directive.ruleIds) {
      // Unused when the page's findings are the same without it.
      const without = usable.flatMap((other, j) => {
        if (j !== i) return [other];
        const rest = id === undefined ? [] : other.ruleIds.filter((name) => name !== id);
        return rest.length > 0 ? [{ ...other, ruleIds: rest }] : [];
      });
      if (keptBy(file, controlled, without).size > kept.size) continue;
      const what = `lint ${directive.verb}${id === undefined ? '' : ` ${id}`}`;
      report(file, directive, `\`${what}\` turns off no finding here: remove it`, false, directive.ruleIds.length <= 1 ? removal(file, directive) : undefined);
    }
  }
  file.messages = file.messages.filter((message) => !isControlled(message) || kept.has(message));
}

const isControlled = (message: VFile['messages'][number]): boolean => message.source !== undefined && CONTROLLED_SOURCES.includes(message.source) && message.ruleId !== DIRECTIVE_RULE;

/** The controlled messages the directives let through (the file's own messages are left as they are). */
function keptBy(file: VFile, controlled: VFile['messages'], directives: readonly LintDirective[]): Set<VFile['messages'][number]> {
  const saved = file.messages;
  file.messages = [...controlled];
  try {
    messageControl(controlTree(directives), { file, marker: commentMarker, name: 'lint', source: CONTROLLED_SOURCES, test: 'html' });
    return new Set(file.messages);
  } finally {
    file.messages = saved;
  }
}

/**
 * A tree of just the directives, each followed by a node ending where its real next sibling ends,
 * covering the page without gaps: unified-message-control drops messages it finds in gaps of a
 * tree, and a real tree has them (after the last node, say), which would hide true findings.
 */
function controlTree(directives: readonly LintDirective[]): Root {
  const children: Root['children'] = [];
  for (const directive of directives) {
    const value = `<!-- lint ${[directive.verb, ...directive.ruleIds].join(' ')} -->`;
    children.push({ type: 'html', value, position: { start: directive.start, end: directive.end } } satisfies Html);
    if (directive.tail) children.push({ type: 'html', value: '', position: { start: directive.end, end: directive.tail } });
  }
  const start = { line: 1, column: 1, offset: 0 };
  const end = children.map((child) => child.position!.end).reduce((a, b) => ((b.offset ?? 0) > (a.offset ?? 0) ? b : a), start);
  return { type: 'root', children, position: { start, end } };
}

/** A fix deleting the directive, with its line when the comment stands alone on it. */
function removal(file: VFile, directive: LintDirective): { edits: { start: number; end: number; text: string }[] } | undefined {
  const text = String(file);
  let start = directive.start.offset;
  let end = directive.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  if (text.slice(lineStart, start).trim() === '' && text.slice(end, lineEnd === -1 ? text.length : lineEnd).trim() === '') {
    start = lineStart;
    end = lineEnd === -1 ? text.length : lineEnd + 1;
    if (text.startsWith('\n', end) && (start === 0 || text.startsWith('\n\n', start - 2))) end += 1; // and the blank line after it
  }
  return { edits: [{ start, end, text: '' }] };
}

function report(file: VFile, directive: LintDirective, reason: string, error: boolean, fix?: ReturnType<typeof removal>): void {
  const message = file.message(reason, { place: { start: directive.start, end: directive.end }, ruleId: DIRECTIVE_RULE, source: 'docs-quality' });
  message.fatal = error;
  if (fix) Object.assign(message, { fix });
}

/** The directives as a remark plugin, run after every rule (the end of the preset). */
export function remarkLintDirectives(known: readonly string[]) {
  return () => (tree: Root, file: VFile) => applyLintDirectives(file, lintDirectivesOf(tree), known);
}
