/**
 * Every offline rule, as one remark preset: `.remarkrc.mjs` and `npm run check` both load this,
 * so editors, `npx remark docs` and the CLI report the same findings.
 */
import type { Preset } from 'unified';
import foreignFileName from './foreign-file-name.js';
import internalLinks from './internal-links.js';
import orphanPages from './orphan-pages.js';
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
    [todoPlaceholder, ['error']],
  ],
};

export default preset;
