/** Which baseline a run compares with (`--baseline FILE`, else the configuration's `"baseline"`) and where its paths start. */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { configFileFor, readConfig } from '../config/docs-quality-config.js';

export interface BaselineLocation {
  /** The baseline file (absolute). */
  path: string;
  /** The path as messages show it (relative to the working directory). */
  shown: string;
  /**
   * The folder its entries' paths are relative to: the configuration file's, else the repository
   * root's, else the baseline's own. Never the working directory, so it works from any directory.
   */
  root: string;
}

export interface LocateOptions {
  /** `--baseline FILE` (relative to `cwd`). */
  option?: string;
  /** `--config FILE` (relative to `cwd`); default: the `.docs-quality.json` found from the docs tree up. */
  configPath?: string;
  docsRoot: string;
  cwd: string;
}

/** The baseline of the run, or undefined when neither the option nor the configuration names one. */
export function locateBaseline(options: LocateOptions): BaselineLocation | undefined {
  const configFile = configFileFor(options.docsRoot, options.configPath, options.cwd);
  const path = options.option !== undefined ? resolve(options.cwd, options.option) : configFile && readConfig(configFile, options.cwd).baseline;
  if (path === undefined) return undefined;
  const root = configFile ? dirname(configFile) : (repositoryRoot(options.docsRoot) ?? dirname(path));
  return { path, shown: relative(options.cwd, path) || path, root: existsSync(root) ? realpathSync(root) : root };
}

/** The nearest folder from `dir` upward that holds `.git` (a folder, or a worktree's file). */
function repositoryRoot(dir: string): string | undefined {
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return at;
    if (dirname(at) === at) return undefined;
  }
}
