/**
 * link-audit.yml, property by property: the results survive as artifacts (not the evictable cache),
 * a run that could not run records nothing, the tracking issue is chosen by our tested script, and the
 * hardening of every workflow (pinned SHAs, least privilege, no expressions in run:, timeouts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { projectRoot } from './helpers/docs-tree.js';
import type { WorkflowStep } from './helpers/workflow-yaml.js';

type Step = WorkflowStep;
interface Job {
  needs?: string;
  if?: string;
  permissions?: Record<string, string>;
  'timeout-minutes'?: number;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  outputs?: Record<string, string>;
  steps: Step[];
}

const text = readFileSync(join(projectRoot, '.github', 'workflows', 'link-audit.yml'), 'utf8');
const workflow = parse(text) as { on: Record<string, unknown>; permissions: unknown; jobs: Record<string, Job> };
const { audit, issue } = workflow.jobs as { audit: Job; issue: Job };
const steps = [...audit.steps, ...issue.steps];
const using = (job: Job, action: string): Step[] => job.steps.filter((step) => step.uses?.startsWith(`${action}@`));
const indexOf = (job: Job, keep: (step: Step) => boolean): number => job.steps.findIndex(keep);

const store = suite('link-audit.yml: the results store');

store('no actions cache anywhere: GitHub evicts a cache unused for 7 days, longer than the weekly schedule', () => {
  assert.not.match(text, /actions\/cache/);
  assert.equal(workflow.on.schedule, [{ cron: '17 6 * * 1' }]);
});

store('results are restored from the artifact of the run our script finds, before the audit runs', () => {
  const find = audit.steps.find((step) => step.id === 'previous')!;
  assert.is(find.run, 'node dist/scripts/links/github-cli.js previous-results --workflow link-audit.yml --artifact link-audit-results');
  assert.ok(existsSync(join(projectRoot, 'scripts', 'links', 'github-cli.ts')));
  assert.is(find.env?.GITHUB_TOKEN, '${{ github.token }}');
  const [download] = using(audit, 'actions/download-artifact');
  assert.ok(download);
  assert.is(download.if, "${{ steps.previous.outputs.run-id != '' }}");
  assert.equal(download.with, { name: 'link-audit-results', path: '.link-audit', 'run-id': '${{ steps.previous.outputs.run-id }}', 'github-token': '${{ github.token }}' });
  const auditStep = indexOf(audit, (step) => step.id === 'audit');
  assert.ok(indexOf(audit, (step) => step.id === 'previous') < indexOf(audit, (step) => step === download) && indexOf(audit, (step) => step === download) < auditStep);
  assert.match(audit.steps[auditStep]!.run!, 'npm run --silent links:audit --');
});

store('results are kept 90 days, only after a run that judged the links (no if: means only on success)', () => {
  const upload = using(audit, 'actions/upload-artifact').find((step) => step.with?.name === 'link-audit-results')!;
  assert.ok(upload);
  assert.is(upload.if, undefined);
  assert.equal(upload.with, { name: 'link-audit-results', path: '.link-audit/results.json', 'include-hidden-files': true, 'if-no-files-found': 'error', 'retention-days': 90 });
  assert.ok(indexOf(audit, (step) => step.id === 'audit') < audit.steps.indexOf(upload));
});

store('exit 1 (dead) goes on to the issue; exit 2 (could not run) fails the job, so nothing is recorded and the issue is left alone', () => {
  const run = audit.steps.find((step) => step.id === 'audit')!.run!;
  assert.match(run, '|| status=$?');
  assert.match(run, 'if [ "$status" -gt 1 ]; then exit "$status"; fi');
  assert.is(issue.needs, 'audit');
});

store.run();

const tracking = suite('link-audit.yml: the tracking issue');

tracking('our tested script finds the issue (label, marker, opened by a bot) in the read-only job; the writing job only carries out its decision', () => {
  const decide = audit.steps.find((step) => step.id === 'issue')!;
  assert.is(decide.run, 'node dist/scripts/links/github-cli.js tracking-issue --report link-audit.json');
  assert.equal(audit.outputs, {
    body: '${{ steps.audit.outputs.body }}',
    'issue-action': '${{ steps.issue.outputs.action }}',
    'issue-number': '${{ steps.issue.outputs.number }}',
  });
  assert.is(issue.if, "${{ needs.audit.outputs.issue-action != 'nothing' }}");
  const [script] = using(issue, 'actions/github-script');
  const code = String(script!.with?.script);
  assert.not.match(code, /listForRepo|search/, 'the script does not look for issues itself');
  assert.ok(code.split('\n').length <= 40, `${code.split('\n').length} lines`);
  assert.equal(script!.env, {
    ACTION: '${{ needs.audit.outputs.issue-action }}',
    NUMBER: '${{ needs.audit.outputs.issue-number }}',
    BODY: '${{ needs.audit.outputs.body }}',
    RUN_URL: '${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}',
  });
  assert.not.match(code, /\$\{\{/, 'page-derived text reaches the script through env only');
});

tracking.run();

const hardening = suite('link-audit.yml: hardening');

hardening('least privilege: read-only at the top; reading actions and issues in the audit; writing issues only in the issue job', () => {
  assert.equal(workflow.permissions, { contents: 'read' });
  assert.equal(audit.permissions, { contents: 'read', actions: 'read', issues: 'read' });
  assert.equal(issue.permissions, { issues: 'write' });
});

hardening('every action pinned to a full commit SHA with its version; download-artifact matches the upload-artifact major', () => {
  const uses = text.split('\n').filter((line) => /^\s*(-\s+)?uses:/.test(line));
  assert.is(uses.length, steps.filter((step) => step.uses).length);
  for (const line of uses) assert.match(line, /uses:\s+[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+\s*$/, line);
  assert.match(text, 'actions/download-artifact@37930b1c2abaa49bbe596cd826c3c89aef350131 # v7.0.0');
  assert.match(text, 'actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f # v7.0.0');
});

hardening('no ${{ }} inside run:, checkout without credentials, timeouts and concurrency on both jobs', () => {
  for (const step of steps) if (step.run) assert.not.match(step.run, /\$\{\{/, step.run);
  for (const step of using(audit, 'actions/checkout')) assert.is(step.with?.['persist-credentials'], false);
  for (const job of [audit, issue]) {
    assert.type(job['timeout-minutes'], 'number');
    assert.is(job.concurrency?.['cancel-in-progress'], false);
  }
  assert.is(issue.concurrency?.group, 'link-audit-issue');
});

hardening.run();
