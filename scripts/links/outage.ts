/**
 * A run where most hosts fail the same way at the network level (every DNS lookup fails, the network
 * is unreachable, every connection is refused or times out) says the runner was cut off, not that the
 * links are dead: such a run "could not run", judges nothing and leaves the results file as it was.
 */
import type { NetworkFailure } from './classify.js';

/** Fewer hosts than this are too few to tell a cut-off runner from a few dead domains. */
export const MIN_HOSTS = 3;

const WORDS: Record<NetworkFailure, string> = {
  dns: 'DNS lookup failed',
  unreachable: 'network unreachable',
  refused: 'connection refused',
  timeout: 'timed out',
};

export interface Requested {
  url: string;
  /** Requests made this run; URLs not requested this run say nothing about the network. */
  attempts: number;
  network?: NetworkFailure;
}

/** Why the run could not judge the links, or undefined when it could. */
export function outageOf(results: readonly Requested[]): string | undefined {
  const byHost = new Map<string, (NetworkFailure | undefined)[]>();
  for (const { url, attempts, network } of results) {
    if (attempts === 0 || !URL.canParse(url)) continue;
    const host = new URL(url).host;
    byHost.set(host, [...(byHost.get(host) ?? []), network]);
  }
  if (byHost.size < MIN_HOSTS) return undefined;
  const hostsFailing = new Map<NetworkFailure, number>();
  for (const failures of byHost.values()) {
    const [first] = failures;
    if (first !== undefined && failures.every((failure) => failure === first)) hostsFailing.set(first, (hostsFailing.get(first) ?? 0) + 1);
  }
  const [kind, hosts] = [...hostsFailing].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (kind === undefined || hosts === undefined || hosts * 2 <= byHost.size) return undefined;
  return `${hosts} of ${byHost.size} hosts failed alike (${WORDS[kind]}): the runner's network or DNS looks down`;
}
