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
import finalNewline from '../rules/final-newline.js';
import trailingSpaces from '../rules/trailing-spaces.js';
import foreignFileName from '../rules/foreign-file-name.js';
import internalLinks from '../rules/internal-links.js';
import linkFragmentCase from '../rules/link-fragment-case.js';
import orphanPages from '../rules/orphan-pages.js';
import spelling from '../rules/spelling.js';
import templateBlocks from '../rules/template-blocks.js';
import templateHeading from '../rules/template-heading.js';
import templateName from '../rules/template-name.js';
import templateWording from '../rules/template-wording.js';
import todoPlaceholder from '../rules/todo-placeholder.js';
import topicCatalog from '../rules/topic-catalog.js';
import topicLinks from '../rules/topic-links.js';
import topicTitles from '../rules/topic-titles.js';
import { remarkLintDirectives } from './lint-directives.js';
import type { DefinedRule, RuleMeta } from '../rule-kit/define-rule.js';

/** What a rule reads: its own page only, or the corpus index too (other pages' titles and links). */
export type Reads = 'page' | 'corpus';

export type { RuleSetting, RuleSeverity, RuleSettings };

/** One rule of the preset: its id as findings carry it, its metadata, its default options, and what it reads. */
export interface RuleEntry {
  id: string;
  plugin: Plugin<never[], Root>;
  meta: RuleMeta;
  severity: Exclude<RuleSeverity, 'off'>;
  options?: unknown;
  reads: Reads;
}

/** One of our rules: its metadata is its own. */
const own = <Options>(plugin: DefinedRule<Options>, reads: Reads): RuleEntry => ({ id: plugin.meta.id, plugin: plugin as unknown as Plugin<never[], Root>, meta: plugin.meta, severity: plugin.meta.defaultSeverity, reads });

/** A remark-lint rule: what it finds, in our words, and its page on npm. */
const remarkLint = (plugin: Plugin<never[], Root>, description: string, fixable: string | false, options?: string, choices?: readonly string[]): RuleEntry => {
  const id = plugin.name.slice(plugin.name.indexOf(':') + 1);
  const meta: RuleMeta = {
    id,
    description,
    docs: `remark-lint's \`remark-lint-${id}\`: https://www.npmjs.com/package/remark-lint-${id}`,
    fixable,
    crossFile: 'none',
    defaultSeverity: 'error',
    ...(options === undefined ? {} : { options: `one of ${choices!.map((choice) => JSON.stringify(choice)).join(', ')} (default ${JSON.stringify(options)})` }),
    ...(choices === undefined ? {} : { optionsSchema: { enum: [...choices] } }),
    examples: [],
  };
  return { id, plugin, meta, severity: 'error', reads: 'page', ...(options === undefined ? {} : { options }) };
};

/** Every rule, in the order remark runs them. */
export const ruleEntries: readonly RuleEntry[] = [
  // Spelling is the one rule that waits (for cspell's dictionaries): first, before any error is
  // on the page (see .remarkrc.mjs for why that matters to remark).
  own(spelling, 'page'),
  own(templateHeading, 'page'),
  own(templateBlocks, 'page'),
  own(templateWording, 'page'),
  own(templateName, 'page'),
  own(topicLinks, 'corpus'),
  own(topicTitles, 'corpus'),
  own(topicCatalog, 'corpus'),
  own(orphanPages, 'corpus'),
  own(foreignFileName, 'corpus'),
  own(internalLinks, 'corpus'),
  own(linkFragmentCase, 'corpus'),
  own(todoPlaceholder, 'page'),
  // Style: a small preset the template itself passes; the first two are fixable.
  own(finalNewline, 'page'),
  own(trailingSpaces, 'page'),
  remarkLint(unorderedListMarkerStyle, 'list items marked with different bullets (`+`, `*`, `-`)', false, 'consistent', ['consistent', '*', '+', '-']),
  remarkLint(headingStyle, 'a heading not in ATX style (`# Title`)', false, 'atx', ['consistent', 'atx', 'atx-closed', 'setext']),
  remarkLint(emphasisMarker, 'emphasis marked with both `*` and `_`', false, 'consistent', ['consistent', '*', '_']),
  remarkLint(strongMarker, 'strong emphasis marked with both `**` and `__`', false, 'consistent', ['consistent', '*', '_']),
  remarkLint(hardBreakSpaces, 'a hard break made of more than two spaces', false),
  remarkLint(listItemBulletIndent, 'a list bullet indented from the margin', false),
  remarkLint(noHeadingContentIndent, 'more than one space between `#` and the heading text', false),
  remarkLint(noMultipleToplevelHeadings, 'more than one H1 on a page', false),
  remarkLint(noConsecutiveBlankLines, 'more than one blank line between blocks', false),
  remarkLint(noUndefinedReferences, 'a reference link (`[text][label]`) with no definition', false),
  remarkLint(noUnusedDefinitions, 'a link definition nothing uses', false),
  remarkLint(noDuplicateDefinitions, 'a link label defined twice', false),
  remarkLint(noEmptyUrl, 'a link or image with an empty URL', false),
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
