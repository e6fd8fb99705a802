/** The precision harness's plain-text report: a pure function of its result, in a fixed order. */
import type { Finding } from '../engine/finding.js';
import { countPerPage, countPerRule, sharedPositions, type SharedPosition } from './finding-tally.js';
import type { PrecisionResult } from './precision.js';
import { keepsText, type SentenceCount } from './text-property.js';

/** The whole report, one section after another. */
export function precisionReport(result: PrecisionResult): string {
  const rules = countPerRule(result.findings).map(([rule]) => rule);
  return [findingsSection(result.findings, rules), positionsSection(result.findings), fixSection(result)].join('\n\n') + '\n';
}

function findingsSection(findings: readonly Finding[], rules: readonly string[]): string {
  const perPage = countPerPage(findings);
  const lines = [`Findings per rule: ${findings.length} in ${perPage.size} pages`];
  const perRule = new Map(countPerRule(findings));
  const width = Math.max(0, ...rules.map((rule) => rule.length));
  rules.forEach((rule, i) => lines.push(`  ${`[${i + 1}]`.padEnd(4)} ${rule.padEnd(width)}  ${String(perRule.get(rule)).padStart(4)}`));
  lines.push('', 'Findings per page (columns: the rules numbered above; . = none)');
  const pageWidth = Math.max(4, ...[...perPage.keys()].map((page) => page.length));
  const cell = (value: string): string => value.padStart(5);
  lines.push(`  ${'page'.padEnd(pageWidth)}  ${cell('all')}${rules.map((_, i) => cell(`[${i + 1}]`)).join('')}`);
  for (const [page, counts] of perPage) {
    const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
    lines.push(`  ${page.padEnd(pageWidth)}  ${cell(String(total))}${rules.map((rule) => cell(String(counts.get(rule) ?? '.'))).join('')}`);
  }
  return lines.join('\n');
}

function positionsSection(findings: readonly Finding[]): string {
  const shared = sharedPositions(findings);
  const same = shared.filter((position) => position.sameRule);
  const different = shared.filter((position) => !position.sameRule);
  return [
    `Positions with more than one finding: ${shared.length}`,
    '',
    `  Same rule: ${same.length}`,
    ...same.flatMap(positionLines),
    '',
    `  Different rules: ${different.length}`,
    ...different.flatMap(positionLines),
  ].join('\n');
}

function positionLines({ at, findings }: SharedPosition): string[] {
  return [`    ${at}`, ...findings.map((finding) => `      ${finding.ruleId}: ${finding.message}`)];
}

function fixSection({ fixedPages, removed, created }: PrecisionResult): string {
  const failing = fixedPages.filter((page) => !keepsText(page.text));
  const lines = [
    `Fix: ${fixedPages.length} pages changed, ${removed.length} findings removed, ${created.length} findings created`,
    '',
    `  Findings after fix that were not there before (a fix that creates findings is a defect): ${created.length}`,
    ...created.map((finding) => `    ${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`),
    '',
    `  Text lost or duplicated by fix (sentences of the original the template does not replace): ${failing.length} of ${fixedPages.length} changed pages`,
  ];
  for (const page of failing) {
    lines.push(`    ${page.from}${page.to === undefined ? ' (removed by fix)' : page.to !== page.from ? ` (renamed to ${page.to})` : ''}`);
    for (const lost of page.text.lost) {
      lines.push(`      lost       ${countLine(lost)}`);
      if (lost.editedBy) lines.push(`                 edited by the fix of: ${lost.editedBy.join(', ')}`);
      if (lost.nowReads) lines.push(`                 closest in the fixed page: ${lost.nowReads}`);
    }
    for (const duplicated of page.text.duplicated) {
      lines.push(`      duplicated ${countLine(duplicated)}`);
      if (duplicated.fixedLines) lines.push(`                 in the fixed page at lines ${duplicated.fixedLines.join(', ')}`);
    }
  }
  return lines.join('\n');
}

function countLine({ sentence, line, before, after }: SentenceCount): string {
  return `line ${line} (${before} -> ${after}): ${sentence}`;
}
