// remark configuration: `npx remark docs` and editors (remark language server) run the same
// rules as `npm run check`, with the same `.docs-quality.json` (found from `docs/` of the working
// directory, or the working directory itself, up to the repository root), plus
// remark-validate-links (taught `<a name>` anchors) as the reference link checker. The rules load from the compiled build (`npm run build`, run by `npm install`); a
// checkout without a build falls back to the TypeScript sources via ts-node.
import { existsSync } from 'node:fs';
import { register } from 'node:module';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkValidateLinks from 'remark-validate-links';

const built = new URL('./dist/scripts/', import.meta.url);
let scripts = built;
if (!existsSync(new URL('engine/preset.js', built))) {
  register('ts-node/esm', import.meta.url);
  scripts = new URL('./scripts/', import.meta.url);
}
const load = (path) => import(new URL(`${path}.${scripts === built ? 'js' : 'ts'}`, scripts).href);
const { presetFor } = await load('engine/preset');
const { default: htmlAnchors } = await load('corpus/html-anchors');
const { useConfig } = await load('config/docs-quality-config');
const docs = existsSync(join(process.cwd(), 'docs')) ? join(process.cwd(), 'docs') : process.cwd();
const { rules } = useConfig(docs);

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
  plugins: [remarkFrontmatter, htmlAnchors, [remarkValidateLinks, { repository: false }], presetFor(rules)],
};
