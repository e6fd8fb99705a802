/** The unified processor every check runs through: remark's parser and our preset of rules. */
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { remarkDocsSyntax } from '../corpus/markdown.js';
import { beyondLimits } from '../corpus/parse-limits.js';
import preset from '../rules/preset.js';

const processor = unified().use(remarkParse).use(remarkDocsSyntax).use(preset).freeze();

/**
 * Parses a file once and runs every rule on that one tree; messages land on the file. A page the
 * parser or a rule cannot cope with (say, thousands of nesting levels) becomes an error finding on
 * that page, never a crash of the run.
 */
export async function lintFile(file: VFile): Promise<void> {
  const tooMuch = beyondLimits(String(file));
  if (tooMuch) {
    fail(file, tooMuch);
    return;
  }
  try {
    const tree = processor.parse(file);
    await processor.run(tree, file);
  } catch (error) {
    const reason = error instanceof RangeError ? 'the page nests too deeply to check' : (error as Error).message;
    fail(file, `could not check this page: ${reason}`);
  }
}

function fail(file: VFile, reason: string): void {
  const message = file.message(reason, { ruleId: 'check-page', source: 'docs-quality', place: { line: 1, column: 1 } });
  message.fatal = true;
}
