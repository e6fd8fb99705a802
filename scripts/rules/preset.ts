/**
 * Every offline rule, as one remark preset: `.remarkrc.mjs` and `npm run check` both load this,
 * so editors, `npx remark docs` and the CLI report the same findings.
 */
import emphasisMarker from 'remark-lint-emphasis-marker';
import hardBreakSpaces from 'remark-lint-hard-break-spaces';
import headingStyle from 'remark-lint-heading-style';
import listItemBulletIndent from 'remark-lint-list-item-bullet-indent';
import noConsecutiveBlankLines from 'remark-lint-no-consecutive-blank-lines';
import noDuplicateDefinitions from 'remark-lint-no-duplicate-definitions';
import noEmptyUrl from 'remark-lint-no-empty-url';
import noHeadingContentIndent from 'remark-lint-no-heading-content-indent';
import noMultipleToplevelHeadings from 'remark-lint-no-multiple-toplevel-headings';
import noUndefinedReferences from 'remark-lint-no-undefined-references';
import noUnusedDefinitions from 'remark-lint-no-unused-definitions';
import strongMarker from 'remark-lint-strong-marker';
import unorderedListMarkerStyle from 'remark-lint-unordered-list-marker-style';
import type { Root } from 'mdast';
import type { Plugin, PluggableList, Preset } from 'unified';
import type { RuleSetting, RuleSeverity, RuleSettings } from '../config/docs-quality-config.js';
import finalNewline from './final-newline.js';
import trailingSpaces from './trailing-spaces.js';
import foreignFileName from './foreign-file-name.js';
import internalLinks from './internal-links.js';
import linkFragmentCase from './link-fragment-case.js';
import orphanPages from './orphan-pages.js';
import spelling from './spelling.js';
import templateBlocks from './template-blocks.js';
import templateHeading from './template-heading.js';
import templateName from './template-name.js';
import templateWording from './template-wording.js';
import todoPlaceholder from './todo-placeholder.js';
import topicCatalog from './topic-catalog.js';
import topicLinks from './topic-links.js';
import topicTitles from './topic-titles.js';
import { remarkLintDirectives } from '../engine/lint-directives.js';

/** What a rule reads: its own page only, or the corpus index too (other pages' titles and links). */
export type Reads = 'page' | 'corpus';

export type { RuleSetting, RuleSeverity, RuleSettings };

/** One rule of the preset: its id as findings carry it, its defaults, and what it reads. */
export interface RuleEntry {
  id: string;
  plugin: Plugin<never[], Root>;
  severity: Exclude<RuleSeverity, 'off'>;
  options?: unknown;
  reads: Reads;
}

const entry = (plugin: Plugin<never[], Root>, severity: RuleEntry['severity'], reads: Reads, options?: unknown): RuleEntry => ({
  id: plugin.name.slice(plugin.name.indexOf(':') + 1),
  plugin,
  severity,
  reads,
  ...(options === undefined ? {} : { options }),
});

/** Every rule, in the order remark runs them. */
export const ruleEntries: readonly RuleEntry[] = [
  // Spelling is the one rule that waits (for cspell's dictionaries): first, before any error is
  // on the page (see .remarkrc.mjs for why that matters to remark).
  entry(spelling, 'error', 'page'),
  entry(templateHeading, 'error', 'page'),
  entry(templateBlocks, 'error', 'page'),
  entry(templateWording, 'error', 'page'),
  entry(templateName, 'error', 'page'),
  entry(topicLinks, 'error', 'corpus'),
  entry(topicTitles, 'error', 'corpus'),
  entry(topicCatalog, 'error', 'corpus'),
  entry(orphanPages, 'error', 'corpus'),
  entry(foreignFileName, 'error', 'corpus'),
  entry(internalLinks, 'error', 'corpus'),
  entry(linkFragmentCase, 'warn', 'corpus'),
  entry(todoPlaceholder, 'error', 'page'),
  // Style: a small preset the template itself passes; the first two are fixable.
  entry(finalNewline, 'error', 'page'),
  entry(trailingSpaces, 'error', 'page'),
  entry(unorderedListMarkerStyle, 'error', 'page', 'consistent'),
  entry(headingStyle, 'error', 'page', 'atx'),
  entry(emphasisMarker, 'error', 'page', 'consistent'),
  entry(strongMarker, 'error', 'page', 'consistent'),
  entry(hardBreakSpaces, 'error', 'page'),
  entry(listItemBulletIndent, 'error', 'page'),
  entry(noHeadingContentIndent, 'error', 'page'),
  entry(noMultipleToplevelHeadings, 'error', 'page'),
  entry(noConsecutiveBlankLines, 'error', 'page'),
  entry(noUndefinedReferences, 'error', 'page'),
  entry(noUnusedDefinitions, 'error', 'page'),
  entry(noDuplicateDefinitions, 'error', 'page'),
  entry(noEmptyUrl, 'error', 'page'),
];

/** The rule ids a configuration may name. */
export const ruleIds: readonly string[] = ruleEntries.map((rule) => rule.id);

/**
 * The preset as a team configured it: each rule at its configured severity and options (a rule set
 * `off` is not run at all), then the page's `<!-- lint … -->` directives. Or only the rules that read
 * the page or the corpus (a split run applies the directives itself, once both halves reported).
 */
export function presetFor(settings: RuleSettings = {}, reads?: Reads): Preset {
  const plugins: PluggableList = [];
  for (const rule of ruleEntries) {
    if (reads && rule.reads !== reads) continue;
    const setting = settings[rule.id];
    const [severity, options] = setting === undefined ? [rule.severity, rule.options] : Array.isArray(setting) ? setting : [setting, rule.options];
    if (severity === 'off') continue;
    plugins.push([rule.plugin as Plugin<unknown[], Root>, options === undefined ? [severity] : [severity, options]] as PluggableList[number]);
  }
  if (!reads) plugins.push(remarkLintDirectives(ruleIds));
  return { plugins };
}

/** Each rule's place in the preset by its message origin (`docs-quality:spelling`), for ordering messages as one run would. */
export const ruleRank: ReadonlyMap<string, number> = new Map(ruleEntries.map((rule, i) => [rule.plugin.name, i]));

/** Every rule at its default severity: what `.remarkrc.mjs` loads when the team configured nothing. */
export default presetFor();
