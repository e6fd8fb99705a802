/**
 * The optional services manifest (`_template/services.json`): pins each service folder's full and
 * short name, so a misspelt name is caught even when the page spells it the same way throughout.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATE_DIR, TemplateError } from './template.js';

export interface ServiceNames {
  /** Full name, as the H1 uses it: "Amazon Kinesis Data Streams". */
  service: string;
  /** Short name, as the body uses it: "Kinesis Data Streams". */
  short?: string;
}

export type Manifest = Record<string, ServiceNames>;

export const MANIFEST_FILE = 'services.json';

export function manifestPath(docsRoot: string): string {
  return join(docsRoot, TEMPLATE_DIR, MANIFEST_FILE);
}

/** Reads the manifest of a docs tree; an absent manifest pins nothing. */
export function loadManifest(docsRoot: string): Manifest {
  const path = manifestPath(docsRoot);
  if (!existsSync(path)) return {};
  const text = readFileSync(path, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(String(error));
    const offset = position ? Number(position[1]) : 0;
    const line = text.slice(0, offset).split('\n').length;
    throw new TemplateError(path, line, offset - text.lastIndexOf('\n', offset - 1), `services manifest is not valid JSON: ${(error as Error).message}`);
  }
  const services = (data as { services?: unknown } | null)?.services;
  if (typeof services !== 'object' || services === null || Array.isArray(services)) {
    throw new TemplateError(path, 1, 1, 'services manifest must be {"services": {"<folder>": {"service": "...", "short": "..."}}}');
  }
  const manifest: Manifest = {};
  for (const [folder, entry] of Object.entries(services)) {
    const names = entry as Partial<ServiceNames> | null;
    if (typeof names?.service !== 'string' || (names.short !== undefined && typeof names.short !== 'string')) {
      throw new TemplateError(path, 1, 1, `services manifest entry "${folder}" needs a string "service" (and optionally "short")`);
    }
    manifest[folder] = names.short === undefined ? { service: names.service } : { service: names.service, short: names.short };
  }
  return manifest;
}
