/**
 * Joining the reports of `check --shard K/N` runs: JSON finding arrays are concatenated, SARIF logs
 * become one run; either way in file and position order, without duplicates.
 */
import type { Finding } from '../engine/finding.js';
import { parseJsonValue } from '../config/read-json.js';
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
    // A report nested deeper than ours ever are is refused at its position, before anything recurses into it.
    return { name, value: parseJsonValue(text, name) };
  });
  if (parsed.every((p) => Array.isArray(p.value))) {
    for (const p of parsed) {
      const bad = (p.value as unknown[]).findIndex((f) => typeof (f as Finding | null)?.file !== 'string' || typeof (f as Finding).line !== 'number' || typeof (f as Finding).column !== 'number');
      if (bad !== -1) throw new ReportFormatError(`${p.name}: entry ${bad + 1} is not a finding (one with "file", "line" and "column")`);
    }
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
    const runsOk = Array.isArray(log?.runs) && log.runs.length > 0 && log.runs.every((run) => typeof run?.tool?.driver === 'object' && run.tool.driver !== null && Array.isArray(run.results));
    if (log?.version !== '2.1.0' || !runsOk) throw new ReportFormatError(`${p.name}: neither a JSON findings array nor a SARIF 2.1.0 log`);
    return log as SarifLog;
  });
  const first = logs[0]!;
  const rules = [...new Map(logs.flatMap((l) => l.runs.flatMap((r) => r.tool.driver.rules ?? [])).map((r) => [r.id, r])).values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const results = logs.flatMap((l) => l.runs.flatMap((r) => r.results)).map((r) => ({ ...r, ruleIndex: rules.findIndex((rule) => rule.id === r.ruleId) }));
  const driver = { ...first.runs[0]!.tool.driver, rules };
  return { kind: 'sarif', log: { ...first, runs: [{ ...first.runs[0]!, tool: { driver }, results }] } };
}

