/**
 * Where the job summary's links point. A summary shown on github.com resolves relative links
 * against the run's page, not the repository, so each finding links to the file at the checked
 * commit: `$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA/<path from the checkout's top>`.
 */
import { realpathSync } from 'node:fs';
import { relative } from 'node:path';
import { isInside } from '../files/path-inside.js';
import { UsageError } from '../user-error.js';
import { urlPath } from './github-markdown-text.js';

/**
 * The link base: `--summary-link-base URL` when given; else, in a GitHub Actions run whose current
 * folder is inside the checkout, the blob URL of the checked commit; else '' (links relative to
 * the current folder, which is right for a summary read beside the files).
 */
export function summaryLinkBase(option: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  if (option !== undefined) {
    if (!/^https?:\/\/[^\s]+$/.test(option)) throw new UsageError(`--summary-link-base must be an http(s) URL, got "${option}"`);
    return option.endsWith('/') ? option : `${option}/`;
  }
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha, GITHUB_WORKSPACE: workspace } = env;
  if (!server || !repository || !sha || !workspace) return '';
  // Outside the checkout (a scratch folder), a blob URL would name a file the repository lacks.
  if (!isInside(real(workspace), real(cwd))) return '';
  const inside = relative(real(workspace), real(cwd));
  return `${server.replace(/\/+$/, '')}/${repository}/blob/${sha}/${inside ? `${urlPath(inside)}/` : ''}`;
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
