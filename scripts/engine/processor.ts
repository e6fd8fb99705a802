/**
 * The unified processors every check runs through: remark's parser and our preset of rules. A
 * large run parses each page once: the page rules run on that tree while the corpus index is
 * collected from it, and the corpus rules run once the index is complete, on a tree rebuilt from
 * the page's index entry (its links) unless the page is a service page, whose parsed tree is kept.
 */
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { IndexedPage } from '../corpus/corpus-index.js';
import { remarkDocsSyntax } from '../corpus/markdown.js';
import { BudgetExceeded, pageBudgetMs, withinBudget } from '../corpus/parse-budget.js';
import { beyondLimits } from '../corpus/parse-limits.js';
import { docsPageOf } from '../config/layout.js';
import { presetFor, ruleEntries, ruleRank, type Reads, type RuleSettings } from './preset.js';

const processors = new Map<string, Processor<Root, Root, Root>>();

/** The rules that wait (spelling, for cspell): they run after the time-budgeted ones, which run synchronously. */
const WAITING = new Set(ruleEntries.filter((rule) => rule.id === 'spelling').map((rule) => rule.plugin as unknown));

/**
 * The parser and the configured rules (all, or those that read the page or the corpus; of those,
 * the ones that wait or the others), built once per setting.
 */
function processorFor(settings: RuleSettings, reads?: Reads, waits?: boolean): Processor<Root, Root, Root> {
  const key = `${reads ?? 'all'}\0${waits ?? 'both'}\0${JSON.stringify(settings)}`;
  let processor = processors.get(key);
  if (!processor) {
    const preset = presetFor(settings, reads);
    const plugins = waits === undefined ? preset.plugins : preset.plugins?.filter((entry) => WAITING.has(Array.isArray(entry) ? entry[0] : entry) === waits);
    processor = unified().use(remarkParse).use(remarkDocsSyntax).use({ plugins: plugins ?? [] }).freeze() as unknown as Processor<Root, Root, Root>;
    processors.set(key, processor);
  }
  return processor;
}

/**
 * Parses a file once and runs every rule on that one tree; messages land on the file. A page the
 * parser or a rule cannot cope with (say, thousands of nesting levels) becomes an error finding on
 * that page, never a crash of the run.
 */
export async function lintFile(file: VFile, settings: RuleSettings = {}): Promise<void> {
  const everyRule = processorFor(settings);
  await guarded(file, async () => {
    await everyRule.run(everyRule.parse(file), file);
  });
}

/**
 * The first half of a split run: parses the page and runs the rules that read only the page.
 * Returns the tree (for the corpus index), or undefined when the page could not be checked (its
 * finding says why, and the corpus rules are not run on it).
 */
export async function lintWithPageRules(file: VFile, settings: RuleSettings = {}, budgetMs = pageBudgetMs()): Promise<Root | undefined> {
  const pageRules = processorFor(settings, 'page', false);
  const waitingRules = processorFor(settings, 'page', true);
  let parsed: Root | undefined;
  await guarded(file, async () => {
    // The parse and the rules that do not wait run within the page's time budget; spelling's own
    // heavy part (the template comparison) is done by then, once per tree. Messages are put in
    // preset order once the corpus rules have run.
    const tree = withinBudget(budgetMs, () => {
      const tree = pageRules.parse(file);
      pageRules.runSync(tree, file);
      return tree;
    });
    await waitingRules.run(tree, file);
    parsed = tree;
  });
  return parsed;
}

/**
 * The second half: the rules that read the corpus index, with the page's messages then put in the
 * order one run of every rule gives. Only service pages need their whole tree (the Topics list and
 * the template); any other page's links are all these rules look at, and its index entry has them.
 */
export async function lintWithCorpusRules(file: VFile, indexed: IndexedPage, parsed?: Root, settings: RuleSettings = {}, budgetMs = pageBudgetMs()): Promise<void> {
  const corpusRules = processorFor(settings, 'corpus');
  // The page passed the size limits before its page rules ran.
  await caught(file, async () => {
    withinBudget(budgetMs, () => {
      const tree = parsed ?? (docsPageOf(file)?.isServicePage ? corpusRules.parse(file) : linksTree(file, indexed));
      corpusRules.runSync(tree, file);
    });
  });
  const rank = (origin: string): number => ruleRank.get(origin) ?? -1;
  file.messages.sort((a, b) => rank(`${a.source}:${a.ruleId}`) - rank(`${b.source}:${b.ruleId}`));
}

/** A tree of just the page's links, images and definitions, where the parser found them. */
function linksTree(file: VFile, indexed: IndexedPage): Root {
  const place = location(file);
  const positionOf = (start: number, end: number) => ({ start: place.toPoint(start) ?? { line: 1, column: 1, offset: start }, end: place.toPoint(end) ?? { line: 1, column: 1, offset: end } });
  return {
    type: 'root',
    children: indexed.links.map((link) => {
      const position = positionOf(link.nodeStart, link.nodeEnd);
      if (link.kind === 'definition') return { type: 'definition', identifier: '', label: '', url: link.url, position };
      if (link.kind === 'image') return { type: 'paragraph', children: [{ type: 'image', url: link.url, alt: '', position }] };
      return { type: 'paragraph', children: [{ type: 'link', url: link.url, children: [], position }] };
    }),
  };
}

async function guarded(file: VFile, check: () => Promise<void>): Promise<void> {
  const tooMuch = beyondLimits(String(file));
  if (tooMuch) {
    fail(file, tooMuch.reason, tooMuch.line);
    return;
  }
  await caught(file, check);
}

async function caught(file: VFile, check: () => Promise<void>): Promise<void> {
  const before = file.messages.length;
  try {
    await check();
  } catch (error) {
    if (error instanceof BudgetExceeded) {
      // One finding for the page: what the rules said before they were stopped may be half the story.
      file.messages.splice(before);
      fail(file, error.message);
      return;
    }
    const reason = error instanceof RangeError ? 'the page nests too deeply to check' : (error as Error).message;
    fail(file, `could not check this page: ${reason}`);
  }
}

function fail(file: VFile, reason: string, line = 1): void {
  const message = file.message(reason, { ruleId: 'check-page', source: 'docs-quality', place: { line, column: 1 } });
  message.fatal = true;
}
