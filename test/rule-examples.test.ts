/** Every rule's examples are its tests, the way remark-lint runs its `@example` blocks: each gives exactly the findings it names. */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { RuleExample } from '../scripts/rule-kit/define-rule.js';
import { ruleEntries } from '../scripts/engine/preset.js';
import { readmePath, readmeText } from '../scripts/config/generate-schema.js';
import { findingsIn } from './helpers/check.js';
import { runCli } from './helpers/run-cli.js';
import { makeDocsTree, projectRoot, shippedConfig } from './helpers/docs-tree.js';

const examples = suite('rule examples');

/** The example's docs tree: the shipped template, its base service folder, its pages and edits. */
export function exampleTree(example: RuleExample, ruleId?: string): string {
  const base = example.base ? Object.fromEntries(readdirSync(join(projectRoot, 'docs', example.base)).map((name) => [`${example.base}/${name}`, readFileSync(join(projectRoot, 'docs', example.base!, name), 'utf8')])) : {};
  const root = makeDocsTree({ ...base, ...example.pages }, shippedConfig());
  for (const [path, [from, to]] of Object.entries(example.replace ?? {})) {
    const text = readFileSync(join(root, path), 'utf8');
    if (!text.includes(from)) throw new Error(`example "${example.title}": ${path} has no \`${from.slice(0, 60)}\``);
    writeFileSync(join(root, path), text.replace(from, to));
  }
  for (const path of example.remove ?? []) rmSync(join(root, path));
  if (example.options !== undefined) writeFileSync(join(root, '.docs-quality.json'), JSON.stringify({ rules: { [ruleId!]: ['error', example.options] } }));
  return root;
}

for (const rule of ruleEntries) {
  for (const example of rule.meta.examples) {
    examples(`${rule.id}: ${example.title}`, async () => {
      const found = (await findingsIn(exampleTree(example, rule.id))).filter((f) => f.ruleId === rule.id).map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`);
      assert.equal(found, example.findings);
    });
  }
}

examples('every rule of ours has an example that finds something', () => {
  for (const rule of ruleEntries.filter((entry) => !entry.meta.docs.startsWith("remark-lint's"))) {
    assert.ok(rule.meta.examples.some((example) => example.findings.length > 0), rule.id);
  }
});

examples('the README rules table is the one the rules\' metadata makes (npm run generate)', () => {
  assert.is(readFileSync(readmePath(), 'utf8'), readmeText());
});

examples('SARIF describes each rule from its metadata, with a help link to its row of the README', () => {
  const root = makeDocsTree({ 'guide/page.md': '# Page \n\nText.\n' });
  const run = runCli(['check', '--docs', '.', '--format', 'sarif'], root);
  const rules = (JSON.parse(run.stdout) as { runs: { tool: { driver: { rules: Record<string, unknown>[] } } }[] }).runs[0]!.tool.driver.rules;
  const trailing = rules.find((rule) => rule.id === 'trailing-spaces')!;
  const meta = ruleEntries.find((rule) => rule.id === 'trailing-spaces')!.meta;
  assert.equal(trailing.shortDescription, { text: meta.description });
  assert.equal(trailing.fullDescription, { text: meta.docs });
  assert.match(String(trailing.helpUri), /^https:\/\/.+#rule-trailing-spaces$/);
  assert.ok(readFileSync(readmePath(), 'utf8').includes('<a name="rule-trailing-spaces"></a>'));
});

examples.run();
