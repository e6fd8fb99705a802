/**
 * Keeps a page's report proportional to what a writer can act on: a quote of page text in a
 * message is cut to 160 characters (a template sentence stays whole), and past 50 findings of one rule on a page the rest are
 * counted in one closing finding (which carries their fixes, so `fix` still fixes them all).
 */
import type { VFile } from 'vfile';
import { codeSpans } from '../corpus/markup-counts.js';
import type { Fix } from '../template/edit.js';
import type { FixableMessage } from './finding.js';

/** The longest quote (a code span of a message) kept whole, in characters: template sentences run to 130. */
export const MAX_QUOTE_CHARS = 160;
/** Findings of one rule on one page listed one by one. */
export const MAX_FINDINGS_PER_RULE = 50;

/** `reason` with each quote longer than MAX_QUOTE_CHARS cut to that length, ending in `…`. */
export function shortenQuotes(reason: string): string {
  if (reason.length <= MAX_QUOTE_CHARS) return reason;
  let out = '';
  let at = 0;
  for (const [start, end] of codeSpans(reason)) {
    let fence = 0;
    while (reason[start + fence] === '`') fence++;
    const kept = codePointsEnd(reason, start + fence, end - fence, MAX_QUOTE_CHARS);
    if (kept === end - fence) continue;
    out += reason.slice(at, codePointsEnd(reason, start + fence, end - fence, MAX_QUOTE_CHARS - 1)) + '…' + reason.slice(end - fence, end);
    at = end;
  }
  return at === 0 ? reason : out + reason.slice(at);
}

/** Where `count` code points of `text` from `start` end (at most `end`). */
function codePointsEnd(text: string, start: number, end: number, count: number): number {
  let at = start;
  for (let n = 0; n < count && at < end; n++) at += text.codePointAt(at)! > 0xffff ? 2 : 1;
  return Math.min(at, end);
}

/** Cuts the quotes of every message on the file (see shortenQuotes). */
export function shortenMessages(file: VFile): void {
  for (const message of file.messages) {
    const reason = shortenQuotes(message.reason);
    if (reason !== message.reason) message.reason = message.message = reason;
  }
}

/** Shortens the file's messages and keeps at most MAX_FINDINGS_PER_RULE of each rule, then one finding counting the rest. */
export function boundMessages(file: VFile): void {
  shortenMessages(file);
  const byRule = new Map<string, VFile['messages']>();
  for (const message of file.messages) {
    const origin = `${message.source ?? ''}:${message.ruleId ?? ''}`;
    const same = byRule.get(origin);
    if (same) same.push(message);
    else byRule.set(origin, [message]);
  }
  const dropped = new Set<VFile['messages'][number]>();
  const summaries: VFile['messages'][number][] = [];
  for (const same of byRule.values()) {
    if (same.length <= MAX_FINDINGS_PER_RULE) continue;
    // The first ones down the page are listed; the closing finding stands where the rest begin.
    const rest = [...same].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)).slice(MAX_FINDINGS_PER_RULE);
    for (const message of rest) dropped.add(message);
    summaries.push(closing(file, rest));
  }
  if (dropped.size === 0) return;
  const kept = file.messages.filter((message) => !dropped.has(message));
  file.messages.length = 0;
  file.messages.push(...kept, ...summaries);
}

/** `and 9,950 more <rule> findings on this page`, with the fixes of those findings. */
function closing(file: VFile, rest: VFile['messages']): VFile['messages'][number] {
  const first = rest[0]!;
  const rule = first.ruleId ?? first.source ?? 'docs-quality';
  const summary = file.message(`and ${rest.length.toLocaleString('en-US')} more ${rule} finding${rest.length === 1 ? '' : 's'} on this page`, {
    ...(first.place ? { place: first.place } : {}),
    ...(first.ruleId ? { ruleId: first.ruleId } : {}),
    ...(first.source ? { source: first.source } : {}),
  });
  file.messages.pop(); // file.message appended it; the caller puts it in place
  summary.fatal = first.fatal;
  const fixes = rest.flatMap((message) => (message as FixableMessage).fix ?? []);
  if (fixes.length > 0) {
    const fix: Fix = { edits: fixes.flatMap((f) => f.edits) };
    const renames = fixes.flatMap((f) => f.renames ?? []);
    if (renames.length > 0) fix.renames = renames;
    Object.assign(summary, { fix });
  }
  return summary;
}
