/**
 * `--format sarif`: SARIF 2.1.0 for code scanning. Each result has a fingerprint that survives
 * lines moving (see engine/fingerprint.ts), so a finding keeps its identity from one run to the
 * next; against a baseline, each says whether it is new (`baselineState`). Code scanning accepts
 * 25,000 results a run but keeps only the 5,000 most severe, and rejects a file over 10 MB
 * gzipped: the log holds at most 5,000 results, errors first, and says how many it left out.
 */
import { gzipSync } from 'node:zlib';
import type { Finding } from '../engine/finding.js';
import { fingerprintsOf } from '../engine/fingerprint.js';
import type { RuleMeta } from '../rule-kit/define-rule.js';
import { ruleAnchor } from './rules-table.js';

/** What SARIF says of the rules: their metadata, and the README that documents them (absolute URL). */
export interface SarifRules {
  rules: readonly RuleMeta[];
  /** Where the README is published (package.json's homepage); no help links without it. */
  readmeUrl: string;
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Code scanning's limits of one uploaded run. */
export const SARIF_LIMITS = { results: 5_000, gzipBytes: 10 * 1024 * 1024 };

export interface SarifLog {
  text: string;
  /** Findings in the log, and in the run (the difference was left out, warnings first). */
  included: number;
  total: number;
}

/** The SARIF log as text (see sarifLog). */
export function sarifReport(findings: readonly Finding[], toolVersion: string, described?: SarifRules, limits = SARIF_LIMITS): string {
  return sarifLog(findings, toolVersion, described, limits).text;
}

/** The SARIF log within code scanning's limits: at most `limits.results` results, errors first, under `limits.gzipBytes` gzipped. */
export function sarifLog(findings: readonly Finding[], toolVersion: string, described?: SarifRules, limits = SARIF_LIMITS): SarifLog {
  // Fingerprints count identical findings over the whole run, so a kept result keeps its identity.
  const fingerprints = fingerprintsOf(findings);
  const ranked = findings.map((_, i) => i).sort((a, b) => Number(findings[a]!.severity !== 'error') - Number(findings[b]!.severity !== 'error') || a - b);
  for (let keep = Math.min(limits.results, findings.length); ; keep = Math.floor(keep / 2)) {
    const kept = ranked.slice(0, keep).sort((a, b) => a - b);
    const text = logText(kept.map((i) => findings[i]!), kept.map((i) => fingerprints[i]!), findings.length, toolVersion, described);
    if (keep === 0 || gzipSync(text).length <= limits.gzipBytes) return { text, included: keep, total: findings.length };
  }
}

function logText(findings: readonly Finding[], fingerprints: readonly string[], total: number, toolVersion: string, described: SarifRules | undefined): string {
  const ruleIds = [...new Set(findings.map((f) => f.ruleId))].sort();
  const results = findings.map((f, i) => {
    return {
      ruleId: f.ruleId,
      ruleIndex: ruleIds.indexOf(f.ruleId),
      level: f.severity,
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(f.file.split('\\').join('/')), uriBaseId: '%SRCROOT%' },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
      ...(f.template
        ? {
            relatedLocations: [
              {
                id: 0,
                message: { text: 'the template line this finding compares with' },
                physicalLocation: { artifactLocation: { uri: encodeURI(f.template.file.split('\\').join('/')), uriBaseId: '%SRCROOT%' }, region: { startLine: f.template.line } },
              },
            ],
          }
        : {}),
      partialFingerprints: {
        'docsQuality/v1': fingerprints[i]!,
      },
      ...(f.baseline ? { baselineState: f.baseline === 'known' ? 'unchanged' : 'new' } : {}),
      properties: { fixable: f.fixable, ...(f.expected !== undefined ? { expected: f.expected } : {}), ...(f.actual !== undefined ? { actual: f.actual } : {}) },
    };
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'docs-quality',
            version: toolVersion,
            rules: ruleIds.map((id) => ruleDescriptor(id, described)),
          },
        },
        results,
        ...(total > findings.length ? { properties: { omittedResults: total - findings.length, reason: `code scanning keeps at most ${SARIF_LIMITS.results} results of a run: errors first` } } : {}),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

/** A rule's SARIF descriptor: names, one-line and full descriptions, and its row of the README. */
function ruleDescriptor(id: string, described: SarifRules | undefined): Record<string, unknown> {
  const meta = described?.rules.find((rule) => rule.id === id);
  if (!meta || !described) return { id, shortDescription: { text: id } };
  return {
    id,
    name: id,
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.docs },
    ...(described.readmeUrl ? { helpUri: `${described.readmeUrl.replace(/#.*$/, '')}#${ruleAnchor(id)}` } : {}),
    defaultConfiguration: { level: meta.defaultSeverity === 'warn' ? 'warning' : 'error' },
    properties: { fixable: Boolean(meta.fixable) },
  };
}
