// remark configuration: `npx remark docs` and editors (remark language server) run the same
// rules as `npm run check`, plus remark-validate-links (taught `<a name>` anchors) as the
// reference link checker. Our rules are TypeScript, loaded through ts-node's ESM loader.
import { register } from 'node:module';
import remarkValidateLinks from 'remark-validate-links';

register('ts-node/esm', import.meta.url);

const { default: preset } = await import('./scripts/rules/preset.ts');
const { default: htmlAnchors } = await import('./scripts/rules/html-anchors.ts');

export default {
  plugins: [preset, htmlAnchors, [remarkValidateLinks, { repository: false }]],
};
