/**
 * Property tests over generated hostile Markdown (emphasis runs, brackets, reference links,
 * nesting, code, HTML, long lines, control characters, mixed line endings, odd file names): every
 * run ends, a refused page has that one finding, and no output format carries page text raw.
 */
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkDocs } from '../scripts/engine/check.js';
import { githubReport } from '../scripts/reporters/github.js';
import { humanReport } from '../scripts/reporters/human.js';
import { jsonReport } from '../scripts/reporters/json.js';
import { sarifReport } from '../scripts/reporters/sarif.js';
import { makeDocsTree } from './helpers/docs-tree.js';

const properties = suite('hostile input: properties');

const repeat = (text: string, max: number) => fc.integer({ min: 1, max }).map((n) => text.repeat(n));

const piece = fc.oneof(
  repeat('*a_ ', 2_500),
  repeat('*a* _b_ **c** ', 400),
  fc.integer({ min: 1, max: 3_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}(x.md)`),
  fc.integer({ min: 1, max: 12_000 }).map((n) => Array(n).fill('[a][m]').join(' ')),
  fc.constantFrom('[m]: other.md', '[a]: <x y.md>', '![img](pic.png)', '<https://example.com/a_b>'),
  fc.integer({ min: 1, max: 70 }).map((n) => `${'> '.repeat(n)}deep`),
  fc.integer({ min: 1, max: 70 }).map((n) => `${'- '.repeat(n)}item`),
  fc.string({ maxLength: 40 }).map((s) => `\`\`\`\n${s}\n\`\`\``),
  fc.string({ maxLength: 40 }).map((s) => `\`${s}\``),
  fc.constantFrom('<span class="a_b">', '</div>', '<!-- lint disable -->', '<a name="x"></a>', '<script>alert(1)</script>'),
  repeat('word ', 5_000),
  fc.constantFrom('\u001b[31mred\u001b[0m', '\u001b]8;;http://x\u0007link\u001b]8;;\u0007', '[\u202Eevil]', '\u2066iso\u2069', 'bell\u0007', 'nul\u0000', '\u001bc'),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

const page = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n'))
  .map(([pieces, eol]) => `# Title${eol}${eol}${pieces.join(eol)}${eol}`);

const fileName = fc.constantFrom('page.md', 'we\u202Eird.md', 'esc\u001b[1m.md', 'new\nline.md', 'sp ace.md', 'ünï.md', '-dash.md', 'a%0Ab,c:d.md', 'tab\there.md');

/** Characters a terminal acts on; the human report's own colours are removed before looking. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

properties('every run ends, within its budget, and every output format escapes page text', async () => {
  await fc.assert(
    fc.asyncProperty(fileName, page, async (name, text) => {
      const root = makeDocsTree({ [`guide/${name}`]: text });
      const { files, findings } = await checkDocs({ docsRoot: root, cwd: root, pageBudgetMs: 1_000 });
      const refused = findings.filter((f) => f.ruleId === 'check-page');
      if (refused.length > 0) assert.equal(findings, refused, 'a refused page has that one finding');
      const perRule = new Map<string, number>();
      for (const f of findings) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
      assert.ok([...perRule.values()].every((n) => n <= 51), 'at most 50 findings of a rule, and the count of the rest');
      assert.ok(findings.every((f) => f.message.length < 600), 'messages quote at most 160 characters of the page');
      for (const color of [false, true]) {
        const human = humanReport(files.map((f) => f.file), color).replace(/\u001b\[\d+m/g, '');
        assert.not.match(human, RAW, 'no raw control or bidi characters in the terminal');
      }
      assert.is((JSON.parse(jsonReport(findings)) as unknown[]).length, findings.length);
      assert.ok(JSON.parse(sarifReport(findings, '0.0.0')));
      const github = githubReport(findings);
      if (findings.length > 0) assert.ok(github.split('\n').every((line) => line.startsWith('::')), 'one workflow command per line');
    }),
    { numRuns: 30, seed: 19, endOnFailure: true },
  );
});

properties.run();
