// Lets Node import our TypeScript sources directly: ts-node's ESM loader, transpile-only
// (type checking is `npm run typecheck`, part of `npm test`).
import { register } from 'node:module';

register('ts-node/esm', import.meta.url);
