/**
 * The team's configuration, `.docs-quality.json`: which rules run at which severity (and with which
 * options), and where service pages sit. `check`, `fix`, `sync`, `npx remark` and editors read the
 * same file, so they report the same findings. It is found from the docs directory upward to the
 * repository root, or named with `--config FILE`, and validated against the schema shipped beside
 * this module (`docs-quality.schema.json`, generated from the preset).
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { keyedByText, parseJsonText, readTextFile } from './read-json.js';

export const CONFIG_FILE = '.docs-quality.json';
export const CONFIG_SCHEMA = 'docs-quality.schema.json';

export type RuleSeverity = 'off' | 'warn' | 'error';
/** How a team sets one rule: a severity, or a severity and the rule's options. */
export type RuleSetting = RuleSeverity | [RuleSeverity, unknown];
/** Rule id (`trailing-spaces`) -> its setting. */
export type RuleSettings = Readonly<Record<string, RuleSetting>>;

/** Where the pages of a docs tree sit. */
export interface Layout {
  /** The file name of a service's security page; any folder holding one is a service. */
  servicePage: string;
}

export interface DocsQualityConfig {
  /** The file the settings came from; undefined: none was found, these are the defaults. */
  path?: string;
  /** The file's bytes (what a cached finding depends on); empty without a file. */
  text: string;
  rules: RuleSettings;
  layout: Layout;
  /** The baseline file `check` compares with (`"baseline"`, absolute; given relative to the configuration file). */
  baseline?: string;
}

const DEFAULT_LAYOUT: Layout = { servicePage: 'security.md' };

interface ConfigFile {
  rules?: Record<string, RuleSetting>;
  layout?: Partial<Layout>;
  baseline?: string;
}

/** The nearest `.docs-quality.json` from `dir` upward, stopping at the repository root (the folder with `.git`). */
export function findConfigFile(dir: string): string | undefined {
  for (let at = resolve(dir); ; at = dirname(at)) {
    const candidate = join(at, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (existsSync(join(at, '.git')) || dirname(at) === at) return undefined;
  }
}

/** Reads and validates a configuration file; a mistake is a one-line error at its line and column. */
export function readConfig(path: string, cwd = process.cwd()): DocsQualityConfig {
  const shown = relative(cwd, path) || path;
  const text = readTextFile(path, shown);
  const data = parseJsonText<ConfigFile>(text, shown, CONFIG_SCHEMA);
  return { path, text, rules: keyedByText(data.rules), layout: { ...DEFAULT_LAYOUT, ...data.layout }, ...(data.baseline ? { baseline: resolve(dirname(path), data.baseline) } : {}) };
}

/** The defaults: every rule at its own severity, service pages named `security.md`. */
export const defaultConfig: DocsQualityConfig = { text: '', rules: keyedByText<RuleSetting>({}), layout: DEFAULT_LAYOUT };

const configs = new Map<string, DocsQualityConfig>();

/**
 * The configuration of a docs tree: the one a run chose (`useConfig`), else the one found from
 * the tree upward, else the defaults. Rules ask this for the layout.
 */
export function configOf(docsRoot: string): DocsQualityConfig {
  let config = configs.get(docsRoot);
  if (!config) {
    const found = findConfigFile(docsRoot);
    config = found ? readConfig(found) : defaultConfig;
    configs.set(docsRoot, config);
  }
  return config;
}

/** The configuration file a run uses (`--config FILE`, or the one found from the docs tree); undefined: none. */
export function configFileFor(docsRoot: string, explicit?: string | null, cwd = process.cwd()): string | undefined {
  return explicit ? resolve(cwd, explicit) : explicit === null ? undefined : findConfigFile(docsRoot);
}

/** Loads the configuration a run uses (`--config FILE`, or the one found) and makes it the tree's. */
export function useConfig(docsRoot: string, explicit?: string | null, cwd = process.cwd()): DocsQualityConfig {
  const found = configFileFor(docsRoot, explicit, cwd);
  const config = found ? readConfig(found, cwd) : defaultConfig;
  configs.set(docsRoot, config);
  return config;
}
