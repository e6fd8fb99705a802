/**
 * Installs the git pre-commit hook that runs `check --staged` (run by `npm install` through the
 * `prepare` script). It never fails an install: outside a git checkout, or beside a hook someone
 * else wrote, it explains and leaves things as they are.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MARKER = '# docs-quality pre-commit hook';

function gitPath(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8').trim();
  } catch {
    return undefined;
  }
}

/** Writes the hook into the checkout holding `cwd`; returns what it did, in words. */
export function installHook(cwd: string, docs = 'docs'): string {
  const top = gitPath(cwd, ['rev-parse', '--show-toplevel']);
  if (!top) return 'not a git checkout: no pre-commit hook installed';
  const hooksDir = resolve(top, gitPath(top, ['rev-parse', '--git-path', 'hooks']) ?? '.git/hooks');
  const hook = join(hooksDir, 'pre-commit');
  if (existsSync(hook) && !readFileSync(hook, 'utf8').includes(MARKER)) {
    return `${relative(top, hook)} exists and is not ours: left alone (add "npm run check -- --staged" to it)`;
  }
  const cli = fileURLToPath(new URL('./cli.js', import.meta.url)).replace(/\.ts$/, '.js');
  const inside = !relative(top, cli).startsWith('..') && !isAbsolute(relative(top, cli));
  const command = inside ? `"$(git rev-parse --show-toplevel)/${relative(top, cli).split(sep).join('/')}"` : `"${cli}"`;
  mkdirSync(hooksDir, { recursive: true });
  writeFileSync(
    hook,
    `#!/bin/sh\n${MARKER} (installed by npm install; delete this file to turn it off)\n` +
      `cd "$(git rev-parse --show-toplevel)" || exit 2\nexec node ${command} check --staged --docs "${docs}"\n`,
  );
  chmodSync(hook, 0o755);
  return `installed ${relative(top, hook)}: commits now run check --staged (to skip it once: git commit --no-verify)`;
}

if (process.argv[1] && resolve(process.argv[1]).replace(/\.ts$/, '.js') === fileURLToPath(import.meta.url).replace(/\.ts$/, '.js')) {
  const docs = process.argv[2] ?? 'docs';
  try {
    if (process.env.CI) console.log('docs-quality: CI: no pre-commit hook installed');
    else console.log(`docs-quality: ${installHook(process.cwd(), docs)}`);
  } catch (error) {
    console.log(`docs-quality: pre-commit hook not installed: ${(error as Error).message}`);
  }
}
