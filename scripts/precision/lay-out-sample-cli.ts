/** `npm run sample:lay-out -- DIR [SAMPLE]`: lays the real security sample out as a docs tree in DIR. */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { layOutSample } from './lay-out-sample.js';

const { positionals } = parseArgs({ allowPositionals: true });
const [docsRoot, sampleRoot = join('..', 'shared', 'corpus', 'security')] = positionals;
if (!docsRoot) {
  console.error('usage: npm run sample:lay-out -- DIR [SAMPLE]');
  process.exitCode = 2;
} else {
  const guides = layOutSample(sampleRoot, join('docs', '_template'), docsRoot);
  console.log(`${guides.length} security pages laid out in ${docsRoot}`);
}
