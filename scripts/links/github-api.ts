/**
 * The few GitHub REST reads the link-audit workflow makes (its runs, their artifacts, its issues),
 * with the job's token. Kept apart so the logic that uses them is tested against a loopback server.
 */
import { UserError } from '../user-error.js';

/** A call GitHub refused or could not answer; the message names the call. */
export class GitHubApiError extends UserError {}

export interface GitHubApi {
  /** GET `path` (with its query) as JSON. */
  get: <T>(path: string) => Promise<T>;
}

/** A client of `apiUrl` (the workflow's GITHUB_API_URL) authenticated with `token` when there is one. */
export function gitHubApi(apiUrl: string, token: string | undefined): GitHubApi {
  const base = apiUrl.replace(/\/$/, '');
  return {
    async get<T>(path: string): Promise<T> {
      const headers: Record<string, string> = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', 'user-agent': 'docs-quality-link-audit' };
      if (token) headers.authorization = `Bearer ${token}`;
      let response: Response;
      try {
        response = await fetch(`${base}${path}`, { headers, signal: AbortSignal.timeout(30_000) });
      } catch (error) {
        throw new GitHubApiError(`GET ${path}: ${(error as Error).message}`);
      }
      if (!response.ok) throw new GitHubApiError(`GET ${path}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
      return (await response.json()) as T;
    },
  };
}
