/**
 * `--format markdown` and `--summary FILE`: the job summary, written for a docs lead reading top
 * down: the totals and what `fix` would fix; findings per service and rule; the services x topics
 * matrix; then every finding, grouped per page in collapsible sections, errors first; then how the
 * template blocks are worded. It stays under GitHub's 1 MiB (see summary-budget.ts): past the
 * budget, the rest is counted, never cut mid-line. Every piece of page-derived text is escaped
 * (github-markdown-text.ts): a fork's pull request chooses its file names.
 */
import { basename, dirname } from 'node:path';
import type { Finding } from '../engine/finding.js';
import { codeSpan, htmlText, messageText, plainText, tableCell, urlPath } from './github-markdown-text.js';
import { byteLength, LineBudget, summaryBudget } from './summary-budget.js';
import { cellText, foreignNamesReport, MATRIX_LEGEND, topicMatrix, wordingReport, type SyncInput } from './sync-report.js';

/** How many of the findings the SARIF file holds (code scanning keeps at most 5,000 of a run). */
export interface SarifShare {
  total: number;
  included: number;
}

export interface SummaryOptions {
  /** Prefixes each page's link: a blob URL of the commit (`https://github.com/o/r/blob/<sha>/`); relative links without it. */
  linkBase?: string;
  /** Bytes the summary may take (default: GitHub's limit less a margin). */
  budget?: number;
  /** What was checked, as Markdown (e.g. the pages changed since the base and those they affect). */
  scope?: string;
  /** Set when the SARIF report leaves findings out. */
  sarif?: SarifShare;
  /** The fix command as the team types it (`npx docs-quality fix` from a dependency); default `npm run fix`. */
  fixCommand?: string;
}

/** The share of the budget each table may take, so the findings always get most of it. */
const TABLE_SHARE = 0.2;
/** Topics entries not in the catalog named in the summary; `npm run sync` lists the rest. */
const UNKNOWN_SHOWN = 50;
/** Bytes kept for the closing lines (the count of what was left out). */
const TAIL = 1024;

const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
const counts = (errors: number, warnings: number): string => `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;

/** The job summary of a check run. */
export function markdownReport(input: SyncInput, options: SummaryOptions = {}): string {
  const { findings, files } = input;
  const budget = new LineBudget(options.budget ?? summaryBudget());
  const fix = options.fixCommand ?? 'npm run fix';
  const errors = findings.filter((f) => f.severity === 'error').length;
  const pages = pagesOf(findings);
  const fixable = findings.filter((f) => f.fixable).length;
  const head = ['# Docs quality', ''];
  if (findings.length === 0) head.push(`No findings in ${plural(files.length, 'page')} checked${options.scope ? ` (${options.scope})` : ''}.`, '');
  else {
    head.push(`${counts(errors, findings.length - errors)}.`);
    head.push(`In ${pages.length.toLocaleString('en-US')} of ${plural(files.length, 'page')} checked${options.scope ? ` (${options.scope})` : ''}. ${fixable > 0 ? `\`${fix}\` would fix ${fixable.toLocaleString('en-US')} of them.` : `\`${fix}\` fixes none of them: edit the pages as the findings say.`}`, '');
  }
  if (options.sarif && options.sarif.included < options.sarif.total) {
    head.push(`The SARIF report for code scanning holds ${options.sarif.included.toLocaleString('en-US')} of the ${plural(options.sarif.total, 'finding')} (errors first; code scanning keeps at most 5,000 results of a run): ${(options.sarif.total - options.sarif.included).toLocaleString('en-US')} left out.`, '');
  }
  budget.force(head);
  const tableBytes = Math.floor(budget.left * TABLE_SHARE);
  if (findings.length > 0) rulesTable(findings, input, budget, tableBytes);
  matrixTable(input, budget, tableBytes);
  if (findings.length > 0) findingsPerPage(pages, options.linkBase ?? '', budget);
  tail(input, budget);
  return budget.text();
}

interface Page {
  file: string;
  errors: number;
  findings: Finding[];
}

/** Findings by page: pages with errors first, then by path; in a page, errors first, then by position. */
function pagesOf(findings: readonly Finding[]): Page[] {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const level = (f: Finding): number => (f.severity === 'error' ? 0 : 1);
  return [...byFile]
    .map(([file, list]) => ({ file, errors: list.filter((f) => f.severity === 'error').length, findings: [...list].sort((a, b) => level(a) - level(b) || a.line - b.line || a.column - b.column) }))
    .sort((a, b) => Number(b.errors > 0) - Number(a.errors > 0) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Rows added while they fit in `bytes` (and the budget); the rest counted in one line. */
function cappedTable(budget: LineBudget, bytes: number, heading: string[], rows: string[], rest: (left: number) => string, after: string[] = []): void {
  const section = new LineBudget(Math.min(bytes, budget.left - TAIL));
  if (!section.add(heading, 256)) return;
  let shown = 0;
  for (const row of rows) {
    if (!section.add([row], 256)) break;
    shown++;
  }
  if (shown < rows.length) section.force(['', rest(rows.length - shown)]);
  section.force(after);
  budget.force(section.text().slice(0, -1).split('\n'));
}

/** Findings per service and rule: services with the most findings first. */
function rulesTable(findings: readonly Finding[], input: SyncInput, budget: LineBudget, bytes: number): void {
  const folders = new Set(topicMatrix(input.files, input.topics).services.map((s) => dirname(s.file.path)));
  // The nearest folder up from the page that holds a service page.
  const serviceOf = (file: string): string | undefined => {
    for (let dir = dirname(file); ; dir = dirname(dir)) {
      if (folders.has(dir)) return dir;
      if (dirname(dir) === dir) return undefined;
    }
  };
  const perRule = new Map<string, number>();
  const perService = new Map<string, Map<string, number>>();
  for (const f of findings) {
    perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
    const service = serviceOf(f.file) ?? '';
    const row = perService.get(service) ?? new Map<string, number>();
    row.set(f.ruleId, (row.get(f.ruleId) ?? 0) + 1);
    perService.set(service, row);
  }
  const rules = [...perRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([rule]) => rule);
  const total = (row: Map<string, number>): number => [...row.values()].reduce((a, b) => a + b, 0);
  const services = [...perService].sort((a, b) => total(b[1]) - total(a[1]) || (a[0] < b[0] ? -1 : 1));
  const fixes = new Map<string, number>();
  for (const f of findings) if (f.fixable) fixes.set(f.ruleId, (fixes.get(f.ruleId) ?? 0) + 1);
  budget.force(['| rule | findings | `fix` fixes |', '|---|--:|--:|', ...rules.map((rule) => `| ${tableCell(plainText(rule))} | ${perRule.get(rule)} | ${fixes.get(rule) ?? 0} |`), '']);
  const heading = [
    '## Findings per service and rule',
    '',
    `| service | findings | ${rules.map((rule) => tableCell(plainText(rule))).join(' | ')} |`,
    `|---|--:|${rules.map(() => '--:').join('|')}|`,
    `| **all** | **${findings.length}** | ${rules.map((rule) => `**${perRule.get(rule)}**`).join(' | ')} |`,
  ];
  // '' gathers the pages outside every service folder.
  const rows = services.map(([service, row]) => `| ${service ? tableCell(codeSpan(basename(service))) : 'other pages'} | ${total(row)} | ${rules.map((rule) => row.get(rule) ?? '').join(' | ')} |`);
  cappedTable(budget, bytes, heading, rows, (left) => `… and ${plural(left, 'more service')} with fewer findings.`, ['']);
}

/** The services x topics matrix: one row per service, one column per topic. */
function matrixTable(input: SyncInput, budget: LineBudget, bytes: number): void {
  const matrix = topicMatrix(input.files, input.topics);
  if (matrix.services.length === 0 || matrix.topics.length === 0) return;
  const heading = [
    '## Services x topics',
    '',
    `| service | ${matrix.topics.map((t) => tableCell(`${plainText(t.id)}${t.note}`)).join(' | ')} |`,
    `|---|${matrix.topics.map(() => ':-:').join('|')}|`,
  ];
  const rows = matrix.services.map((s) => `| ${tableCell(codeSpan(s.folder))} | ${matrix.topics.map((t) => tableCell(cellText(matrix.cell(s, t.id), codeSpan))).join(' | ')} |`);
  const listed = matrix.unknown.slice(0, UNKNOWN_SHOWN).map((u) => `- ${codeSpan(u.folder)}: ${codeSpan(u.title)}`);
  const more = matrix.unknown.length > UNKNOWN_SHOWN ? [`- … and ${(matrix.unknown.length - UNKNOWN_SHOWN).toLocaleString('en-US')} more: \`npm run sync\` lists them all`] : [];
  const unknown = listed.length > 0 ? ['', 'Topics not in the catalog:', '', ...listed, ...more] : [];
  cappedTable(budget, bytes, heading, rows, (left) => `… and ${plural(left, 'more service')}: \`npm run sync\` prints the whole matrix.`, ['', MATRIX_LEGEND, ...unknown, '']);
}

/** Every finding, one collapsible section per page, while the budget lasts; the rest counted. */
function findingsPerPage(pages: readonly Page[], linkBase: string, budget: LineBudget): void {
  const base = linkBase.replace(/[()\s<>]/g, (c) => encodeURIComponent(c).replace('(', '%28').replace(')', '%29'));
  budget.force(['## Findings per page', '']);
  let shownFindings = 0;
  let shownPages = 0;
  const total = pages.reduce((sum, page) => sum + page.findings.length, 0);
  for (const page of pages) {
    const open = [`<details><summary><code>${htmlText(page.file)}</code>: ${counts(page.errors, page.findings.length - page.errors)}</summary>`, ''];
    const close = ['', '</details>', ''];
    const closeBytes = close.reduce((sum, line) => sum + byteLength(line) + 1, 0);
    if (!budget.add(open, closeBytes + TAIL)) break;
    shownPages++;
    let shown = 0;
    for (const f of page.findings) {
      const target = `${base}${urlPath(f.file)}#L${f.line}`;
      const line = `- [${f.line}:${f.column}](${target}) ${f.severity} **${plainText(f.ruleId)}** ${messageText(f.message)}${f.fixable ? ' _(fixable)_' : ''}`;
      if (!budget.add([line], closeBytes + TAIL)) break;
      shown++;
    }
    shownFindings += shown;
    if (shown < page.findings.length) {
      budget.force([`- … ${plural(page.findings.length - shown, 'more finding')} in this page`, ...close]);
      break;
    }
    budget.force(close);
  }
  if (shownFindings < total) {
    const pagesLeft = pages.length - shownPages;
    budget.force([
      `… ${plural(total - shownFindings, 'more finding')}${pagesLeft > 0 ? ` in ${plural(pagesLeft, 'more page')}` : ''} not listed: GitHub drops a job summary over 1 MiB. \`npm run check\` lists every finding.`,
      '',
    ]);
  }
}

/** The wording variants and borrowed file names, when they fit whole. */
function tail(input: SyncInput, budget: LineBudget): void {
  const services = topicMatrix(input.files, input.topics).services;
  if (services.length === 0) return;
  const wording = ['## Wording of the template blocks', '', ...wordingReport(services, input.template)];
  const foreign = ["## File names carrying another service's name", '', ...foreignNamesReport(input.findings)];
  if (!budget.add(wording, 512)) budget.force(['## Wording of the template blocks', '', 'Left out to keep the summary under 1 MiB: `npm run sync` prints it.', '']);
  if (!budget.add(foreign)) budget.force(["## File names carrying another service's name", '', 'Left out to keep the summary under 1 MiB: the findings of `foreign-file-name` list them.']);
}
