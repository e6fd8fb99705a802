/**
 * The mutation harness: applies seeded mutations of every class to copies of a clean docs tree,
 * runs the full check on each, and counts which were caught. The unmutated tree's findings are
 * the false alarms.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { listMarkdownFiles } from '../corpus/docs-files.js';
import { random } from '../bench/generate-corpus.js';
import { checkDocs } from '../engine/check.js';
import type { Finding } from '../engine/finding.js';
import { MUTATIONS, type Pages } from './mutations.js';

export interface ClassResult {
  name: string;
  trials: number;
  detected: number;
  /** Mutations no finding caught: the page and what changed, to reproduce. */
  missed: string[];
}

export interface MutationReport {
  classes: ClassResult[];
  falseAlarms: Finding[];
}

/** Runs `trials` mutations of each class over the docs tree at `docsRoot`. */
export async function runMutations(docsRoot: string, trials: number, seed = 1): Promise<MutationReport> {
  const next = random(seed);
  const pages: Pages = new Map(listMarkdownFiles(docsRoot).map((path) => [relative(docsRoot, path), readFileSync(path, 'utf8')]));
  const services = [...pages.keys()].filter((p) => basename(p) === 'security.md' && dirname(p) !== '.' && !p.startsWith('_')).map(dirname);
  const work = mkdtempSync(join(tmpdir(), 'docs-quality-mutate-'));
  try {
    const check = async (changed: Pages): Promise<Finding[]> => {
      const tree = join(work, 'tree');
      rmSync(tree, { recursive: true, force: true });
      cpSync(docsRoot, tree, { recursive: true });
      for (const [path, text] of changed) writeFileSync(join(tree, path), text);
      return (await checkDocs({ docsRoot: tree, cwd: tree, workers: 0 })).findings;
    };
    const falseAlarms = await check(new Map());
    const classes: ClassResult[] = [];
    for (const [name, mutate] of Object.entries(MUTATIONS)) {
      const result: ClassResult = { name, trials: 0, detected: 0, missed: [] };
      for (let t = 0; t < trials; t++) {
        let changed: Pages | undefined;
        let service = '';
        for (let attempt = 0; attempt < 10 && !changed; attempt++) {
          service = services[Math.floor(next() * services.length)]!;
          changed = mutate(pages, service, next, services.filter((s) => s !== service));
        }
        if (!changed) continue;
        result.trials++;
        const findings = await check(changed);
        if (findings.length > falseAlarms.length) result.detected++;
        else result.missed.push(`${service}: ${[...changed.keys()].join(', ')}`);
      }
      classes.push(result);
    }
    return { classes, falseAlarms };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The report as a Markdown table. */
export function mutationTable(report: MutationReport): string {
  const rows = report.classes.map((c) => `| ${c.name} | ${c.trials} | ${c.detected} | ${c.trials ? ((100 * c.detected) / c.trials).toFixed(0) : '–'}% |`);
  const missed = report.classes.flatMap((c) => c.missed.map((m) => `- missed (${c.name}): ${m}`));
  return [
    '| mutation class | trials | detected | rate |',
    '|---|--:|--:|--:|',
    ...rows,
    '',
    `false alarms on the unmutated pages: ${report.falseAlarms.length}`,
    ...report.falseAlarms.map((f) => `- ${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`),
    ...missed,
  ].join('\n');
}
