/**
 * Writes what the rules' metadata makes: `docs-quality.schema.json`, the JSON Schema of
 * `.docs-quality.json` (one property per rule id, so editors complete rule names and a typo is an
 * error at its position), and the README's rules table. `npm run generate` runs it; tests fail
 * when either is stale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { withRulesTable } from '../reporters/rules-table.js';
import { fileURLToPath } from 'node:url';
import { ruleEntries } from '../engine/preset.js';
import { schemaPath } from './read-json.js';
import { CONFIG_SCHEMA } from './docs-quality-config.js';

/** The schema of the configuration file, as the preset's rules make it. */
export function configSchema(): Record<string, unknown> {
  const rules = Object.fromEntries(
    ruleEntries.map((rule) => [rule.id, { ...settingOf(rule.meta.optionsSchema), description: `${rule.meta.description} (default "${rule.severity}"${rule.meta.options ? `; options: ${rule.meta.options}` : ''})` }]),
  );
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'docs-quality configuration (.docs-quality.json)',
    description: 'Which rules run at which severity, where service pages sit, and the baseline check compares with. check, fix, sync, npx remark and editors read it.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        description: 'Rule id -> "off", "warn", "error", or [severity, options].',
        type: 'object',
        additionalProperties: false,
        properties: rules,
      },
      layout: {
        description: 'Where the pages of the docs tree sit.',
        type: 'object',
        additionalProperties: false,
        properties: {
          servicePage: {
            description: 'File name of a service security page: any folder holding one is a service, at any depth.',
            type: 'string',
            pattern: '^[^/\\\\]+\\.md$',
            errorMessage: 'must be a Markdown file name such as "security.md"',
          },
        },
      },
      baseline: {
        description: 'The baseline file (relative to this file) that check, the pre-commit hook and the pull request check compare with: findings in it are known and do not fail the run. check --update-baseline writes it.',
        type: 'string',
        minLength: 1,
        errorMessage: 'must be the path of the baseline file, such as "docs-quality-baseline.json"',
      },
    },
    definitions: {
      severity: { enum: ['off', 'warn', 'error'], errorMessage: 'must be "off", "warn" or "error"' },
      setting: {
        anyOf: [
          { $ref: '#/definitions/severity' },
          { type: 'array', items: [{ $ref: '#/definitions/severity' }, {}], minItems: 2, additionalItems: false },
        ],
        errorMessage: 'must be "off", "warn", "error", or [severity, options]',
      },
    },
  };
}

/** A rule's setting: a severity, or [severity, options] where the options meet the rule's own schema (any, when it has none). */
function settingOf(optionsSchema: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!optionsSchema) return { $ref: '#/definitions/setting' };
  // What the option must be: its choices, or what the rule's schema says in its own errorMessage.
  const choices = Array.isArray(optionsSchema.enum)
    ? ` with the option one of ${optionsSchema.enum.map((choice) => JSON.stringify(choice)).join(', ')}`
    : typeof optionsSchema.errorMessage === 'string' ? ` with the option ${optionsSchema.errorMessage}` : '';
  return {
    anyOf: [{ $ref: '#/definitions/severity' }, { type: 'array', items: [{ $ref: '#/definitions/severity' }, optionsSchema], minItems: 2, additionalItems: false }],
    errorMessage: `must be "off", "warn", "error", or [severity, option]${choices}`,
  };
}

/** The schema file's text: what is shipped, and what the staleness test compares. */
export function configSchemaText(): string {
  return `${JSON.stringify(configSchema(), null, 2)}\n`;
}

/** The project's README.md (beside scripts/ in the sources, two levels up from the build). */
export function readmePath(): string {
  const candidates = [new URL('../../README.md', import.meta.url), new URL('../../../README.md', import.meta.url)];
  return fileURLToPath(candidates.find((url) => existsSync(url)) ?? candidates[0]!);
}

/** The README as the rules' metadata makes its rules table. */
export function readmeText(): string {
  return withRulesTable(readFileSync(readmePath(), 'utf8'), ruleEntries.map((rule) => rule.meta));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(schemaPath(CONFIG_SCHEMA), configSchemaText());
  writeFileSync(readmePath(), readmeText());
}
