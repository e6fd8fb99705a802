/**
 * The shared model behind the template rules: each service page is compared with the template
 * once per parse, and every template rule judges that comparison.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { comparePage, type BlockWording, type PageComparison } from './compare-page.js';
import { loadManifest } from './manifest.js';
import { oncePerTree } from '../rule-kit/define-rule.js';
import { loadTemplate } from './template.js';
import { docsPageOf } from '../config/layout.js';

/** The page's comparison with its template (computed once per tree), or null if not a service page. */
export const servicePageComparison = oncePerTree((tree: Root, file: VFile): PageComparison | null => {
  const page = docsPageOf(file);
  if (!page?.isServicePage) return null;
  const comparison = comparePage(String(file), tree, loadTemplate(page.docsRoot), loadManifest(page.docsRoot)[page.service!]);
  file.data.templateWording = comparison.wording;
  return comparison;
});


declare module 'vfile' {
  interface DataMap {
    /** How this service page words each template block, for the sync report. */
    templateWording: (BlockWording | undefined)[];
  }
}
