/**
 * `--format github`: workflow commands, one per finding, so GitHub Actions annotates the pull
 * request's changed lines: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<rule>::<message>`.
 */
import type { Finding } from '../engine/finding.js';

/** Escapes the message part of a workflow command. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command (also `:` and `,`). */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubReport(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const properties = [
        `file=${escapeProperty(f.file.split('\\').join('/'))}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(f.ruleId)}`,
      ];
      return `::${f.severity === 'error' ? 'error' : 'warning'} ${properties.join(',')}::${escapeData(f.message)}`;
    })
    .join('\n');
}
