/**
 * The topic catalog (`_template/topics.json`): every topic a service's Topics list may hold, its
 * canonical title, the older titles that still recognise it, whether it is required, and (by its
 * place in the list) its order. Services add their own topics in the services manifest.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCached } from '../template/file-cache.js';
import { TEMPLATE_DIR } from '../template/template.js';
import { parseJsonText, readTextFile } from '../config/read-json.js';
import { loadManifest, manifestPath, type Manifest } from '../template/manifest.js';
import { checkCatalog, checkExtraTopics } from './check-catalog.js';

export interface Topic {
  /** Stable identifier, also the file name `new-service` gives the topic page. */
  id: string;
  /** Canonical title pattern, e.g. `Data protection in {{service}}`. */
  title: string;
  /** Older or variant titles that still recognise the topic (any casing). */
  aliases: string[];
  required: boolean;
}

/** A topic a single service adds (services manifest), placed after another topic. */
export interface ExtraTopic extends Topic {
  after?: string;
}

export interface Catalog {
  path: string;
  /** The file's text, for positions in messages about it. */
  text: string;
  topics: Topic[];
}

export const CATALOG_FILE = 'topics.json';

export function catalogPath(docsRoot: string): string {
  return join(docsRoot, TEMPLATE_DIR, CATALOG_FILE);
}

/**
 * Reads the catalog of a docs tree, checked with the manifest's extra topics; a tree without one
 * has no topic rules.
 */
export function loadCatalog(docsRoot: string): Catalog | undefined {
  const catalog = loadCached(catalogPath(docsRoot), readCatalog);
  if (catalog) checkWithManifest(catalog, docsRoot);
  return catalog;
}

function readCatalog(path: string): Catalog | undefined {
  if (!existsSync(path)) return undefined;
  const text = readTextFile(path);
  const { topics } = parseJsonText<{ topics: ExtraTopic[] }>(text, path, 'topics.schema.json');
  checkCatalog(text, path, topics);
  return { path, text, topics };
}

/** Catalog and manifest pairs already checked together (each is one object until its file changes). */
const checked = new WeakMap<Catalog, WeakSet<Manifest>>();

function checkWithManifest(catalog: Catalog, docsRoot: string): void {
  const manifest = loadManifest(docsRoot);
  const seen = checked.get(catalog) ?? new WeakSet();
  checked.set(catalog, seen);
  if (seen.has(manifest)) return;
  if (Object.values(manifest).some((names) => names.extraTopics?.length)) {
    const path = manifestPath(docsRoot);
    checkExtraTopics(catalog, { text: readTextFile(path), path, services: manifest });
  }
  seen.add(manifest);
}

/** The topics one service's list should hold, in order: the catalog plus the service's extras. */
export function topicsForService(catalog: Catalog, names: { extraTopics?: readonly ExtraTopic[] } | undefined): Topic[] {
  const topics: Topic[] = [...catalog.topics];
  // An extra may follow another extra listed after it: place those once their topic is placed.
  let pending = [...(names?.extraTopics ?? [])];
  while (pending.length > 0) {
    const waiting = pending.filter((extra) => {
      const at = extra.after ? topics.findIndex((t) => t.id === extra.after) : topics.length - 1;
      if (at === -1) return true;
      topics.splice(at + 1, 0, extra);
      return false;
    });
    if (waiting.length === pending.length) break; // an `after` that leads nowhere: the manifest check reports it
    pending = waiting;
  }
  return topics;
}

/** A title pattern filled with a service's names. */
export function fillTitle(pattern: string, names: { service: string; short: string }): string {
  return pattern.replace(/\{\{\s*(service|short)\s*\}\}/g, (_, name: 'service' | 'short') => names[name]);
}

/** The topic a Topics-list title stands for: by its canonical title or an alias, any name, any casing. */
export function recogniseTopic(title: string, topics: readonly Topic[]): Topic | undefined {
  const text = squash(title);
  for (const topic of topics) {
    for (const pattern of [topic.title, ...topic.aliases]) {
      if (patternRegExp(pattern).test(text)) return topic;
    }
  }
  // A title that dropped the service name ("Identity and access management").
  for (const topic of topics) {
    for (const pattern of [topic.title, ...topic.aliases]) {
      const stem = squash(pattern.split(/\s+(?:in|for|of|to)\s+\{\{|\{\{/)[0] ?? '');
      if (stem && stem.toLowerCase() === text.toLowerCase()) return topic;
    }
  }
  return undefined;
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function patternRegExp(pattern: string): RegExp {
  const parts = squash(pattern).split(/\{\{\s*(?:service|short)\s*\}\}/);
  return new RegExp(`^${parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+?')}$`, 'i');
}
