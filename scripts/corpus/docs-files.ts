/** Finding the Markdown files of a docs tree, without ever leaving it. */
import { existsSync, readdirSync, realpathSync, type Dirent } from 'node:fs';
import { resolveInside } from '../files/real-path-inside.js';
import { extname, join } from 'node:path';
import { removeLeftoverTemp } from '../files/write-atomically.js';

/**
 * The file name extensions of Markdown pages: the ones `npx remark docs` reads (remark-cli's
 * `markdown-extensions`), so `check` and remark lint the same files.
 */
export const MARKDOWN_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.mdown', '.mkdn', '.mkd', '.mdwn', '.mkdown', '.ron'];

/** True when a file name or path ends in a Markdown extension (case-sensitive, as remark's is). */
export function isMarkdownFile(path: string): boolean {
  return MARKDOWN_EXTENSIONS.includes(extname(path));
}

/** A path the walk did not read, and why (symbolic links leaving the tree, loops, named pipes). */
export interface SkippedPath {
  path: string;
  reason: string;
}

/** Markdown files under the docs root, sorted; hidden folders and node_modules are skipped. */
export function listMarkdownFiles(docsRoot: string): string[] {
  return walkDocs(docsRoot).files;
}

/**
 * Markdown files under the docs root, plus the symbolic links it refused: links are never
 * followed (a page linked in from elsewhere is checked at its own path, if inside the tree), and a
 * link that leaves the tree or loops is reported rather than silently ignored. A Markdown name that
 * is not a regular file (a named pipe, a socket, a device) is reported and never opened: reading a
 * named pipe would wait forever. Temporary files a killed run left beside the pages are removed
 * here, because every run walks the tree and nothing else would ever see them (they are hidden).
 */
export function walkDocs(docsRoot: string): { files: string[]; skipped: SkippedPath[] } {
  const root = realpathSync(docsRoot);
  const files: string[] = [];
  const skipped: SkippedPath[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.name.startsWith('.') || entry.name === 'node_modules') {
        if (entry.isFile()) removeLeftoverTemp(path);
        continue;
      }
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && isMarkdownFile(entry.name)) files.push(path);
      else if (entry.isSymbolicLink()) {
        const problem = symlinkProblem(root, path);
        if (problem) skipped.push({ path, reason: problem });
      } else if (isMarkdownFile(entry.name)) skipped.push({ path, reason: `${specialKind(entry)}, not a regular file: not read` });
    }
  };
  walk(root);
  return { files: files.sort(), skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}

/** What a directory entry that is neither a file, a folder nor a link is, in a writer's words. */
function specialKind(entry: Dirent): string {
  if (entry.isFIFO()) return 'a named pipe (FIFO)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return 'a device';
  return 'a special file';
}

/** Why a symbolic link in the tree is not read, if it is not; found without touching anything outside the root. */
function symlinkProblem(root: string, path: string): string | undefined {
  try {
    const found = resolveInside(root, path);
    if ('leaves' in found) return found.leaves === 'loop' ? 'symbolic link loop: not read' : 'symbolic link points outside the docs tree: not read';
    if (existsSync(found.real)) return undefined;
    return isMarkdownFile(path) ? 'broken symbolic link (ENOENT): not read' : undefined;
  } catch (error) {
    return isMarkdownFile(path) ? `broken symbolic link (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}): not read` : undefined;
  }
}

export { isInside } from '../files/path-inside.js';
