/**
 * The shared analysis behind the template rules: each service page is compared with the template
 * once per parse, and every template rule reports its own share of the findings.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { analysePage, type BlockWording, type PageAnalysis, type TemplateRuleId } from './analyse-page.js';
import { loadManifest } from './manifest.js';
import { oncePerTree, shareOf } from '../rule-kit/define-rule.js';
import { loadTemplate } from './template.js';
import { docsPageOf } from '../config/layout.js';

/** The page's comparison with its template (computed once per tree), or null if not a service page. */
export const servicePageAnalysis = oncePerTree((tree: Root, file: VFile): PageAnalysis | null => {
  const page = docsPageOf(file);
  let analysis: PageAnalysis | null = null;
  if (page?.isServicePage) {
    const template = loadTemplate(page.docsRoot);
    const pinned = loadManifest(page.docsRoot)[page.service!];
    analysis = analysePage(String(file), tree, template, pinned);
    file.data.templateWording = analysis.wording;
  }
  return analysis;
});

/** One template rule's findings (the template rules share one analysis per page). */
export function templateFindings(rule: TemplateRuleId) {
  return shareOf(rule, servicePageAnalysis);
}

declare module 'vfile' {
  interface DataMap {
    /** How this service page words each template block, for the sync report. */
    templateWording: (BlockWording | undefined)[];
  }
}
