#!/usr/bin/env node
/**
 * The link-audit workflow's GitHub steps, as commands of ours (so the workflow's scripts stay small and
 * this logic is tested): find the run whose results to restore, and decide what to do with the
 * tracking issue. Reads the variables GitHub Actions sets; writes step outputs to $GITHUB_OUTPUT.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { gitHubApi } from './github-api.js';
import { findPreviousResults } from './previous-results.js';
import { findTrackingIssue, planTrackingIssue } from './tracking-issue.js';
import { runMain } from '../run-main.js';
import { UsageError, UserError } from '../user-error.js';

const USAGE = `usage: node dist/scripts/links/github-cli.js previous-results --workflow FILE --artifact NAME
       node dist/scripts/links/github-cli.js tracking-issue --report FILE

previous-results  the newest run of the workflow on this branch (schedule or by hand) that kept a
                  results artifact: output run-id (empty when there is none)
tracking-issue    the tracking issue (label link-audit and our marker, opened by a bot) and what
                  the report means for it: outputs action (create, update, close, nothing) and number

environment: GITHUB_REPOSITORY, GITHUB_TOKEN, GITHUB_API_URL, GITHUB_REF_NAME, GITHUB_RUN_ID, GITHUB_OUTPUT`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      workflow: { type: 'string' },
      artifact: { type: 'string' },
      report: { type: 'string' },
      debug: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const repository = env('GITHUB_REPOSITORY');
  const api = gitHubApi(process.env.GITHUB_API_URL ?? 'https://api.github.com', process.env.GITHUB_TOKEN);
  const [command, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (command === 'previous-results') {
    const previous = await findPreviousResults(api, {
      repository,
      workflow: required(values.workflow, '--workflow'),
      artifact: required(values.artifact, '--artifact'),
      branch: env('GITHUB_REF_NAME'),
      ...(process.env.GITHUB_RUN_ID ? { currentRunId: Number(process.env.GITHUB_RUN_ID) } : {}),
    });
    process.stdout.write(
      previous
        ? `Restoring the results of run ${previous.runId} (artifact ${previous.artifactId}).\n`
        : 'No earlier results found (a first run, or every results artifact expired): this run starts afresh.\n',
    );
    output({ 'run-id': previous ? String(previous.runId) : '' });
    return 0;
  }
  if (command === 'tracking-issue') {
    const healthy = healthyIn(required(values.report, '--report'));
    const plan = planTrackingIssue(await findTrackingIssue(api, repository), healthy);
    process.stdout.write(`Tracking issue: ${plan.action}${'number' in plan ? ` #${plan.number}` : ''}.\n`);
    output({ action: plan.action, number: 'number' in plan ? String(plan.number) : '' });
    return 0;
  }
  throw new UsageError(command === undefined ? 'a command is needed: previous-results or tracking-issue' : `unknown command "${command}" (previous-results or tracking-issue)`);
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new UsageError(`${name} is not set (GitHub Actions sets it; set it to run this by hand)`);
  return value;
}

function required(value: string | undefined, option: string): string {
  if (!value) throw new UsageError(`${option} is needed`);
  return value;
}

/** `healthy` of the audit's JSON report. */
function healthyIn(path: string): boolean {
  let report: unknown;
  try {
    report = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UserError(`${path}: not a link-audit JSON report (${(error as Error).message.replace(/\s*\n\s*/g, ' ')})`);
  }
  const healthy = (report as { healthy?: unknown } | null)?.healthy;
  if (typeof healthy !== 'boolean') throw new UserError(`${path}: not a link-audit JSON report (no "healthy")`);
  return healthy;
}

/** Step outputs: appended to $GITHUB_OUTPUT, or printed when run by hand. */
function output(values: Record<string, string>): void {
  const text = Object.entries(values).map(([key, value]) => `${key}=${value}\n`).join('');
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, text);
  else process.stdout.write(text);
}

runMain({ name: 'links:github', usage: USAGE.split('\n')[0]! }, main);
