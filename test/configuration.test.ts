/** `.docs-quality.json`: found or named, validated at line:column, and read alike by check, fix and remark. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { configSchemaText } from '../scripts/config/generate-schema.js';
import { schemaPath } from '../scripts/config/read-json.js';
import { checkDocs } from '../scripts/engine/check.js';
import { fixDocs } from '../scripts/engine/fix.js';
import { makeDocsTree, projectRoot } from './helpers/docs-tree.js';
import { runCli } from './helpers/run-cli.js';

const config = suite('configuration');

// The shipped s3 service (no findings), with trailing spaces on the last line of one topic page.
const shipped = (name: string): string => readFileSync(join(projectRoot, 'docs', 's3', name), 'utf8');
const topic = `${shipped('network-isolation.md')}\nOne trailing  \n`;
const topicLine = topic.split('\n').length - 1;
const pages = {
  ...Object.fromEntries(readdirSync(join(projectRoot, 'docs', 's3')).map((name) => [`s3/${name}`, shipped(name)])),
  's3/network-isolation.md': topic,
};
const withConfig = (settings: unknown): string => {
  const root = makeDocsTree(pages);
  writeFileSync(join(root, '.docs-quality.json'), typeof settings === 'string' ? settings : JSON.stringify(settings, null, 2));
  return root;
};
const trailing = (stdout: string): string[] => stdout.split('\n').filter((line) => line.includes('trailing-spaces')).map((line) => line.trim().replace(/\s+/g, ' '));

config('without a configuration the finding is an error: exit 1', () => {
  const run = runCli(['check', '--docs', makeDocsTree(pages)]);
  assert.is(run.code, 1, run.stderr);
  assert.equal(trailing(run.stdout), [`${topicLine}:13-${topicLine}:15 error trailing whitespace trailing-spaces`]);
});

config('check --config with "warn" reports it as a warning and exits 0', () => {
  const root = makeDocsTree(pages);
  const file = join(root, '..', `${root.split('/').pop()}.json`);
  writeFileSync(file, JSON.stringify({ rules: { 'trailing-spaces': 'warn' } }));
  const run = runCli(['check', '--docs', root, '--config', file]);
  assert.is(run.code, 0, run.stdout + run.stderr);
  assert.equal(trailing(run.stdout), [`${topicLine}:13-${topicLine}:15 warning trailing whitespace trailing-spaces`]);
});

config('"off" drops the rule; the file is found in the docs tree without --config', () => {
  const run = runCli(['check', '--docs', withConfig({ rules: { 'trailing-spaces': 'off' } })]);
  assert.is(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /files checked: no findings/);
});

config('found upward to the repository root, and never above it', () => {
  const above = makeDocsTree({});
  writeFileSync(join(above, '.docs-quality.json'), JSON.stringify({ rules: { 'trailing-spaces': 'off' } }));
  const repo = join(above, 'repo');
  mkdirSync(join(repo, '.git'), { recursive: true });
  const docs = join(repo, 'docs');
  mkdirSync(docs);
  for (const [path, text] of Object.entries(pages)) {
    mkdirSync(join(docs, path, '..'), { recursive: true });
    writeFileSync(join(docs, path), text);
  }
  for (const name of ['security.md', 'words.txt']) {
    mkdirSync(join(docs, '_template'), { recursive: true });
    writeFileSync(join(docs, '_template', name), readFileSync(join(projectRoot, 'docs', '_template', name)));
  }
  assert.is(runCli(['check', '--docs', docs]).code, 1, 'the file above the repository root is not read');
  writeFileSync(join(repo, '.docs-quality.json'), JSON.stringify({ rules: { 'trailing-spaces': 'warn' } }));
  assert.is(runCli(['check', '--docs', docs]).code, 0, 'the file at the repository root is read');
});

config('[severity, options] sets a rule\'s options', async () => {
  const root = withConfig({ rules: { 'unordered-list-marker-style': ['error', '*'] } });
  const findings = (await checkDocs({ docsRoot: root, cwd: root })).findings.filter((f) => f.ruleId === 'unordered-list-marker-style');
  assert.ok(findings.length > 0);
  assert.match(findings[0]!.message, /Unexpected unordered list marker `\+`, expected `\*`/);
});

config('an unknown severity is exit 2 with the file, line and column', () => {
  const root = withConfig('{\n  "rules": {\n    "trailing-spaces": "warning"\n  }\n}\n');
  const run = runCli(['check', '--docs', root], root);
  assert.is(run.code, 2);
  assert.is(run.stderr, 'docs-quality: .docs-quality.json:3:24: `rules.trailing-spaces` must be "off", "warn", "error", or [severity, options], found "warning"\n');
});

config('a rule option outside the rule\'s own choices is exit 2 at its position', () => {
  const root = withConfig('{ "rules": { "unordered-list-marker-style": ["error", "+ "] } }\n');
  const run = runCli(['check', '--docs', root], root);
  assert.is(run.code, 2);
  assert.is(run.stderr, 'docs-quality: .docs-quality.json:1:45: `rules.unordered-list-marker-style` must be "off", "warn", "error", or [severity, option] with the option one of "consistent", "*", "+", "-", found a list\n');
});

config('an unknown rule id is exit 2 at its key', () => {
  const root = withConfig('{\n  "rules": {\n    "trailing-space": "off"\n  }\n}\n');
  const run = runCli(['check', '--docs', root], root);
  assert.is(run.code, 2);
  assert.match(run.stderr, /^docs-quality: \.docs-quality\.json:3:5: `rules`: unknown key "trailing-space" \(one of: spelling, /);
  assert.is(run.stderr.trim().split('\n').length, 1);
});

config('a missing --config file is a usage error', () => {
  const run = runCli(['check', '--docs', makeDocsTree(pages), '--config', 'nowhere.json']);
  assert.is(run.code, 2);
  assert.match(run.stderr, /configuration file not found: nowhere\.json/);
});

config('a changed configuration is never answered from the findings cache', async () => {
  const root = withConfig({ rules: { 'trailing-spaces': 'error' } });
  const severities = async () => (await checkDocs({ docsRoot: root, cwd: root, cache: true })).findings.filter((f) => f.ruleId === 'trailing-spaces').map((f) => f.severity);
  assert.equal(await severities(), ['error']);
  writeFileSync(join(root, '.docs-quality.json'), JSON.stringify({ rules: { 'trailing-spaces': 'warn' } }));
  assert.equal(await severities(), ['warning']);
});

config('npx remark reads the same file: the same findings at the same severities as check', async () => {
  const root = withConfig({ rules: { 'trailing-spaces': 'warn', 'template-wording': 'off', spelling: 'off' } });
  writeFileSync(join(root, 's3', 'network-isolation.md'), `${topic}\nA misspeled word.\n`);
  writeFileSync(join(root, 's3', 'security.md'), shipped('security.md').replace('is the highest priority', 'are the highest priority'));
  const run = spawnSync(join(projectRoot, 'node_modules', '.bin', 'remark'), ['--rc-path', join(projectRoot, '.remarkrc.mjs'), '--no-color', '--quiet', '--no-stdout', '.'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TS_NODE_PROJECT: join(projectRoot, 'tsconfig.json') },
  });
  let file = '';
  const fromRemark: string[] = [];
  for (const line of run.stderr.split('\n')) {
    const finding = /^\s*(\d+):(\d+)(?:-\d+:\d+)?\s+(error|warning)\s+.*\s([a-z-]+)\s+(?:docs-quality|remark-lint)$/.exec(line);
    if (finding) fromRemark.push(`${file}:${finding[1]}:${finding[2]} ${finding[4]} ${finding[3]}`);
    else if (/\.md$/.test(line.trim())) file = line.trim();
  }
  const fromCheck = (await checkDocs({ docsRoot: root, cwd: root })).findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.severity}`);
  assert.ok(fromCheck.includes(`s3/network-isolation.md:${topicLine}:13 trailing-spaces warning`), fromCheck.join('\n'));
  assert.not.ok(fromCheck.some((f) => / (spelling|template-wording) /.test(f)));
  assert.equal(fromRemark.sort(), fromCheck.sort(), run.stderr);
});

config('the shipped schema is the one the preset generates (npm run generate)', () => {
  assert.is(readFileSync(schemaPath('docs-quality.schema.json'), 'utf8'), configSchemaText());
});

config('fix reads the configuration: a rule turned off is not fixed', async () => {
  const root = withConfig({ rules: { 'trailing-spaces': 'off' } });
  const changes = await fixDocs({ docsRoot: root, cwd: root, dryRun: true });
  assert.not.ok(changes.some((c) => c.to === 's3/network-isolation.md'), changes.map((c) => c.to).join());
});

config.run();
