#!/usr/bin/env node
/**
 * What the pull request check checks (docs.yml): on a pull request, the pages it changes and the
 * pages they affect, against the commit it merges into; on a push to main, every page.
 *
 * On `pull_request`, actions/checkout checks out GitHub's test merge commit (refs/pull/N/merge):
 * its first parent is the base branch's tip, its second the pull request's head. With
 * `fetch-depth: 2` both parents arrive in the checkout's own fetch (later fetches would have no
 * token: persist-credentials is off), and the diff against the first parent is exactly what the
 * pull request changes, however long either branch's history. Whatever cannot be proven falls back
 * to checking every page, with the reason printed: never fewer pages than the change affects.
 *
 * Run in the workflow: writes `since=<sha>` (empty: every page) to $GITHUB_OUTPUT and one line
 * saying why to stdout.
 */
import { appendFileSync, readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { git } from '../corpus/corpus-source.js';

export interface BaseChoice {
  /** The commit to pass to `check --changed-since`; undefined checks every page. */
  since?: string;
  /** One line for the log: what is checked and why. */
  reason: string;
}

export interface ChooseInput {
  /** GITHUB_EVENT_NAME. */
  eventName: string;
  /** The webhook payload (GITHUB_EVENT_PATH), as far as it matters here. */
  event: { pull_request?: { base?: { sha?: string }; head?: { sha?: string } } };
  /** The parents of HEAD as the checkout has them (none past a shallow boundary). */
  headParents: readonly string[];
  /** Whether a commit is in the checkout. */
  hasCommit: (sha: string) => boolean;
}

const short = (sha: string): string => sha.slice(0, 12);

/** The base to check a run against, from the event and the checkout. */
export function chooseBase({ eventName, event, headParents, hasCommit }: ChooseInput): BaseChoice {
  if (eventName !== 'pull_request') return { reason: `${eventName}: checking every page` };
  const head = event.pull_request?.head?.sha;
  const base = event.pull_request?.base?.sha;
  const [first, second] = headParents;
  // The test merge commit: the pull request's head merged into the base branch's tip.
  if (headParents.length === 2 && first && second === head) {
    return { since: first, reason: `pull request: checking the pages changed since ${short(first)} (the base branch it merges into) and the pages they affect` };
  }
  if (base && hasCommit(base)) {
    return { since: base, reason: `pull request: checking the pages changed since the merge base with ${short(base)} and the pages they affect` };
  }
  return { reason: `pull request, but its base ${base ? short(base) : '(not in the event)'} is not in this checkout (actions/checkout needs fetch-depth: 2): checking every page` };
}

/** The choice for this workflow run, read from the runner's environment and the checkout in `cwd`. */
export function chooseBaseHere(env: NodeJS.ProcessEnv, cwd: string): BaseChoice {
  const event = env.GITHUB_EVENT_PATH ? (JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as ChooseInput['event']) : {};
  // `<HEAD> <parent>...`; a shallow boundary lists no parents.
  const [, ...headParents] = git(cwd, ['rev-list', '--parents', '-n', '1', 'HEAD']).toString('utf8').trim().split(' ');
  const hasCommit = (sha: string): boolean => {
    try {
      git(cwd, ['cat-file', '-e', `${sha}^{commit}`]);
      return true;
    } catch {
      return false;
    }
  };
  return chooseBase({ eventName: env.GITHUB_EVENT_NAME ?? 'local', event, headParents, hasCommit });
}

// Run as a script (through a symbolic link too), not when a test imports it.
if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  try {
    const choice = chooseBaseHere(process.env, process.cwd());
    if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `since=${choice.since ?? ''}\n`);
    process.stdout.write(`${choice.reason}\n`);
  } catch (error) {
    process.stderr.write(`choose-base: ${(error as Error).message}\n`);
    process.exitCode = 2;
  }
}
