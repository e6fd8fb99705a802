/** Temporary docs trees for tests: our real template plus the pages a test names. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The 20 real security pages (`../shared/corpus/security`, beside the checkout in CI): read, never copied into the project. */
export const securitySample = join(projectRoot, '..', 'shared', 'corpus', 'security');
export const fixtures = join(projectRoot, 'test', 'fixtures');
export const shippedTemplate = readFileSync(join(projectRoot, 'docs', '_template', 'security.md'), 'utf8');
const shippedWords = readFileSync(join(projectRoot, 'docs', '_template', 'words.txt'), 'utf8');

export interface TreeOptions {
  /** Template source; `null` leaves the tree without a template. */
  template?: string | null;
  /** Contents of `_template/services.json`. */
  manifest?: string;
  /** Contents of `_template/topics.json` (the topic catalog). */
  catalog?: string;
  /** Contents of `_template/words.txt` (the project word list; the shipped one by default). */
  words?: string;
}

/** Writes a docs tree (`relative path -> content`) into a fresh temp dir and returns its path. */
export function makeDocsTree(pages: Record<string, string | Uint8Array>, options: TreeOptions = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'docs-quality-'));
  const all: Record<string, string | Uint8Array> = { ...pages };
  if (options.template !== null) all['_template/security.md'] = options.template ?? shippedTemplate;
  if (options.manifest !== undefined) all['_template/services.json'] = options.manifest;
  if (options.catalog !== undefined) all['_template/topics.json'] = options.catalog;
  all['_template/words.txt'] = options.words ?? shippedWords;
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

/** The seed pages with our topic pages beside them (titles as the seeds link them). */
export function seedTree(): Record<string, string> {
  return filesUnder(join(fixtures, 'seeds'), (path) => path.includes('/'));
}

/** Every page of the shipped docs tree except the template folder (the tree adds its own). */
export function shippedDocs(): Record<string, string> {
  return filesUnder(join(projectRoot, 'docs'), (path) => path.endsWith('.md') && !path.startsWith('_template/'));
}

/** The shipped catalog and manifest, for trees that should run the topic rules. */
export function shippedConfig(): TreeOptions {
  const config = (name: string): string => readFileSync(join(projectRoot, 'docs', '_template', name), 'utf8');
  return { manifest: config('services.json'), catalog: config('topics.json'), words: config('words.txt') };
}

function filesUnder(root: string, keep: (relativePath: string) => boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(root, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (path.endsWith('.md') && keep(path)) out[path] = readFileSync(join(root, path), 'utf8');
  }
  return out;
}
