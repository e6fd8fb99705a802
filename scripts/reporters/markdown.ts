/** `--format markdown`: a job summary: counts per rule, every finding linked to its line, and the sync report. */
import { syncReport, type SyncInput } from './sync-report.js';

/** Markdown summary of a check run; `linkBase` prefixes file links (e.g. a blob URL of the commit). */
export function markdownReport(input: SyncInput, linkBase = ''): string {
  const { findings } = input;
  const out: string[] = ['# Docs quality', ''];
  const errors = findings.filter((f) => f.severity === 'error').length;
  out.push(findings.length === 0 ? 'No findings.' : `${errors} error${errors === 1 ? '' : 's'}, ${findings.length - errors} warning${findings.length - errors === 1 ? '' : 's'}.`, '');
  if (findings.length > 0) {
    const perRule = new Map<string, number>();
    for (const f of findings) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
    out.push('| rule | findings |', '|---|--:|', ...[...perRule].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `| ${rule} | ${n} |`), '');
    out.push('## Findings', '');
    for (const f of findings) {
      out.push(`- [${f.file}:${f.line}:${f.column}](${linkBase}${encodeURI(f.file)}#L${f.line}) **${f.ruleId}** ${escapeCell(f.message)}${f.fixable ? ' _(fixable)_' : ''}`);
    }
    out.push('');
  }
  out.push(syncReport(input));
  return out.join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/</g, '&lt;');
}
