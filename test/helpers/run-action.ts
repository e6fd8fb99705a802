/** Runs action.yml's steps the way the GitHub runner does, on a workspace of the test's making. */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { projectRoot } from './docs-tree.js';
import { cleanEnv } from './git-repo.js';

interface ActionStep {
  name: string;
  shell: string;
  run: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}
export interface Action {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export const actionText = readFileSync(join(projectRoot, 'action.yml'), 'utf8');
export const action = parse(actionText) as Action;

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  summary: string;
  /** `<folder> <arguments>` of each npm the steps ran. */
  npm: string[];
}

/**
 * Runs the action's steps the way the runner does: `${{ }}` expressions replaced, each `run:`
 * script through bash in its working directory (the caller's checkout by default), stopping at the
 * first failing step. `npm` is a stub that records its calls: the real `npm ci` would reinstall this
 * checkout, whose node_modules and dist/ the test run already has.
 */
export function runAction(workspace: string, inputs: Record<string, string>, options: { actionPath?: string; env?: NodeJS.ProcessEnv } = {}): ActionRun {
  const actionPath = options.actionPath ?? projectRoot;
  const scratch = mkdtempSync(join(tmpdir(), 'docs-quality-runner-'));
  const bin = join(scratch, 'bin');
  mkdirSync(bin);
  const npmLog = join(scratch, 'npm.log');
  writeFileSync(join(bin, 'npm'), `#!/bin/sh\necho "$PWD $*" >> "${npmLog}"\n`);
  chmodSync(join(bin, 'npm'), 0o755);
  const summaryFile = join(scratch, 'summary.md');
  writeFileSync(summaryFile, '');
  const values: Record<string, string> = { 'github.action_path': actionPath };
  for (const [name, input] of Object.entries(action.inputs)) values[`inputs.${name}`] = inputs[name] ?? input.default;
  for (const name of Object.keys(inputs)) assert.ok(action.inputs[name], `the action has an input ${name}`);
  const expand = (text: string): string =>
    text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, expression: string) => {
      const value = values[expression];
      if (value === undefined) throw new Error(`the test does not know the expression ${expression}`);
      return value;
    });
  const result: ActionRun = { code: 0, stdout: '', stderr: '', summary: '', npm: [] };
  for (const step of action.runs.steps) {
    assert.is(step.shell, 'bash', step.name);
    const env = cleanEnv({
      ...options.env,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, expand(value)])),
      GITHUB_ACTION_PATH: actionPath,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_WORKSPACE: workspace,
      PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
    });
    const cwd = step['working-directory'] ? expand(step['working-directory']) : workspace;
    const run = spawnSync('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', expand(step.run)], { cwd, env, encoding: 'utf8' });
    result.stdout += run.stdout;
    result.stderr += run.stderr;
    result.code = run.status ?? 2;
    if (result.code !== 0) break;
  }
  result.summary = readFileSync(summaryFile, 'utf8');
  result.npm = existsSync(npmLog) ? readFileSync(npmLog, 'utf8').trim().split('\n') : [];
  return result;
}

