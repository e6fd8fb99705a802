/**
 * Every offline rule, as one remark preset: `.remarkrc.mjs` and `npm run check` both load this,
 * so editors, `npx remark docs` and the CLI report the same findings.
 */
import type { Preset } from 'unified';
import templateBlocks from './template-blocks.js';
import templateHeading from './template-heading.js';
import templateName from './template-name.js';
import templateWording from './template-wording.js';

const preset: Preset = {
  plugins: [
    [templateHeading, ['error']],
    [templateBlocks, ['error']],
    [templateWording, ['error']],
    [templateName, ['error']],
  ],
};

export default preset;
