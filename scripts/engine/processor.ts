/** The unified processor every check runs through: remark's parser and our preset of rules. */
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import preset from '../rules/preset.js';

const processor = unified().use(remarkParse).use(preset).freeze();

/** Parses a file once and runs every rule on that one tree; messages land on the file. */
export async function lintFile(file: VFile): Promise<void> {
  const tree = processor.parse(file);
  await processor.run(tree, file);
}
