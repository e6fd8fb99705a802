/** `--format json`: one array of findings, the shape scripts and other tools consume. */
import type { Finding } from '../engine/finding.js';

export function jsonReport(findings: readonly Finding[]): string {
  return JSON.stringify(findings, null, 2);
}
