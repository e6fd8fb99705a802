/** Temporary docs trees for tests: our real template plus the pages a test names. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixtures = join(projectRoot, 'test', 'fixtures');
export const shippedTemplate = readFileSync(join(projectRoot, 'docs', '_template', 'security.md'), 'utf8');

export interface TreeOptions {
  /** Template source; `null` leaves the tree without a template. */
  template?: string | null;
  /** Contents of `_template/services.json`. */
  manifest?: string;
}

/** Writes a docs tree (`relative path -> content`) into a fresh temp dir and returns its path. */
export function makeDocsTree(pages: Record<string, string | Uint8Array>, options: TreeOptions = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'docs-quality-'));
  const all: Record<string, string | Uint8Array> = { ...pages };
  if (options.template !== null) all['_template/security.md'] = options.template ?? shippedTemplate;
  if (options.manifest !== undefined) all['_template/services.json'] = options.manifest;
  for (const [path, content] of Object.entries(all)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return root;
}

/** A fixture file's text. */
export function fixture(path: string): string {
  return readFileSync(join(fixtures, path), 'utf8');
}

/** The five original seed pages, keyed by `<service>/security.md`. */
export function seedPages(): Record<string, string> {
  const services = ['kinesis-data-streams', 'kinesis-video-streams', 'kinesis-data-analytics', 's3', 'dynamodb'];
  return Object.fromEntries(services.map((s) => [`${s}/security.md`, fixture(`seeds/${s}/security.md`)]));
}
