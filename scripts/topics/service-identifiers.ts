/**
 * Short forms a file name may carry for a service ("akda" for Amazon Kinesis Data Analytics, "s3"),
 * so a page copied from another service's folder is recognised by its name.
 */
import { basename, dirname, relative, sep } from 'node:path';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import type { Manifest } from '../template/manifest.js';
import { pageRole } from '../config/layout.js';

const VENDOR = /^(amazon|aws)$/i;

/** Identifiers of one service: its initialisms (3+ letters), words with digits, a one-word folder name. */
export function identifiersOf(folder: string, names: readonly string[]): Set<string> {
  const ids = new Set<string>();
  if (/^[a-z0-9]+$/.test(folder)) ids.add(folder);
  for (const name of names) {
    const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
    const initials = words.map((w) => w[0]!.toLowerCase()).join('');
    if (initials.length >= 3) ids.add(initials);
    if (words.length > 1 && VENDOR.test(words[0]!) && initials.length - 1 >= 3) ids.add(initials.slice(1));
    for (const word of words) if (/\d/.test(word) && /[a-z]/i.test(word)) ids.add(word.toLowerCase());
  }
  return ids;
}

/** The service name a security page's H1 gives, whatever the H1's shape. */
export function serviceNameFromTitle(h1: string): string {
  return h1
    .replace(/^security(?:\s+and\s+compliance)?\s+(?:in|for|of)\s+/i, '')
    .replace(/\s+security$/i, '')
    .trim();
}

const cache = new WeakMap<CorpusIndex, Map<string, { service: string; ids: Set<string> }>>();

/** Every service folder of the corpus with its identifiers (once per index). */
export function serviceIdentifiers(index: CorpusIndex, manifest: Manifest): Map<string, { service: string; ids: Set<string> }> {
  const cached = cache.get(index);
  if (cached) return cached;
  const services = new Map<string, { service: string; ids: Set<string> }>();
  for (const page of index.pages.values()) {
    if (pageRole(index.root, page.path) !== 'service') continue;
    const folder = relative(index.root, dirname(page.path)).split(sep).join('/');
    const pinned = manifest[folder];
    const fromTitle = page.h1 ? serviceNameFromTitle(page.h1.text) : folder;
    const names = [pinned?.service ?? fromTitle, ...(pinned?.short ? [pinned.short] : [])];
    services.set(folder, { service: names[0]!, ids: identifiersOf(folder.split('/').pop()!, names) });
  }
  cache.set(index, services);
  return services;
}

/** Another service whose identifier the file name carries, if any (the first such service in corpus order). */
export function foreignServiceIn(
  fileName: string,
  ownFolder: string,
  services: ReadonlyMap<string, { service: string; ids: Set<string> }>,
): { folder: string; service: string; id: string } | undefined {
  const own = services.get(ownFolder)?.ids ?? new Set<string>();
  const tokens = basename(fileName, '.md').toLowerCase().split(/[-_.\s]+/);
  const { owners, order } = ownersOf(services);
  let first: string | undefined;
  for (const token of tokens) {
    if (own.has(token)) continue;
    for (const folder of owners.get(token) ?? []) {
      if (folder !== ownFolder && (first === undefined || order.get(folder)! < order.get(first)!)) first = folder;
    }
  }
  if (first === undefined) return undefined;
  const { service, ids } = services.get(first)!;
  return { folder: first, service, id: tokens.find((token) => ids.has(token) && !own.has(token))! };
}

const ownerMaps = new WeakMap<ReadonlyMap<string, unknown>, { owners: Map<string, string[]>; order: Map<string, number> }>();

/** Identifier -> the service folders that use it, built once per services map (a corpus has thousands of pages to ask about). */
function ownersOf(services: ReadonlyMap<string, { ids: Set<string> }>): { owners: Map<string, string[]>; order: Map<string, number> } {
  let maps = ownerMaps.get(services);
  if (maps) return maps;
  maps = { owners: new Map(), order: new Map() };
  for (const [folder, { ids }] of services) {
    maps.order.set(folder, maps.order.size);
    for (const id of ids) {
      const folders = maps.owners.get(id);
      if (folders) folders.push(folder);
      else maps.owners.set(id, [folder]);
    }
  }
  ownerMaps.set(services, maps);
  return maps;
}
