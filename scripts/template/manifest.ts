/**
 * The optional services manifest (`_template/services.json`): pins each service folder's full and
 * short name, so a misspelt name is caught even when the page spells it the same way throughout.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCached } from './file-cache.js';
import type { ExtraTopic } from '../topics/catalog.js';
import { TEMPLATE_DIR } from './template.js';
import { readJsonFile } from '../config/read-json.js';

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
  return readJsonFile<{ services: Manifest }>(path, 'services.schema.json').services;
}
