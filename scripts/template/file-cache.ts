/** Config files (template, catalog, manifest) are read once and again only when they change. */
import { statSync } from 'node:fs';

const cache = new Map<string, { stamp: string; value: unknown }>();

/** `load(path)`, cached until the file's mtime or size changes (a missing file is a stamp too). */
export function loadCached<T>(path: string, load: (path: string) => T): T {
  let stamp = 'missing';
  try {
    const stat = statSync(path);
    stamp = `${stat.mtimeMs}:${stat.size}`;
  } catch {
    // load() reports a missing file its own way
  }
  const hit = cache.get(path);
  if (hit && hit.stamp === stamp) return hit.value as T;
  const value = load(path);
  cache.set(path, { stamp, value });
  return value;
}
