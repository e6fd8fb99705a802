/** What a relative link in a docs page points at, and whether it may point there at all. */
import { dirname, resolve, sep } from 'node:path';
import { isInside } from './docs-files.js';

export type LinkTarget =
  | { kind: 'external' }
  | { kind: 'unsafe'; scheme: string }
  | { kind: 'absolute' }
  | { kind: 'outside' }
  | { kind: 'local'; path: string; fragment?: string };

/** Classifies a link URL found in `fromFile` (absolute path) of the docs tree at `root`. */
export function resolveLink(url: string, fromFile: string, root: string): LinkTarget {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'file' || scheme === 'javascript' || scheme === 'data' || scheme === 'vbscript') return { kind: 'unsafe', scheme };
  if (scheme || url.startsWith('//')) return { kind: 'external' };
  if (url.startsWith('/')) return { kind: 'absolute' };
  const hashAt = url.indexOf('#');
  const rawPath = linkPath(url);
  const rawFragment = hashAt === -1 ? undefined : url.slice(hashAt + 1);
  let pathPart: string;
  let fragment: string | undefined;
  try {
    pathPart = decodeURIComponent(rawPath);
    fragment = rawFragment === undefined ? undefined : decodeURIComponent(rawFragment);
  } catch {
    pathPart = rawPath;
    fragment = rawFragment;
  }
  let path: string;
  if (pathPart === '') path = fromFile;
  else if (isPlainPath(pathPart)) path = dirname(fromFile) + sep + (sep === '/' ? pathPart : pathPart.replaceAll('/', sep));
  else {
    path = resolve(dirname(fromFile), pathPart);
    if (!isInside(root, path)) return { kind: 'outside' };
  }
  return fragment ? { kind: 'local', path, fragment } : { kind: 'local', path };
}

/** The path part of a link URL as written: before its `?query` and `#fragment`, not decoded. */
export function linkPath(url: string): string {
  const query = url.indexOf('?');
  const hash = url.indexOf('#');
  const end = query === -1 ? hash : hash === -1 ? query : Math.min(query, hash);
  return end === -1 ? url : url.slice(0, end);
}

/**
 * A relative path with nothing to normalise (no `.`, `..` or empty segment, no backslash): it
 * resolves by joining and stays inside the tree. Large corpora resolve tens of thousands of links
 * per run, and path.resolve was the cost of that.
 */
function isPlainPath(path: string): boolean {
  if (path.includes('\\')) return false;
  for (const segment of path.split('/')) if (segment === '' || segment === '.' || segment === '..') return false;
  return true;
}
