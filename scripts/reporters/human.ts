/**
 * The default report, in vfile-reporter's familiar layout (grouped by file: place, severity,
 * message, rule id), fitted to the terminal: a long message wraps under itself instead of pushing
 * every rule id hundreds of columns to the right.
 */
import { dirname } from 'node:path';
import { VFile } from 'vfile';
import { findingOf, type Finding, type FixableMessage } from '../engine/finding.js';
import { terminalText } from './terminal-text.js';
import { padEnd, textWidth, wrapWords } from './wrap-words.js';

/** Width of the report when the output is not a terminal (a file, a pipe, CI logs). */
export const DEFAULT_WIDTH = 80;
/** The narrowest message column worth aligning the rule ids after; narrower, they go below. */
const MIN_MESSAGE_WIDTH = 30;
/** Messages never wrap narrower than this, however narrow the terminal. */
const MIN_WRAP_WIDTH = 10;

interface Row {
  place: string;
  label: 'error' | 'warning' | 'info';
  reason: string;
  rule: string;
}

type Paint = (code: string, text: string) => string;

const CYAN = '\u001B[36m';
const DEFAULT_COLOR = '\u001B[39m';

/** What the human report does with findings known from the baseline: leave them out, or list them marked. */
export interface KnownFindings {
  known: readonly Finding[];
  show: boolean;
}

/** Human-readable report of checked files (only files with findings are listed), at most `width` columns wide where words allow. */
export function humanReport(files: readonly VFile[], color: boolean, width = DEFAULT_WIDTH, baseline?: KnownFindings): string {
  const shown = baseline ? files.map((file) => markingKnown(file, baseline)) : files;
  const withFindings = shown.filter((file) => file.messages.length > 0);
  if (withFindings.length === 0) return `${files.length} files checked: no ${baseline ? 'new ' : ''}findings`;
  const paint: Paint = color ? (code, text) => `\u001B[${code}m${text}\u001B[39m` : (_, text) => text;
  const groups = [...withFindings].sort((a, b) => a.path.localeCompare(b.path)).map((file) => ({ file, rows: [...file.messages].sort(compareMessages).map(rowOf) }));
  const all = groups.flatMap((group) => group.rows);
  // A loop, not Math.max(...rows): a spread of a hundred thousand rows overflows the stack.
  const widest = (width: (row: Row) => number): number => all.reduce((most, row) => Math.max(most, width(row)), 0);
  const placeWidth = widest((row) => textWidth(row.place));
  const labelWidth = widest((row) => row.label.length);
  const indent = placeWidth + 1 + labelWidth + 1;
  const ruleWidth = widest((row) => textWidth(row.rule));
  const longest = widest((row) => textWidth(row.reason));
  const room = width - indent - 1 - ruleWidth;
  // Rule ids align after the longest message that fits; with too little room they go on a line of their own.
  const messageWidth = room >= MIN_MESSAGE_WIDTH ? Math.min(longest, room) : Math.max(MIN_WRAP_WIDTH, width - indent);
  const rulesBelow = room < MIN_MESSAGE_WIDTH;
  const blocks = groups.map(({ file, rows }) => {
    const fatal = rows.some((row) => row.label === 'error');
    const path = terminalText(file.path);
    const header = color ? `\u001B[4m${paint(fatal ? '31' : '33', path)}\u001B[24m` : path;
    const lines = rows.flatMap((row) => {
      const [first = '', ...rest] = wrapWords(row.reason, messageWidth);
      const start = `${padEnd(row.place, placeWidth)} ${paint(row.label === 'error' ? '31' : '33', row.label)}${' '.repeat(labelWidth - row.label.length)} `;
      const codeSpans = codeSpanPainter(color);
      const head = rulesBelow || !row.rule ? `${start}${codeSpans(first)}` : `${start}${codeSpans(first)}${' '.repeat(messageWidth - textWidth(first) + 1)}${row.rule}`;
      const below = rest.map((line) => `${' '.repeat(indent)}${codeSpans(line)}`);
      if (rulesBelow && row.rule) below.push(`${' '.repeat(indent)}${row.rule}`);
      return [head, ...below].map((line) => line.trimEnd());
    });
    return [header, ...lines].join('\n');
  });
  return `${blocks.join('\n\n')}\n\n${byline(all, paint)}`;
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

function rowOf(message: VFile['messages'][number]): Row {
  const template = (message as FixableMessage).template;
  return {
    place: placeOf(message.place),
    label: message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info',
    // Reasons quote page text and rule ids may come from any plugin: both are escaped for the terminal.
    reason: terminalText(template ? `${message.reason} (${template.file}:${template.line})` : message.reason),
    rule: terminalText(message.ruleId ?? ''),
  };
}

type Place = VFile['messages'][number]['place'];

function placeOf(place: Place): string {
  if (!place) return '';
  if ('start' in place) return `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`;
  return `${place.line}:${place.column}`;
}

/** vfile-sort's order: line, column, severity, source, rule, message. */
function compareMessages(a: VFile['messages'][number], b: VFile['messages'][number]): number {
  const severity = (fatal: boolean | null | undefined): number => (fatal ? 0 : fatal === false ? 1 : 2);
  return (
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    severity(a.fatal) - severity(b.fatal) ||
    (a.source ?? '').localeCompare(b.source ?? '') ||
    (a.ruleId ?? '').localeCompare(b.ruleId ?? '') ||
    a.reason.localeCompare(b.reason)
  );
}

/** Paints `code spans` cyan across the wrapped lines of one message (a span may go on over a line break). */
function codeSpanPainter(color: boolean): (line: string) => string {
  let inside = false;
  return (line) => {
    if (!color) return line;
    let out = inside ? CYAN : '';
    for (const part of line.split(/(`+)/)) {
      if (!part.startsWith('`')) out += part;
      else {
        out += inside ? `${part}${DEFAULT_COLOR}` : `${CYAN}${part}`;
        inside = !inside;
      }
    }
    return inside ? `${out}${DEFAULT_COLOR}` : out;
  };
}

/** `✖ 2 errors, ⚠ 1 warning`, vfile-reporter's closing line. */
function byline(rows: readonly Row[], paint: Paint): string {
  const errors = rows.filter((row) => row.label === 'error').length;
  const warnings = rows.filter((row) => row.label === 'warning').length;
  const parts = [
    ...(errors ? [`${paint('31', '✖')} ${errors} error${errors === 1 ? '' : 's'}`] : []),
    ...(warnings ? [`${paint('33', '⚠')} ${warnings} warning${warnings === 1 ? '' : 's'}`] : []),
  ];
  const summary = parts.join(', ');
  return rows.length !== errors && rows.length !== warnings ? `${rows.length} messages (${summary})` : summary;
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
  const parts = [...byFolder].map(([folder, pages]) => terminalText(pages.length === 1 ? pages[0]! : `${pages.length} under ${folder}/`));
  const count = paths.length === 1 ? '1 page is' : `${paths.length} pages are`;
  return `note: ${count} outside every service folder (no ${servicePage} beside ${paths.length === 1 ? "it" : "them"}), so only style, spelling and links are checked: ${parts.join(', ')}`;
}
