#!/usr/bin/env node
/**
 * `npm run links:audit`: arguments in, the audit, the report out, the results file saved, exit code.
 * 0 nothing dead, 1 something dead, 2 the audit could not run (most hosts failed alike), usage,
 * settings or internal error.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { auditLinks, resultsAfter } from './audit.js';
import { CONFIG_FILE, loadLinkConfig } from './config.js';
import { progressPrinter } from './progress.js';
import { humanReport, issueReport, jsonReport } from './report.js';
import { loadResults, saveResults } from './results-store.js';
import { runMain } from '../run-main.js';
import { UsageError } from '../user-error.js';

const USAGE = `usage: npm run links:audit -- [options]

Requests every external URL the docs cite (once each), reports broken, redirected, blocked and flaky
ones, and keeps results between runs: a URL is dead after it is broken on consecutive runs.

options:
  --docs DIR          docs tree (default: docs)
  --config FILE       settings (default: DIR/${CONFIG_FILE}; built-in defaults when it is absent)
  --results FILE      results kept between runs (default: .link-audit/results.json)
  --format FORMAT     human (default), json or issue (the tracking issue's markdown body)
  --issue-file FILE   also write the issue body to FILE
  --source-url URL    in the issue body, link citations to URL/<page>#L<line>
  --debug             show stack traces of internal errors
  -h, --help          show this help

exit codes: 0 nothing dead, 1 something dead, 2 the audit could not run (most hosts failed
alike: DNS, no network; the results file is kept as it was), usage or settings error`;

const FORMATS = ['human', 'json', 'issue'] as const;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      docs: { type: 'string', default: 'docs' },
      config: { type: 'string' },
      results: { type: 'string', default: join('.link-audit', 'results.json') },
      format: { type: 'string', default: 'human' },
      'issue-file': { type: 'string' },
      'source-url': { type: 'string' },
      debug: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${values.format}" (one of: ${FORMATS.join(', ')})`);
  const cwd = process.cwd();
  const docsRoot = resolve(cwd, values.docs);
  if (!existsSync(docsRoot) || !statSync(docsRoot).isDirectory()) throw new UsageError(`docs directory not found: ${values.docs}`);
  // Relative paths, so that a settings error names the file as the user knows it.
  const configPath = values.config === undefined ? join(docsRoot, CONFIG_FILE) : resolve(cwd, values.config);
  const config = loadLinkConfig(relative(cwd, configPath), values.config !== undefined);
  const resultsPath = resolve(cwd, values.results);
  const previous = loadResults(resultsPath);

  const progress = progressPrinter(process.stderr);
  const report = await auditLinks({ docsRoot, cwd, config, previous, onProgress: progress.update });
  progress.finish();
  // A run that could not run records nothing: the next run must not count it as a failed run.
  if (report.couldNotRun === undefined) saveResults(resultsPath, resultsAfter(report, previous));

  const issue = (): string => issueReport(report, values['source-url'] === undefined ? {} : { sourceUrl: values['source-url'] });
  if (values['issue-file']) writeFileSync(values['issue-file'], issue());
  const out = { human: () => `${humanReport(report)}\n`, json: () => `${jsonReport(report)}\n`, issue }[format]();
  process.stdout.write(out);
  if (report.couldNotRun !== undefined) {
    process.stderr.write(`links:audit: the audit could not run: ${report.couldNotRun}; no link was judged and ${values.results} was not changed\n`);
    return 2;
  }
  return report.summary.dead > 0 ? 1 : 0;
}

runMain({ name: 'links:audit', usage: USAGE.split('\n')[0]! }, main);
