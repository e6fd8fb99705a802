/**
 * Joining the reports of `check --shard K/N` runs: JSON finding arrays are concatenated, SARIF logs
 * become one run; either way in file and position order, without duplicates.
 */
import type { Finding } from '../engine/finding.js';
import { UserError } from '../user-error.js';

interface SarifLog {
  version: string;
  $schema?: string;
  runs: { tool: { driver: { name: string; version?: string; rules?: { id: string }[] } }; results: { ruleId: string; ruleIndex?: number }[] }[];
}

export class ReportFormatError extends UserError {}

/** Parses each report; all must be JSON finding arrays, or all SARIF logs. */
export function mergeReports(texts: readonly { name: string; text: string }[]): { kind: 'json'; findings: Finding[] } | { kind: 'sarif'; log: SarifLog } {
  const parsed = texts.map(({ name, text }) => {
    try {
      return { name, value: JSON.parse(text) as unknown };
    } catch (error) {
      throw new ReportFormatError(`${name}: not JSON (${(error as Error).message})`);
    }
  });
  if (parsed.every((p) => Array.isArray(p.value))) {
    const seen = new Set<string>();
    const findings = parsed
      .flatMap((p) => p.value as Finding[])
      .filter((f) => {
        const key = JSON.stringify(f);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
    return { kind: 'json', findings };
  }
  const logs = parsed.map((p) => {
    const log = p.value as Partial<SarifLog> | null;
    if (log?.version !== '2.1.0' || !Array.isArray(log.runs)) throw new ReportFormatError(`${p.name}: neither a JSON findings array nor a SARIF 2.1.0 log`);
    return log as SarifLog;
  });
  const first = logs[0]!;
  const rules = [...new Map(logs.flatMap((l) => l.runs.flatMap((r) => r.tool.driver.rules ?? [])).map((r) => [r.id, r])).values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const results = logs.flatMap((l) => l.runs.flatMap((r) => r.results)).map((r) => ({ ...r, ruleIndex: rules.findIndex((rule) => rule.id === r.ruleId) }));
  const driver = { ...first.runs[0]!.tool.driver, rules };
  return { kind: 'sarif', log: { ...first, runs: [{ ...first.runs[0]!, tool: { driver }, results }] } };
}
