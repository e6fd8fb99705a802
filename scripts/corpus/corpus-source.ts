/**
 * Where a run reads the docs from: the working tree (default), or the git index (what a commit
 * will contain: `check --staged`), so a pre-commit check sees staged content, not unstaged edits.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { UserError } from '../user-error.js';
import { isMarkdownFile, walkDocs, type SkippedPath } from './docs-files.js';

export interface CorpusSource {
  /** Absolute paths of the Markdown files of the docs tree, sorted. */
  paths: string[];
  /** Paths the walk refused to read (symbolic links out of the tree, loops). */
  skipped: SkippedPath[];
  /** The bytes of some of them (one batch: the git source reads them with one git process). */
  readMany(paths: readonly string[]): Map<string, Uint8Array | Error>;
  /** Git blob ids by path, when the source knows them without reading (the git index does). */
  blobIds?: Map<string, string>;
}

/** The docs tree as it is on disk. */
export function workingTreeSource(docsRoot: string): CorpusSource {
  const { files, skipped } = walkDocs(docsRoot);
  return { paths: files, skipped, readMany: (paths) => new Map(paths.map((path) => [path, readOrError(path)])) };
}

/** A file's bytes, or the error reading it (reported as a finding on that file, not thrown). */
function readOrError(path: string): Uint8Array | Error {
  try {
    return readFileSync(path);
  } catch (error) {
    return error as Error;
  }
}

/** Runs git in a folder; throws GitError with git's own message when it fails. */
export function git(cwd: string, args: readonly string[], input?: string): Buffer {
  try {
    return execFileSync('git', args, { cwd, input, env: gitEnv(), maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim().split('\n')[0];
    throw new GitError(`git ${args[0]} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

export class GitError extends UserError {}

/**
 * The environment for git: a hook in a linked worktree runs with GIT_DIR set and no GIT_WORK_TREE,
 * and git then takes the folder it is asked in (`docs/`) for the top of the checkout. Without
 * GIT_DIR, git finds the same repository from the folder itself. GIT_INDEX_FILE stays: a commit's
 * hook must read the index that commit is made from.
 */
function gitEnv(): NodeJS.ProcessEnv {
  if (process.env.GIT_DIR === undefined || process.env.GIT_WORK_TREE !== undefined) return process.env;
  const env = { ...process.env };
  delete env.GIT_DIR;
  return env;
}

const topLevels = new Map<string, string>();

/** The top folder of the git checkout holding `dir` (asked once per run: each git call is a process). */
export function gitTopLevel(dir: string): string {
  let top = topLevels.get(dir);
  if (top === undefined) {
    top = resolve(git(dir, ['rev-parse', '--show-toplevel']).toString('utf8').trim());
    topLevels.set(dir, top);
  }
  return top;
}

/** The docs tree as the git index holds it: every staged or committed page, staged content. */
export function gitIndexSource(docsRoot: string): CorpusSource {
  const top = gitTopLevel(docsRoot);
  // `<mode> <blob id> <stage>\t<path>` per entry: the ids come without reading any content.
  const blobIds = new Map<string, string>();
  for (const entry of git(top, ['ls-files', '-z', '--stage', '--', relative(top, docsRoot) || '.']).toString('utf8').split('\0')) {
    const tab = entry.indexOf('\t');
    const path = entry.slice(tab + 1);
    if (tab === -1 || !isMarkdownFile(path)) continue;
    // git paths are normalised and relative to the top folder: joining them is enough
    blobIds.set(`${top}${sep}${sep === '/' ? path : path.split('/').join(sep)}`, entry.slice(0, tab).split(' ')[1]!);
  }
  return {
    paths: [...blobIds.keys()].sort(),
    skipped: [],
    blobIds,
    readMany: (paths) => readBlobs(top, paths.map((path) => [path, blobIds.get(path)!])),
  };
}

/** Blob contents by path, through one `git cat-file --batch` (`<id> blob <size>\n<bytes>\n` each). */
function readBlobs(top: string, wanted: readonly [string, string][]): Map<string, Uint8Array> {
  const contents = new Map<string, Uint8Array>();
  if (wanted.length === 0) return contents;
  const output = git(top, ['cat-file', '--batch'], wanted.map(([, id]) => id).join('\n') + '\n');
  let at = 0;
  for (const [path] of wanted) {
    const headerEnd = output.indexOf(0x0a, at);
    const header = output.subarray(at, headerEnd).toString('utf8').split(' ');
    if (header[1] !== 'blob') {
      at = headerEnd + 1;
      continue;
    }
    const size = Number(header[2]);
    contents.set(path, output.subarray(headerEnd + 1, headerEnd + 1 + size));
    at = headerEnd + 1 + size + 1;
  }
  return contents;
}

/**
 * What `git diff` lists as changed: added, copied, modified and deleted files, with a rename as a
 * delete and an add, so the pages linking to a deleted or renamed page are checked too.
 */
const CHANGES = ['--name-only', '-z', '--no-renames', '--diff-filter=ACMD'];

/** Files of the docs tree staged for the next commit (added, copied, modified, deleted; a rename is both). */
export function stagedFiles(docsRoot: string): string[] {
  const top = gitTopLevel(docsRoot);
  return changedPaths(top, ['diff', '--cached', ...CHANGES], docsRoot);
}

/** Files of the docs tree changed since the merge base of `ref` and HEAD (what a pull request changes). */
export function filesChangedSince(docsRoot: string, ref: string): string[] {
  const top = gitTopLevel(docsRoot);
  const base = mergeBase(top, ref);
  return changedPaths(top, ['diff', ...CHANGES, base], docsRoot);
}

/**
 * The merge base of `ref` and HEAD. When there is none, says why in words: a shallow clone (CI's
 * usual checkout) lacks the history, and names the fetch that brings it; an unknown ref is named.
 */
function mergeBase(top: string, ref: string): string {
  try {
    // `--end-of-options`: a ref spelled like an option (`--output=FILE`) stays a ref.
    return git(top, ['merge-base', '--end-of-options', ref, 'HEAD']).toString('utf8').trim();
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    const known = succeeds(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
    if (git(top, ['rev-parse', '--is-shallow-repository']).toString('utf8').trim() === 'true') {
      const missing = known ? `no merge base of ${ref} and HEAD in this shallow clone` : `${ref} is not in this shallow clone`;
      throw new GitError(`--changed-since ${ref}: ${missing}: fetch the base with \`git fetch --deepen=100 ${fetchSpec(top, ref)}\` (or check out with fetch-depth: 0)`);
    }
    if (!known) throw new GitError(`--changed-since ${ref}: no such branch, tag or commit here (fetch it first: \`git fetch ${fetchSpec(top, ref)}\`)`);
    throw new GitError(`--changed-since ${ref}: ${ref} and HEAD have no common ancestor`);
  }
}

/** `origin main:refs/remotes/origin/main` for `origin/main`: the fetch that makes `ref` resolve. */
function fetchSpec(top: string, ref: string): string {
  const remotes = git(top, ['remote']).toString('utf8').split('\n').filter(Boolean);
  const remote = remotes.find((name) => ref.startsWith(`${name}/`));
  if (remote) {
    const branch = ref.slice(remote.length + 1);
    return `${remote} ${branch}:refs/remotes/${remote}/${branch}`;
  }
  return `${remotes.includes('origin') ? 'origin' : remotes[0] ?? 'origin'} ${ref}`;
}

function succeeds(top: string, args: readonly string[]): boolean {
  try {
    git(top, args);
    return true;
  } catch {
    return false;
  }
}

function changedPaths(top: string, args: string[], docsRoot: string): string[] {
  const root = resolve(docsRoot);
  return git(top, [...args, '--', relative(top, root) || '.'])
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((path) => join(top, path))
    .filter((path) => path.startsWith(root + sep));
}
