/**
 * The links of a corpus that point at one page (orphans, scoped runs, renames). Links are grouped
 * once per index by the file name they name, which is string work only; a group is resolved the
 * first time a page of that name is asked about. A pre-commit run in a large corpus so resolves a
 * few groups, not every link.
 */
import { basename } from 'node:path';
import type { CorpusIndex, IndexedLink, IndexedPage } from './corpus-index.js';
import { linkPath, resolveLink } from './resolve-link.js';

export interface LinkToPage {
  from: IndexedPage;
  link: IndexedLink;
  fragment?: string;
}

/** A link, by its page and its position among the page's links (so the page is unpacked only if asked for). */
interface LinkRef {
  from: IndexedPage;
  at: number;
}

interface LinkGroups {
  unresolved: Map<string, (LinkRef & { url: string })[]>;
  /** Resolved groups: target path -> links to it. */
  byTarget: Map<string, (LinkRef & { fragment?: string })[]>;
}

const groupsOf = new WeakMap<CorpusIndex, LinkGroups>();

/** Every link (the page's own `#fragment` links included) that resolves to `path`. */
export function linksTo(index: CorpusIndex, path: string): LinkToPage[] {
  return refsTo(index, path).map(({ from, at, fragment }) => (fragment === undefined ? { from, link: from.links[at]! } : { from, link: from.links[at]!, fragment }));
}

/** True when some other page links to `path`. */
export function isLinkedFromElsewhere(index: CorpusIndex, path: string): boolean {
  return refsTo(index, path).some(({ from }) => from.path !== path);
}

/** The pages linking to `path`, the page itself included when it links to itself. */
export function pagesLinkingTo(index: CorpusIndex, path: string): Set<string> {
  return new Set(refsTo(index, path).map(({ from }) => from.path));
}

function refsTo(index: CorpusIndex, path: string): readonly (LinkRef & { fragment?: string })[] {
  const groups = linkGroups(index);
  for (const name of [basename(path), '']) {
    const group = groups.unresolved.get(name);
    if (!group) continue;
    groups.unresolved.delete(name);
    for (const { from, at, url } of group) {
      const target = resolveLink(url, from.path, index.root);
      if (target.kind !== 'local') continue;
      const ref = target.fragment === undefined ? { from, at } : { from, at, fragment: target.fragment };
      const refs = groups.byTarget.get(target.path);
      if (refs) refs.push(ref);
      else groups.byTarget.set(target.path, [ref]);
    }
  }
  return groups.byTarget.get(path) ?? [];
}

function linkGroups(index: CorpusIndex): LinkGroups {
  let groups = groupsOf.get(index);
  if (groups) return groups;
  groups = { unresolved: new Map(), byTarget: new Map() };
  for (const from of index.pages.values()) {
    const urls = from.linkUrls ?? from.links.map((link) => link.url);
    urls.forEach((url, at) => {
      const name = fileNameOf(url);
      const group = groups!.unresolved.get(name);
      if (group) group.push({ from, at, url });
      else groups!.unresolved.set(name, [{ from, at, url }]);
    });
  }
  groupsOf.set(index, groups);
  return groups;
}

/**
 * The last path segment a link names, decoded: '' for `#fragment` links, and for links that end
 * in a slash or a dot segment (those are resolved with the '' group, whatever they point at).
 */
function fileNameOf(url: string): string {
  const path = linkPath(url);
  let name = path.slice(path.lastIndexOf('/') + 1);
  if (name.includes('%')) {
    try {
      name = decodeURIComponent(name);
      name = name.slice(name.lastIndexOf('/') + 1); // an encoded slash separates folders once decoded
    } catch {
      // resolveLink keeps such a path raw too
    }
  }
  return name === '.' || name === '..' || name.includes('\\') ? '' : name;
}
