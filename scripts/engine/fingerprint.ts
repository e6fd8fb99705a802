/**
 * A finding's identity from one run to the next: its rule, its file, its message with the line
 * numbers it quotes left out, and which of identical findings it is. Positions are not part of it,
 * so a finding keeps its identity when lines move. SARIF's `partialFingerprints` and the baseline
 * both use it, so a baseline entry and a SARIF result of the same finding agree.
 */
import { createHash } from 'node:crypto';
import type { Finding } from './finding.js';

/** The message without the line numbers it quotes (`lines 18–37` -> `lines`): they move with the text above them. */
export function messageWithoutLines(message: string): string {
  return message.replace(/\blines? \d+(?:[–-]\d+| and \d+)?/g, 'lines');
}

/** Rule, file and message (line numbers left out): what identical findings share. */
export function findingIdentity(finding: Pick<Finding, 'ruleId' | 'message'>, file: string): string {
  return `${finding.ruleId}\0${file}\0${messageWithoutLines(finding.message)}`;
}

/**
 * The fingerprint of each finding, in order (32 hex digits): its identity and its occurrence among
 * the findings sharing that identity, counted in position order. `fileOf` names the file as the
 * fingerprint should see it (the reported path by default; the baseline's own relative path).
 */
export function fingerprintsOf(findings: readonly Finding[], fileOf: (finding: Finding, index: number) => string = (finding) => finding.file): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding, index) => {
    const identity = findingIdentity(finding, fileOf(finding, index).split('\\').join('/'));
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return createHash('sha256').update(`${identity}\0${occurrence}`).digest('hex').slice(0, 32);
  });
}
