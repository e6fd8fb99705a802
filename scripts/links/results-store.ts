/**
 * The results kept between runs (the scheduled workflow's cache restores and saves the file): what
 * each URL gave when it was last requested, when that was, and for how many consecutive runs it has
 * been broken — so a URL found ok recently is not requested again, and one bad day is not "dead".
 */
import { existsSync, readFileSync } from 'node:fs';
import type { LinkStatus } from './config.js';
import { UserError } from '../user-error.js';
import { writeFileAtomically } from '../files/write-atomically.js';

export interface StoredResult {
  status: LinkStatus;
  reason: string;
  httpStatus?: number;
  finalUrl?: string;
  /** When the URL was last requested (ISO 8601). */
  checkedAt: string;
  /** Consecutive runs, up to the last one, that found the URL broken. */
  failedRuns: number;
}

export type StoredResults = Map<string, StoredResult>;

const VERSION = 1;
const STATUSES: readonly string[] = ['ok', 'redirected', 'broken', 'blocked', 'flaky'];

/** A results file that is not ours or is damaged; the message names it. */
export class ResultsError extends UserError {}

/** The results of earlier runs; none when the file does not exist yet. */
export function loadResults(path: string): StoredResults {
  if (!existsSync(path)) return new Map();
  const fail = (why: string): never => {
    throw new ResultsError(`${path}: not a link-audit results file (${why}); delete it to start afresh`);
  };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return fail(`invalid JSON: ${(error as Error).message.replace(/\s*\n\s*/g, ' ')}`);
  }
  const file = data as { version?: unknown; urls?: unknown };
  if (typeof data !== 'object' || data === null || file.version !== VERSION) return fail(`expected "version": ${VERSION}`);
  if (typeof file.urls !== 'object' || file.urls === null) return fail('expected "urls"');
  const results: StoredResults = new Map();
  for (const [url, value] of Object.entries(file.urls as Record<string, Partial<StoredResult>>)) {
    const valid =
      STATUSES.includes(value?.status as string) &&
      typeof value.reason === 'string' &&
      typeof value.checkedAt === 'string' &&
      !Number.isNaN(Date.parse(value.checkedAt)) &&
      Number.isInteger(value.failedRuns) &&
      (value.failedRuns as number) >= 0;
    if (!valid) fail(`bad entry for ${url}`);
    results.set(url, value as StoredResult);
  }
  return results;
}

/** Writes the results (sorted by URL) via a temporary file and a rename, creating the folder. */
export function saveResults(path: string, results: StoredResults): void {
  const urls = Object.fromEntries([...results].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileAtomically(path, `${JSON.stringify({ version: VERSION, urls }, null, 2)}\n`, { mkdir: true });
}

/** True when the URL was found ok less than `maxAgeHours` before `now`: no need to ask again. */
export function isFreshOk(previous: StoredResult | undefined, now: Date, maxAgeHours: number): boolean {
  if (previous?.status !== 'ok') return false;
  const age = now.getTime() - Date.parse(previous.checkedAt);
  return age >= 0 && age < maxAgeHours * 3_600_000;
}

/** Consecutive broken runs including this one: any other answer ends the streak. */
export function failedRunsAfter(previous: StoredResult | undefined, status: LinkStatus): number {
  return status === 'broken' ? (previous?.status === 'broken' ? previous.failedRuns : 0) + 1 : 0;
}
