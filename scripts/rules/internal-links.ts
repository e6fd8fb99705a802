/**
 * internal-links: every relative link and `#fragment` in the docs resolves (headings by their
 * GitHub slug, and `<a name>` anchors), no link leaves the docs tree, and no link uses an absolute
 * path or an unsafe scheme (`file:`, `javascript:`). Topics entries are left to topic-links.
 *
 * found: `[encryption](data-protection.md#kms)` where the page has no `kms` heading or anchor
 *   -> link points to a missing anchor `#kms` in `data-protection.md`
 */
import { existsSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { Definition, Image, Link } from 'mdast';
import { visit } from 'unist-util-visit';
import { caseVariantOf, corpusIndexFor } from '../corpus/corpus-index.js';
import { resolveLink } from '../corpus/resolve-link.js';
import type { OffsetFinding } from '../template/edit.js';
import { topicsListOf } from '../topics/topics-list.js';
import { docsPageOf } from './docs-page.js';
import { docsRule } from './report.js';

export default docsRule('internal-links', (tree, file) => {
  const page = docsPageOf(file);
  if (!page) return [];
  const index = corpusIndexFor(page.docsRoot);
  const topicsList = page.isServicePage ? topicsListOf(tree, String(file))?.list : undefined;
  const findings: OffsetFinding[] = [];
  const check = (node: Link | Image | Definition): void => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    const report = (message: string): void => {
      findings.push({ rule: 'internal-links', start, end, message });
    };
    const target = resolveLink(node.url, page.path, page.docsRoot);
    const shown = (path: string): string => (path === page.path ? 'this page' : relative(dirname(page.path), path));
    switch (target.kind) {
      case 'external':
        return;
      case 'unsafe':
        return report(`unsafe link scheme \`${target.scheme}:\`: link to pages by relative path`);
      case 'absolute':
        return report(`absolute path \`${node.url}\`: use a path relative to this page`);
      case 'outside':
        return report(`link leaves the docs tree: \`${node.url}\``);
      case 'local': {
        const indexed = index.pages.get(target.path);
        if (!indexed) {
          if (!target.path.endsWith('.md') && existsSync(target.path)) return;
          const variant = caseVariantOf(index, target.path);
          if (variant) return report(`link points to \`${shown(target.path)}\`, but the file is \`${shown(variant)}\`: names differ only by case, which breaks on case-sensitive systems`);
          return report(`link points to a missing file \`${shown(target.path)}\``);
        }
        if (target.fragment !== undefined && !indexed.fragments.has(target.fragment)) {
          report(`link points to a missing anchor \`#${target.fragment}\` in \`${shown(target.path)}\``);
        }
      }
    }
  };
  visit(tree, (node, _index, parent) => {
    if (topicsList && (node === topicsList || parent === topicsList)) return 'skip';
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') check(node);
    return undefined;
  });
  return findings;
});
