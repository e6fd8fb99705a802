/**
 * The external link audit as a library call: collect the URLs the docs cite, request each one once
 * (unless skipped, or found ok recently), classify the answers, and apply the consecutive-run rule
 * against the previous results. The CLI only turns arguments into this call and the report into output.
 */
import { checkUrl, HostBudget } from './check-url.js';
import type { NetworkFailure } from './classify.js';
import { collectExternalUrls, type Citation, type CitedUrl } from './collect-urls.js';
import type { LinkConfig, LinkStatus } from './config.js';
import { HostPool } from './host-pool.js';
import { LinkinatorProbe, type ProbeResult } from './linkinator-probe.js';
import { outageOf } from './outage.js';
import { installRequestGuard } from './request-guard.js';
import { failedRunsAfter, isFreshOk, type StoredResult, type StoredResults } from './results-store.js';

/** `unchecked`: not asked this run (the host's waiting budget or the deadline ran out); never dead, never a failure. */
export type AuditStatus = LinkStatus | 'skipped' | 'unchecked';

export interface UrlResult {
  url: string;
  status: AuditStatus;
  reason: string;
  httpStatus?: number;
  /** Where redirects ended: the URL the docs should cite instead. */
  finalUrl?: string;
  /** Times linkinator was asked this run; 0 when skipped or when a recent ok result was reused. */
  attempts: number;
  /** A recent ok result from an earlier run, not requested again. */
  reused: boolean;
  /** The status is one an `allow` entry accepts for this URL. */
  allowed: boolean;
  /** Consecutive runs, this one included, that found the URL broken. */
  failedRuns: number;
  /** Broken on `deadAfterRuns` consecutive runs (and not allowed). */
  dead: boolean;
  /** When the URL was last requested (ISO 8601); absent for skipped and unchecked URLs. */
  checkedAt?: string;
  /** No response this run, for a network-level reason (see outage.ts). */
  network?: NetworkFailure;
  citations: Citation[];
}

export interface AuditSummary {
  urls: number;
  citations: number;
  /** Pages that cite at least one external URL, of `pages` in the tree. */
  citingPages: number;
  pages: number;
  /** URLs requested this run (the others were skipped or reused). */
  requested: number;
  reused: number;
  skipped: number;
  ok: number;
  redirected: number;
  /** Broken this run: `dead` plus `failing`. */
  broken: number;
  dead: number;
  failing: number;
  blocked: number;
  flaky: number;
  /** Not checked this run: rate-limited host or deadline. */
  unchecked: number;
  allowed: number;
}

export interface AuditReport {
  checkedAt: string;
  deadAfterRuns: number;
  recheckOkAfterHours: number;
  /** The run judged the links and nothing is dead, failing or redirected: the tracking issue can be closed. */
  healthy: boolean;
  /** Why this run could not judge the links (most hosts failed alike): nothing is dead, the results file is kept as it was. */
  couldNotRun?: string;
  /** URLs in the results of earlier runs; 0 on a first run or when the store was lost. */
  previousResults: number;
  summary: AuditSummary;
  urls: UrlResult[];
}

export interface AuditProgress {
  done: number;
  total: number;
  result: UrlResult;
}

export interface AuditOptions {
  docsRoot: string;
  /** Citations are shown relative to this folder. */
  cwd: string;
  config: LinkConfig;
  /** Results of earlier runs (see results-store). */
  previous?: StoredResults;
  /** The clock; injectable so tests can age results. */
  now?: () => Date;
  /** Called as each requested URL gets its verdict. */
  onProgress?: (progress: AuditProgress) => void;
  /** How a URL is asked about; linkinator through its launch pad unless a test says otherwise. */
  probe?: (url: string, timeoutMs: number) => Promise<ProbeResult>;
}

/** Audits every external URL of the docs tree; see AuditReport. */
export async function auditLinks(options: AuditOptions): Promise<AuditReport> {
  const { config, previous = new Map() } = options;
  const now = (options.now ?? (() => new Date()))();
  const { urls, pages } = collectExternalUrls(options.docsRoot, options.cwd);
  const decided = new Map<string, UrlResult>();
  const toRequest: CitedUrl[] = [];
  for (const cited of urls) {
    const before = previous.get(cited.url);
    if (config.skip.some((pattern) => pattern.test(cited.url))) {
      decided.set(cited.url, { url: cited.url, status: 'skipped', reason: 'matches a skip pattern', attempts: 0, reused: false, allowed: false, failedRuns: 0, dead: false, citations: cited.citations });
    } else if (before && isFreshOk(before, now, config.recheckOkAfterHours)) {
      decided.set(cited.url, resultOf(cited, before, { attempts: 0, reused: true }, config));
    } else {
      toRequest.push(cited);
    }
  }

  if (toRequest.length > 0) {
    const launchPad = options.probe ? undefined : await LinkinatorProbe.start();
    const probe = options.probe ?? ((url: string, timeoutMs: number) => launchPad!.probe(url, timeoutMs));
    const pool = new HostPool(config.concurrency, config.perHost);
    const checker = { probe, pool, config, budget: new HostBudget(config.hostWaitBudgetMs), deadline: Date.now() + config.deadlineMs };
    const citedOrigins = toRequest.filter(({ url }) => URL.canParse(url)).map(({ url }) => new URL(url).origin);
    const removeGuard = await installRequestGuard({ allowedOrigins: [...citedOrigins, ...(launchPad ? [launchPad.origin] : [])], followPrivateRedirects: config.followPrivateRedirects });
    let done = 0;
    try {
      const settled = await Promise.allSettled(
        toRequest.map(async (cited) => {
          const { attempts, ...verdict } = await checkUrl(cited.url, checker);
          const before = previous.get(cited.url);
          const result =
            verdict.status === 'unchecked'
              ? { url: cited.url, status: verdict.status, reason: verdict.reason, attempts, reused: false, allowed: false, failedRuns: before?.failedRuns ?? 0, dead: false, citations: cited.citations }
              : resultOf(cited, { ...verdict, status: verdict.status, checkedAt: now.toISOString(), failedRuns: failedRunsAfter(before, verdict.status) }, { attempts, reused: false }, config);
          decided.set(cited.url, result);
          options.onProgress?.({ done: ++done, total: toRequest.length, result });
        }),
      );
      const failure = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      if (failure) throw failure.reason;
    } finally {
      removeGuard();
      await launchPad?.close();
    }
  }

  const couldNotRun = outageOf([...decided.values()]);
  // A run that could not judge the links gives no verdict: nothing in it is dead, no streak grows.
  const results = urls
    .map((cited) => decided.get(cited.url)!)
    .map((result) => (couldNotRun ? { ...result, dead: false, failedRuns: previous.get(result.url)?.failedRuns ?? 0 } : result));
  const summary = summarise(results, pages);
  return {
    checkedAt: now.toISOString(),
    deadAfterRuns: config.deadAfterRuns,
    recheckOkAfterHours: config.recheckOkAfterHours,
    healthy: couldNotRun === undefined && summary.broken === 0 && summary.redirected === 0,
    ...(couldNotRun === undefined ? {} : { couldNotRun }),
    previousResults: previous.size,
    summary,
    urls: results,
  };
}

/**
 * The results file after this run: every cited URL that was requested now or earlier (skipped ones
 * are not kept; unchecked ones keep what `previous` had). After a run that could not run, `previous`
 * unchanged: that run must not count as a failed run.
 */
export function resultsAfter(report: AuditReport, previous: StoredResults = new Map()): StoredResults {
  if (report.couldNotRun !== undefined) return new Map(previous);
  const results: StoredResults = new Map();
  for (const { url, status, reason, httpStatus, finalUrl, checkedAt, failedRuns } of report.urls) {
    if (status === 'unchecked') {
      const kept = previous.get(url);
      if (kept) results.set(url, kept);
      continue;
    }
    if (status === 'skipped' || checkedAt === undefined) continue;
    results.set(url, { status, reason, ...(httpStatus === undefined ? {} : { httpStatus }), ...(finalUrl === undefined ? {} : { finalUrl }), checkedAt, failedRuns });
  }
  return results;
}

function resultOf(cited: CitedUrl, stored: StoredResult & { network?: NetworkFailure }, run: { attempts: number; reused: boolean }, config: LinkConfig): UrlResult {
  const allowed = config.allow.some((rule) => rule.pattern.test(cited.url) && rule.statuses.includes(stored.status));
  return {
    url: cited.url,
    status: stored.status,
    reason: stored.reason,
    ...(stored.httpStatus === undefined ? {} : { httpStatus: stored.httpStatus }),
    ...(stored.finalUrl === undefined ? {} : { finalUrl: stored.finalUrl }),
    ...run,
    allowed,
    failedRuns: stored.failedRuns,
    dead: !allowed && stored.status === 'broken' && stored.failedRuns >= config.deadAfterRuns,
    checkedAt: stored.checkedAt,
    ...(stored.network === undefined ? {} : { network: stored.network }),
    citations: cited.citations,
  };
}

function summarise(results: readonly UrlResult[], pages: number): AuditSummary {
  const count = (keep: (result: UrlResult) => boolean): number => results.filter(keep).length;
  const counted = (status: AuditStatus) => count((r) => r.status === status && !r.allowed);
  return {
    urls: results.length,
    citations: results.reduce((sum, r) => sum + r.citations.length, 0),
    citingPages: new Set(results.flatMap((r) => r.citations.map((c) => c.page))).size,
    pages,
    requested: count((r) => r.attempts > 0),
    reused: count((r) => r.reused),
    skipped: counted('skipped'),
    ok: counted('ok'),
    redirected: counted('redirected'),
    broken: counted('broken'),
    dead: count((r) => r.dead),
    failing: count((r) => r.status === 'broken' && !r.allowed && !r.dead),
    blocked: counted('blocked'),
    flaky: counted('flaky'),
    unchecked: counted('unchecked'),
    allowed: count((r) => r.allowed),
  };
}
