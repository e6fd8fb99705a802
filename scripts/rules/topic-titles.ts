/**
 * topic-titles: each Topics entry reads the catalog's canonical title with the service's name
 * (casing included), and the link text equals the H1 of the page it links to. The fix renames the
 * link text and the target page's H1 together, and links to the H1's old slug elsewhere.
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
import type { ResolvedEntry, TopicContext } from '../topics/resolve-topics.js';
import { resolvedTopicsOf } from '../topics/topics-analysis.js';

export default defineRule(
  {
    id: "topic-titles",
    description: "a Topics title that is not the catalog's canonical title, or link text that differs from the target page's H1",
    docs: "Titles are compared with the catalog's canonical title (casing included) with the service's names filled in.",
    fixable: "renames the link text and the target page's H1, and links elsewhere that use the old H1",
    crossFile: "folder",
    defaultSeverity: "error",
    examples: [
      { title: "a title in other casing", base: "s3", replace: {"s3/security.md": ["[Data protection in Amazon S3]", "[Data Protection in Amazon S3]"]}, findings: ["s3/security.md:12:4 topic title differs from the catalog: expected `Data protection in Amazon S3`, found `Data Protection in Amazon S3`", "s3/security.md:12:4 link text differs from the title of `DataDurability.md`: the page's H1 is `Data protection in Amazon S3`, the link says `Data Protection in Amazon S3`"] },
    ],
  },
  judging(resolvedTopicsOf, ({ ctx, entries }) => {
    const findings: OffsetFinding[] = [];
    for (const item of entries) {
      const { entry, topic, target, repeats } = item;
      if (repeats) continue; // topic-catalog reports the repeat
      const h1 = target?.h1?.text;
      if (!topic) {
        if (h1 !== undefined && h1 !== entry.title) findings.push(linkTextFinding(item, ctx, undefined));
        continue;
      }
      const expected = fillTitle(topic.title, ctx.names);
      if (entry.title !== expected) {
        findings.push({
          rule: 'topic-titles',
          start: entry.textStart,
          end: entry.textEnd,
          message: `topic title differs from the catalog: expected \`${expected}\`, found \`${entry.title}\``,
          expected,
          actual: entry.title,
          fix: renameTopic(item, expected, ctx),
        });
      }
      if (h1 !== undefined && h1 !== entry.title) findings.push(linkTextFinding(item, ctx, expected));
    }
    return findings;
  }),
);

/** Link text that is not the target page's H1; fixed to the catalog title when the topic is known, else to the H1. */
function linkTextFinding(item: ResolvedEntry, ctx: TopicContext, catalogTitle: string | undefined): OffsetFinding {
  const { entry, target } = item;
  const h1 = target!.h1!;
  return {
    rule: 'topic-titles',
    start: entry.textStart,
    end: entry.textEnd,
    message: `link text differs from the title of \`${basename(target!.path)}\`: the page's H1 is \`${h1.text}\`, the link says \`${entry.title}\``,
    expected: h1.text,
    actual: entry.title,
    fix: catalogTitle !== undefined ? renameTopic(item, catalogTitle, ctx) : { edits: [{ start: entry.textStart, end: entry.textEnd, text: escapeText(h1.text, ctx.style) }] },
  };
}

/** Renames a topic everywhere at once: link text, the target page's H1, and links to its old heading slug. */
function renameTopic(item: ResolvedEntry, title: string, ctx: TopicContext): Fix {
  const { entry, target } = item;
  const edits: Edit[] = [];
  if (entry.title !== title) edits.push({ start: entry.textStart, end: entry.textEnd, text: escapeText(title, ctx.style) });
  const h1 = target?.h1;
  if (target && h1 && h1.text !== title) {
    edits.push({ file: target.path, start: h1.contentStart, end: h1.contentEnd, text: escapeText(title, { escapesPunctuation: target.escapesPunctuation }) });
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
