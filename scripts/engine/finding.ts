/** The one shape every rule's result takes on its way to a reporter. */
import type { VFile } from 'vfile';
import type { CitedTemplate, Fix } from '../template/edit.js';

export type Severity = 'error' | 'warning';

/** Against a baseline: `known` (in the baseline: reported, never failing the run) or `new`. */
export type BaselineState = 'new' | 'known';

export interface Finding {
  /** Path relative to the current directory. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  ruleId: string;
  message: string;
  expected?: string;
  actual?: string;
  fixable: boolean;
  /** The template line a template finding comes from. */
  template?: CitedTemplate;
  /** Set when the run compares with a baseline (`check --baseline`). */
  baseline?: BaselineState;
}

/** Whether a finding fails the run: at error level, and not known from the baseline. */
export function failsRun(finding: Pick<Finding, 'severity' | 'baseline'>): boolean {
  return finding.severity === 'error' && finding.baseline !== 'known';
}

/** A vfile message as it may carry our fix. */
export interface FixableMessage {
  fix?: Fix;
  template?: CitedTemplate;
}

/** Findings of processed files, in file then position order. */
export function findingsOf(files: readonly VFile[]): Finding[] {
  const findings = files.flatMap((file) => file.messages.map((message) => findingOf(file, message)));
  return findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

/** One vfile message as a finding. */
export function findingOf(file: VFile, message: VFile['messages'][number]): Finding {
  const start = message.place && 'start' in message.place ? message.place.start : message.place;
  const end = message.place && 'end' in message.place ? message.place.end : start;
  const finding: Finding = {
    file: file.path,
    line: start?.line ?? 1,
    column: start?.column ?? 1,
    endLine: end?.line ?? start?.line ?? 1,
    endColumn: end?.column ?? start?.column ?? 1,
    severity: message.fatal === true ? 'error' : 'warning',
    ruleId: message.ruleId ?? message.source ?? 'docs-quality',
    message: message.reason,
    fixable: Boolean((message as FixableMessage).fix),
  };
  if (message.expected?.[0] !== undefined) finding.expected = message.expected[0];
  if (typeof message.actual === 'string') finding.actual = message.actual;
  const template = (message as FixableMessage).template;
  if (template) finding.template = template;
  return finding;
}
