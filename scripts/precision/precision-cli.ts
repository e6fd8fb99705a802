/**
 * `npm run precision -- --docs DIR [--sample SAMPLE_DIR] [--strict]`: findings per rule and page,
 * positions with several findings, and what `fix` (run on a copy) lost, duplicated or created.
 * Exit 0; 2 on wrong usage (runMain: one line); 1 with --strict when fix loses or duplicates text.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runMain } from '../run-main.js';
import { UsageError } from '../user-error.js';
import { layOutSample } from './lay-out-sample.js';
import { measurePrecision } from './precision.js';
import { precisionReport } from './precision-report.js';
import { keepsText } from './text-property.js';

const USAGE = 'usage: npm run precision -- --docs DIR [--sample SAMPLE_DIR] [--strict]  (--sample: measure SAMPLE_DIR laid out with the template of DIR, default docs/)';

async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { docs: { type: 'string' }, sample: { type: 'string' }, strict: { type: 'boolean' }, debug: { type: 'boolean' } } });
  if (!values.docs && !values.sample) throw new UsageError('--docs DIR is required');
  // With --sample, DIR only gives the template the sample is laid out with: ours by default.
  const docs = values.docs ?? 'docs';
  for (const dir of [docs, values.sample]) if (dir !== undefined && !existsSync(dir)) throw new UsageError(`no such directory: ${dir}`);
  const scratch = values.sample ? mkdtempSync(join(tmpdir(), 'docs-quality-sample-')) : undefined;
  try {
    let docsRoot = docs;
    if (scratch) {
      docsRoot = join(scratch, 'docs');
      layOutSample(values.sample!, join(docs, '_template'), docsRoot);
    }
    const result = await measurePrecision({ docsRoot });
    process.stdout.write(precisionReport(result));
    return values.strict && !result.fixedPages.every((page) => keepsText(page.text)) ? 1 : 0;
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

runMain({ name: 'docs-quality precision', usage: USAGE }, main);
