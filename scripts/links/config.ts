/**
 * The audit's settings, kept in the docs tree (`_template/links.json`): which URLs never to request,
 * which answers to accept for which URLs, and how hard to knock on other people's servers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATE_DIR } from '../template/template.js';

/** What a check can make of a URL. */
export type LinkStatus = 'ok' | 'redirected' | 'broken' | 'blocked' | 'flaky';

/** The statuses an `allow` entry may accept (accepting `ok` would mean nothing). */
const ALLOWABLE: readonly LinkStatus[] = ['redirected', 'broken', 'blocked', 'flaky'];

export interface AllowRule {
  pattern: RegExp;
  /** Answers accepted for matching URLs: reported as allowed, never as a problem. */
  statuses: LinkStatus[];
}

export interface LinkConfig {
  /** URLs matching any of these are never requested. */
  skip: RegExp[];
  allow: AllowRule[];
  /** Requests in flight at once, overall and per host (`host:port`). */
  concurrency: number;
  perHost: number;
  /** Per request; a HEAD that times out is tried once more as GET. */
  timeoutMs: number;
  /** Further attempts after timeouts, 5xx, 429 and dropped connections. */
  retries: number;
  /** First backoff delay, doubled on each retry (a Retry-After header takes precedence). */
  retryBaseMs: number;
  /** A URL found ok is not requested again until its result is this old. */
  recheckOkAfterHours: number;
  /** Consecutive runs a URL must be broken before it is reported dead. */
  deadAfterRuns: number;
}

/** The settings file inside a docs tree. */
export const CONFIG_FILE = join(TEMPLATE_DIR, 'links.json');

const NUMBERS = {
  concurrency: { fallback: 8, min: 1 },
  perHost: { fallback: 2, min: 1 },
  timeoutMs: { fallback: 10_000, min: 1 },
  retries: { fallback: 2, min: 0 },
  retryBaseMs: { fallback: 1_000, min: 0 },
  recheckOkAfterHours: { fallback: 168, min: 0 },
  deadAfterRuns: { fallback: 2, min: 1 },
} as const satisfies Record<string, { fallback: number; min: number }>;

type NumberKey = keyof typeof NUMBERS;

/** The settings used when a docs tree has no `links.json`. */
export const DEFAULT_CONFIG: LinkConfig = {
  skip: [],
  allow: [],
  ...(Object.fromEntries(Object.entries(NUMBERS).map(([key, { fallback }]) => [key, fallback])) as Record<NumberKey, number>),
};

/** A settings file that cannot be used; the message is one line naming the file and the key. */
export class ConfigError extends Error {}

/** Reads the settings file; a missing file gives the defaults unless `required`. */
export function loadLinkConfig(path: string, required = false): LinkConfig {
  if (!existsSync(path)) {
    if (required) throw new ConfigError(`${path}: no such file`);
    return DEFAULT_CONFIG;
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${path}: not valid JSON (${oneLine((error as Error).message)})`);
  }
  return parseLinkConfig(data, path);
}

/** Validates settings already parsed from JSON; every problem names its key. */
export function parseLinkConfig(data: unknown, source: string): LinkConfig {
  const fail = (message: string): never => {
    throw new ConfigError(`${source}: ${message}`);
  };
  if (!isRecord(data)) return fail('expected an object like {"skip": [], "allow": {}}');
  const known = new Set(['skip', 'allow', ...Object.keys(NUMBERS)]);
  for (const key of Object.keys(data)) if (!known.has(key)) fail(`unknown setting "${key}" (one of: ${[...known].join(', ')})`);

  const pattern = (text: unknown, where: string): RegExp => {
    if (typeof text !== 'string') return fail(`"${where}" must be a regular expression in a string`);
    try {
      return new RegExp(text);
    } catch (error) {
      return fail(`"${where}" is not a valid regular expression: ${oneLine((error as Error).message)}`);
    }
  };

  const skipData = data.skip ?? [];
  if (!Array.isArray(skipData)) fail('"skip" must be a list of regular expressions');
  const skip = (skipData as unknown[]).map((text, i) => pattern(text, `skip[${i}]`));

  const allowData = data.allow ?? {};
  if (!isRecord(allowData)) fail('"allow" must map a regular expression to a status (or a list of statuses)');
  const allow = Object.entries(allowData as Record<string, unknown>).map(([text, value]) => {
    const statuses = Array.isArray(value) ? value : [value];
    for (const status of statuses) {
      if (!ALLOWABLE.includes(status as LinkStatus)) fail(`"allow" entry "${text}": expected ${ALLOWABLE.join(', ')}, found ${JSON.stringify(status)}`);
    }
    return { pattern: pattern(text, `allow: ${text}`), statuses: statuses as LinkStatus[] };
  });

  const numbers = {} as Record<NumberKey, number>;
  for (const [key, { fallback, min }] of Object.entries(NUMBERS) as [NumberKey, { fallback: number; min: number }][]) {
    const value = data[key] ?? fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) fail(`"${key}" must be a whole number >= ${min}, found ${JSON.stringify(value)}`);
    numbers[key] = value as number;
  }
  return { skip, allow, ...numbers };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
