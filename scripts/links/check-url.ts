/**
 * One URL's check: linkinator's answer, asked again while the answer is a temporary one and attempts
 * are left — after the server's Retry-After when it gave one (the whole host rests meanwhile), after
 * an exponential backoff otherwise. A host's Retry-Afters are charged to its waiting budget: once a
 * host has cost `hostWaitBudgetMs`, its remaining URLs are not checked (rate-limited, never dead), so
 * a host answering 429 to everything costs at most its budget, however many URLs the docs cite on it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { classify, type Verdict } from './classify.js';
import type { LinkConfig, LinkStatus } from './config.js';
import type { HostPool } from './host-pool.js';
import type { ProbeResult } from './linkinator-probe.js';

/** The longest Retry-After we honour; a server asking for more is flaky for this run. */
export const MAX_RETRY_AFTER_MS = 60_000;

export interface CheckResult extends Omit<Verdict, 'retry' | 'retryAfterMs' | 'status'> {
  /** `unchecked`: not asked (or not to the end), because the host's waiting budget or the audit's deadline ran out. */
  status: LinkStatus | 'unchecked';
  /** Times linkinator was asked (each is one request, or HEAD then GET). */
  attempts: number;
}

/** Retry-After time each host has cost so far, against the per-host budget. */
export class HostBudget {
  readonly #spent = new Map<string, number>();
  readonly #exhausted = new Set<string>();

  constructor(readonly budgetMs: number) {}

  /** Charges `ms` of waiting to `host`; false (and the host is exhausted) when that would pass its budget. */
  spend(host: string, ms: number): boolean {
    const total = (this.#spent.get(host) ?? 0) + ms;
    if (total > this.budgetMs) {
      this.#exhausted.add(host);
      return false;
    }
    this.#spent.set(host, total);
    return true;
  }

  exhausted(host: string): boolean {
    return this.#exhausted.has(host);
  }
}

export interface Checker {
  probe: (url: string, timeoutMs: number) => Promise<ProbeResult>;
  pool: HostPool;
  budget: HostBudget;
  /** After this Date.now() time no request starts. */
  deadline: number;
  config: Pick<LinkConfig, 'timeoutMs' | 'retries' | 'retryBaseMs' | 'deadlineMs'>;
}

const RATE_LIMITED = Symbol('rate-limited');
const OVER_BUDGET = Symbol('asked to wait past the budget');
const PAST_DEADLINE = Symbol('past the deadline');

/** Checks one URL, retrying timeouts, 5xx, 429 and dropped connections up to `config.retries` times. */
export async function checkUrl(url: string, { probe, pool, budget, deadline, config }: Checker): Promise<CheckResult> {
  if (!URL.canParse(url)) return { status: 'broken', reason: 'not a valid URL', attempts: 0 };
  const host = new URL(url).host;
  const rateLimited = (attempts: number): CheckResult => ({
    status: 'unchecked',
    reason: `not checked: rate-limited (${host} asked us to wait more than ${seconds(budget.budgetMs)} in all)`,
    attempts,
  });
  for (let attempt = 1; ; attempt++) {
    // Decided when the slot comes, not when the URL queued: the host may have used its budget
    // meanwhile. A Retry-After rests the host before the slot is freed, so no other URL of that
    // host slips in before the rest begins.
    const answer = await pool.run<Verdict | typeof RATE_LIMITED | typeof OVER_BUDGET | typeof PAST_DEADLINE>(host, async () => {
      if (budget.exhausted(host)) return RATE_LIMITED;
      if (Date.now() >= deadline) return PAST_DEADLINE;
      const verdict = classify(url, await probe(url, config.timeoutMs), Date.now());
      const wait = verdict.retryAfterMs;
      if (wait === undefined || wait > MAX_RETRY_AFTER_MS) return verdict;
      const now = Date.now();
      // Only the rest this adds is charged: two 429s at once make the host wait once.
      const added = Math.max(0, now + wait - Math.max(now, pool.restingUntil(host)));
      if (!budget.spend(host, added)) return OVER_BUDGET;
      pool.rest(host, now + wait);
      return verdict;
    });
    if (answer === RATE_LIMITED) return rateLimited(attempt - 1);
    if (answer === OVER_BUDGET) return rateLimited(attempt);
    if (answer === PAST_DEADLINE) return { status: 'unchecked', reason: `not checked: the audit's deadline (${seconds(config.deadlineMs)}) passed`, attempts: attempt - 1 };
    const { retry, retryAfterMs, ...verdict } = answer;
    if (!retry || attempt > config.retries) return { ...verdict, attempts: attempt };
    if (retryAfterMs === undefined) {
      await sleep(backoffMs(attempt, config.retryBaseMs));
    } else if (retryAfterMs > MAX_RETRY_AFTER_MS) {
      return { ...verdict, reason: `${verdict.reason}, asked to retry after ${Math.round(retryAfterMs / 1000)} s`, attempts: attempt };
    }
  }
}

/** Delay before retry number `attempt`: the base doubled each time, plus up to a fifth of jitter. */
export function backoffMs(attempt: number, baseMs: number): number {
  const delay = baseMs * 2 ** (attempt - 1);
  return Math.round(delay * (1 + Math.random() / 5));
}

function seconds(ms: number): string {
  if (ms >= 120_000) return `${Math.round(ms / 60_000)} min`;
  return `${ms < 10_000 ? Math.round(ms / 100) / 10 : Math.round(ms / 1000)} s`;
}
