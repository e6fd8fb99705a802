/** Whether a path lies inside a folder, by the paths alone (no file system access). */
import { relative, resolve, sep } from 'node:path';

/** True when `path` is `root` or lies inside it (after resolving `..`). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(resolve(root), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}
