/**
 * Installs the git pre-commit hook that runs `check --staged`: `docs-quality install-hook` in any
 * repository, and `npm install` of this one (its `prepare` script, with `--on-install`). It never
 * fails an install: outside a git checkout, or beside a hook someone else wrote, it explains and
 * leaves things as they are.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isInside } from './files/path-inside.js';
import { fileURLToPath } from 'node:url';

const MARKER = '# docs-quality pre-commit hook';

/** What `installHook` did: `installed`, or why it left the repository as it was. */
export interface HookInstall {
  outcome: 'installed' | 'not-a-checkout' | 'not-ours';
  /** The same, in words. */
  message: string;
}

function gitPath(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8').trim();
  } catch {
    return undefined;
  }
}

/** Writes the hook into the checkout holding `cwd`; `docs` is the docs tree, relative to `cwd`; `cli` is the script it runs. */
export function installHook(cwd: string, docs = 'docs', cli = compiledCli()): HookInstall {
  const top = gitPath(cwd, ['rev-parse', '--show-toplevel']);
  if (!top) return { outcome: 'not-a-checkout', message: 'not a git checkout: no pre-commit hook installed' };
  const hooksDir = resolve(top, gitPath(top, ['rev-parse', '--git-path', 'hooks']) ?? '.git/hooks');
  const hook = join(hooksDir, 'pre-commit');
  if (existsSync(hook) && !readFileSync(hook, 'utf8').includes(MARKER)) {
    return { outcome: 'not-ours', message: `${relative(top, hook)} exists and is not ours: left alone (add "npx docs-quality check --staged" to it)` };
  }
  // Paths go into the script single-quoted: a folder named `$(...)` must not run on every commit.
  const command = isInside(top, cli) ? `"$(git rev-parse --show-toplevel)"/${shellQuote(posix(relative(top, cli)))}` : shellQuote(cli);
  const docsFromTop = posix(relative(realpathSync(top), resolve(realpathSync(cwd), docs))) || '.';
  mkdirSync(hooksDir, { recursive: true });
  writeFileSync(
    hook,
    `#!/bin/sh\n${MARKER} (delete this file to turn it off)\n` +
      `cd "$(git rev-parse --show-toplevel)" || exit 2\nexec node ${command} check --staged --docs ${shellQuote(docsFromTop)}\n`,
  );
  chmodSync(hook, 0o755);
  return { outcome: 'installed', message: `installed ${relative(top, hook)}: commits now run check --staged (to skip it once: git commit --no-verify)` };
}

/**
 * Whether `npm install` is installing this repository itself (a developer's checkout), not
 * docs-quality as a dependency of another project: npm runs `prepare` of a git dependency in a
 * temporary clone, with INIT_CWD the project that asked for it.
 */
export function installingOwnCheckout(packageRoot: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (packageRoot.split(sep).includes('node_modules')) return false;
  if (env.INIT_CWD === undefined) return true;
  try {
    return isInside(realpathSync(packageRoot), realpathSync(env.INIT_CWD));
  } catch {
    return false;
  }
}

/** A word for /bin/sh that stands for exactly `text`: single quotes, each `'` written `'\\''`. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

function posix(path: string): string {
  return path.split(sep).join('/');
}

/** The compiled CLI the hook runs (from the sources, the build beside them: `npm run build`). */
function compiledCli(): string {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith('.ts') ? join(packageRoot(), 'dist', 'scripts', 'cli.js') : join(dirname(here), 'cli.js');
}

/** The folder of our package.json, from the sources or the build. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

if (process.argv[1] && resolve(process.argv[1]).replace(/\.ts$/, '.js') === fileURLToPath(import.meta.url).replace(/\.ts$/, '.js')) {
  // `--on-install`: the prepare script's run, which installs only in this repository's checkout.
  const onInstall = process.argv.includes('--on-install');
  const docs = process.argv.slice(2).find((arg) => arg !== '--on-install') ?? 'docs';
  try {
    if (process.env.CI) console.log('docs-quality: CI: no pre-commit hook installed');
    else if (onInstall && !installingOwnCheckout(packageRoot())) {
      // installed as a dependency: the project installs the hook itself (`docs-quality install-hook`)
    } else console.log(`docs-quality: ${installHook(process.cwd(), docs).message}`);
  } catch (error) {
    console.log(`docs-quality: pre-commit hook not installed: ${(error as Error).message}`);
  }
}
