/**
 * The README's table of every rule, from the rules' own metadata (id, what it finds, default
 * severity, what fix does, which pages a change can affect, an example finding), and where each
 * rule's row is: SARIF's `helpUri` points there.
 */
import type { CrossFile, RuleMeta } from '../rule-kit/define-rule.js';

export const TABLE_START = '<!-- rules-table:start (npm run generate writes this table from the rules) -->';
export const TABLE_END = '<!-- rules-table:end -->';

/** The README anchor of a rule's row. */
export const ruleAnchor = (id: string): string => `rule-${id}`;

const SCOPE: Record<CrossFile, string> = { none: 'the page', folder: 'its service folder', 'linking-pages': 'pages linking to it', all: 'every page' };

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The Markdown table, one row per rule in preset order. */
export function rulesTable(rules: readonly RuleMeta[]): string {
  const rows = rules.map((rule) => {
    const example = rule.examples.find((e) => e.findings.length > 0)?.findings[0];
    const shown = example ? `\`\` ${example.replace(/^[^ ]+:(\d+:\d+) /, '$1 ')} \`\`` : '';
    return `| <a name="${ruleAnchor(rule.id)}"></a>\`${rule.id}\` | ${cell(rule.description)} | ${rule.defaultSeverity} | ${rule.fixable ? cell(rule.fixable) : '—'} | ${SCOPE[rule.crossFile]} | ${cell(shown)} |`;
  });
  return ['| rule | finds | default | fix | a change re-checks | example finding |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

/** The README with its rules table replaced (between the markers). */
export function withRulesTable(readme: string, rules: readonly RuleMeta[]): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end < start) throw new Error('README.md has no rules-table markers');
  return `${readme.slice(0, start + TABLE_START.length)}\n${rulesTable(rules)}\n${readme.slice(end)}`;
}
