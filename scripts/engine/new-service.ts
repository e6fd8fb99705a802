/**
 * `new-service`: a new service folder made from the template and the catalog: the security page
 * with the names put in and a Topics list of every required topic, one topic page per topic with
 * a TODO summary (reported by todo-placeholder until a writer replaces it), and the names pinned
 * in the services manifest.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { applyEdits, modify } from 'jsonc-parser';
import { join, relative } from 'node:path';
import { realPathInside } from '../files/real-path-inside.js';
import { catalogPath, fillTitle, loadCatalog } from '../topics/catalog.js';
import { loadManifest, manifestPath, type ServiceNames } from '../template/manifest.js';
import { escapeText, pageStyleOf, renderForPage } from '../template/markup.js';
import { loadTemplate, templatePath } from '../template/template.js';
import { UserError } from '../user-error.js';
import { writeAtomically } from './fix.js';

export interface NewService {
  docsRoot: string;
  /** Full name, e.g. "Amazon Simple Queue Service". */
  name: string;
  /** Short name, e.g. "Amazon SQS". */
  short: string;
  /** Folder name under the docs root, e.g. "sqs". */
  dir: string;
}

export class ScaffoldError extends UserError {}

/** Creates the service folder; returns the paths it wrote. */
export function scaffoldService({ docsRoot, name, short, dir }: NewService): string[] {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(dir)) throw new ScaffoldError(`--dir must be a lower-case folder name such as "sqs", got "${dir}"`);
  const folder = join(docsRoot, dir);
  // lstat: a symbolic link there, even a dangling one, is taken (mkdir or a write would follow it).
  const taken = lstatSync(folder, { throwIfNoEntry: false });
  if (taken) throw new ScaffoldError(`${folder} already exists${taken.isSymbolicLink() ? ' (a symbolic link)' : ''}: choose another --dir`);
  refuseLinksOut(docsRoot, [templatePath(docsRoot), catalogPath(docsRoot), manifestPath(docsRoot)]);
  const template = loadTemplate(docsRoot);
  const catalog = loadCatalog(docsRoot);
  const manifest = loadManifest(docsRoot);
  const names = { service: name, short };
  const topics = (catalog?.topics ?? []).filter((topic) => topic.required);
  const style = pageStyleOf(template.source);

  let page = template.source;
  const slot = template.blocks.find((b) => b.kind === 'topicsSlot');
  const free = template.blocks.find((b) => b.kind === 'free');
  const entries = topics.map((topic) => `+ [${escapeText(fillTitle(topic.title, names), style)}](${topic.id}.md)`).join('\n');
  if (slot) page = page.slice(0, slot.start) + entries + page.slice(slot.end);
  if (free) {
    // The free region's markers go; the page starts with no service notes. (It precedes the slot.)
    const close = /<!--\s*\/free-region\s*-->[ \t]*\r?\n(?:[ \t]*\r?\n)?/.exec(page.slice(free.start));
    if (close) page = page.slice(0, free.start) + page.slice(free.start + close.index + close[0].length);
  }
  page = renderForPage(page, names, style);

  mkdirSync(folder);
  const written = [join(folder, 'security.md')];
  writeFileSync(written[0]!, page);
  for (const topic of topics) {
    const path = join(folder, `${topic.id}.md`);
    const title = escapeText(fillTitle(topic.title, names), style);
    writeFileSync(path, `# ${title}<a name="${topic.id}"></a>\n\nTODO: summarize what this topic covers for ${escapeText(short, style)}\\.\n`);
    written.push(path);
  }
  if (existsSync(manifestPath(docsRoot)) || Object.keys(manifest).length > 0) {
    const entry: ServiceNames = { service: name, ...(short && short !== name ? { short } : {}) };
    writeAtomically(manifestPath(docsRoot), withService(readFileSync(manifestPath(docsRoot), 'utf8'), dir, entry));
    written.push(manifestPath(docsRoot));
  }
  return written;
}

/** Nothing is read or written through a symbolic link that leads out of the docs tree (`_template` -> elsewhere). */
function refuseLinksOut(docsRoot: string, paths: readonly string[]): void {
  const root = realpathSync(docsRoot);
  for (const path of paths) {
    if (!realPathInside(root, join(root, relative(docsRoot, path)))) {
      throw new ScaffoldError(`${path}: a symbolic link on the way leads out of the docs tree: nothing written`);
    }
  }
}

/**
 * The manifest's text with one more service at the end of `services`: the rest of the file (its
 * key order, other keys, indentation, line endings) stays as the team wrote it.
 */
export function withService(text: string, dir: string, entry: ServiceNames): string {
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const formattingOptions = { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
  const updated = applyEdits(text, modify(text, ['services', dir], entry, { formattingOptions }));
  return updated.endsWith('\n') ? updated : `${updated}${formattingOptions.eol}`;
}
