/**
 * A checked file's messages (with their fixes) and the data reporters read, as plain JSON: what
 * the cache stores and what worker threads send back.
 */
import type { VFile } from 'vfile';
import type { CitedTemplate, Fix } from '../template/edit.js';
import type { FixableMessage } from './finding.js';
import { keyedByText } from '../config/read-json.js';

interface SerializedMessage {
  reason: string;
  start?: { line: number; column: number; offset?: number };
  end?: { line: number; column: number; offset?: number };
  ruleId?: string;
  source?: string;
  fatal?: boolean | null;
  expected?: string[];
  actual?: string;
  fix?: Fix;
  template?: CitedTemplate;
}

export interface SerializedFile {
  messages: SerializedMessage[];
  data: Record<string, unknown>;
}

/** The file.data entries reporters read. */
const DATA_KEYS = ['topicSummary', 'templateWording'] as const;

/** A file's messages and reporter data as JSON. */
export function serializeMessages(file: VFile): SerializedFile {
  const messages = file.messages.map((message) => {
    const place = message.place;
    const start = place && 'start' in place ? place.start : place;
    const end = place && 'end' in place ? place.end : undefined;
    const serialized: SerializedMessage = { reason: message.reason };
    if (start) serialized.start = start;
    if (end) serialized.end = end;
    if (message.ruleId) serialized.ruleId = message.ruleId;
    if (message.source) serialized.source = message.source;
    if (message.fatal !== undefined) serialized.fatal = message.fatal;
    if (message.expected) serialized.expected = message.expected;
    if (typeof message.actual === 'string') serialized.actual = message.actual;
    const fix = (message as FixableMessage).fix;
    if (fix) serialized.fix = fix;
    const template = (message as FixableMessage).template;
    if (template) serialized.template = template;
    return serialized;
  });
  const data: Record<string, unknown> = {};
  for (const key of DATA_KEYS) if (file.data[key] !== undefined) data[key] = file.data[key];
  return { messages, data };
}

/** Puts serialized messages and data back onto a file. */
export function restoreMessages(file: VFile, serialized: SerializedFile): void {
  for (const m of serialized.messages) {
    const message = file.message(m.reason, {
      ...(m.start ? { place: m.end ? { start: m.start, end: m.end } : m.start } : {}),
      ...(m.ruleId ? { ruleId: m.ruleId } : {}),
      ...(m.source ? { source: m.source } : {}),
    });
    message.fatal = m.fatal ?? undefined;
    if (m.expected) message.expected = m.expected;
    if (m.actual !== undefined) message.actual = m.actual;
    if (m.fix) Object.assign(message, { fix: m.fix });
    if (m.template) Object.assign(message, { template: m.template });
  }
  Object.assign(file.data, serialized.data);
  // JSON and worker messages give plain objects back: the topic ids become a null-prototype table again.
  const summary = file.data.topicSummary;
  if (summary) summary.present = keyedByText(summary.present);
}
