/**
 * The optional services manifest (`_template/services.json`): pins each service folder's full and
 * short name, so a misspelt name is caught even when the page spells it the same way throughout.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCached } from './file-cache.js';
import { parseTopic, readJson, type ExtraTopic } from './catalog.js';
import { TEMPLATE_DIR, TemplateError } from './template.js';

export interface ServiceNames {
  /** Full name, as the H1 uses it: "Amazon Kinesis Data Streams". */
  service: string;
  /** Short name, as the body uses it: "Kinesis Data Streams". */
  short?: string;
  /** Topics only this service has, each placed after a catalog topic. */
  extraTopics?: ExtraTopic[];
}

export type Manifest = Record<string, ServiceNames>;

export const MANIFEST_FILE = 'services.json';

export function manifestPath(docsRoot: string): string {
  return join(docsRoot, TEMPLATE_DIR, MANIFEST_FILE);
}

/** Reads the manifest of a docs tree; an absent manifest pins nothing. */
export function loadManifest(docsRoot: string): Manifest {
  return loadCached(manifestPath(docsRoot), readManifest);
}

function readManifest(path: string): Manifest {
  if (!existsSync(path)) return {};
  const data = readJson(path);
  const services = (data as { services?: unknown } | null)?.services;
  if (typeof services !== 'object' || services === null || Array.isArray(services)) {
    throw new TemplateError(path, 1, 1, 'services manifest must be {"services": {"<folder>": {"service": "...", "short": "..."}}}');
  }
  const manifest: Manifest = {};
  for (const [folder, value] of Object.entries(services)) {
    const names = value as Partial<ServiceNames> | null;
    if (typeof names?.service !== 'string' || (names.short !== undefined && typeof names.short !== 'string')) {
      throw new TemplateError(path, 1, 1, `services manifest entry "${folder}" needs a string "service" (and optionally "short")`);
    }
    const entry: ServiceNames = { service: names.service };
    if (names.short !== undefined) entry.short = names.short;
    if (names.extraTopics !== undefined) {
      if (!Array.isArray(names.extraTopics)) throw new TemplateError(path, 1, 1, `services manifest entry "${folder}": "extraTopics" must be a list`);
      entry.extraTopics = names.extraTopics.map((topic, i) => parseTopic(topic, path, `${folder}.extraTopics[${i}]`));
    }
    manifest[folder] = entry;
  }
  return manifest;
}
