/**
 * topic-catalog: every Topics entry is a catalog topic (or one the services manifest declares for
 * this service), required topics are present, none is listed twice, and they follow catalog order.
 * A missing topic whose page already exists unlinked in the folder is linked back in by `fix`; the
 * topics a list lacks are one finding, since they are missing at one place for one cause.
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
import { closestTopic } from '../topics/title-closeness.js';
import { titleFor, type MissingTopic, type ResolvedEntry, type ResolvedTopics } from '../topics/resolve-topics.js';
import type { TopicEntry } from '../topics/topics-list.js';
import { resolvedTopicsOf } from '../topics/topics-analysis.js';

export default defineRule(
  {
    id: "topic-catalog",
    description: "a Topics entry the catalog does not know, a topic listed twice or out of order, required topics missing",
    docs: "The Topics list holds the catalog's topics (plus the service's own from the manifest), each once, in catalog order, with every required topic. An entry is known by the catalog's title or an alias (any casing, any name), by the H1 of its page, or, for a topic the list otherwise lacks, by the evidence of a drifted title: a title close to one of the topic's titles, or a file name that names the topic (`security-iam.md`, `disaster-recovery-resiliency.md`: every word of it a word of the topic's id or titles) with a title that shares a word with it; topic-titles then reports one rename. A title is close when, compared by word stems without the service's names and small words, all of its words are in one of the topic's titles and make at least half of it, or the other way round. An unknown entry names the closest catalog topic only when it is close (and, when that topic is already listed, where, since a rename would list it twice); otherwise the finding says to declare it in the service's `extraTopics` or add it to the catalog. The topics the list lacks are one finding at the end of the list; without a service name on the page, their titles say `<service>`.",
    fixable: "removes a duplicate of the same page, moves a misplaced entry, links the missing topics whose pages are in the folder",
    crossFile: "folder",
    defaultSeverity: "error",
    examples: [
      { title: "two entries swapped", base: "s3", replace: {"s3/security.md": ["+ [Resilience in Amazon S3](disaster-recovery-resiliency.md)\n+ [Infrastructure security in Amazon S3](network-isolation.md)", "+ [Infrastructure security in Amazon S3](network-isolation.md)\n+ [Resilience in Amazon S3](disaster-recovery-resiliency.md)"]}, findings: ["s3/security.md:17:4 topic out of catalog order: `Resilience in Amazon S3` belongs before `Infrastructure security in Amazon S3`"] },
      { title: "an entry that shares a word with a topic is not close to it", base: "s3", pages: {"s3/lake-formation.md": "# Querying data registered with AWS Lake Formation\n"}, replace: {"s3/security.md": ["+ [Security best practices for Amazon S3](security-best-practices.md)", "+ [Security best practices for Amazon S3](security-best-practices.md)\n+ [Querying data registered with AWS Lake Formation](lake-formation.md)"]}, findings: ["s3/security.md:20:4 topic is not in the catalog: `Querying data registered with AWS Lake Formation`: declare it in this service's `extraTopics` (`_template/services.json`) or add it to the catalog (`_template/topics.json`)"] },
    ],
  },
  judging(resolvedTopicsOf, (resolved) => [
    ...resolved.entries.flatMap((item) => (item.topic ? [] : [unknownTopic(item, resolved)])),
    ...resolved.entries.flatMap((item) => (item.repeats ? [repeatedTopic(item, resolved)] : [])),
    ...outOfOrder(resolved),
    ...missingTopics(resolved),
  ]),
);

/**
 * An entry no catalog topic stands for. It names a catalog topic only when its title is close to
 * one (see title-closeness.ts): a topic it shares a word or two with is no suggestion. When that
 * topic is already listed, renaming this entry would list it twice, so the finding says so.
 */
function unknownTopic({ entry }: ResolvedEntry, { ctx, present }: ResolvedTopics): OffsetFinding {
  const closest = closestTopic(entry.title, ctx.topics, [ctx.names.service, ctx.names.short]);
  const listed = closest && present.find((item) => item.topic === closest);
  const declare = "declare it in this service's `extraTopics` (`_template/services.json`)";
  let message = `topic is not in the catalog: \`${entry.title}\`: ${declare} or add it to the catalog (\`_template/topics.json\`)`;
  if (closest && listed) message = `topic is not in the catalog: \`${entry.title}\`; its closest catalog topic, \`${listed.entry.title}\` (${closest.id}), is listed at line ${listed.entry.line}: merge the two, or ${declare}`;
  else if (closest) message = `topic is not in the catalog: \`${entry.title}\`; closest catalog topic: \`${titleFor(closest, ctx)}\` (${closest.id})`;
  return { rule: 'topic-catalog', start: entry.textStart, end: entry.textEnd, message, actual: entry.title };
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
    // Without the service's name the catalog title would carry the folder's: say the entry's own.
    const name = ctx.namesBound ? titleFor(item.topic!, ctx) : item.entry.title;
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

/**
 * The topics the list lacks, as one finding at the end of the list (one position, one cause): the
 * required ones, and those whose page is in the folder (`fix` links each of those pages in).
 */
function missingTopics({ ctx, present, missing }: ResolvedTopics): OffsetFinding[] {
  if (missing.length === 0) return [];
  const at = ctx.list ? ctx.list.entries[ctx.list.entries.length - 1]!.textStart : ctx.listAt;
  const titles = missing.map((m) => titleFor(m.topic, ctx));
  const finding: OffsetFinding = { rule: 'topic-catalog', start: at, end: at, message: missingMessage(missing, titles), expected: titles.join('\n') };
  const edits = ctx.list ? missing.flatMap((m) => (m.page ? [linkEdit(m, ctx, present)] : [])) : [];
  if (edits.length > 0) finding.fix = { edits: mergeInsertions(edits) };
  return [finding];
}

function missingMessage(missing: readonly MissingTopic[], titles: readonly string[]): string {
  const [only] = missing;
  if (missing.length === 1 && only) {
    return only.page
      ? `topic \`${titles[0]}\` (${only.topic.id}) is missing from the Topics list, but its page \`${basename(only.page.path)}\` is in the folder`
      : `missing required topic \`${titles[0]}\` (${only.topic.id})`;
  }
  const each = missing.map((m, i) => `\`${titles[i]}\` (${m.topic.id}${m.page ? `; its page \`${basename(m.page.path)}\` is in the folder` : ''})`);
  const list = `${each.slice(0, -1).join(', ')} and ${each[each.length - 1]}`;
  return missing.every((m) => !m.page) ? `missing required topics: ${list}` : `topics missing from the Topics list: ${list}`;
}

/** The edit linking a missing topic's page into the list, before the next topic in catalog order. */
function linkEdit({ topic, rank, page }: MissingTopic, ctx: ResolvedTopics['ctx'], present: readonly ResolvedEntry[]): Edit {
  const list = ctx.list!;
  // Without the service's name, the link says what the page's own H1 says.
  const title = ctx.namesBound || !page!.h1 ? titleFor(topic, ctx) : page!.h1.text;
  const next = present.find((item) => ctx.topics.indexOf(item.topic!) > rank);
  const line = `${list.marker} [${escapeText(title, ctx.style)}](${encodeURI(basename(page!.path))})`;
  if (next) {
    const start = lineStartOf(ctx.source, next.entry.item.position!.start.offset!);
    return { start, end: start, text: `${line}\n` };
  }
  const end = list.list.position!.end.offset!;
  return { start: end, end, text: `\n${line}` };
}

/** Insertions at one offset as one edit, in order (edits at one place would otherwise collide). */
function mergeInsertions(edits: readonly Edit[]): Edit[] {
  const merged: Edit[] = [];
  for (const edit of edits) {
    const same = merged.find((m) => m.start === edit.start && m.end === edit.end);
    if (same) same.text += edit.text;
    else merged.push({ ...edit });
  }
  return merged;
}

/** The edit removing an entry's whole line(s). */
function deleteLines(source: string, entry: TopicEntry): Edit {
  const start = lineStartOf(source, entry.item.position!.start.offset!);
  const newline = source.indexOf('\n', entry.item.position!.end.offset!);
  if (newline !== -1) return { start, end: newline + 1, text: '' };
  // Last line of the file: take the newline before it instead.
  return { start: Math.max(0, start - 1), end: source.length, text: '' };
}
