/**
 * `npm run index:agreement -- DIR...`: for real docs trees, the pages whose corpus index differs
 * from what mdast says of them (see index-agreement.ts), and how many. Exit 1 when any differs.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { listMarkdownFiles } from '../corpus/docs-files.js';
import { decodePage } from '../corpus/read-page.js';
import { indexDifferences } from './index-agreement.js';

function main(): void {
  const { positionals } = parseArgs({ allowPositionals: true });
  if (positionals.length === 0) {
    console.error('usage: npm run index:agreement -- DIR...');
    process.exitCode = 2;
    return;
  }
  let pages = 0;
  let differing = 0;
  for (const dir of positionals) {
    for (const path of listMarkdownFiles(dir)) {
      let text: string;
      try {
        text = decodePage(readFileSync(path)).text;
      } catch {
        continue; // not Markdown text: neither side indexes it
      }
      pages++;
      const differences = indexDifferences(text);
      if (differences.length === 0) continue;
      differing++;
      console.log(`${relative(process.cwd(), path)}\n  ${differences.join('\n  ')}`);
    }
  }
  console.log(`${differing} of ${pages} pages differ between the corpus index and mdast`);
  if (differing > 0) process.exitCode = 1;
}

main();
