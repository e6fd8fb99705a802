/**
 * Where a path inside the docs root really leads, found without touching anything outside it: each
 * symbolic link on the way is read (the link itself lies inside) and its text resolved by hand, so
 * a link to `/etc` is known to leave the root before anything under `/etc` is looked at.
 * `realpath` would give the same answer, but by visiting the outside target first.
 */
import { lstatSync, readlinkSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Links followed before a path counts as a loop (Linux's limit). */
const MAX_LINKS = 40;

/** Where a path leads: its real path inside the root, or why it has none. */
export type InsideRoot = { real: string } | { leaves: 'outside' | 'loop' };

/**
 * The real path of `path` (absolute, lexically inside `root`, which is itself a real path), or
 * why there is none: a symbolic link on the way leads out of the root, or links loop. A missing
 * part ends the walk: the path is returned with the rest joined as written (nothing to follow).
 */
export function resolveInside(root: string, path: string): InsideRoot {
  let at = root;
  let rest = segmentsUnder(root, path);
  if (rest === undefined) return { leaves: 'outside' };
  for (let links = 0; rest.length > 0; ) {
    const name = rest.shift()!;
    if (name === '.') continue;
    if (name === '..') {
      if (at === root) return { leaves: 'outside' };
      at = dirname(at);
      continue;
    }
    const next = join(at, name);
    const stats = lstatOf(next);
    if (!stats) return { real: join(next, ...rest) };
    if (!stats.isSymbolicLink()) {
      at = next;
      continue;
    }
    if (++links > MAX_LINKS) return { leaves: 'loop' };
    const target = segmentsUnder(root, resolve(at, readlinkSync(next)));
    if (target === undefined) return { leaves: 'outside' };
    at = root;
    rest = [...target, ...rest];
  }
  return { real: at };
}

/** The real path of `path` inside `root`; undefined when a symbolic link on the way leads out of it or loops. */
export function realPathInside(root: string, path: string): string | undefined {
  const found = resolveInside(root, path);
  return 'real' in found ? found.real : undefined;
}

/** A path's own status (a link's, not its target's); undefined when nothing is there (`page.md/x` is ENOTDIR). */
function lstatOf(path: string): Stats | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** The names from `root` down to `path`, or undefined when `path` is not under `root`. */
function segmentsUnder(root: string, path: string): string[] | undefined {
  const rel = relative(root, path);
  if (rel === '') return [];
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel.split(sep);
}
