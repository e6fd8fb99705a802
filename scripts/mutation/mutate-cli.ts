/**
 * `npm run mutate`: the mutation harness on the shipped docs (or `--docs DIR`), and on a generated
 * corpus of `--services N` services. Prints the detection rate per class and the false alarms;
 * exits 1 when a mutation slipped through or the clean tree raised an alarm.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from '../bench/generate-corpus.js';
import { mutationTable, runMutations } from './run-mutations.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: 'docs' },
    services: { type: 'string', default: '20' },
    trials: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
  },
});
const trials = Number(values.trials);
const seed = Number(values.seed);
let failed = false;
const docs = resolve(values.docs);
console.log(`## ${values.docs}\n`);
const shipped = await runMutations(docs, trials, seed);
console.log(`${mutationTable(shipped)}\n`);
failed ||= shipped.falseAlarms.length > 0 || shipped.classes.some((c) => c.detected < c.trials);
if (Number(values.services) > 0) {
  const work = mkdtempSync(join(tmpdir(), 'docs-quality-mutate-corpus-'));
  try {
    const corpus = join(work, 'docs');
    generateCorpus(docs, corpus, Number(values.services), seed, false);
    console.log(`## generated corpus, ${values.services} services\n`);
    const generated = await runMutations(corpus, trials, seed);
    console.log(`${mutationTable(generated)}\n`);
    failed ||= generated.falseAlarms.length > 0 || generated.classes.some((c) => c.detected < c.trials);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
process.exitCode = failed ? 1 : 0;
