/** The default report: vfile-reporter's familiar layout, grouped by file, rule ids shown. */
import { dirname } from 'node:path';
import type { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';

/** Human-readable report of checked files (only files with findings are listed). */
export function humanReport(files: readonly VFile[], color: boolean): string {
  const withFindings = files.filter((file) => file.messages.length > 0);
  if (withFindings.length === 0) return `${files.length} files checked: no findings`;
  return reporter(withFindings as VFile[], { color, verbose: true });
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
