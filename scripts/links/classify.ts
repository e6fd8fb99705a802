/**
 * What linkinator's answer means for a writer: ok, redirected (update the link), broken (fix or
 * remove it), blocked (the site refuses robots: check it by hand) or flaky (no clear answer), and
 * whether asking again later in the same run could change it.
 */
import { LinkState, type HttpResponse } from 'linkinator';
import type { LinkStatus } from './config.js';
import type { ProbeResult } from './linkinator-probe.js';
import { PRIVATE_ADDRESS } from './request-guard.js';

/** A failure that says more about the runner's network than about the link (see outage.ts). */
export type NetworkFailure = 'dns' | 'unreachable' | 'refused' | 'timeout';

export interface Verdict {
  status: LinkStatus;
  /** In a writer's words: `HTTP 404`, `DNS lookup failed (ENOTFOUND)`, `timed out`. */
  reason: string;
  /** The final HTTP status, when a response came. */
  httpStatus?: number;
  /** Where redirects ended. */
  finalUrl?: string;
  /** Asking again later in this run may give another answer (timeouts, 5xx, 429, dropped connections). */
  retry: boolean;
  /** How long the server asked us to wait (Retry-After on a 429 or 503), in milliseconds. */
  retryAfterMs?: number;
  /** No response, for a reason a cut-off runner gives for every host alike. */
  network?: NetworkFailure;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL']);
const DROPPED_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED', 'ECONNABORTED']);
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
const UNREACHABLE_CODES = new Set(['ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN', 'EADDRNOTAVAIL']);
/** OpenSSL's words for "what came back was not TLS at all" (a plain-HTTP server on an https URL). */
const NOT_TLS_CODES = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_HTTP_REQUEST']);
const CERT_CODE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|HOSTNAME|ALTNAME/;
const TLS_CODE = /SSL|TLS/;

/** The verdict on one linkinator answer for `url` (as requested); `now` dates a Retry-After. */
export function classify(url: string, probe: ProbeResult, now: number): Verdict {
  if (probe.status === 0) return classifyFailure(probe.failures.filter((f): f is Error => f instanceof Error).pop());
  const status = probe.status;
  const headers = probe.failures.filter((f): f is HttpResponse => !(f instanceof Error)).pop()?.headers ?? {};
  const answer = { httpStatus: status, ...(probe.finalUrl !== undefined && probe.finalUrl !== url ? { finalUrl: probe.finalUrl } : {}) };
  // Linkinator skips what it recognises as a bot wall (a Cloudflare challenge, LinkedIn's 999).
  if (probe.state === LinkState.SKIPPED || headers['cf-mitigated'] !== undefined || status === 999) {
    return { status: 'blocked', reason: `bot challenge (HTTP ${status})`, retry: false, ...answer };
  }
  if (probe.state === LinkState.OK) {
    return answer.finalUrl === undefined
      ? { status: 'ok', reason: `HTTP ${status}`, retry: false, ...answer }
      : { status: 'redirected', reason: `HTTP ${status} after a redirect`, retry: false, ...answer };
  }
  if (status === 401 || status === 403) return { status: 'blocked', reason: `HTTP ${status} (access refused)`, retry: false, ...answer };
  if (status === 404 || status === 410) return { status: 'broken', reason: `HTTP ${status}`, retry: false, ...answer };
  if (status === 429 || status === 503) {
    const wait = retryAfterMs(headers['retry-after'], now);
    return { status: 'flaky', reason: `HTTP ${status}`, retry: true, ...answer, ...(wait === undefined ? {} : { retryAfterMs: wait }) };
  }
  if (status >= 500 || status === 408) return { status: 'flaky', reason: `HTTP ${status}`, retry: true, ...answer };
  return { status: 'broken', reason: `HTTP ${status}`, retry: false, ...answer };
}

/** No response at all: the error of the last request says why. */
function classifyFailure(error: Error | undefined): Verdict {
  if (!error) return { status: 'flaky', reason: 'no response', retry: true };
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return { status: 'flaky', reason: 'timed out', retry: true, network: 'timeout' };
  const { code, message } = rootCause(error);
  // Refused by request-guard.ts: a redirect towards an address the public docs cannot mean.
  if (code === PRIVATE_ADDRESS) return { status: 'broken', reason: message, retry: false };
  // fetch refuses ports browsers block (6000, 6667, ...): nothing we can check, so a human must.
  if (/^bad port$/i.test(message)) return { status: 'blocked', reason: 'port refused by fetch (a browser-blocked port)', retry: false };
  if (DNS_CODES.has(code)) return { status: 'broken', reason: `DNS lookup failed (${code})`, retry: false, network: 'dns' };
  if (/redirect count exceeded/i.test(message)) return { status: 'broken', reason: 'redirect loop (too many redirects)', retry: false };
  if (code === 'ECONNREFUSED') return { status: 'broken', reason: 'connection refused', retry: true, network: 'refused' };
  if (UNREACHABLE_CODES.has(code)) return { status: 'flaky', reason: `network unreachable (${code})`, retry: true, network: 'unreachable' };
  if (TIMEOUT_CODES.has(code)) return { status: 'flaky', reason: `timed out (${code})`, retry: true, network: 'timeout' };
  if (DROPPED_CODES.has(code)) return { status: 'flaky', reason: 'connection dropped', retry: true };
  if (NOT_TLS_CODES.has(code)) return { status: 'broken', reason: `not TLS: the server answered this https URL in plain HTTP (${code})`, retry: false };
  if (CERT_CODE.test(code)) return { status: 'broken', reason: `TLS certificate problem (${code})`, retry: false };
  if (TLS_CODE.test(code)) return { status: 'broken', reason: `TLS handshake failed (${code})`, retry: false };
  return { status: 'flaky', reason: `request failed: ${message}${code ? ` (${code})` : ''}`, retry: true };
}

/** The innermost cause's code and message (fetch wraps the socket error in `fetch failed`). */
function rootCause(error: Error): { code: string; message: string } {
  let current: unknown = error;
  let code = '';
  let message = error.message;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    code = (current as NodeJS.ErrnoException).code ?? code;
    message = current.message;
    current = current.cause;
  }
  return { code, message };
}

/** A Retry-After header (seconds or an HTTP date) as milliseconds from now. */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
