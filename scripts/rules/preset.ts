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

/** What a rule reads: its own page only, or the corpus index too (other pages' titles and links). */
type Reads = 'page' | 'corpus';

const rules: [rule: Plugin<never[], Root>, options: unknown, reads: Reads][] = [
  // Spelling is the one rule that waits (for cspell's dictionaries): first, before any error is
  // on the page (see .remarkrc.mjs for why that matters to remark).
  [spelling, ['error'], 'page'],
  [templateHeading, ['error'], 'page'],
  [templateBlocks, ['error'], 'page'],
  [templateWording, ['error'], 'page'],
  [templateName, ['error'], 'page'],
  [topicLinks, ['error'], 'corpus'],
  [topicTitles, ['error'], 'corpus'],
  [topicCatalog, ['error'], 'corpus'],
  [orphanPages, ['error'], 'corpus'],
  [foreignFileName, ['error'], 'corpus'],
  [internalLinks, ['error'], 'corpus'],
  [linkFragmentCase, ['warn'], 'corpus'],
  [todoPlaceholder, ['error'], 'page'],
  // Style: a small preset the template itself passes; the first two are fixable.
  [finalNewline, ['error'], 'page'],
  [trailingSpaces, ['error'], 'page'],
  [unorderedListMarkerStyle, ['error', 'consistent'], 'page'],
  [headingStyle, ['error', 'atx'], 'page'],
  [emphasisMarker, ['error', 'consistent'], 'page'],
  [strongMarker, ['error', 'consistent'], 'page'],
  [hardBreakSpaces, ['error'], 'page'],
  [listItemBulletIndent, ['error'], 'page'],
  [noHeadingContentIndent, ['error'], 'page'],
  [noMultipleToplevelHeadings, ['error'], 'page'],
  [noConsecutiveBlankLines, ['error'], 'page'],
  [noUndefinedReferences, ['error'], 'page'],
  [noUnusedDefinitions, ['error'], 'page'],
  [noDuplicateDefinitions, ['error'], 'page'],
  [noEmptyUrl, ['error'], 'page'],
];

const presetOf = (reads?: Reads): Preset => ({ plugins: rules.filter(([, , r]) => !reads || r === reads).map(([rule, options]) => [rule, options] as PluggableList[number]) });

/** Every rule, in the order remark runs them. */
const preset: Preset = presetOf();

/** The rules that read only their own page: they run before the corpus index exists. */
export const pageRulesPreset: Preset = presetOf('page');

/** The rules that read the corpus index: run once the index is complete. */
export const corpusRulesPreset: Preset = presetOf('corpus');

/** Each rule's place in `preset` by its message origin (`docs-quality:spelling`), for ordering messages as one run would. */
export const ruleRank: ReadonlyMap<string, number> = new Map(rules.map(([rule], i) => [rule.name, i]));

export default preset;
