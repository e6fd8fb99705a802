/**
 * A run's findings against the baseline: each is `known` (its fingerprint is in the baseline) or
 * `new`; the baseline's entries no finding matches any more are fixed. Fingerprints ignore
 * positions and the line numbers a message quotes, so findings on moved lines stay known.
 */
import { relative, resolve, sep } from 'node:path';
import type { Finding } from '../engine/finding.js';
import { fingerprintsOf } from '../engine/fingerprint.js';
import type { Baseline, BaselineEntry } from './baseline-file.js';

export interface BaselineScope {
  /** The folder the baseline's paths are relative to (see locate-baseline.ts). */
  root: string;
  /** The folder the findings' paths are relative to. */
  cwd: string;
  /**
   * The pages this run checked (absolute), when it checked only some (`--staged`, paths, `--shard`):
   * entries of other pages are neither fixed nor replaced. Undefined: the whole tree.
   */
  checked?: readonly string[];
}

export interface BaselineComparison {
  /** The findings, each with `baseline` set, in the order given. */
  findings: Finding[];
  known: number;
  /** Entries of checked pages that no finding matches any more. */
  fixed: BaselineEntry[];
}

/** Marks each finding known or new, and collects the entries that are gone. */
export function compareWithBaseline(findings: readonly Finding[], baseline: Baseline, scope: BaselineScope): BaselineComparison {
  const current = entriesOf(findings, scope);
  const unmatched = new Map(baseline.findings.map((entry) => [entry.fingerprint, entry]));
  const marked = findings.map((finding, i): Finding => {
    const known = unmatched.delete(current[i]!.fingerprint);
    return { ...finding, baseline: known ? 'known' : 'new' };
  });
  const inScope = checkedPaths(scope);
  const fixed = [...unmatched.values()].filter((entry) => !inScope || inScope.has(entry.file));
  return { findings: marked, known: marked.filter((f) => f.baseline === 'known').length, fixed };
}

/**
 * The entries of an updated baseline: one per finding of this run, plus, for a run over some pages
 * only, the previous entries of the pages it did not check.
 */
export function updatedEntries(findings: readonly Finding[], previous: Baseline | undefined, scope: BaselineScope): BaselineEntry[] {
  const inScope = checkedPaths(scope);
  const kept = inScope ? (previous?.findings ?? []).filter((entry) => !inScope.has(entry.file)) : [];
  return [...kept, ...entriesOf(findings, scope)];
}

/** Each finding as a baseline entry (path relative to the baseline's root). */
function entriesOf(findings: readonly Finding[], scope: BaselineScope): BaselineEntry[] {
  const files = findings.map((finding) => pathInBaseline(resolve(scope.cwd, finding.file), scope.root));
  const fingerprints = fingerprintsOf(findings, (_, i) => files[i]!);
  return findings.map((finding, i) => ({ file: files[i]!, rule: finding.ruleId, fingerprint: fingerprints[i]!, message: finding.message }));
}

function checkedPaths(scope: BaselineScope): Set<string> | undefined {
  return scope.checked ? new Set(scope.checked.map((path) => pathInBaseline(path, scope.root))) : undefined;
}

/** A page's path as the baseline writes it: relative to its root, with `/`. */
function pathInBaseline(absolute: string, root: string): string {
  return relative(root, absolute).split(sep).join('/');
}
