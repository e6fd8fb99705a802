/** `new-service`: a scaffold that passes check apart from its TODO summaries. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { findingsIn } from './helpers/check.js';
import { makeDocsTree, shippedConfig, shippedDocs } from './helpers/docs-tree.js';
import { runCli } from './helpers/run-cli.js';

const scaffold = suite('new-service');

scaffold('scaffolds page, topic pages and manifest entry; only the TODOs are reported', async () => {
  const root = makeDocsTree(shippedDocs(), shippedConfig());
  const run = runCli(['new-service', '--docs', '.', '--name', 'Amazon Simple Queue Service', '--short', 'Amazon SQS', '--dir', 'sqs'], root);
  assert.is(run.code, 0, run.stderr);
  const page = readFileSync(join(root, 'sqs', 'security.md'), 'utf8');
  assert.ok(page.startsWith('# Security in Amazon Simple Queue Service<a name="security"></a>\n'));
  assert.match(page, /compliance programs that apply to Amazon SQS, see/);
  assert.match(page, /\n\+ \[Logging and monitoring in Amazon Simple Queue Service\]\(logging-and-monitoring\.md\)\n/);
  assert.not.match(page, /free-region|\{\{/);
  const manifest = JSON.parse(readFileSync(join(root, '_template', 'services.json'), 'utf8'));
  assert.equal(manifest.services.sqs, { service: 'Amazon Simple Queue Service', short: 'Amazon SQS' });
  const findings = await findingsIn(root);
  assert.equal([...new Set(findings.map((f) => f.ruleId))], ['todo-placeholder']);
  assert.equal(findings.map((f) => f.file), [
    'sqs/compliance-validation.md',
    'sqs/data-protection.md',
    'sqs/identity-and-access-management.md',
    'sqs/infrastructure-security.md',
    'sqs/logging-and-monitoring.md',
    'sqs/resilience.md',
  ]);
});

scaffold('refuses an existing folder or a missing name with exit code 2', () => {
  const root = makeDocsTree(shippedDocs(), shippedConfig());
  const taken = runCli(['new-service', '--docs', '.', '--name', 'Amazon S3', '--dir', 's3'], root);
  assert.is(taken.code, 2);
  assert.match(taken.stderr, /s3 already exists/);
  const unnamed = runCli(['new-service', '--docs', '.'], root);
  assert.is(unnamed.code, 2);
  assert.match(unnamed.stderr, /needs --name/);
  assert.not.ok(existsSync(join(root, 'sqs')));
});

scaffold.run();
