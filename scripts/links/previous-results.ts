/**
 * Where the results of earlier runs come back from. Not the actions cache: GitHub evicts a cache
 * nobody used for 7 days, and the audit runs weekly, so the cache could be gone at every run. Each
 * run that judged the links uploads its results file as an artifact (kept 90 days); the next run
 * downloads it from the newest such run of this workflow, on this branch, started by the schedule
 * or by hand in this repository (never a fork's or a pull request's run, which could plant results).
 */
import type { GitHubApi } from './github-api.js';

export interface WorkflowRun {
  id: number;
  event: string;
  head_branch: string | null;
  head_repository?: { full_name: string } | null;
}

export interface Artifact {
  id: number;
  name: string;
  expired: boolean;
}

export interface PreviousResultsQuery {
  /** `owner/name`. */
  repository: string;
  /** The workflow's file name (`link-audit.yml`). */
  workflow: string;
  branch: string;
  artifact: string;
  /** This run, which has no results yet. */
  currentRunId?: number;
  /** Runs looked at, newest first. */
  maxRuns?: number;
}

const EVENTS = new Set(['schedule', 'workflow_dispatch']);

/** The newest run that kept a results artifact still available, or undefined (a first run, or all expired). */
export async function findPreviousResults(api: GitHubApi, query: PreviousResultsQuery): Promise<{ runId: number; artifactId: number } | undefined> {
  const { repository, workflow, branch, artifact, currentRunId, maxRuns = 30 } = query;
  const params = new URLSearchParams({ branch, status: 'completed', per_page: String(Math.min(maxRuns, 100)) });
  const { workflow_runs: runs } = await api.get<{ workflow_runs: WorkflowRun[] }>(`/repos/${repository}/actions/workflows/${encodeURIComponent(workflow)}/runs?${params}`);
  for (const run of runs.slice(0, maxRuns)) {
    if (run.id === currentRunId || !EVENTS.has(run.event) || run.head_branch !== branch || run.head_repository?.full_name !== repository) continue;
    const { artifacts } = await api.get<{ artifacts: Artifact[] }>(`/repos/${repository}/actions/runs/${run.id}/artifacts?${new URLSearchParams({ name: artifact })}`);
    const kept = artifacts.find((item) => item.name === artifact && !item.expired);
    if (kept) return { runId: run.id, artifactId: kept.id };
  }
  return undefined;
}
