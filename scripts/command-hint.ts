/** How a message names one of our commands: as this checkout's npm script, or through the installed bin. */
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isInside } from './files/path-inside.js';

/**
 * True when this CLI runs for another project: from its `node_modules` (a dependency), or as the
 * GitHub Action (from `GITHUB_ACTION_PATH`), not from its own checkout.
 */
export function runningAsDependency(modulePath: string = fileURLToPath(import.meta.url), actionPath = process.env.GITHUB_ACTION_PATH): boolean {
  if (modulePath.split(sep).includes('node_modules')) return true;
  if (!actionPath) return false;
  return isInside(actionPath, modulePath);
}

/** `npm run fix -- --docs site` here, `npx docs-quality fix --docs site` from a dependency; `--docs` only when not `docs`. */
export function commandHint(command: string, docs = 'docs', asDependency = runningAsDependency()): string {
  const docsArgs = docs === 'docs' || docs === '' ? '' : ` --docs ${/^[\w./-]+$/.test(docs) ? docs : `'${docs.replace(/'/g, `'\\''`)}'`}`;
  return asDependency ? `npx docs-quality ${command}${docsArgs}` : `npm run ${command}${docsArgs ? ` --${docsArgs}` : ''}`;
}
