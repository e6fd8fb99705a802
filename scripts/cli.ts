#!/usr/bin/env node
/**
 * The command line: arguments in, library calls, report out, exit code.
 * 0 no errors, 1 findings at error level, 2 usage, configuration or internal error.
 */
import { appendFileSync, existsSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { filesChangedSince, stagedFiles } from './corpus/corpus-source.js';
import { isInside, listMarkdownFiles } from './corpus/docs-files.js';
import type { CheckOptions } from './engine/check.js';
import { failsRun } from './engine/finding.js';
import type { PageChange } from './engine/fix.js';
import { parseShard } from './engine/shard.js';
import type { SyncInput } from './reporters/sync-report.js';
import { runMain } from './run-main.js';
import { UsageError, UserError } from './user-error.js';

// Each command loads its modules when it runs: a pre-commit check should not pay for `fix`,
// the SARIF writer or the scaffolder.

const USAGE = `usage: docs-quality <command> [options]

commands:
  check [PATH...]  run every offline rule over the docs tree (or the given pages and those they affect)
  fix              apply every fix the rules offer (atomic writes; --dry-run prints the diff)
  sync             print the cross-service report: services x topics, wording variants
  merge-reports FILE...  join the JSON or SARIF reports of --shard runs (--format json or github for JSON)
  new-service      scaffold a service folder: --name "Amazon Simple Queue Service" --short "Amazon SQS" --dir sqs
  init             infer _template/ (template, topic catalog, manifest, words) from the service pages; --force replaces one
  install-hook     install the git pre-commit hook (check --staged) into the current repository

options:
  --docs DIR       docs tree to check (default: docs)
  --config FILE    check, fix, sync: the configuration (default: .docs-quality.json from the docs tree up to the repository root)
  --staged         check: the staged content of staged pages (pre-commit)
  --changed-since REF  check: pages changed since the merge base with REF (pull requests)
  --format FORMAT  check output: human (default), json, markdown, github or sarif
  --summary FILE   check: also append the markdown summary to FILE (e.g. $GITHUB_STEP_SUMMARY), kept under 1 MiB
  --summary-link-base URL  check: where the summary's file links point (default in GitHub Actions: the checked commit's blob URL)
  --max-annotations N  check --format github: annotations per level, most important first (default 10, GitHub's limit per step)
  --sarif FILE     check: also write the SARIF report to FILE
  --baseline FILE  check: findings in FILE are known and do not fail the run, only new ones do (default: "baseline" of the configuration)
  --update-baseline  check: write the baseline (FILE, or the configuration's) from this run's findings
  --show-known     check: also list the known findings the human report leaves out
  --dry-run        fix: print the diff instead of writing
  --name, --short, --dir   new-service: full name, short name, folder
  --force          init: replace an existing _template/
  --shard K/N      check: only the K-th of N deterministic shares of the pages (CI matrix)
  --no-cache       check: re-check every page (findings of unchanged pages are otherwise reused)
  --debug          show stack traces of internal errors
  -h, --help       show this help`;

/** Where the README (and its rules table, which SARIF's rule descriptors link to) is published. */

const COMMANDS = 'check, fix, sync, new-service, init or install-hook';
const FORMATS = ['human', 'json', 'markdown', 'github', 'sarif'] as const;
const MERGE_FORMATS: readonly string[] = ['json', 'github'];

/** The options each command reads (besides --help and --debug): any other is refused, never ignored. */
const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  check: ['docs', 'config', 'format', 'staged', 'changed-since', 'summary', 'sarif', 'shard', 'no-cache', 'baseline', 'update-baseline', 'show-known', 'summary-link-base', 'max-annotations'],
  fix: ['docs', 'config', 'dry-run'],
  sync: ['docs', 'config'],
  'merge-reports': ['format'],
  'new-service': ['docs', 'name', 'short', 'dir'],
  init: ['docs', 'force'],
  'install-hook': ['docs'],
};

async function main(argv: string[]): Promise<number> {
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    allowPositionals: true,
    tokens: true,
    options: {
      docs: { type: 'string', default: 'docs' },
      format: { type: 'string', default: 'human' },
      'dry-run': { type: 'boolean', default: false },
      debug: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      name: { type: 'string' },
      short: { type: 'string' },
      dir: { type: 'string' },
      staged: { type: 'boolean', default: false },
      'changed-since': { type: 'string' },
      summary: { type: 'string' },
      'summary-link-base': { type: 'string' },
      'max-annotations': { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
      shard: { type: 'string' },
      sarif: { type: 'string' },
      config: { type: 'string' },
      baseline: { type: 'string' },
      'update-baseline': { type: 'boolean', default: false },
      'show-known': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  refuseUnsupported(command, tokens);
  if (rest.length > 0 && command !== 'check' && command !== 'merge-reports') throw new UsageError(`unexpected argument: ${rest[0]}`);
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${values.format}" (one of: ${FORMATS.join(', ')})`);
  const cwd = process.cwd();
  const docsRoot = resolve(cwd, values.docs);
  if (command !== 'merge-reports' && (!existsSync(docsRoot) || !statSync(docsRoot).isDirectory())) throw new UsageError(`docs directory not found: ${values.docs}`);
  if (values.config !== undefined && !existsSync(resolve(cwd, values.config))) throw new UsageError(`configuration file not found: ${values.config}`);
  const configOption = values.config === undefined ? {} : { configPath: values.config };

  switch (command) {
    case 'check': {
      const scope = checkScope(rest, values.staged, values['changed-since'], docsRoot, cwd);
      if (scope.changed?.length === 0) {
        process.stdout.write(`${format === 'json' ? '[]' : format === 'human' ? 'no pages to check' : ''}\n`);
        return 0;
      }
      const maxAnnotations = values['max-annotations'] === undefined ? undefined : Number(values['max-annotations']);
      if (maxAnnotations !== undefined && !(Number.isInteger(maxAnnotations) && maxAnnotations >= 0)) throw new UsageError(`--max-annotations takes a whole number, got "${values['max-annotations']}"`);
      const linkBase = (await import('./reporters/summary-links.js')).summaryLinkBase(values['summary-link-base'], process.env, cwd);
      const shard = values.shard === undefined ? undefined : parseShard(values.shard);
      if (values.shard !== undefined && !shard) throw new UsageError(`--shard must be K/N with 1 <= K <= N, got "${values.shard}"`);
      const { locateBaseline, loadBaseline, againstBaseline, updateBaseline } = await import('./baseline/use-baseline.js');
      const baselineAt = locateBaseline({ ...(values.baseline !== undefined ? { option: values.baseline } : {}), ...configOption, docsRoot, cwd });
      if (!baselineAt && (values['update-baseline'] || values['show-known'])) {
        throw new UsageError(`${values['update-baseline'] ? '--update-baseline' : '--show-known'} needs a baseline: --baseline FILE, or "baseline" in .docs-quality.json`);
      }
      // Read before the check runs: a missing or malformed baseline stops the run at once (exit 2).
      const baseline = baselineAt && !values['update-baseline'] ? loadBaseline(baselineAt) : undefined;
      const { checkDocs } = await import('./engine/check.js');
      const result = await checkDocs({ docsRoot, cwd, ...scope, cache: !values['no-cache'], ...(shard ? { shard } : {}), ...configOption });
      const { files, outsideServices } = result;
      // A run over some pages only compares (and updates) those pages' entries.
      const checked = scope.changed || shard ? files.map((f) => f.path) : undefined;
      if (baselineAt && values['update-baseline']) {
        const written = updateBaseline(result.findings, baselineAt, cwd, checked);
        process.stdout.write(`wrote ${written} entr${written === 1 ? 'y' : 'ies'} to the baseline ${baselineAt.shown}\n`);
        return 0;
      }
      const comparison = baseline && baselineAt ? againstBaseline(result.findings, baseline, baselineAt, cwd, checked) : undefined;
      const findings = comparison?.findings ?? result.findings;
      const fresh = findings.filter((f) => f.baseline !== 'known');
      const vfiles = files.map((f) => f.file);
      let sarifLog: import('./reporters/sarif.js').SarifLog | undefined;
      const sarif = async () => {
        const { ruleEntries } = await import('./engine/preset.js');
        sarifLog ??= (await import('./reporters/sarif.js')).sarifLog(findings, toolManifest().version, { rules: ruleEntries.map((rule) => rule.meta), readmeUrl: toolManifest().homepage });
        return sarifLog.text;
      };
      if (values.sarif || format === 'sarif') await sarif();
      const { codeSpan } = await import('./reporters/github-markdown-text.js');
      const scopeNote = values['changed-since'] !== undefined ? `the pages changed since ${codeSpan(values['changed-since'])} and the pages they affect` : rest.length > 0 ? 'the pages given and the pages they affect' : undefined;
      const markdown = async (existing = 0) =>
        (await import('./reporters/markdown.js')).markdownReport(
          { files: vfiles, findings: fresh, ...(await syncContext(docsRoot)) },
          { linkBase, budget: (await import('./reporters/summary-budget.js')).summaryBudget(existing), fixCommand: (await import('./command-hint.js')).commandHint('fix', values.docs), ...(scopeNote ? { scope: scopeNote } : {}), ...(sarifLog ? { sarif: sarifLog } : {}) },
        );
      const known = findings.filter((f) => f.baseline === 'known');
      const out = await {
        json: async () => (await import('./reporters/json.js')).jsonReport(findings),
        markdown,
        github: async () => (await import('./reporters/github.js')).githubReport(fresh, { ...(maxAnnotations !== undefined ? { maxAnnotations } : {}), rest: values.summary ? 'see the job summary' : 'check with --format human lists them all' }),
        sarif,
        human: async () => (await import('./reporters/human.js')).humanReport(vfiles, Boolean(process.stdout.isTTY), reportWidth(), comparison ? { known, show: values['show-known'] } : undefined),
      }[format]();
      process.stdout.write(`${out}\n`);
      if (comparison) {
        const note = (await import('./reporters/human.js')).baselineNote({ known: known.length, shown: values['show-known'], fixed: comparison.fixed.length });
        // Beside a machine-read format the note goes to stderr, so stdout stays one document.
        if (note) (format === 'human' ? process.stdout : process.stderr).write(`${note}\n`);
      }
      // A manifest entry without its folder changes no finding: a warning on stderr, whatever the format.
      const manifest = await import('./template/manifest.js');
      for (const line of manifest.staleManifestEntries(realpathSync(docsRoot), relative(cwd, manifest.manifestPath(resolve(cwd, docsRoot))))) process.stderr.write(`docs-quality: warning: ${line}\n`);
      if (format === 'human' && !scope.changed) {
        const { outsideServicesNote } = await import('./reporters/human.js');
        const { servicePageName } = await import('./config/layout.js');
        const note = outsideServicesNote(outsideServices.map((path) => relative(cwd, path)), servicePageName(realpathSync(docsRoot)));
        if (note) process.stdout.write(`${(await import('./reporters/wrap-words.js')).wrapWords(note, reportWidth()).join('\n')}\n`);
      }
      if (values.summary) appendFileSync(values.summary, `${await markdown(existsSync(values.summary) ? statSync(values.summary).size : 0)}\n`);
      if (sarifLog && sarifLog.included < sarifLog.total) {
        process.stderr.write(`note: the SARIF report holds ${sarifLog.included} of ${sarifLog.total} findings, errors first (code scanning keeps at most 5,000 results of a run)\n`);
      }
      if (values.sarif) writeFileSync(values.sarif, `${await sarif()}\n`);
      const blocked = values.staged ? (await import('./reporters/blocked-commit.js')).blockedCommitMessage(fresh, (await import('./command-hint.js')).commandHint('fix', values.docs)) : '';
      if (blocked) process.stderr.write(`${blocked}\n`);
      return findings.some(failsRun) ? 1 : 0;
    }
    case 'sync': {
      const { checkDocs } = await import('./engine/check.js');
      const { syncReport } = await import('./reporters/sync-report.js');
      const { files, findings } = await checkDocs({ docsRoot, cwd, ...configOption });
      const { terminalText } = await import('./reporters/terminal-text.js');
      // Titles and names come from pages: each line printed with terminal escapes as escapes.
      process.stdout.write(syncReport({ files: files.map((f) => f.file), findings, ...(await syncContext(docsRoot)) }).split('\n').map(terminalText).join('\n'));
      return 0;
    }
    case 'fix': {
      const { fixDocs } = await import('./engine/fix.js');
      const onLockWait = ({ pid, host }: { pid: number; host: string }) => process.stderr.write(`docs-quality: waiting for another fix of this docs tree to finish (process ${pid} on ${host})\n`);
      const changes = await fixDocs({ docsRoot, cwd, dryRun: values['dry-run'], onLockWait, ...configOption });
      if (values['dry-run']) process.stdout.write((await import('./reporters/diff.js')).diffReport(changes, docsRoot, cwd));
      else for (const change of changes) if (!change.conflict) process.stdout.write(`${describe(change, docsRoot, cwd)}\n`);
      if (changes.length === 0) process.stdout.write('nothing to fix\n');
      // A page edited while fix ran keeps the edit and its findings: the run did not finish its job.
      const conflicts = changes.filter((change) => change.conflict);
      for (const change of conflicts) process.stderr.write(`docs-quality: not fixed ${relative(cwd, join(docsRoot, (change.from ?? change.to)!))}: ${change.conflict}; run fix again\n`);
      return conflicts.length > 0 ? 1 : 0;
    }
    case 'merge-reports': {
      if (rest.length === 0) throw new UsageError('merge-reports needs the report files of the shards');
      if (tokens.some((t) => t.kind === 'option' && t.name === 'format') && !MERGE_FORMATS.includes(format)) {
        throw new UsageError(`merge-reports writes JSON findings as ${MERGE_FORMATS.join(' or ')} (SARIF logs merge into SARIF), not --format ${format}`);
      }
      const { mergeReports } = await import('./reporters/merge-reports.js');
      const merged = mergeReports(rest.map((name) => ({ name, text: readFileSync(resolve(cwd, name), 'utf8') })));
      if (merged.kind === 'sarif') {
        process.stdout.write(`${JSON.stringify(merged.log, null, 2)}\n`);
        return merged.log.runs[0]!.results.some((r) => (r as { level?: string }).level === 'error' && (r as { baselineState?: string }).baselineState !== 'unchanged') ? 1 : 0;
      }
      const out = format === 'github' ? (await import('./reporters/github.js')).githubReport(merged.findings, { rest: 'merge-reports --format json lists them all' }) : (await import('./reporters/json.js')).jsonReport(merged.findings);
      process.stdout.write(`${out}\n`);
      return merged.findings.some(failsRun) ? 1 : 0;
    }
    case 'new-service': {
      if (!values.name) throw new UsageError('new-service needs --name "<full service name>"');
      const short = values.short ?? values.name;
      const dir = values.dir ?? short.toLowerCase().replace(/^(amazon|aws)\s+/, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      const { scaffoldService } = await import('./engine/new-service.js');
      const written = scaffoldService({ docsRoot, name: values.name, short, dir });
      for (const path of written) process.stdout.write(`wrote ${relative(cwd, path)}\n`);
      process.stdout.write(`next: replace the TODO summaries, then ${(await import('./command-hint.js')).commandHint('check', values.docs)}\n`);
      return 0;
    }
    case 'init': {
      const { initDocs } = await import('./init/init-docs.js');
      const { written, summary } = initDocs({ docsRoot, force: values.force });
      process.stdout.write(`${summary.join('\n')}\nwrote ${written.map((path) => relative(cwd, path)).join(', ')}\n`);
      return 0;
    }
    case 'install-hook': {
      const { installHook } = await import('./install-hook.js');
      const result = installHook(cwd, values.docs);
      if (result.outcome !== 'installed') throw new UserError(result.message);
      process.stdout.write(`${result.message}\n`);
      return 0;
    }
    case undefined:
      throw new UsageError(`missing command (${COMMANDS})`);
    default:
      throw new UsageError(`unknown command "${command}" (${COMMANDS})`);
  }
}

/** The human report's width: the terminal's, or 80 columns in a file, a pipe or a CI log. */
function reportWidth(): number {
  return process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : 80;
}

/** A UsageError for an option the command does not read (`sync --format markdown`, `sync --dry-run`). */
function refuseUnsupported(command: string | undefined, tokens: readonly { kind: string; name?: string; rawName?: string }[]): void {
  const supported = command === undefined ? undefined : COMMAND_OPTIONS[command];
  if (!supported) return; // an unknown or missing command is its own error
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === 'help' || token.name === 'debug' || supported.includes(token.name!)) continue;
    const takes = supported.length > 0 ? `options of ${command}: ${supported.map((name) => `--${name}`).join(', ')}` : `${command} takes no options`;
    throw new UsageError(`${command} does not take ${token.rawName ?? `--${token.name}`} (${takes})`);
  }
}

/** Turns `check` arguments into a scope: given paths, the staged pages, or a pull request's pages. */
function checkScope(paths: string[], staged: boolean, since: string | undefined, docsRoot: string, cwd: string): Pick<CheckOptions, 'changed' | 'source'> {
  if ([paths.length > 0, staged, since !== undefined].filter(Boolean).length > 1) {
    throw new UsageError('give paths, --staged or --changed-since, not several');
  }
  if (staged) return { source: 'git-index', changed: stagedFiles(docsRoot) };
  if (since !== undefined) return { changed: filesChangedSince(docsRoot, since) };
  if (paths.length === 0) return {};
  const root = realpathSync(docsRoot);
  const changed = paths.flatMap((path) => {
    const absolute = resolve(cwd, path);
    if (!existsSync(absolute)) throw new UsageError(`no such file: ${path}`);
    const real = realpathSync(absolute);
    if (!isInside(root, real)) throw new UsageError(`${path} is outside the docs tree ${relative(cwd, docsRoot) || '.'}`);
    return statSync(real).isDirectory() ? listMarkdownFiles(real) : [real];
  });
  return { changed };
}

/** Our package.json: the version SARIF reports, and the homepage its rule help links point into (the README). */
function toolManifest(): { version: string; homepage: string } {
  const manifest = new URL('../package.json', import.meta.url);
  const up = new URL('../../package.json', import.meta.url);
  for (const url of [manifest, up]) {
    try {
      const data = JSON.parse(readFileSync(url, 'utf8')) as { name?: string; version?: string; homepage?: string };
      if (data.name === 'docs-quality' && data.version) return { version: data.version, homepage: data.homepage ?? '' };
    } catch {
      // try the next candidate: sources and the compiled build sit at different depths
    }
  }
  return { version: '0.0.0', homepage: '' };
}

async function syncContext(docsRoot: string): Promise<Pick<SyncInput, 'template' | 'topics'>> {
  const { loadTemplate } = await import('./template/template.js');
  const { loadCatalog } = await import('./topics/catalog.js');
  return { template: loadTemplate(docsRoot), topics: loadCatalog(docsRoot)?.topics ?? [] };
}

function describe(change: PageChange, docsRoot: string, cwd: string): string {
  const shown = (path: string): string => relative(cwd, join(docsRoot, path));
  if (change.from === undefined) return `created ${shown(change.to!)}`;
  if (change.to === undefined) return `removed ${shown(change.from)}`;
  if (change.from !== change.to) return `renamed ${shown(change.from)} -> ${shown(change.to)}`;
  return `fixed ${shown(change.to)}`;
}

runMain({ name: 'docs-quality', usage: USAGE.split('\n')[0]! }, main);
