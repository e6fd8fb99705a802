/**
 * `--format github`: workflow commands, so GitHub Actions annotates the pull request's changed
 * lines: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<rule>::<message>`. GitHub shows
 * 10 error and 10 warning annotations per step (50 per job) and drops the rest without a word, so
 * at most that many are printed, the most important first, and one notice counts the rest.
 */
import type { Finding } from '../engine/finding.js';

/** GitHub's limit of annotations of one level per step. */
export const MAX_ANNOTATIONS = 10;

export interface GithubReportOptions {
  /** Annotations printed per level (error, warning); the rest are counted in one notice. */
  maxAnnotations?: number;
  /** Where the findings left out can be read, ending the notice. */
  rest?: string;
}

/** Escapes the message part of a workflow command. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command (also `:` and `,`). */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Findings by importance: errors before warnings; then each rule's first finding before any rule's
 * second (ten annotations show ten kinds of problem, not one trailing space ten times); then by page
 * and position.
 */
export function byImportance(findings: readonly Finding[]): Finding[] {
  const occurrence = new Map<string, number>();
  const ranked = findings.map((finding, index) => {
    const key = `${finding.severity}\0${finding.ruleId}`;
    const nth = occurrence.get(key) ?? 0;
    occurrence.set(key, nth + 1);
    return { finding, index, nth };
  });
  const level = (f: Finding): number => (f.severity === 'error' ? 0 : 1);
  return ranked.sort((a, b) => level(a.finding) - level(b.finding) || a.nth - b.nth || a.index - b.index).map((r) => r.finding);
}

function annotation(f: Finding): string {
  const properties = [
    `file=${escapeProperty(f.file.split('\\').join('/'))}`,
    `line=${f.line}`,
    `col=${f.column}`,
    `endLine=${f.endLine}`,
    `endColumn=${f.endColumn}`,
    `title=${escapeProperty(f.ruleId)}`,
  ];
  return `::${f.severity === 'error' ? 'error' : 'warning'} ${properties.join(',')}::${escapeData(f.message)}`;
}

/** The annotations: at most `maxAnnotations` errors and as many warnings, most important first, then a notice counting the rest. */
export function githubReport(findings: readonly Finding[], options: GithubReportOptions = {}): string {
  const max = options.maxAnnotations ?? MAX_ANNOTATIONS;
  const shown = (['error', 'warning'] as const).flatMap((severity) => byImportance(findings.filter((f) => f.severity === severity)).slice(0, max));
  const lines = shown.map(annotation);
  const rest = findings.length - shown.length;
  if (rest > 0) {
    const where = options.rest ?? 'see the job summary';
    lines.push(`::notice title=docs-quality::… ${rest} more finding${rest === 1 ? '' : 's'}: ${escapeData(where)} (annotations stop at ${max} errors and ${max} warnings)`);
  }
  return lines.join('\n');
}
