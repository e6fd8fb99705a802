/**
 * `--shard K/N`: a deterministic 1/N of the pages, chosen by a hash of each page's path (so adding
 * a page does not reshuffle the others). Cross-file rules still see the whole corpus index.
 */
import { createHash } from 'node:crypto';
import { relative } from 'node:path';

export interface Shard {
  /** 1-based shard number. */
  index: number;
  count: number;
}

/** Parses `K/N` (1 <= K <= N); undefined when the text is not a shard. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && count >= 1 && index <= count ? { index, count } : undefined;
}

/** True when the page at `path` belongs to the shard. */
export function inShard(path: string, docsRoot: string, shard: Shard): boolean {
  const digest = createHash('sha1').update(relative(docsRoot, path).split('\\').join('/')).digest();
  return digest.readUInt32BE(0) % shard.count === shard.index - 1;
}
