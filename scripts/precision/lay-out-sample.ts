/**
 * Lays out a sample of real security pages (`../shared/corpus/security/<guide>/{security.md,
 * files.txt}`) as a docs tree with our template: one service folder per guide, holding its security
 * page and a stub for each page it links to that the guide has (`files.txt`). A stub's H1 is the
 * link text, with the anchors the links name, so the topic rules judge the security page alone.
 * The pages are read, never copied into the project (see shared/corpus/LICENSE-NOTE.md).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A Markdown inline link to a page of the same folder: `[text](page.md#fragment)`. */
const LOCAL_LINK = /\[([^\]]+)\]\(([A-Za-z0-9_.-]+\.md)(?:#([^)\s]+))?\)/g;

/** Template files copied from the shipped `_template/`; the services manifest is not (see below). */
const TEMPLATE_FILES = ['security.md', 'topics.json', 'links.json', 'words.txt'];

/** Lays the sample out under `docsRoot` (which must not exist yet); returns the guides laid out. */
export function layOutSample(sampleRoot: string, templateRoot: string, docsRoot: string): string[] {
  if (existsSync(docsRoot)) throw new Error(`${docsRoot} exists: lay the sample out in a new folder`);
  mkdirSync(join(docsRoot, '_template'), { recursive: true });
  for (const file of TEMPLATE_FILES) {
    if (existsSync(join(templateRoot, file))) copyFileSync(join(templateRoot, file), join(docsRoot, '_template', file));
  }
  // Our manifest names our services; the sample's names are bound from its pages' H1s.
  writeFileSync(join(docsRoot, '_template', 'services.json'), '{ "services": {} }\n');
  const guides = readdirSync(sampleRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(sampleRoot, entry.name, 'security.md')))
    .map((entry) => entry.name)
    .sort();
  for (const guide of guides) layOutGuide(join(sampleRoot, guide), join(docsRoot, guide));
  return guides;
}

function layOutGuide(source: string, folder: string): void {
  mkdirSync(folder);
  const page = readFileSync(join(source, 'security.md'), 'utf8');
  writeFileSync(join(folder, 'security.md'), page);
  const files = new Set(readFileSync(join(source, 'files.txt'), 'utf8').split('\n').map((line) => line.trim()));
  const stubs = new Map<string, { title: string; anchors: Set<string> }>();
  for (const [, text, file, fragment] of page.matchAll(LOCAL_LINK)) {
    if (!files.has(file!) || file === 'security.md') continue;
    const stub = stubs.get(file!) ?? { title: text!, anchors: new Set<string>() };
    if (fragment) stub.anchors.add(fragment);
    stubs.set(file!, stub);
  }
  for (const [file, stub] of stubs) {
    const anchors = [file.replace(/\.md$/, ''), ...stub.anchors].map((name) => `<a name="${name}"></a>`).join('');
    writeFileSync(join(folder, file), `# ${stub.title}${anchors}\n\nA stub for the sample: the real page's title.\n`);
  }
}
