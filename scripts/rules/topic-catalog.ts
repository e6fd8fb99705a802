/**
 * topic-catalog: every Topics entry is a catalog topic (or one the services manifest declares for
 * this service), required topics are present, none is listed twice, and they follow catalog order.
 * A missing topic whose page already exists unlinked in the folder is linked back in by `fix`.
 *
 * found: a Kinesis Data Streams list without a logging topic
 *   -> missing required topic `Logging and monitoring in Amazon Kinesis Data Streams` (logging-and-monitoring)
 */
import { defineRule, judging } from '../rule-kit/define-rule.js';
import { basename } from 'node:path';
import type { Edit, OffsetFinding } from '../template/edit.js';
import { lineStartOf } from '../template/lines.js';
import { escapeText } from '../template/markup.js';
import { longestIncreasing } from '../template/sequence.js';
import { closestTopic, fillTitle } from '../topics/catalog.js';
import type { MissingTopic, ResolvedEntry, ResolvedTopics } from '../topics/resolve-topics.js';
import type { TopicEntry } from '../topics/topics-list.js';
import { resolvedTopicsOf } from '../topics/topics-analysis.js';

export default defineRule(
  {
    id: "topic-catalog",
    description: "a Topics entry the catalog does not know, a topic listed twice or out of order, a required topic missing",
    docs: "The Topics list holds the catalog's topics (plus the service's own from the manifest), each once, in catalog order, with every required topic.",
    fixable: "removes a duplicate of the same page, moves a misplaced entry, links a missing topic whose page is in the folder",
    crossFile: "folder",
    defaultSeverity: "error",
    examples: [
      { title: "two entries swapped", base: "s3", replace: {"s3/security.md": ["+ [Resilience in Amazon S3](disaster-recovery-resiliency.md)\n+ [Infrastructure security in Amazon S3](network-isolation.md)", "+ [Infrastructure security in Amazon S3](network-isolation.md)\n+ [Resilience in Amazon S3](disaster-recovery-resiliency.md)"]}, findings: ["s3/security.md:17:4 topic out of catalog order: `Resilience in Amazon S3` belongs before `Infrastructure security in Amazon S3`"] },
    ],
  },
  judging(resolvedTopicsOf, (resolved) => [
    ...resolved.entries.flatMap((item) => (item.topic ? [] : [unknownTopic(item, resolved)])),
    ...resolved.entries.flatMap((item) => (item.repeats ? [repeatedTopic(item, resolved)] : [])),
    ...outOfOrder(resolved),
    ...resolved.missing.map((missing) => missingTopic(missing, resolved)),
  ]),
);

function unknownTopic({ entry }: ResolvedEntry, { ctx }: ResolvedTopics): OffsetFinding {
  const closest = closestTopic(entry.title, ctx.topics);
  return {
    rule: 'topic-catalog',
    start: entry.textStart,
    end: entry.textEnd,
    message: `topic is not in the catalog: \`${entry.title}\`${closest ? `; closest catalog topic: \`${fillTitle(closest.title, ctx.names)}\` (${closest.id})` : ''}`,
    actual: entry.title,
  };
}

/** A second entry of one topic; removed by `fix` when it links to the same page as the first. */
function repeatedTopic({ entry, topic, target, repeats }: ResolvedEntry, { ctx }: ResolvedTopics): OffsetFinding {
  const first = repeats!;
  return {
    rule: 'topic-catalog',
    start: entry.textStart,
    end: entry.textEnd,
    message: `topic listed twice: \`${first.entry.title}\` (line ${first.entry.line}) is the same topic (${topic!.id})`,
    actual: entry.title,
    ...(first.target && first.target === target ? { fix: { edits: [deleteLines(ctx.source, entry)] } } : {}),
  };
}

/** Topics must follow catalog order: the longest in-order run stays, the rest move. */
function outOfOrder({ ctx, present }: ResolvedTopics): OffsetFinding[] {
  const rank = (item: ResolvedEntry): number => ctx.topics.indexOf(item.topic!);
  const keep = longestIncreasing(present.map(rank));
  return present.flatMap((item, i) => {
    if (keep.has(i)) return [];
    const before = present.find((other, j) => keep.has(j) && rank(other) > rank(item));
    const name = fillTitle(item.topic!.title, ctx.names);
    const finding: OffsetFinding = {
      rule: 'topic-catalog',
      start: item.entry.textStart,
      end: item.entry.textEnd,
      message: before
        ? `topic out of catalog order: \`${name}\` belongs before \`${before.entry.title}\``
        : `topic out of catalog order: \`${name}\` belongs after \`${present[present.length - 1]!.entry.title}\``,
      actual: item.entry.title,
    };
    if (before) {
      const cut = deleteLines(ctx.source, item.entry);
      const line = ctx.source.slice(cut.start, cut.end);
      const insertAt = lineStartOf(ctx.source, before.entry.item.position!.start.offset!);
      finding.fix = { edits: [{ start: insertAt, end: insertAt, text: line.endsWith('\n') ? line : `${line}\n` }, cut] };
    }
    return [finding];
  });
}

/** A required topic the list lacks, or one whose page is in the folder (`fix` links that page back in). */
function missingTopic({ topic, rank, page }: MissingTopic, { ctx, present }: ResolvedTopics): OffsetFinding {
  const title = fillTitle(topic.title, ctx.names);
  const at = ctx.list ? ctx.list.entries[ctx.list.entries.length - 1]!.textStart : ctx.listAt;
  const finding: OffsetFinding = {
    rule: 'topic-catalog',
    start: at,
    end: at,
    message: page
      ? `topic \`${title}\` (${topic.id}) is missing from the Topics list, but its page \`${basename(page.path)}\` is in the folder`
      : `missing required topic \`${title}\` (${topic.id})`,
    expected: title,
  };
  if (page && ctx.list) {
    const next = present.find((item) => ctx.topics.indexOf(item.topic!) > rank);
    const line = `${ctx.list.marker} [${escapeText(title, ctx.style)}](${encodeURI(basename(page.path))})`;
    if (next) {
      const start = lineStartOf(ctx.source, next.entry.item.position!.start.offset!);
      finding.fix = { edits: [{ start, end: start, text: `${line}\n` }] };
    } else {
      const end = ctx.list.list.position!.end.offset!;
      finding.fix = { edits: [{ start: end, end, text: `\n${line}` }] };
    }
  }
  return finding;
}

/** The edit removing an entry's whole line(s). */
function deleteLines(source: string, entry: TopicEntry): Edit {
  const start = lineStartOf(source, entry.item.position!.start.offset!);
  const newline = source.indexOf('\n', entry.item.position!.end.offset!);
  if (newline !== -1) return { start, end: newline + 1, text: '' };
  // Last line of the file: take the newline before it instead.
  return { start: Math.max(0, start - 1), end: source.length, text: '' };
}
