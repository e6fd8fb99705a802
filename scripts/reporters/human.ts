/** The default report: vfile-reporter's familiar layout, grouped by file, rule ids shown. */
import { dirname } from 'node:path';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { findingOf, type Finding, type FixableMessage } from '../engine/finding.js';

/** What the human report does with findings known from the baseline: leave them out, or list them marked. */
export interface KnownFindings {
  known: readonly Finding[];
  show: boolean;
}

/** Human-readable report of checked files (only files with findings are listed). */
export function humanReport(files: readonly VFile[], color: boolean, baseline?: KnownFindings): string {
  const shown = baseline ? files.map((file) => markingKnown(file, baseline)) : files;
  const withFindings = shown.filter((file) => file.messages.length > 0);
  if (withFindings.length === 0) return `${files.length} files checked: no ${baseline ? 'new ' : ''}findings`;
  return reporter(withFindings.map(citingTemplate), { color, verbose: true });
}

/** The file without its known findings, or with them marked `(known: in the baseline)`. */
function markingKnown(file: VFile, baseline: KnownFindings): VFile {
  const key = (finding: Finding): string => JSON.stringify([finding.file, finding.line, finding.column, finding.endLine, finding.endColumn, finding.ruleId, finding.message]);
  // Counted, not a set: of identical findings at one place some may be known and some new.
  const left = new Map<string, number>();
  for (const finding of baseline.known) if (finding.file === file.path) left.set(key(finding), (left.get(key(finding)) ?? 0) + 1);
  if (left.size === 0) return file;
  const copy = new VFile({ path: file.path, cwd: file.cwd });
  for (const message of file.messages) {
    const id = key(findingOf(file, message));
    const known = (left.get(id) ?? 0) > 0;
    if (known) left.set(id, left.get(id)! - 1);
    if (known && !baseline.show) continue;
    if (!known) {
      copy.messages.push(message);
      continue;
    }
    const marked = copy.message(`${message.reason} (known: in the baseline)`, {
      ...(message.place ? { place: message.place } : {}),
      ...(message.ruleId ? { ruleId: message.ruleId } : {}),
      ...(message.source ? { source: message.source } : {}),
    });
    marked.fatal = message.fatal;
    const template = (message as FixableMessage).template;
    if (template) Object.assign(marked, { template });
  }
  return copy;
}

/**
 * The lines after a report against a baseline: how many known findings were left out, and how many
 * of the baseline's entries no finding matches any more (fixed: the baseline can shrink).
 */
export function baselineNote(counts: { known: number; shown: boolean; fixed: number }): string | undefined {
  const findings = (n: number): string => `${n} known finding${n === 1 ? '' : 's'}`;
  const lines = [
    ...(counts.known > 0 && !counts.shown ? [`${findings(counts.known)} (in the baseline) not shown: --show-known lists them`] : []),
    ...(counts.fixed > 0 ? [`${findings(counts.fixed)} fixed: run --update-baseline`] : []),
  ];
  return lines.length > 0 ? lines.join('\n') : undefined;
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
