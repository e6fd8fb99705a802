/**
 * internal-links agrees with remark-validate-links, the reference link checker, on a tree of small
 * pages that covers what remark-validate-links' own tests cover for a local docs tree
 * (`repository: false`): test/fixtures/validate-links/. Both report the same broken links at the
 * same places, except the differences listed below, each deliberate and tested on its own.
 *
 * Every link, image and definition of the fixture says what to expect by its first word: `ok`
 * (neither reports it), `broken` (both do), `ours` (only we do), `theirs` (only
 * remark-validate-links does).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { Definition, Image, Link, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isMarkdownFile } from '../scripts/corpus/docs-files.js';
import type { Finding } from '../scripts/engine/finding.js';
import { brief, findingsIn } from './helpers/check.js';
import { fixtures, makeDocsTree } from './helpers/docs-tree.js';
import { remarkValidateLinks, type ReferenceFinding } from './helpers/remark-validate-links.js';

/** Only remark-validate-links reports these; we accept them, for the reason given. */
const THEIRS_ONLY: Record<string, string> = {
  'differences/line-links.md:3:1': 'a GitHub line link (`example.js#L2`): fragments of files that are not pages are not checked',
  'differences/line-links.md:5:1': 'a GitHub line range (`example.js#L2-L3`): likewise',
  'differences/line-links.md:7:1': 'a PDF page (`guide.pdf#page=2`): likewise; remark-validate-links parses the PDF as Markdown',
  'differences/encoded-fragments.md:7:1': 'a percent-encoded fragment (`#%C3%A9t%C3%A9`): browsers and GitHub decode it, remark-validate-links does not',
  'anchors/html-anchors.md:22:1':
    'a fragment in the exact case of its `<a name>` anchor (`#MixedCase`): remark-validate-links lowercases fragments as GitHub does; browsers and docs sites match exactly, and real AWS pages link `#USER_ReadRepl` this way by the thousand',
  'differences/folder-with-two-readmes.md:3:1':
    'a folder with two READMEs: we read the first by name (README.markdown); remark-validate-links keeps the headings of whichever it processed last (its merge replaces the folder’s headings)',
};

/** Only we report these, for the reason given. */
const OURS_ONLY: Record<string, string> = {
  'differences/case-of-fragments.md:5:1': 'a fragment that differs in case (`#Getting-Started`): GitHub lowercases it, other sites do not (a link-fragment-case warning)',
  'differences/case-of-fragments.md:7:1': 'likewise on another page (`#FIRST-STEPS`)',
  'differences/absolute-paths.md:3:1': 'an absolute path: remark-validate-links without a repository ignores them; the docs are not served from one root',
  'differences/absolute-paths.md:5:1': 'likewise, to a missing page',
  'differences/unsafe-schemes.md:3:1': 'a `javascript:` link: remark-validate-links ignores URLs with a scheme',
  'differences/unsafe-schemes.md:5:1': 'a `file:` link: likewise',
  'differences/unsafe-schemes.md:7:1': 'a `data:` link: likewise',
  'differences/unsafe-schemes.md:9:1': 'a `vbscript:` link: likewise',
  'differences/leaving-the-tree.md:3:1': 'a link to a file beside the docs tree: remark-validate-links finds it on disk; published docs do not have it',
  'differences/leaving-the-tree.md:5:1': 'likewise, with the way out percent-encoded (`..%2F..%2F`)',
  'differences/folder-with-two-readmes.md:5:1': 'a heading of the README we do not read (see the folder with two READMEs above)',
};

type Marker = 'ok' | 'broken' | 'ours' | 'theirs';

const parser = unified().use(remarkParse).use(remarkFrontmatter);

/** Every link, image and definition of the fixture pages, by position, with the word it starts with. */
function markersOf(root: string): Map<string, Marker> {
  const markers = new Map<string, Marker>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const file = relative(root, path).split(sep).join('/');
    if (!entry.isFile() || !isMarkdownFile(entry.name) || file.startsWith('_template/')) continue;
    visit(parser.parse(readFileSync(path, 'utf8')) as Root, (node) => {
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
      const text = labelOf(node);
      if (node.type === 'link' && text === node.url) return; // an autolink: external, nothing to mark
      const at = `${file}:${node.position!.start.line}:${node.position!.start.column}`;
      const marker = /^(ok|broken|ours|theirs)\b/i.exec(text)?.[1]?.toLowerCase() as Marker | undefined;
      if (!marker) throw new Error(`${at}: \`${text}\` does not start with ok, broken, ours or theirs`);
      markers.set(at, marker);
    });
  }
  return markers;
}

function labelOf(node: Link | Image | Definition): string {
  if (node.type === 'image') return node.alt ?? '';
  if (node.type === 'definition') return node.label ?? node.identifier;
  return toString(node);
}

const at = (f: { file: string; line: number; column: number }): string => `${f.file}:${f.line}:${f.column}`;
const byPosition = (a: string, b: string): number => {
  const [fa, la, ca] = a.split(':');
  const [fb, lb, cb] = b.split(':');
  return fa! < fb! ? -1 : fa! > fb! ? 1 : Number(la) - Number(lb) || Number(ca) - Number(cb);
};
const positionsMarked = (markers: Map<string, Marker>, ...wanted: Marker[]): string[] =>
  [...markers].filter(([, marker]) => wanted.includes(marker)).map(([position]) => position).sort(byPosition);

/**
 * remark-validate-links reports a link to a missing file that has a fragment twice (the file, then
 * the heading in it); we report the missing file once. One position each.
 */
function onePerLink(findings: readonly ReferenceFinding[]): string[] {
  const missingFiles = new Set(findings.filter((f) => f.ruleId === 'missing-file').map(at));
  return findings.filter((f) => f.ruleId === 'missing-file' || !missingFiles.has(at(f))).map(at).sort(byPosition);
}

const LINK_RULES = new Set(['internal-links', 'link-fragment-case']);

interface Run {
  root: string;
  markers: Map<string, Marker>;
  theirs: ReferenceFinding[];
  ours: Finding[];
}

let ran: Promise<Run> | undefined;

/** The fixture as a docs tree (with our template), beside a file outside it; both checkers run once. */
function run(): Promise<Run> {
  ran ??= (async () => {
    const work = mkdtempSync(join(tmpdir(), 'docs-quality-differential-'));
    const root = join(work, 'docs');
    renameSync(makeDocsTree({}), root);
    cpSync(join(fixtures, 'validate-links'), root, { recursive: true });
    writeFileSync(join(work, 'outside.md'), '# Beside the docs tree\n');
    return { root, markers: markersOf(root), theirs: remarkValidateLinks(root), ours: await findingsIn(root) };
  })();
  return ran;
}

const linkFindingsOf = (ours: readonly Finding[], file?: string): Finding[] => ours.filter((f) => LINK_RULES.has(f.ruleId) && (!file || f.file === file));

const differential = suite('internal-links against remark-validate-links');

differential('every link, image and definition of the fixture says what to expect', async () => {
  const { markers } = await run();
  const count = (marker: Marker): number => [...markers.values()].filter((m) => m === marker).length;
  assert.equal({ ok: count('ok'), broken: count('broken'), ours: count('ours'), theirs: count('theirs') }, { ok: 83, broken: 44, ours: 11, theirs: 6 });
  assert.equal(positionsMarked(markers, 'ours'), Object.keys(OURS_ONLY).sort(byPosition));
  assert.equal(positionsMarked(markers, 'theirs'), Object.keys(THEIRS_ONLY).sort(byPosition));
});

differential('remark-validate-links reports exactly the links marked broken or theirs', async () => {
  const { markers, theirs } = await run();
  assert.equal(onePerLink(theirs), positionsMarked(markers, 'broken', 'theirs'));
});

differential('we report what remark-validate-links reports, minus the listed theirs-only, plus the listed ours-only', async () => {
  const { theirs, ours } = await run();
  const expected = [...onePerLink(theirs).filter((position) => !(position in THEIRS_ONLY)), ...Object.keys(OURS_ONLY)].sort(byPosition);
  assert.equal(linkFindingsOf(ours).map(at), expected);
});

differential('no page of the fixture trips the check itself', async () => {
  const { ours } = await run();
  assert.equal(ours.filter((f) => f.ruleId === 'check-page' || f.ruleId === 'read-page').map(brief), []);
});

differential('a link to a missing file with a fragment: they report the file and the heading, we the file once', async () => {
  const { theirs, ours } = await run();
  assert.equal(
    theirs.filter((f) => f.file === 'fragments/other-page.md' && f.line === 9).map((f) => f.ruleId),
    ['missing-file', 'missing-heading-in-file'],
  );
  assert.equal(linkFindingsOf(ours, 'fragments/other-page.md').map(brief), [
    'fragments/other-page.md:5:1 internal-links link points to a missing anchor `#last-steps` in `../files/target.md`',
    'fragments/other-page.md:9:1 internal-links link points to a missing file `../files/gone.md`',
  ]);
});

differential('links to folders resolve in their README; a folder without one has no fragments', async () => {
  const { ours } = await run();
  assert.equal(linkFindingsOf(ours, 'folders/links-to-folders.md').map(brief), [
    'folders/links-to-folders.md:9:1 internal-links link points to a missing anchor `#missing` in `with-readme/readme.md`',
    'folders/links-to-folders.md:15:1 internal-links link points to a missing anchor `#missing` in `with-markdown-readme/README.markdown`',
    'folders/links-to-folders.md:19:1 internal-links link points to `#from-the-index` in the folder `with-index`, which has no README page to hold it',
    'folders/links-to-folders.md:23:1 internal-links link points to `#anything` in the folder `without-readme`, which has no README page to hold it',
    'folders/links-to-folders.md:25:1 internal-links link points to a missing file `missing-folder`',
    'folders/links-to-folders.md:27:1 internal-links link points to a missing file `missing-folder`',
  ]);
});

differential('pages with other Markdown extensions (.markdown, .mdown, .mkdn) are pages: their headings count', async () => {
  const { ours } = await run();
  assert.equal(linkFindingsOf(ours, 'extensions/other-extensions.md').map(brief), [
    'extensions/other-extensions.md:7:1 internal-links link points to a missing anchor `#missing` in `notes.markdown`',
    'extensions/other-extensions.md:11:1 internal-links link points to a missing anchor `#missing` in `notes.mkdn`',
    'extensions/other-extensions.md:13:1 internal-links link points to a missing file `gone.markdown`',
  ]);
});

differential('an anchor with capitals: reached in its own case, in another case nowhere (an error naming its case)', async () => {
  const { ours } = await run();
  assert.equal(
    linkFindingsOf(ours, 'anchors/html-anchors.md').filter((f) => f.line >= 21).map((f) => `${brief(f)} (${f.severity})`),
    [
      'anchors/html-anchors.md:21:1 internal-links link points to a missing anchor `#mixedcase` in `this page`; the anchor is `#MixedCase`, and case matters (error)',
    ],
  );
});

const deliberate = suite('deliberate differences from remark-validate-links');

deliberate('a fragment that differs in case from its heading is a link-fragment-case warning (GitHub ignores the case, other sites do not)', async () => {
  const { ours } = await run();
  assert.equal(linkFindingsOf(ours, 'differences/case-of-fragments.md').map((f) => `${brief(f)} (${f.severity})`), [
    'differences/case-of-fragments.md:5:1 link-fragment-case link fragment differs in case: expected `#getting-started`, found `#Getting-Started` (GitHub ignores the case, other sites do not) (warning)',
    'differences/case-of-fragments.md:7:1 link-fragment-case link fragment differs in case: expected `#first-steps`, found `#FIRST-STEPS` (GitHub ignores the case, other sites do not) (warning)',
  ]);
  assert.equal(linkFindingsOf(ours, 'differences/case-of-fragments.md').map((f) => [f.expected, f.actual]), [
    ['#getting-started', '#Getting-Started'],
    ['#first-steps', '#FIRST-STEPS'],
  ]);
});

deliberate('fragments of files that are not pages are not checked (GitHub line links, PDF pages); #L2 on a Markdown page is an anchor like any other', async () => {
  const { ours } = await run();
  assert.equal(linkFindingsOf(ours, 'differences/line-links.md').map(brief), [
    'differences/line-links.md:9:1 internal-links link points to a missing anchor `#L2` in `this page`',
    'differences/line-links.md:11:1 internal-links link points to a missing file `missing.js`',
  ]);
});

deliberate('a percent-encoded fragment is decoded before it is looked up', async () => {
  const { ours } = await run();
  assert.equal(linkFindingsOf(ours, 'differences/encoded-fragments.md').map(brief), []);
});

deliberate('absolute paths are reported, whether or not the page exists', async () => {
  const { ours } = await run();
  assert.equal(linkFindingsOf(ours, 'differences/absolute-paths.md').map(brief), [
    'differences/absolute-paths.md:3:1 internal-links absolute path `/files/target.md`: use a path relative to this page',
    'differences/absolute-paths.md:5:1 internal-links absolute path `/files/gone.md`: use a path relative to this page',
  ]);
});

deliberate('unsafe schemes are reported', async () => {
  const { ours } = await run();
  assert.equal(linkFindingsOf(ours, 'differences/unsafe-schemes.md').map(brief), [
    'differences/unsafe-schemes.md:3:1 internal-links unsafe link scheme `javascript:`: link to pages by relative path',
    'differences/unsafe-schemes.md:5:1 internal-links unsafe link scheme `file:`: link to pages by relative path',
    'differences/unsafe-schemes.md:7:1 internal-links unsafe link scheme `data:`: link to pages by relative path',
    'differences/unsafe-schemes.md:9:1 internal-links unsafe link scheme `vbscript:`: link to pages by relative path',
  ]);
});

deliberate('a link that leaves the docs tree is reported even when the file beside the tree exists', async () => {
  const { ours } = await run();
  assert.equal(linkFindingsOf(ours, 'differences/leaving-the-tree.md').map(brief), [
    'differences/leaving-the-tree.md:3:1 internal-links link leaves the docs tree: `../../outside.md`',
    'differences/leaving-the-tree.md:5:1 internal-links link leaves the docs tree: `..%2F..%2Foutside.md`',
    'differences/leaving-the-tree.md:7:1 internal-links link leaves the docs tree: `../../gone-outside.md`',
  ]);
});

deliberate('a folder with two READMEs: links resolve in the first by name', async () => {
  const { ours } = await run();
  assert.equal(linkFindingsOf(ours, 'differences/folder-with-two-readmes.md').map(brief), [
    'differences/folder-with-two-readmes.md:5:1 internal-links link points to a missing anchor `#from-the-md-readme` in `two-readmes/README.markdown`',
  ]);
});

// Not in the shared fixture: whether remark-validate-links accepts it depends on the file system
// (it asks the disk, and macOS and Windows disks ignore case), so its expectation is computed here.
deliberate('a file name that differs only in case is reported on every system', async () => {
  const root = makeDocsTree({ 'guide/page.md': '# Page\n\n[ours the name in another case](Target.md)\n', 'guide/target.md': '# Target\n' });
  const caseInsensitiveDisk = existsSync(join(root, 'guide', 'TARGET.md'));
  assert.equal(remarkValidateLinks(root).map(at), caseInsensitiveDisk ? [] : ['guide/page.md:3:1']);
  assert.equal(linkFindingsOf(await findingsIn(root)).map(brief), [
    'guide/page.md:3:1 internal-links link points to `Target.md`, but the file is `target.md`: names differ only by case, which breaks on case-sensitive systems',
  ]);
});

differential.run();
deliberate.run();
