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
import type { Preset } from 'unified';
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

const preset: Preset = {
  plugins: [
    // Spelling is the one rule that waits (for cspell's dictionaries): first, before any error is
    // on the page (see .remarkrc.mjs for why that matters to remark).
    [spelling, ['error']],
    [templateHeading, ['error']],
    [templateBlocks, ['error']],
    [templateWording, ['error']],
    [templateName, ['error']],
    [topicLinks, ['error']],
    [topicTitles, ['error']],
    [topicCatalog, ['error']],
    [orphanPages, ['error']],
    [foreignFileName, ['error']],
    [internalLinks, ['error']],
    [linkFragmentCase, ['warn']],
    [todoPlaceholder, ['error']],
    // Style: a small preset the template itself passes; the first two are fixable.
    [finalNewline, ['error']],
    [trailingSpaces, ['error']],
    [unorderedListMarkerStyle, ['error', 'consistent']],
    [headingStyle, ['error', 'atx']],
    [emphasisMarker, ['error', 'consistent']],
    [strongMarker, ['error', 'consistent']],
    [hardBreakSpaces, ['error']],
    [listItemBulletIndent, ['error']],
    [noHeadingContentIndent, ['error']],
    [noMultipleToplevelHeadings, ['error']],
    [noConsecutiveBlankLines, ['error']],
    [noUndefinedReferences, ['error']],
    [noUnusedDefinitions, ['error']],
    [noDuplicateDefinitions, ['error']],
    [noEmptyUrl, ['error']],
  ],
};

export default preset;
