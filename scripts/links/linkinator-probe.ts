/**
 * Asking linkinator about one URL at a time. Linkinator checks the links *of a page*, so each URL gets
 * a one-link page from a loopback "launch pad" server: linkinator then does what it does well (HEAD,
 * GET when a server refuses HEAD or drops the connection, following redirects, recognising bot
 * challenges) while the audit decides when to ask, how many at once per host, and whether to retry.
 * Its own retries stay off: they honour Retry-After on 429 only (not 503), without a limit, and back
 * off from a fixed 2 s base.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LinkChecker, LinkState, type HttpResponse } from 'linkinator';
import { UserError } from '../user-error.js';

/** Linkinator's answer about one URL. */
export interface ProbeResult {
  state: LinkState;
  /** Final HTTP status; 0 when no response came (DNS, timeout, dropped connection, redirect loop). */
  status: number;
  /** Why it is not OK: errors thrown by the requests, or the response that failed. */
  failures: (Error | HttpResponse)[];
  /** Where redirects ended, when they were followed. */
  finalUrl?: string;
}

/** The launch pad could not be used (for instance an HTTP(S)_PROXY that cannot reach 127.0.0.1). */
export class ProbeError extends UserError {}

/** How many times a launch page that got no answer (a loaded machine) is asked for. */
const LAUNCH_ATTEMPTS = 3;

/** The launch page got no answer in time: worth asking again. */
class LaunchTimeout extends Error {
  constructor(readonly probeError: ProbeError) {
    super(probeError.message);
  }
}

/** One URL at a time through linkinator, each from its own launch page. */
export class LinkinatorProbe {
  readonly #server: Server;
  /** Launch page path -> the URL it links to. */
  readonly #pages: Map<string, string>;
  #next = 0;

  private constructor(server: Server, pages: Map<string, string>) {
    this.#server = server;
    this.#pages = pages;
  }

  /** Starts the launch pad on 127.0.0.1 (a free port). */
  static async start(): Promise<LinkinatorProbe> {
    const pages = new Map<string, string>();
    const server = createServer((request, response) => {
      const target = pages.get(request.url ?? '');
      response.writeHead(target === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(target === undefined ? '' : `<!doctype html><title>link</title><a href="${escapeAttribute(target)}">link</a>\n`);
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
    return new LinkinatorProbe(server, pages);
  }

  /** Where the launch pages are served (`http://127.0.0.1:<port>`). */
  get origin(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /**
   * Linkinator's check of one URL (one request, or HEAD then GET). The launch page shares the URL's
   * timeout, so on a loaded machine it can time out itself: that is asked again, with more time,
   * before the launch pad is judged unusable.
   */
  async probe(url: string, timeoutMs: number): Promise<ProbeResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#probeOnce(url, timeoutMs * attempt);
      } catch (error) {
        if (!(error instanceof LaunchTimeout) || attempt === LAUNCH_ATTEMPTS) throw error instanceof LaunchTimeout ? error.probeError : error;
      }
    }
  }

  async #probeOnce(url: string, timeoutMs: number): Promise<ProbeResult> {
    const path = `/${this.#next++}`;
    const page = `${this.origin}${path}`;
    this.#pages.set(path, url);
    try {
      const checker = new LinkChecker();
      let finalUrl: string | undefined;
      checker.on('redirect', (redirect) => {
        finalUrl = redirect.targetUrl;
      });
      const { links } = await checker.check({ path: page, timeout: timeoutMs, redirects: 'warn', concurrency: 2 });
      const launch = links.find((link) => link.url === page);
      if (launch?.state !== LinkState.OK) {
        const error = new ProbeError(`linkinator could not load its launch page ${page} (status ${launch?.status ?? 'none'}); is an HTTP(S)_PROXY set that cannot reach 127.0.0.1?`);
        throw launch && !launch.status ? new LaunchTimeout(error) : error;
      }
      const link = links.find((result) => result !== launch);
      if (!link) return { state: LinkState.BROKEN, status: 0, failures: [new Error('linkinator did not check the URL')] };
      return { state: link.state, status: link.status ?? 0, failures: link.failureDetails ?? [], ...(finalUrl === undefined ? {} : { finalUrl }) };
    } finally {
      this.#pages.delete(path);
    }
  }

  /** Stops the launch pad. */
  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
