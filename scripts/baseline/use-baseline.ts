/** `check --baseline FILE` and `--update-baseline` as library calls: read and compare, or write. */
import { existsSync } from 'node:fs';
import type { Finding } from '../engine/finding.js';
import { readBaseline, writeBaseline, type Baseline } from './baseline-file.js';
import { compareWithBaseline, updatedEntries, type BaselineComparison } from './compare-baseline.js';
import type { BaselineLocation } from './locate-baseline.js';

export { locateBaseline, type BaselineLocation } from './locate-baseline.js';

/** Reads the run's baseline before the check runs, so a missing or malformed one stops it at once (exit 2). */
export function loadBaseline(location: BaselineLocation): Baseline {
  return readBaseline(location.path, location.shown);
}

/** The findings marked known or new against the baseline; `checked`: the pages of a run over some pages only. */
export function againstBaseline(findings: readonly Finding[], baseline: Baseline, location: BaselineLocation, cwd: string, checked?: readonly string[]): BaselineComparison {
  return compareWithBaseline(findings, baseline, { root: location.root, cwd, ...(checked ? { checked } : {}) });
}

/**
 * Writes the baseline from this run's findings (created when missing); a run over some pages only
 * replaces those pages' entries and keeps the rest. Returns how many entries it wrote.
 */
export function updateBaseline(findings: readonly Finding[], location: BaselineLocation, cwd: string, checked?: readonly string[]): number {
  const previous = checked && existsSync(location.path) ? readBaseline(location.path, location.shown) : undefined;
  return writeBaseline(location.path, updatedEntries(findings, previous, { root: location.root, cwd, ...(checked ? { checked } : {}) }));
}
