/** The default report: vfile-reporter's familiar layout, grouped by file, rule ids shown. */
import { dirname } from 'node:path';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import type { FixableMessage } from '../engine/finding.js';

/** Human-readable report of checked files (only files with findings are listed). */
export function humanReport(files: readonly VFile[], color: boolean): string {
  const withFindings = files.filter((file) => file.messages.length > 0);
  if (withFindings.length === 0) return `${files.length} files checked: no findings`;
  return reporter(withFindings.map(citingTemplate), { color, verbose: true });
}

/** The file with each template finding's message ending in the template line it comes from: `(docs/_template/security.md:5)`. */
function citingTemplate(file: VFile): VFile {
  if (!file.messages.some((message) => (message as FixableMessage).template)) return file;
  const copy = new VFile({ path: file.path, cwd: file.cwd });
  for (const message of file.messages) {
    const template = (message as FixableMessage).template;
    const cited = copy.message(template ? `${message.reason} (${template.file}:${template.line})` : message.reason, {
      ...(message.place ? { place: message.place } : {}),
      ...(message.ruleId ? { ruleId: message.ruleId } : {}),
      ...(message.source ? { source: message.source } : {}),
    });
    cited.fatal = message.fatal;
  }
  return copy;
}

/**
 * One line naming the pages the layout does not place (not a service page, a topic page or the
 * template), so none is dropped without a word: a folder's pages are counted, loose pages named.
 */
export function outsideServicesNote(paths: readonly string[], servicePage: string): string | undefined {
  if (paths.length === 0) return undefined;
  const byFolder = new Map<string, string[]>();
  for (const path of paths) {
    const folder = dirname(path);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), path]);
  }
  const parts = [...byFolder].map(([folder, pages]) => (pages.length === 1 ? pages[0]! : `${pages.length} under ${folder}/`));
  const count = paths.length === 1 ? '1 page is' : `${paths.length} pages are`;
  return `note: ${count} outside every service folder (no ${servicePage} beside ${paths.length === 1 ? "it" : "them"}), so only style, spelling and links are checked: ${parts.join(', ')}`;
}
