/**
 * remark-validate-links as the reference link checker: the real remark CLI over a whole docs tree
 * (so links into other files are checked too), with only the plugins that matter for links —
 * front matter, our `<a name>` plugin (from source) and remark-validate-links without a repository.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './docs-tree.js';
import { sourceEntryArgs } from './run-cli.js';

/** One message of remark-validate-links, at the start of the node it is about. */
export interface ReferenceFinding {
  /** Path relative to the docs root. */
  file: string;
  line: number;
  column: number;
  /** `missing-file`, `missing-heading` or `missing-heading-in-file`. */
  ruleId: string;
  reason: string;
}

const module = (path: string): string => pathToFileURL(join(projectRoot, path)).href;

/** Runs remark-validate-links (`repository: false`) over every Markdown file under `docsRoot`. */
export function remarkValidateLinks(docsRoot: string): ReferenceFinding[] {
  const config = mkdtempSync(join(tmpdir(), 'docs-quality-remark-'));
  writeFileSync(
    join(config, 'remarkrc.mjs'),
    [
      `import remarkFrontmatter from '${module('node_modules/remark-frontmatter/index.js')}';`,
      `import remarkValidateLinks from '${module('node_modules/remark-validate-links/index.js')}';`,
      `import htmlAnchors from '${module('scripts/corpus/html-anchors.ts')}';`,
      `export default { plugins: [remarkFrontmatter, htmlAnchors, [remarkValidateLinks, { repository: false }]] };`,
      '',
    ].join('\n'),
  );
  // A reporter that hands the messages over as JSON instead of text to parse.
  writeFileSync(
    join(config, 'json-reporter.mjs'),
    'export default (files) => JSON.stringify(files.map((file) => ({ path: file.path, messages: file.messages.map((m) => ({ line: m.line, column: m.column, source: m.source, ruleId: m.ruleId, reason: m.reason, fatal: m.fatal })) })));\n',
  );
  const run = spawnSync(
    process.execPath,
    [...sourceEntryArgs(join(projectRoot, 'node_modules', 'remark-cli', 'cli.js')), '--rc-path', join(config, 'remarkrc.mjs'), '--report', join(config, 'json-reporter.mjs'), '--no-stdout', '--no-ignore', '.'],
    { cwd: docsRoot, encoding: 'utf8', env: { ...process.env, TS_NODE_PROJECT: join(projectRoot, 'tsconfig.json') } },
  );
  let files: { path: string; messages: { line: number; column: number; source: string; ruleId: string; reason: string; fatal?: boolean }[] }[];
  try {
    files = JSON.parse(run.stderr);
  } catch {
    throw new Error(`remark did not report as JSON (exit ${run.status}):\n${run.stderr}`);
  }
  const findings: ReferenceFinding[] = [];
  for (const file of files) {
    for (const message of file.messages) {
      if (!String(message.source).startsWith('remark-validate-links')) throw new Error(`unexpected message on ${file.path} (${message.source}): ${message.reason}`);
      findings.push({ file: file.path, line: message.line, column: message.column, ruleId: message.ruleId, reason: message.reason });
    }
  }
  return findings;
}
