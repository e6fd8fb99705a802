/** Counting findings: per rule, per page and rule, and the positions more than one finding shares. */
import type { Finding } from '../engine/finding.js';
import { findingIdentity } from '../engine/fingerprint.js';

/** Findings per rule, most first (ties by rule id). */
export function countPerRule(findings: readonly Finding[]): [rule: string, count: number][] {
  return sortedCounts(findings.map((finding) => finding.ruleId));
}

/** For each page with findings (by path), its findings per rule. */
export function countPerPage(findings: readonly Finding[]): Map<string, Map<string, number>> {
  const pages = new Map<string, Map<string, number>>();
  for (const finding of [...findings].sort((a, b) => compare(a.file, b.file))) {
    const rules = pages.get(finding.file) ?? new Map<string, number>();
    rules.set(finding.ruleId, (rules.get(finding.ruleId) ?? 0) + 1);
    pages.set(finding.file, rules);
  }
  return pages;
}

export interface SharedPosition {
  /** `file:line:column`. */
  at: string;
  findings: Finding[];
  /** True when one rule reports several findings there; false when several rules do. */
  sameRule: boolean;
}

/** Positions (file, line, column) that carry more than one finding, in file then position order. */
export function sharedPositions(findings: readonly Finding[]): SharedPosition[] {
  const byPosition = new Map<string, Finding[]>();
  for (const finding of findings) {
    const at = `${finding.file}:${finding.line}:${finding.column}`;
    byPosition.set(at, [...(byPosition.get(at) ?? []), finding]);
  }
  return [...byPosition]
    .filter(([, here]) => here.length > 1)
    .map(([at, here]) => ({ at, findings: here, sameRule: new Set(here.map((f) => f.ruleId)).size === 1 }))
    .sort((a, b) => comparePosition(a.findings[0]!, b.findings[0]!));
}

/** Findings of `after` with no counterpart in `before` (same page, rule and message; positions move under fix). */
export function findingsNotIn(after: readonly Finding[], before: readonly Finding[], originalPath: (file: string) => string = (file) => file): Finding[] {
  const left = new Map<string, number>();
  for (const finding of before) left.set(findingIdentity(finding, finding.file), (left.get(findingIdentity(finding, finding.file)) ?? 0) + 1);
  return after.filter((finding) => {
    const key = findingIdentity(finding, originalPath(finding.file));
    const count = left.get(key) ?? 0;
    if (count > 0) left.set(key, count - 1);
    return count === 0;
  });
}

function sortedCounts(values: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]));
}

function comparePosition(a: Finding, b: Finding): number {
  return compare(a.file, b.file) || a.line - b.line || a.column - b.column;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
