/**
 * topic-titles: each Topics entry reads the catalog's canonical title with the service's name
 * (casing included), and the link text equals the heading it links to (the page's H1, or the
 * heading at its `#fragment`). The fix renames the link text and that heading together, and links
 * to the heading's old slug elsewhere.
 *
 * found: `[Data Protection in Amazon Kinesis Data Streams](...)`
 *   -> topic title differs from the catalog: expected `Data protection in Amazon Kinesis Data Streams`
 */
import { defineRule, judging } from '../rule-kit/define-rule.js';
import { basename } from 'node:path';
import GithubSlugger from 'github-slugger';
import { linksTo } from '../corpus/links-to.js';
import type { Edit, Fix, OffsetFinding } from '../template/edit.js';
import { escapeText } from '../template/markup.js';
import { fillTitle } from '../topics/catalog.js';
import type { RetitleEvidence } from '../topics/title-closeness.js';
import type { ResolvedEntry, TopicContext } from '../topics/resolve-topics.js';
import { resolvedTopicsOf } from '../topics/topics-analysis.js';

export default defineRule(
  {
    id: "topic-titles",
    description: "a Topics title that is not the catalog's canonical title, or link text that differs from the heading it links to",
    docs: "A known topic's title is compared with the catalog's canonical title (casing included) with the service's names filled in; an entry whose title drifted is still known by its file name and title (see topic-catalog). The catalog's title wins over the target page's H1: an entry gets one finding, and the fix renames the link text and the H1 to the catalog's title. Link text is compared with the heading the link lands on (the target's H1, or the heading at its `#fragment`, on another page or the service page itself) for an entry the catalog does not know, and when the service page gives no name to fill the catalog's titles with (a placeholder H1 and none pinned in the manifest): then no title is judged by the catalog, since the template-heading rule reports the H1.",
    fixable: "renames the link text and the target page's H1 (or the heading at the link's fragment), and links elsewhere that use the old heading",
    crossFile: "folder",
    defaultSeverity: "error",
    examples: [
      { title: "a title in other casing", base: "s3", replace: {"s3/security.md": ["[Data protection in Amazon S3]", "[Data Protection in Amazon S3]"]}, findings: ["s3/security.md:12:4 topic title differs from the catalog: expected `Data protection in Amazon S3`, found `Data Protection in Amazon S3`"] },
      { title: "a topic under a drifted title, known by its title and file name", base: "s3", replace: {"s3/security.md": ["[Resilience in Amazon S3]", "[Resiliency in Amazon S3]"], "s3/disaster-recovery-resiliency.md": ["# Resilience in Amazon S3", "# Resiliency in Amazon S3"]}, findings: ["s3/security.md:16:4 topic title differs from the catalog: expected `Resilience in Amazon S3`, found `Resiliency in Amazon S3`; taken for the resilience topic by its title and file name"] },
    ],
  },
  judging(resolvedTopicsOf, ({ ctx, entries }) => entries.flatMap((item) => titleFindings(item, ctx))),
);

/**
 * At most one finding per entry. A known topic is judged by the catalog's title, which wins over
 * the target's H1 (the fix renames both to it); link text is compared with the heading the link
 * lands on only for an entry the catalog does not know, or when the page gives no service name to
 * fill the catalog's title with.
 */
function titleFindings(item: ResolvedEntry, ctx: TopicContext): OffsetFinding[] {
  const { entry, topic, heading, repeats } = item;
  if (repeats) return []; // topic-catalog reports the repeat
  if (!topic || !ctx.namesBound) return heading && heading.text !== entry.title ? [linkTextFinding(item, ctx)] : [];
  const expected = fillTitle(topic.title, ctx.names);
  if (entry.title !== expected) {
    const h1Too = heading && heading.text !== entry.title && heading.text !== expected ? ` (${landingName(item)} says \`${heading.text}\`)` : '';
    const taken = item.retitled ? `; taken for the ${topic.id} topic by ${evidenceWords(item.retitled)}` : '';
    return [{
      rule: 'topic-titles',
      start: entry.textStart,
      end: entry.textEnd,
      message: `topic title differs from the catalog: expected \`${expected}\`, found \`${entry.title}\`${h1Too}${taken}`,
      expected,
      actual: entry.title,
      fix: renameTopic(item, expected, ctx),
    }];
  }
  if (heading && heading.text !== expected) {
    return [{
      rule: 'topic-titles',
      start: entry.textStart,
      end: entry.textEnd,
      message: `${linkTextMessage(item)}, the catalog's title: the fix renames the ${atSection(item) ? 'heading' : 'H1'} to it`,
      expected,
      actual: heading.text,
      fix: renameTopic(item, expected, ctx),
    }];
  }
  return [];
}

/** What the link lands on, as a writer names it: `the H1 of x.md`, or `the heading at #y of x.md`. */
function landingName(item: ResolvedEntry): string {
  const file = `\`${basename(item.target!.path)}\``;
  return atSection(item) ? `the heading at \`#${item.entry.url!.split('#').pop()}\` of ${file}` : `the H1 of ${file}`;
}

function linkTextMessage(item: ResolvedEntry): string {
  const { entry, heading } = item;
  return atSection(item)
    ? `link text differs from ${landingName(item)}: the heading is \`${heading!.text}\`, the link says \`${entry.title}\``
    : `link text differs from the title of \`${basename(item.target!.path)}\`: the page's H1 is \`${heading!.text}\`, the link says \`${entry.title}\``;
}

/** True when the link lands on a section heading rather than its page's H1. */
function atSection({ entry, heading }: ResolvedEntry): boolean {
  return heading !== undefined && heading.depth !== 1 && entry.url?.includes('#') === true;
}

function evidenceWords(evidence: RetitleEvidence): string {
  if (evidence.titleIsClose) return evidence.fileNameNamesTopic ? 'its title and file name' : 'its title';
  return 'its file name';
}

/** Link text that is not the title of what it links to: `fix` writes that title into the link. */
function linkTextFinding(item: ResolvedEntry, ctx: TopicContext): OffsetFinding {
  const { entry, heading } = item;
  return {
    rule: 'topic-titles',
    start: entry.textStart,
    end: entry.textEnd,
    message: linkTextMessage(item),
    expected: heading!.text,
    actual: entry.title,
    fix: { edits: [{ start: entry.textStart, end: entry.textEnd, text: escapeText(heading!.text, ctx.style) }] },
  };
}

/** Renames a topic everywhere at once: link text, the heading it lands on, and links to that heading's old slug. */
function renameTopic(item: ResolvedEntry, title: string, ctx: TopicContext): Fix {
  const { entry, target, heading: h1 } = item;
  const edits: Edit[] = [];
  if (entry.title !== title) edits.push({ start: entry.textStart, end: entry.textEnd, text: escapeText(title, ctx.style) });
  if (target && h1 && h1.text !== title) {
    const text = escapeText(title, { escapesPunctuation: target.escapesPunctuation });
    edits.push(target.path === ctx.pagePath ? { start: h1.contentStart, end: h1.contentEnd, text } : { file: target.path, start: h1.contentStart, end: h1.contentEnd, text });
    const newSlug = new GithubSlugger().slug(title);
    if (newSlug !== h1.slug) {
      for (const { from, link, fragment } of linksTo(ctx.index, target.path)) {
        if (fragment !== h1.slug) continue;
        const url = `${link.url.slice(0, link.url.indexOf('#') + 1)}${newSlug}`;
        edits.push(from.path === ctx.pagePath ? { start: link.start, end: link.end, text: url } : { file: from.path, start: link.start, end: link.end, text: url });
      }
    }
  }
  return { edits };
}
