/**
 * What every rule is built with: its metadata (id, description, docs, what it can fix, which pages
 * a change can affect, default severity, options, runnable examples) and the remark-lint plugin
 * that turns its findings (offsets) into vfile messages (line:column). The README's rules table,
 * SARIF's rule descriptors, the configuration schema and `--staged` scope are read from the metadata.
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { relative } from 'node:path';
import type { CitedTemplate, OffsetFinding } from '../template/edit.js';

/** Reports findings on the file, with expected/actual text and the fix attached to each message. */
export function reportFindings(file: VFile, findings: readonly OffsetFinding[]): void {
  if (findings.length === 0) return;
  const place = location(file);
  // In page order; findings at one place keep the order the rule gave them.
  const inOrder = [...findings].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const finding of inOrder) {
    const start = place.toPoint(finding.start) ?? { line: 1, column: 1, offset: 0 };
    const end = place.toPoint(finding.end) ?? start;
    const message = file.message(finding.message, { start, end });
    if (finding.expected !== undefined) message.expected = [finding.expected];
    if (finding.actual !== undefined) message.actual = finding.actual;
    if (finding.fix) Object.assign(message, { fix: finding.fix });
    if (finding.template) {
      const cited: CitedTemplate = { file: relative(file.cwd, finding.template.path), line: finding.template.line };
      Object.assign(message, { template: cited });
    }
  }
}

type Findings = readonly OffsetFinding[];

/**
 * Which other pages' findings a change to a page can change: none, the pages of its service folder,
 * the pages that link to it, or every page (the template's own files count as `all` for every rule).
 */
export type CrossFile = 'none' | 'folder' | 'linking-pages' | 'all';

/**
 * A runnable example: a docs tree (the shipped template, optionally one shipped service folder of
 * `docs/`, then these pages and edits) and this rule's exact findings on it.
 */
export interface RuleExample {
  /** What it shows, as the test names it. */
  title: string;
  /** A service folder of the shipped `docs/` to start from (`s3`). */
  base?: string;
  /** Relative path -> Markdown, added or replacing a page. */
  pages?: Record<string, string>;
  /** Relative path -> [text, replacement]: one edit of a page. */
  replace?: Record<string, [string, string]>;
  /** Pages to delete. */
  remove?: string[];
  /** This rule's options, as `.docs-quality.json` would set them (`["error", options]`). */
  options?: unknown;
  /** `path:line:column message` of this rule's findings, in order; [] for a page it accepts. */
  findings: string[];
}

export interface RuleMeta {
  /** The id findings, configuration and `<!-- lint disable -->` use. */
  id: string;
  /** One line: what it finds. */
  description: string;
  /** A paragraph for the README and SARIF's fullDescription. */
  docs: string;
  /** What `fix` does about it, or false. */
  fixable: string | false;
  crossFile: CrossFile;
  defaultSeverity: 'warn' | 'error';
  /** Its options in configuration (`[severity, options]`), described. */
  options?: string;
  /** The JSON Schema those options must meet (the configuration schema is generated with it). */
  optionsSchema?: Record<string, unknown>;
  examples: RuleExample[];
}

/** A rule plugin with its metadata. */
export type DefinedRule<Options = unknown> = ReturnType<typeof lintRule<Root, Options | undefined>> & { meta: RuleMeta };

/**
 * A remark-lint rule `docs-quality:<id>` reporting what `findingsOf` computes for a page, given the
 * options configuration sets (`["warn", options]`; undefined when it sets none).
 */
export function defineRule<Options = unknown>(
  meta: RuleMeta,
  findingsOf: (tree: Root, file: VFile, options: Options | undefined) => Findings | Promise<Findings>,
): DefinedRule<Options> {
  const plugin = lintRule<Root, Options | undefined>(`docs-quality:${meta.id}`, (tree, file, options) => {
    const findings = findingsOf(tree, file, options);
    if (findings instanceof Promise) return findings.then((found) => reportFindings(file, found));
    reportFindings(file, findings);
    return undefined;
  });
  return Object.assign(plugin, { meta });
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

/** A rule's findings as its judgement of a model shared by several rules (none where the page has no such model). */
export function judging<Model>(modelOf: (tree: Root, file: VFile) => Model | null, judge: (model: Model) => Findings): (tree: Root, file: VFile) => Findings {
  return (tree, file) => {
    const model = modelOf(tree, file);
    return model === null ? [] : judge(model);
  };
}

/** A rule's findings as its own share of a shared analysis's findings. */
export function shareOf<Rule extends string>(
  rule: Rule,
  analysisOf: (tree: Root, file: VFile) => { findings: readonly OffsetFinding<Rule>[] } | null,
): (tree: Root, file: VFile) => Findings {
  return (tree, file) => analysisOf(tree, file)?.findings.filter((f) => f.rule === rule) ?? [];
}
