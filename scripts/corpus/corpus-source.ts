/**
 * Where a run reads the docs from: the working tree (default), or the git index (what a commit
 * will contain: `check --staged`), so a pre-commit check sees staged content, not unstaged edits.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { walkDocs, type SkippedPath } from './docs-files.js';

export interface CorpusSource {
  /** Absolute paths of the Markdown files of the docs tree, sorted. */
  paths: string[];
  /** Paths the walk refused to read (symbolic links out of the tree, loops). */
  skipped: SkippedPath[];
  /** The bytes of one of them. */
  read(path: string): Uint8Array;
}

/** The docs tree as it is on disk. */
export function workingTreeSource(docsRoot: string): CorpusSource {
  const { files, skipped } = walkDocs(docsRoot);
  return { paths: files, skipped, read: (path) => readFileSync(path) };
}

/** Runs git in a folder; throws GitError with git's own message when it fails. */
export function git(cwd: string, args: readonly string[], input?: string): Buffer {
  try {
    return execFileSync('git', args, { cwd, input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim().split('\n')[0];
    throw new GitError(`git ${args[0]} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

export class GitError extends Error {}

/** The top folder of the git checkout holding `dir`. */
export function gitTopLevel(dir: string): string {
  return git(dir, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
}

/** The docs tree as the git index holds it: every staged or committed page, staged content. */
export function gitIndexSource(docsRoot: string): CorpusSource {
  const top = gitTopLevel(docsRoot);
  const listed = git(top, ['ls-files', '-z', '--cached', '--', relative(top, docsRoot) || '.'])
    .toString('utf8')
    .split('\0')
    .filter((path) => path.endsWith('.md'));
  const contents = new Map<string, Buffer>();
  if (listed.length > 0) {
    // One `git cat-file --batch` for every blob: `<sha> blob <size>\n<bytes>\n` per request.
    const output = git(top, ['cat-file', '--batch'], listed.map((path) => `:${path}`).join('\n') + '\n');
    let at = 0;
    for (const path of listed) {
      const headerEnd = output.indexOf(0x0a, at);
      const header = output.subarray(at, headerEnd).toString('utf8').split(' ');
      if (header[1] !== 'blob') {
        at = headerEnd + 1;
        continue;
      }
      const size = Number(header[2]);
      contents.set(resolve(top, path.split('/').join(sep)), output.subarray(headerEnd + 1, headerEnd + 1 + size));
      at = headerEnd + 1 + size + 1;
    }
  }
  return {
    paths: [...contents.keys()].sort(),
    skipped: [],
    read: (path) => {
      const bytes = contents.get(path);
      if (!bytes) throw Object.assign(new Error(`not in the git index: ${path}`), { code: 'ENOENT' });
      return bytes;
    },
  };
}

/** Markdown files of the docs tree staged for the next commit (added, copied, modified, renamed). */
export function stagedFiles(docsRoot: string): string[] {
  const top = gitTopLevel(docsRoot);
  return changedPaths(top, ['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR'], docsRoot);
}

/** Files of the docs tree changed since the merge base of `ref` and HEAD (what a pull request changes). */
export function filesChangedSince(docsRoot: string, ref: string): string[] {
  const top = gitTopLevel(docsRoot);
  const base = git(top, ['merge-base', ref, 'HEAD']).toString('utf8').trim();
  return changedPaths(top, ['diff', '--name-only', '-z', '--diff-filter=ACMR', base], docsRoot);
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
