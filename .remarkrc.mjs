// remark configuration: `npx remark docs` and editors (remark language server) run the same
// rules as `npm run check`, plus remark-validate-links (taught `<a name>` anchors) as the
// reference link checker. The rules load from the compiled build (`npm run build`, run by
// `npm install`); a checkout without a build falls back to the TypeScript sources via ts-node.
import { existsSync } from 'node:fs';
import { register } from 'node:module';
import remarkFrontmatter from 'remark-frontmatter';
import remarkValidateLinks from 'remark-validate-links';

const built = new URL('./dist/scripts/rules/', import.meta.url);
let rules = built;
if (!existsSync(new URL('preset.js', built))) {
  register('ts-node/esm', import.meta.url);
  rules = new URL('./scripts/rules/', import.meta.url);
}
const extension = rules === built ? 'js' : 'ts';
const { default: preset } = await import(new URL(`preset.${extension}`, rules).href);
const { default: htmlAnchors } = await import(new URL(`html-anchors.${extension}`, rules).href);

/**
 * remark-stringify's options, for `npx remark docs -o` and an editor's format-on-save: the docs'
 * own style (`+` bullets, `*` emphasis, one space after a bullet, a list straight after its lead-in
 * paragraph). What formatting still changes (AWS-style `\.` escapes) is in the README, "Editors".
 */
export const settings = {
  bullet: '+',
  emphasis: '*',
  strong: '*',
  rule: '-',
  fence: '`',
  listItemIndent: 'one',
  tightDefinitions: true,
  join: [(left, right) => (left.type === 'paragraph' && right.type === 'list' ? 0 : undefined)],
};

// Order matters: the plugins that wait (link validation, then spelling) run before any rule adds
// an error, because unified-engine flushes the file set early when a file still in progress
// already carries an error, and remark would then exit without a report.
export default {
  settings,
  plugins: [remarkFrontmatter, htmlAnchors, [remarkValidateLinks, { repository: false }], preset],
};
