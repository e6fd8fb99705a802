/**
 * The audit's reports, pure functions of the AuditReport: human (terminal and CI log), json, and the
 * tracking issue's markdown body, grouped by URL with every page and line that cites it.
 */
import type { Citation } from './collect-urls.js';
import type { AuditReport, UrlResult } from './audit.js';
import { codeLink, codeSpan, plainText, proseText, urlPath } from '../reporters/github-markdown-text.js';

/** GitHub refuses issue bodies over 65,536 characters; keep clear of it (the workflow adds a line). */
export const MAX_ISSUE_LENGTH = 60_000;

/** The first line of every tracking issue body: with the label, how the workflow finds its issue (tracking-issue.ts). */
export const ISSUE_MARKER = '<!-- link-audit: opened, updated and closed by the link-audit workflow -->';

interface Group {
  title: string;
  /** What the writer should do about these URLs. */
  advice: (report: AuditReport) => string;
  keep: (result: UrlResult) => boolean;
}

const GROUPS: Group[] = [
  {
    title: 'Dead links',
    advice: (r) => `Broken on ${r.deadAfterRuns} consecutive runs: fix or remove them.`,
    keep: (u) => u.dead,
  },
  {
    title: 'Failing links',
    advice: (r) => `Broken on this run, not yet on ${r.deadAfterRuns} consecutive runs: dead if they stay broken.`,
    keep: (u) => u.status === 'broken' && !u.allowed && !u.dead,
  },
  {
    title: 'Redirected links',
    advice: () => 'They still work, through a redirect: update them to the final URL.',
    keep: (u) => u.status === 'redirected' && !u.allowed,
  },
  {
    title: 'Blocked',
    advice: () => 'The site refused the checker (401, 403 or a bot challenge): check these by hand, or accept them in `_template/links.json`.',
    keep: (u) => u.status === 'blocked' && !u.allowed,
  },
  {
    title: 'Flaky',
    advice: () => 'No clear answer after retries (timeouts, 5xx, 429, dropped connections); not counted as broken.',
    keep: (u) => u.status === 'flaky' && !u.allowed,
  },
  {
    title: 'Not checked',
    advice: () => 'The host asked us to wait longer than its budget (`hostWaitBudgetMs`), or the audit reached its deadline (`deadlineMs`); never counted as broken.',
    keep: (u) => u.status === 'unchecked',
  },
];

/** The report as JSON (the AuditReport itself). */
export function jsonReport(report: AuditReport): string {
  return JSON.stringify(report, null, 2);
}

/** The report for a terminal or a CI log: counts, then each problem URL with the places citing it. */
export function humanReport(report: AuditReport): string {
  const lines = [`External links: ${scope(report)}.`, counts(report)];
  if (report.couldNotRun) lines.push('', `The audit could not run: ${report.couldNotRun}. No link was judged; the results file is kept as it was.`);
  if (report.previousResults === 0) lines.push('', LOST_STORE);
  for (const group of GROUPS) {
    const members = report.urls.filter(group.keep);
    if (members.length === 0) continue;
    lines.push('', `${group.title} (${members.length}). ${group.advice(report)}`);
    for (const result of members) {
      lines.push(`  ${result.url}  ${verdict(result, report)}`);
      if (result.finalUrl) lines.push(`    now at ${result.finalUrl}`);
      for (const citation of result.citations) lines.push(`    ${place(citation)}`);
    }
  }
  if (report.healthy) lines.push('', 'Nothing dead, failing or redirected.');
  return lines.join('\n');
}

export interface IssueOptions {
  /** Base URL of the sources (e.g. `https://github.com/o/r/blob/<sha>`): citations become links to their line. */
  sourceUrl?: string;
}

/** The tracking issue's body: the counts, then one list item per URL, each citing page and line under it. */
export function issueReport(report: AuditReport, options: IssueOptions = {}): string {
  const lines = [ISSUE_MARKER, '## External link audit', '', `Audit of ${when(report.checkedAt)}: ${scope(report)}.`, '', counts(report, '**')];
  if (report.couldNotRun) lines.push('', `**The audit could not run**: ${plainText(report.couldNotRun)}. No link was judged.`);
  if (report.previousResults === 0) lines.push('', LOST_STORE);
  for (const group of GROUPS) {
    const members = report.urls.filter(group.keep);
    if (members.length === 0) continue;
    lines.push('', `### ${group.title} (${members.length})`, '', group.advice(report), '');
    for (const result of members) {
      const target = result.finalUrl ? ` → ${markdownUrl(result.finalUrl)}` : '';
      lines.push(`- ${markdownUrl(result.url)}${target} — ${proseText(verdict(result, report))}`);
      for (const citation of result.citations) lines.push(`  - ${citationLink(citation, options.sourceUrl)}`);
    }
  }
  if (report.healthy) lines.push('', 'Nothing dead, failing or redirected: this issue can be closed.');
  return truncate(`${lines.join('\n')}\n`);
}

function scope({ summary: s, recheckOkAfterHours }: AuditReport): string {
  const parts = [`${s.urls} URLs cited ${s.citations} times on ${s.citingPages} of ${s.pages} pages`, `${s.requested} requested`];
  if (s.reused > 0) parts.push(`${s.reused} found ok in the last ${recheckOkAfterHours} hours and not requested again`);
  if (s.skipped > 0) parts.push(`${s.skipped} skipped`);
  return parts.join(', ');
}

const LOST_STORE = 'No results of earlier runs were found (a first run, or the stored results were lost): each broken link counts from this run, and none can be dead yet.';

function counts({ summary: s }: AuditReport, strong = ''): string {
  const parts = [`${strong}${s.dead} dead${strong}`, `${s.failing} failing`, `${s.redirected} redirected`, `${s.blocked} blocked`, `${s.flaky} flaky`, `${s.ok} ok`];
  if (s.unchecked > 0) parts.push(`${s.unchecked} not checked`);
  if (s.allowed > 0) parts.push(`${s.allowed} allowed by links.json`);
  return `${parts.join(', ')}.`;
}

function verdict(result: UrlResult, report: AuditReport): string {
  const retried = result.attempts > 1 ? ` after ${result.attempts} attempts` : '';
  const streak =
    result.status !== 'broken' || result.allowed ? '' : result.dead ? `, broken on ${result.failedRuns} runs in a row` : `, failing (${result.failedRuns} of ${report.deadAfterRuns} runs)`;
  return `${result.reason}${retried}${streak}`;
}

function place({ page, line, column }: Citation): string {
  return `${page}:${line}:${column}`;
}

/** Page paths come from the docs tree (a pull request chooses them): code, never HTML or a mention. */
function citationLink(citation: Citation, sourceUrl: string | undefined): string {
  if (!sourceUrl) return codeSpan(place(citation));
  return codeLink(place(citation), `${sourceUrl.replace(/\/$/, '')}/${urlPath(citation.page)}#L${citation.line}`);
}

/** An autolink when the URL parses (then it has no spaces or angle brackets), code otherwise. */
function markdownUrl(url: string): string {
  return URL.canParse(url) ? `<${url}>` : codeSpan(url);
}

function when(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

function truncate(body: string): string {
  if (body.length <= MAX_ISSUE_LENGTH) return body;
  const note = "\n… (truncated: the full report is in the workflow run's `link-audit-report` artifact)\n";
  const cut = body.lastIndexOf('\n', MAX_ISSUE_LENGTH - note.length);
  return `${body.slice(0, cut)}${note}`;
}
