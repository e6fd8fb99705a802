/**
 * The links of a corpus that point at one page (orphans, scoped runs, renames). Links are grouped
 * once per index by the file name they name, which is string work only; a group is resolved the
 * first time a page of that name is asked about. A pre-commit run in a large corpus so resolves a
 * few groups, not every link.
 */
import { basename } from 'node:path';
import type { CorpusIndex, IndexedLink, IndexedPage } from './corpus-index.js';
import { resolveLink } from './resolve-link.js';

export interface LinkToPage {
  from: IndexedPage;
  link: IndexedLink;
  fragment?: string;
}

interface LinkGroups {
  unresolved: Map<string, { from: IndexedPage; link: IndexedLink }[]>;
  /** Resolved groups: target path -> links to it. */
  byTarget: Map<string, LinkToPage[]>;
}

const groupsOf = new WeakMap<CorpusIndex, LinkGroups>();

/** Every link (the page's own `#fragment` links included) that resolves to `path`. */
export function linksTo(index: CorpusIndex, path: string): readonly LinkToPage[] {
  const groups = linkGroups(index);
  for (const name of [basename(path), '']) {
    const group = groups.unresolved.get(name);
    if (!group) continue;
    groups.unresolved.delete(name);
    for (const { from, link } of group) {
      const target = resolveLink(link.url, from.path, index.root);
      if (target.kind !== 'local') continue;
      const entry: LinkToPage = target.fragment === undefined ? { from, link } : { from, link, fragment: target.fragment };
      const links = groups.byTarget.get(target.path);
      if (links) links.push(entry);
      else groups.byTarget.set(target.path, [entry]);
    }
  }
  return groups.byTarget.get(path) ?? [];
}

/** True when some other page links to `path`. */
export function isLinkedFromElsewhere(index: CorpusIndex, path: string): boolean {
  return linksTo(index, path).some(({ from }) => from.path !== path);
}

function linkGroups(index: CorpusIndex): LinkGroups {
  let groups = groupsOf.get(index);
  if (groups) return groups;
  groups = { unresolved: new Map(), byTarget: new Map() };
  for (const from of index.pages.values()) {
    for (const link of from.links) {
      const name = fileNameOf(link.url);
      const group = groups.unresolved.get(name);
      if (group) group.push({ from, link });
      else groups.unresolved.set(name, [{ from, link }]);
    }
  }
  groupsOf.set(index, groups);
  return groups;
}

/**
 * The last path segment a link names, decoded: '' for `#fragment` links, and for links that end
 * in a slash or a dot segment (those are resolved with the '' group, whatever they point at).
 */
function fileNameOf(url: string): string {
  const end = url.search(/[?#]/);
  const path = end === -1 ? url : url.slice(0, end);
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
