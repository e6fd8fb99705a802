/** What the mdast-based index changes end to end, through the check and fix of a whole tree. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fixDocs } from '../scripts/engine/fix.js';
import { brief, findingsIn } from './helpers/check.js';
import { makeDocsTree, seedTree, shippedConfig, shippedDocs } from './helpers/docs-tree.js';

const e2e = suite('the index follows the Markdown, end to end');

const withPages = (pages: Record<string, string>): string => makeDocsTree({ ...shippedDocs(), ...pages }, shippedConfig());
const append = (root: string, page: string, text: string): void => writeFileSync(join(root, page), readFileSync(join(root, page), 'utf8') + text);
const ruleFindings = async (root: string, rule: string): Promise<string[]> => (await findingsIn(root)).filter((f) => f.ruleId === rule).map(brief);

e2e('a link after a fenced block in a list item, or in <…>, keeps its page from being an orphan', async () => {
  const root = withPages({ 's3/fenced-notes.md': '# Fenced notes\n', 's3/spaced notes.md': '# Spaced notes\n' });
  append(root, 's3/DataDurability.md', '\n1. Run this:\n\n   ```\n   aws s3 ls\n   ```\n\n   See [the notes](fenced-notes.md) and [more](<spaced notes.md>).\n');
  assert.equal(await ruleFindings(root, 'orphan-pages'), []);
});

e2e('a link only in an HTML comment or a code span does not keep its page from being an orphan', async () => {
  const root = withPages({ 's3/commented.md': '# Commented\n', 's3/quoted.md': '# Quoted\n' });
  append(root, 's3/DataDurability.md', '\n<!-- [old](commented.md) -->\n\nWrite `[quoted](quoted.md)` to link it.\n');
  assert.equal(await ruleFindings(root, 'orphan-pages'), [
    's3/commented.md:1:1 orphan-pages page is not linked from any page: add it to the Topics list of `security.md` or remove it',
    's3/quoted.md:1:1 orphan-pages page is not linked from any page: add it to the Topics list of `security.md` or remove it',
  ]);
});

e2e('an anchor written only inside a code span is not a fragment', async () => {
  const root = withPages({});
  append(root, 's3/DataDurability.md', '\nMark it with `<a name="retention"></a>`; see [retention](#retention).\n');
  assert.equal(await ruleFindings(root, 'internal-links'), ['s3/DataDurability.md:7:46 internal-links link points to a missing anchor `#retention` in `this page`']);
});

e2e('an anchor a code fence left open swallowed is reported with the block to look at', async () => {
  const root = withPages({ 's3/fenced.md': '# Fenced\n\n```\naws s3 ls\n```<a name="listing"></a>\n\n## Copying<a name="copying"></a>\n\n```\naws s3 cp\n```\n' });
  append(root, 's3/DataDurability.md', '\nSee [copying](fenced.md#copying).\n');
  assert.equal(await ruleFindings(root, 'internal-links'), [
    's3/DataDurability.md:7:5 internal-links link points to a missing anchor `#copying` in `fenced.md`; it is written inside the code block that starts at line 3: is a code fence before it left open?',
  ]);
});

e2e('the file-rename fix relinks escaped destinations and leaves code spans alone', async () => {
  const root = makeDocsTree(seedTree(), shippedConfig());
  append(root, 'kinesis-data-streams/server-side-encryption.md', '\nSee [compliance](akda\\-java\\-compliance.md#akda-java-compliance); the old file was `akda-java-compliance.md`.\n');
  await fixDocs({ docsRoot: root, cwd: root });
  const page = readFileSync(join(root, 'kinesis-data-streams', 'server-side-encryption.md'), 'utf8');
  assert.match(page, /See \[compliance\]\(compliance-validation\.md#akda-java-compliance\); the old file was `akda-java-compliance\.md`\./);
  assert.equal(await ruleFindings(root, 'internal-links'), []);
});

e2e('the H1 rename writes inside an indented setext heading', async () => {
  const root = withPages({ 's3/DataDurability.md': '  Data Protection in Amazon S3<a name="datadurability"></a>\n  ===\n\nAmazon S3 stores objects redundantly.\n' });
  await fixDocs({ docsRoot: root, cwd: root });
  assert.is(readFileSync(join(root, 's3', 'DataDurability.md'), 'utf8').split('\n')[0], '  Data protection in Amazon S3<a name="datadurability"></a>');
  assert.equal(await ruleFindings(root, 'topic-titles'), []);
});

e2e.run();
