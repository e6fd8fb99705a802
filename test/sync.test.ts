/** The cross-service report: `npm run sync` and the markdown job summary. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { makeDocsTree, seedTree, shippedConfig } from './helpers/docs-tree.js';
import { runCli } from './helpers/run-cli.js';

const sync = suite('sync report');

sync('the seeds: matrix cells, wording variants with their services, foreign file names', () => {
  const root = makeDocsTree(seedTree(), shippedConfig());
  const run = runCli(['sync', '--docs', '.'], root);
  assert.is(run.code, 0, run.stderr);
  const lines = run.stdout.split('\n');
  assert.ok(lines.includes('| topic | dynamodb | kinesis-data-analytics | kinesis-data-streams | kinesis-video-streams | s3 |'));
  const logging = lines.find((l) => l.startsWith('| logging-and-monitoring |'))!;
  assert.is(logging, '| logging-and-monitoring | ✗ missing | ~ Monitoring Amazon Kinesis Data Analytics | ✗ missing | ~ Monitoring Amazon Kinesis Video Streams | ✓ |');
  assert.ok(lines.includes('| access-control-iot (service-only) | – | – | – | ~ Controlling Access to Kinesis Video Streams Resources Using AWS IoT | – |'));
  assert.ok(lines.includes('- 3 services: kinesis-data-analytics, kinesis-data-streams, kinesis-video-streams'));
  assert.match(run.stdout, /> Cloud security at AWS is the highest priority\. As an AWS customer, you will benefit from/);
  assert.match(run.stdout, /- `kinesis-data-streams\/akda-java-compliance\.md`: `akda` stands for Amazon Kinesis Data Analytics/);
  assert.match(run.stdout, /- `kinesis-video-streams\/akda-java-compliance\.md`/);
  assert.not.match(run.stdout, /- `kinesis-data-analytics\/akda-java-compliance\.md`/);
});

sync('check --format markdown is a job summary with counts per rule, linked findings and the matrix', () => {
  const root = makeDocsTree(seedTree(), shippedConfig());
  const run = runCli(['check', '--docs', '.', '--format', 'markdown'], root);
  assert.is(run.code, 1);
  assert.match(run.stdout, /^# Docs quality\n\n\d+ errors, 0 warnings\.\n/);
  assert.match(run.stdout, /\| template-wording \| \d+ \|/);
  assert.match(run.stdout, /<details><summary><code>s3\/security\.md<\/code>: \d+ errors, 0 warnings<\/summary>\n\n- \[1:3\]\(s3\/security\.md#L1\) error \*\*template-heading\*\* H1 does not follow the template/);
  assert.match(run.stdout, /## Services x topics/);
});

sync('the shipped docs: every cell canonical or absent-optional', () => {
  const run = runCli(['sync']);
  assert.is(run.code, 0);
  const rows = run.stdout.split('\n').filter((l) => /^\| [a-z-]+( \(\w+(-\w+)?\))? \|/.test(l) && !l.startsWith('| topic'));
  assert.ok(rows.length >= 8);
  for (const row of rows) assert.not.match(row, /~|✗/, row);
  assert.match(run.stdout, /## File names carrying another service's name\n\nNone\./);
});

sync.run();
