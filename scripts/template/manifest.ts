/**
 * The optional services manifest (`_template/services.json`): pins each service folder's full and
 * short name, so a misspelt name is caught even when the page spells it the same way throughout.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadCached } from './file-cache.js';
import type { ExtraTopic } from '../topics/catalog.js';
import { TEMPLATE_DIR } from './template.js';
import { jsonErrorAt, keyedByText, readJsonFile, readTextFile } from '../config/read-json.js';

export interface ServiceNames {
  /** Full name, as the H1 uses it: "Amazon Kinesis Data Streams". */
  service: string;
  /** Short name, as the body uses it: "Kinesis Data Streams". */
  short?: string;
  /** Topics only this service has, each placed after a catalog topic. */
  extraTopics?: ExtraTopic[];
}

/** Service folder -> its names; a null-prototype table, so any folder name looks up safely. */
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
  if (!existsSync(path)) return keyedByText<ServiceNames>({});
  return keyedByText(readJsonFile<{ services: Manifest }>(path, 'services.schema.json').services);
}

/**
 * Manifest entries for a folder the docs tree does not have (a renamed or removed service), each
 * `file:line:column: reason` at its key. A warning, not an error: the entry pins nothing and
 * changes no finding, and a team may add it a commit before the folder.
 */
export function staleManifestEntries(docsRoot: string, shownPath = manifestPath(docsRoot)): string[] {
  const folders = Object.keys(loadManifest(docsRoot)).filter((folder) => !isServiceFolder(join(docsRoot, folder), folder));
  if (folders.length === 0) return [];
  const text = readTextFile(manifestPath(docsRoot), shownPath);
  return folders.map((folder) => {
    const why = /(^|\/)[_.]/.test(folder) ? 'names a folder starting with `_` or `.`, which is never a service folder' : 'names a folder the docs tree does not have';
    return jsonErrorAt(text, shownPath, ['services', folder], `${why}: remove the entry, or create the service (new-service)`, { atKey: true }).message;
  });
}

function isServiceFolder(path: string, folder: string): boolean {
  if (/(^|\/)[_.]/.test(folder)) return false;
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
