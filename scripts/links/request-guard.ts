/**
 * Limits on the requests linkinator makes, enforced where every one of them passes: Node's global
 * fetch dispatcher (linkinator uses the global fetch unless a proxy is set).
 *
 * - No redirect to a private, loopback or link-local address (169.254.169.254, 10.x, 127.x, fe80::...)
 *   unless the docs cite that origin themselves or links.json sets `followPrivateRedirects`: a public
 *   page must not make the checker call the runner's metadata service.
 * - No GET right after a HEAD answered 429: linkinator's last-gasp GET would spend the patience of a
 *   host that just asked us to wait; the audit retries after the Retry-After itself.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** The `code` of the error a refused redirect fails with (classify.ts words it for the writer). */
export const PRIVATE_ADDRESS = 'ERR_LINK_AUDIT_PRIVATE_ADDRESS';
/** The `code` of the error the GET after a 429 HEAD fails with (linkinator then keeps the HEAD's answer). */
export const GET_AFTER_429 = 'ERR_LINK_AUDIT_GET_AFTER_429';

const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');

const PRIVATE = new BlockList();
for (const [network, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16]] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10]] as const) PRIVATE.addSubnet(network, prefix, 'ipv6');

/** True for loopback, private (RFC 1918, unique local), shared (CGNAT), link-local and unspecified addresses. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return PRIVATE.check(mapped, 'ipv4');
  const family = isIP(address);
  return family !== 0 && PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

interface DispatchOptions {
  origin?: string | URL;
  path: string;
  method: string;
}
type Handler = Record<string, unknown> & { onError?: (error: Error) => void };
interface Dispatcher {
  dispatch: (options: DispatchOptions, handler: Handler) => boolean;
}

export interface GuardOptions {
  /** Origins (`http://host:port`) the audit requests itself: the docs cite them, so they may be private. */
  allowedOrigins: Iterable<string>;
  followPrivateRedirects: boolean;
}

/** Puts the guard in front of the global dispatcher; the returned function takes it away again. */
export async function installRequestGuard(options: GuardOptions): Promise<() => void> {
  // Node creates its global dispatcher when fetch is first used.
  await (await fetch('data:,')).text();
  const global = globalThis as unknown as Record<symbol, Dispatcher | undefined>;
  const inner = global[GLOBAL_DISPATCHER]!;
  const allowed = new Set([...options.allowedOrigins].map((origin) => new URL(origin).origin));
  const rateLimitedHeads = new Set<string>();

  const refuse = (handler: Handler, code: string, message: string): boolean => {
    handler.onError?.(Object.assign(new Error(message), { code }));
    return true;
  };

  const dispatch = (request: DispatchOptions, handler: Handler): boolean => {
    const url = new URL(request.path, String(request.origin));
    const key = url.href;
    if (request.method === 'GET' && rateLimitedHeads.delete(key)) return refuse(handler, GET_AFTER_429, 'GET not sent: HEAD was answered 429');
    if (request.method === 'HEAD') rateLimitedHeads.delete(key);
    const forward = (): boolean => inner.dispatch(request, request.method === 'HEAD' ? watchFor429(handler, () => rateLimitedHeads.add(key)) : handler);
    if (options.followPrivateRedirects || allowed.has(url.origin)) return forward();
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const refusal = (address: string): string => `redirect to a private address not followed (${url.host}${host === address ? '' : `, which is ${address}`})`;
    if (isIP(host)) return isPrivateAddress(host) ? refuse(handler, PRIVATE_ADDRESS, refusal(host)) : forward();
    lookup(host, { all: true }).then(
      (addresses) => {
        const hidden = addresses.find(({ address }) => isPrivateAddress(address));
        if (hidden) refuse(handler, PRIVATE_ADDRESS, refusal(hidden.address));
        else forward();
      },
      // The request itself will fail to resolve and say so.
      () => forward(),
    );
    return true;
  };

  global[GLOBAL_DISPATCHER] = new Proxy(inner, {
    get(target, property) {
      if (property === 'dispatch') return dispatch;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return () => {
    global[GLOBAL_DISPATCHER] = inner;
  };
}

/** The handler, noticing a 429 status (undici's older onHeaders and newer onResponseStart alike). */
function watchFor429(handler: Handler, on429: () => void): Handler {
  const watching = Object.create(handler) as Handler;
  for (const [name, statusAt] of [['onHeaders', 0], ['onResponseStart', 1]] as const) {
    const original = handler[name];
    if (typeof original !== 'function') continue;
    watching[name] = function (this: Handler, ...args: unknown[]) {
      if (args[statusAt] === 429) on429();
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  return watching;
}
