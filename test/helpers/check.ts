/** Library-level check of a temp docs tree, findings with paths relative to the tree. */
import { checkDocs } from '../../scripts/engine/check.js';
import type { Finding } from '../../scripts/engine/finding.js';

export async function findingsIn(docsRoot: string): Promise<Finding[]> {
  return (await checkDocs({ docsRoot, cwd: docsRoot })).findings;
}

/** `file:line:column rule message`, the compact form tests compare. */
export function brief(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`;
}
