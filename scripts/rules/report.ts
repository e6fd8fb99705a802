/** Turning rule findings (offsets) into vfile messages (line:column), the remark-lint way. */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { OffsetFinding } from '../template/edit.js';

/** Reports findings on the file, with expected/actual text and the fix attached to each message. */
export function reportFindings(file: VFile, findings: readonly OffsetFinding[]): void {
  if (findings.length === 0) return;
  const place = location(file);
  for (const finding of findings) {
    const start = place.toPoint(finding.start) ?? { line: 1, column: 1, offset: 0 };
    const end = place.toPoint(finding.end) ?? start;
    const message = file.message(finding.message, { start, end });
    if (finding.expected !== undefined) message.expected = [finding.expected];
    if (finding.actual !== undefined) message.actual = finding.actual;
    if (finding.fix) Object.assign(message, { fix: finding.fix });
  }
}

type Findings = readonly OffsetFinding[];

/** A remark-lint rule `docs-quality:<id>` reporting what `findingsOf` computes for a page. */
export function docsRule(id: string, findingsOf: (tree: Root, file: VFile) => Findings | Promise<Findings>) {
  return lintRule<Root, undefined>(`docs-quality:${id}`, (tree, file) => {
    const findings = findingsOf(tree, file);
    if (findings instanceof Promise) return findings.then((found) => reportFindings(file, found));
    reportFindings(file, findings);
    return undefined;
  });
}

/** Runs a page analysis once per parsed tree, however many rules ask for it. */
export function oncePerTree<T>(analyse: (tree: Root, file: VFile) => T): (tree: Root, file: VFile) => T {
  const results = new WeakMap<Root, { value: T }>();
  return (tree, file) => {
    let result = results.get(tree);
    if (!result) {
      result = { value: analyse(tree, file) };
      results.set(tree, result);
    }
    return result.value;
  };
}

/** A rule reporting its own share of a shared analysis's findings. */
export function shareOfAnalysis<Rule extends string>(
  rule: Rule,
  analysisOf: (tree: Root, file: VFile) => { findings: readonly OffsetFinding<Rule>[] } | null,
) {
  return docsRule(rule, (tree, file) => analysisOf(tree, file)?.findings.filter((f) => f.rule === rule) ?? []);
}
