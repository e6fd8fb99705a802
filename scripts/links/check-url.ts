/**
 * One URL's check: linkinator's answer, asked again while the answer is a temporary one and attempts
 * are left — after the server's Retry-After when it gave one (the whole host rests meanwhile), after
 * an exponential backoff otherwise.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { classify, type Verdict } from './classify.js';
import type { LinkConfig } from './config.js';
import type { HostPool } from './host-pool.js';
import type { ProbeResult } from './linkinator-probe.js';

/** The longest Retry-After we honour; a server asking for more is flaky for this run. */
export const MAX_RETRY_AFTER_MS = 60_000;

export interface CheckResult extends Omit<Verdict, 'retry' | 'retryAfterMs'> {
  /** Times linkinator was asked (each is one request, or HEAD then GET). */
  attempts: number;
}

export interface Checker {
  probe: (url: string, timeoutMs: number) => Promise<ProbeResult>;
  pool: HostPool;
  config: Pick<LinkConfig, 'timeoutMs' | 'retries' | 'retryBaseMs'>;
}

/** Checks one URL, retrying timeouts, 5xx, 429 and dropped connections up to `config.retries` times. */
export async function checkUrl(url: string, { probe, pool, config }: Checker): Promise<CheckResult> {
  if (!URL.canParse(url)) return { status: 'broken', reason: 'not a valid URL', attempts: 0 };
  const host = new URL(url).host;
  for (let attempt = 1; ; attempt++) {
    const { retry, retryAfterMs, ...verdict } = classify(url, await pool.run(host, () => probe(url, config.timeoutMs)), Date.now());
    if (!retry || attempt > config.retries) return { ...verdict, attempts: attempt };
    if (retryAfterMs === undefined) {
      await sleep(backoffMs(attempt, config.retryBaseMs));
    } else if (retryAfterMs > MAX_RETRY_AFTER_MS) {
      return { ...verdict, reason: `${verdict.reason}, asked to retry after ${Math.round(retryAfterMs / 1000)} s`, attempts: attempt };
    } else {
      pool.rest(host, Date.now() + retryAfterMs);
    }
  }
}

/** Delay before retry number `attempt`: the base doubled each time, plus up to a fifth of jitter. */
export function backoffMs(attempt: number, baseMs: number): number {
  const delay = baseMs * 2 ** (attempt - 1);
  return Math.round(delay * (1 + Math.random() / 5));
}
