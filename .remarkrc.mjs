// remark configuration: `npx remark docs` and editors (remark language server) run the same
// rules as `npm run check`. Our rules are TypeScript, loaded through ts-node's ESM loader.
import { register } from 'node:module';

register('ts-node/esm', import.meta.url);

const { default: preset } = await import('./scripts/rules/preset.ts');

export default {
  plugins: [preset],
};
