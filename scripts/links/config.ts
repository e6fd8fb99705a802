/**
 * The audit's settings, kept in the docs tree (`_template/links.json`): which URLs never to request,
 * which answers to accept for which URLs, and how hard to knock on other people's servers.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonText, readJsonFile } from '../config/read-json.js';
import { TEMPLATE_DIR } from '../template/template.js';
import { UserError } from '../user-error.js';

/** What a check can make of a URL. */
export type LinkStatus = 'ok' | 'redirected' | 'broken' | 'blocked' | 'flaky';

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
  /** Total Retry-After waiting one host may cost; past it its remaining URLs are not checked. */
  hostWaitBudgetMs: number;
  /** The whole audit: URLs not requested by then are not checked. */
  deadlineMs: number;
  /** Follow redirects to private, loopback and link-local addresses the docs do not cite. */
  followPrivateRedirects: boolean;
}

/** The settings file inside a docs tree. */
export const CONFIG_FILE = join(TEMPLATE_DIR, 'links.json');

/** The file as written: the schema (`scripts/config/links.schema.json`) fills in every default. */
type LinkConfigFile = Omit<LinkConfig, 'skip' | 'allow'> & { skip: string[]; allow: Record<string, LinkStatus | LinkStatus[]> };

/** A settings file that cannot be used; the message is one line naming the file. */
export class ConfigError extends UserError {}

/** Reads the settings file; a missing file gives the defaults unless `required`. */
export function loadLinkConfig(path: string, required = false): LinkConfig {
  if (!existsSync(path)) {
    if (required) throw new ConfigError(`${path}: no such file`);
    return DEFAULT_CONFIG;
  }
  return toLinkConfig(readJsonFile<LinkConfigFile>(path, LINKS_SCHEMA));
}

/** Validates settings given as JSON text from `source`; a mistake is one line `source:line:column: ...`. */
export function parseLinkConfig(text: string, source: string): LinkConfig {
  return toLinkConfig(parseJsonText<LinkConfigFile>(text, source, LINKS_SCHEMA));
}

const LINKS_SCHEMA = 'links.schema.json';

/** The settings used when a docs tree has no `links.json`: the schema's defaults. */
export const DEFAULT_CONFIG: LinkConfig = parseLinkConfig('{}', 'defaults');

function toLinkConfig({ skip, allow, $schema: _, ...numbers }: LinkConfigFile & { $schema?: string }): LinkConfig {
  return {
    skip: skip.map((text) => new RegExp(text)),
    allow: Object.entries(allow).map(([text, value]) => ({ pattern: new RegExp(text), statuses: Array.isArray(value) ? value : [value] })),
    ...numbers,
  };
}
