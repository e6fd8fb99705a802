/**
 * internal-links: every relative link and `#fragment` in the docs resolves (headings by their
 * GitHub slug, and `<a name>` anchors), no link leaves the docs tree, and no link uses an absolute
 * path or an unsafe scheme (`file:`, `javascript:`). Topics entries are left to topic-links.
 *
 * found: `[encryption](data-protection.md#kms)` where the page has no `kms` heading or anchor
 *   -> link points to a missing anchor `#kms` in `data-protection.md`
 * found: `[keys](keys#rotation)` where the folder `keys/` has no README page
 *   -> link points to `#rotation` in the folder `keys`, which has no README page to hold it
 *
 * A link to a folder is a link to its README (`readme.md`, `README.markdown`, ...: the first by
 * name, as GitHub and remark-validate-links pick it). Fragments of non-Markdown files are not
 * checked (`example.js#L10` is a GitHub line link, `guide.pdf#page=2` a PDF page).
 *
 * The same analysis gives link-fragment-case its findings: fragments that reach their heading only
 * on GitHub, which lowercases a link's fragment before it looks.
 */
import { statSync, type Stats } from 'node:fs';
import { basename, dirname, extname, relative } from 'node:path';
import type { Definition, Image, Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { caseVariantOf, corpusIndexFor, pagesInFolder, type CorpusIndex, type IndexedPage } from '../corpus/corpus-index.js';
import { isMarkdownFile } from '../corpus/docs-files.js';
import { resolveLink } from '../corpus/resolve-link.js';
import { realPathInside } from '../files/real-path-inside.js';
import type { OffsetFinding } from '../template/edit.js';
import { topicsListOf } from '../topics/topics-list.js';
import { docsPageOf } from '../config/layout.js';
import { defineRule, oncePerTree, shareOf } from '../rule-kit/define-rule.js';

export type LinkRuleId = 'internal-links' | 'link-fragment-case';

/** The README extensions GitHub shows for a folder (remark-validate-links' list). */
const README_EXTENSIONS = ['.md', '.markdown', '.mdown', '.mkdn'];

/** Every relative link, image and definition of a docs page checked once per parse. */
export const linkAnalysis = oncePerTree((tree: Root, file: VFile): { findings: OffsetFinding<LinkRuleId>[] } | null => {
  const page = docsPageOf(file);
  if (!page) return null;
  const index = corpusIndexFor(page.docsRoot);
  const topicsList = page.isServicePage ? topicsListOf(tree, String(file))?.list : undefined;
  const findings: OffsetFinding<LinkRuleId>[] = [];
  const check = (node: Link | Image | Definition): void => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    const report = (message: string, rule: LinkRuleId = 'internal-links', texts?: { expected: string; actual: string }): void => {
      findings.push({ rule, start, end, message, ...texts });
    };
    const target = resolveLink(node.url, page.path, page.docsRoot);
    const shown = (path: string): string => (path === page.path ? 'this page' : relative(dirname(page.path), path) || '.');
    const checkFragment = (indexed: IndexedPage, fragment: string | undefined): void => {
      if (fragment === undefined || node.type === 'image') return; // an image's fragment is not an anchor
      const problem = fragmentProblem(indexed.fragments, fragment);
      if (problem === 'case-on-github') {
        const expected = `#${fragment.toLowerCase()}`;
        report(`link fragment differs in case: expected \`${expected}\`, found \`#${fragment}\` (GitHub ignores the case, other sites do not)`, 'link-fragment-case', { expected, actual: `#${fragment}` });
      } else if (problem) {
        const variant = problem.variant ? `; the anchor is \`#${problem.variant}\`, and case matters` : '';
        const inCode = indexed.codeFragments.get(fragment);
        const swallowed = inCode === undefined ? '' : `; it is written inside the code block that starts at line ${inCode}: is a code fence before it left open?`;
        report(`link points to a missing anchor \`#${fragment}\` in \`${shown(indexed.path)}\`${variant}${swallowed}`);
      }
    };
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
        if (indexed) return checkFragment(indexed, target.fragment);
        // Not a page of the tree: where it really leads is found before anything there is looked at.
        const real = realPathInside(page.docsRoot, target.path);
        if (real === undefined) return report(`link leaves the docs tree through a symbolic link: \`${node.url}\``);
        const linked = index.pages.get(real);
        if (linked) return checkFragment(linked, target.fragment);
        const stats = isMarkdownFile(target.path) ? undefined : statOf(real);
        if (stats?.isDirectory()) {
          if (target.fragment === undefined || node.type === 'image') return;
          const readme = readmeOf(index, real);
          if (readme) return checkFragment(readme, target.fragment);
          return report(`link points to \`#${target.fragment}\` in the folder \`${shown(target.path)}\`, which has no README page to hold it`);
        }
        if (stats) return; // a file that is not a page: its fragments are not ours to check
        const variant = caseVariantOf(index, target.path);
        if (variant) return report(`link points to \`${shown(target.path)}\`, but the file is \`${shown(variant)}\`: names differ only by case, which breaks on case-sensitive systems`);
        return report(`link points to a missing file \`${shown(target.path)}\``);
      }
    }
  };
  visit(tree, (node, _index, parent) => {
    if (topicsList && (node === topicsList || parent === topicsList)) return 'skip';
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') check(node);
    return undefined;
  });
  return { findings };
});

export default defineRule(
  {
    id: "internal-links",
    description: "a relative link, image or definition to a missing file, heading or anchor, or one that leaves the docs tree",
    docs: "Every relative link and its `#fragment` resolves inside the docs tree, the way remark-validate-links resolves them (see the differences below); absolute paths and `file:`, `javascript:`, `data:` and `vbscript:` links are reported.",
    fixable: false,
    crossFile: "linking-pages",
    defaultSeverity: "error",
    examples: [
      { title: "a link to a missing page", pages: {"guide/page.md": "# Page\n\nSee [the setup](setup.md).\n"}, findings: ["guide/page.md:3:5 link points to a missing file `setup.md`"] },
      { title: "a link to an existing heading", pages: {"guide/page.md": "# Page\n\nSee [the setup](#setup).\n\n## Setup\n\nText.\n"}, findings: [] },
    ],
  },
  shareOf('internal-links', linkAnalysis),
);

/**
 * Whether a fragment reaches an anchor of a page. An exact match is right wherever the docs are
 * published (AWS pages link `#USER_ReadRepl` to `<a name="USER_ReadRepl">` by the thousand).
 * GitHub lowercases a link's fragment before it looks, so `#Setup` reaches the heading slug
 * `setup` there only: a warning. Undefined when the fragment reaches its anchor.
 */
function fragmentProblem(fragments: ReadonlySet<string>, fragment: string): 'case-on-github' | { variant?: string } | undefined {
  if (fragments.has(fragment)) return undefined;
  if (fragments.has(fragment.toLowerCase())) return 'case-on-github';
  const wanted = fragment.toLowerCase();
  for (const candidate of fragments) if (candidate.toLowerCase() === wanted) return { variant: candidate };
  return {};
}

/** A path's file status; undefined when nothing is there (`page.md/inside` is ENOTDIR, not an error). */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** The page a folder link shows: its README, the first by name when there are several. */
function readmeOf(index: CorpusIndex, folder: string): IndexedPage | undefined {
  const readmes = pagesInFolder(index, folder).filter((path) => README_EXTENSIONS.includes(extname(path)) && basename(path, extname(path)).toLowerCase() === 'readme');
  const first = readmes.sort((a, b) => (basename(a) < basename(b) ? -1 : basename(a) > basename(b) ? 1 : 0))[0];
  return first === undefined ? undefined : index.pages.get(first);
}
