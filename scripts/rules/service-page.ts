/**
 * The shared analysis behind the template rules: each service page is compared with the template
 * once per parse, and every template rule reports its own share of the findings.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { lintRule } from 'unified-lint-rule';
import { location } from 'vfile-location';
import { analysePage, type PageAnalysis, type PageFinding, type TemplateRuleId } from '../template/analyse-page.js';
import { loadManifest } from '../template/manifest.js';
import { SERVICE_PAGE, TEMPLATE_DIR, loadTemplate, templatePath } from '../template/template.js';

const analyses = new WeakMap<Root, PageAnalysis | null>();

/** Docs root and service folder of a service page, or undefined for any other file. */
export function servicePageOf(path: string): { docsRoot: string; service: string } | undefined {
  if (basename(path) !== SERVICE_PAGE) return undefined;
  const folder = dirname(path);
  const service = basename(folder);
  if (service.startsWith('_') || service === TEMPLATE_DIR) return undefined;
  const docsRoot = dirname(folder);
  return existsSync(templatePath(docsRoot)) ? { docsRoot, service } : undefined;
}

/** The page's comparison with its template (computed once per tree), or null if not a service page. */
export function servicePageAnalysis(tree: Root, file: VFile): PageAnalysis | null {
  const cached = analyses.get(tree);
  if (cached !== undefined) return cached;
  const page = file.path ? servicePageOf(resolve(file.cwd, file.path)) : undefined;
  let analysis: PageAnalysis | null = null;
  if (page) {
    const template = loadTemplate(page.docsRoot);
    const pinned = loadManifest(page.docsRoot)[page.service];
    analysis = analysePage(String(file), tree, template, pinned);
  }
  analyses.set(tree, analysis);
  return analysis;
}

/** Reports one rule's findings on the file, with expected/actual text and the fix attached. */
export function reportTemplateFindings(tree: Root, file: VFile, rule: TemplateRuleId): void {
  const analysis = servicePageAnalysis(tree, file);
  if (!analysis) return;
  const place = location(file);
  for (const finding of analysis.findings) {
    if (finding.rule === rule) report(file, place, finding);
  }
}

function report(file: VFile, place: ReturnType<typeof location>, finding: PageFinding): void {
  const start = place.toPoint(finding.start);
  const end = place.toPoint(finding.end);
  const message = file.message(finding.message, start && end ? { start, end } : undefined);
  if (finding.expected !== undefined) message.expected = [finding.expected];
  if (finding.actual !== undefined) message.actual = finding.actual;
  if (finding.fix) Object.assign(message, { fix: finding.fix });
}

/** A remark-lint rule reporting one template rule's findings (they share one analysis per page). */
export function templateRule(rule: TemplateRuleId) {
  return lintRule<Root, undefined>(`docs-quality:${rule}`, (tree, file) => reportTemplateFindings(tree, file, rule));
}
