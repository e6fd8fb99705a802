/** The default report: vfile-reporter's familiar layout, grouped by file, rule ids shown. */
import type { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';

/** Human-readable report of checked files (only files with findings are listed). */
export function humanReport(files: readonly VFile[], color: boolean): string {
  const withFindings = files.filter((file) => file.messages.length > 0);
  if (withFindings.length === 0) return `${files.length} files checked: no findings`;
  return reporter(withFindings as VFile[], { color, verbose: true });
}
