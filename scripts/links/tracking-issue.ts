/**
 * The one tracking issue of the link audit, and what to do with it. Ours is the issue that carries
 * the label, starts with the marker only the workflow writes (report.ts), and was opened by a bot (the
 * workflow's token): an issue a person filed with the same label is never touched, even one that
 * quotes the marker.
 */
import type { GitHubApi } from './github-api.js';
import { ISSUE_MARKER } from './report.js';

export const ISSUE_LABEL = 'link-audit';

export interface Issue {
  number: number;
  state: string;
  body?: string | null;
  user?: { login: string; type: string } | null;
  pull_request?: unknown;
}

export type IssuePlan = { action: 'create' } | { action: 'update'; number: number } | { action: 'close'; number: number } | { action: 'nothing' };

/** True when the issue is the workflow's own tracking issue (the caller lists only issues with the label). */
export function isTrackingIssue(issue: Issue): boolean {
  return issue.pull_request === undefined && issue.user?.type === 'Bot' && (issue.body ?? '').startsWith(ISSUE_MARKER);
}

/** Open while anything is dead, failing or redirected (reopened, never duplicated); closed once all is healthy. */
export function planTrackingIssue(issue: Issue | undefined, healthy: boolean): IssuePlan {
  if (healthy) return issue?.state === 'open' ? { action: 'close', number: issue.number } : { action: 'nothing' };
  return issue ? { action: 'update', number: issue.number } : { action: 'create' };
}

/** The newest tracking issue of the repository, open or closed; undefined when there is none yet. */
export async function findTrackingIssue(api: GitHubApi, repository: string, maxPages = 10): Promise<Issue | undefined> {
  for (let page = 1; page <= maxPages; page++) {
    const params = new URLSearchParams({ labels: ISSUE_LABEL, state: 'all', sort: 'created', direction: 'desc', per_page: '100', page: String(page) });
    const issues = await api.get<Issue[]>(`/repos/${repository}/issues?${params}`);
    const ours = issues.find(isTrackingIssue);
    if (ours || issues.length < 100) return ours;
  }
  return undefined;
}
