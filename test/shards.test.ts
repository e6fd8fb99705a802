/** `--shard K/N` and `merge-reports`: shards together report exactly what one run reports. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { makeDocsTree, seedTree, shippedConfig } from './helpers/docs-tree.js';
import { runCli } from './helpers/run-cli.js';

const shards = suite('shards');

shards('three JSON shards merge into the full report; each page is in exactly one shard', () => {
  const root = makeDocsTree(seedTree(), shippedConfig());
  const full = runCli(['check', '--docs', '.', '--format', 'json', '--no-cache'], root);
  const parts = [1, 2, 3].map((k) => {
    const run = runCli(['check', '--docs', '.', '--format', 'json', '--no-cache', '--shard', `${k}/3`], root);
    writeFileSync(join(root, `shard-${k}.json`), run.stdout);
    return JSON.parse(run.stdout) as { file: string }[];
  });
  const files = parts.map((p) => new Set(p.map((f) => f.file)));
  for (const file of files[0]!) assert.not.ok(files[1]!.has(file) || files[2]!.has(file), file);
  assert.ok(parts.every((p) => p.length > 0), 'every shard has work');
  const merged = runCli(['merge-reports', 'shard-1.json', 'shard-2.json', 'shard-3.json'], root);
  assert.is(merged.code, 1);
  assert.equal(JSON.parse(merged.stdout), JSON.parse(full.stdout));
});

shards('SARIF shards merge into one run', () => {
  const root = makeDocsTree(seedTree(), shippedConfig());
  const counts = [1, 2].map((k) => {
    const run = runCli(['check', '--docs', '.', '--format', 'sarif', '--shard', `${k}/2`], root);
    writeFileSync(join(root, `shard-${k}.sarif`), run.stdout);
    return (JSON.parse(run.stdout) as { runs: { results: unknown[] }[] }).runs[0]!.results.length;
  });
  const merged = JSON.parse(runCli(['merge-reports', 'shard-1.sarif', 'shard-2.sarif'], root).stdout) as {
    runs: { results: { ruleId: string; ruleIndex: number }[]; tool: { driver: { rules: { id: string }[] } } }[];
  };
  assert.is(merged.runs.length, 1);
  assert.is(merged.runs[0]!.results.length, counts[0]! + counts[1]!);
  for (const r of merged.runs[0]!.results) assert.is(merged.runs[0]!.tool.driver.rules[r.ruleIndex]!.id, r.ruleId);
});

shards('a malformed shard argument or report is a usage error', () => {
  const root = makeDocsTree({});
  assert.is(runCli(['check', '--docs', '.', '--shard', '4/3'], root).code, 2);
  writeFileSync(join(root, 'bad.json'), '{"not": "a report"}');
  const bad = runCli(['merge-reports', 'bad.json'], root);
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /bad\.json: neither a JSON findings array nor a SARIF 2\.1\.0 log/);
});

shards.run();
