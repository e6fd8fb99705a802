/**
 * What keeps a pre-commit run in a large corpus cheap, checked for correctness: the index store
 * and its journal, the per-folder findings cache, and finding the links to a page without
 * resolving every link.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { indexCorpus, type CorpusIndex } from '../scripts/corpus/corpus-index.js';
import { cacheDirFor } from '../scripts/corpus/cache-dir.js';
import { indexCorpusCached, pagesToIndex, plainIndex, planIndex } from '../scripts/corpus/index-cache.js';
import { linksTo } from '../scripts/corpus/links-to.js';
import { resolveLink } from '../scripts/corpus/resolve-link.js';
import { checkDocs } from '../scripts/engine/check.js';
import { makeDocsTree, shippedConfig, shippedDocs } from './helpers/docs-tree.js';

const store = suite('index store');

/** Runs the cached indexer on a tree's pages and records which pages it had to read. */
function indexOnce(root: string, pages: string[], idOf: (path: string) => string | undefined = () => undefined) {
  const read: string[] = [];
  const result = indexCorpusCached(root, pages, idOf, (paths) => {
    read.push(...paths);
    return new Map(paths.map((path) => [path, readFileSync(path, 'utf8')]));
  });
  return { ...result, read };
}

/** The id git gives a text (what `git hash-object` prints). */
const blobId = (path: string): string => {
  const bytes = readFileSync(path);
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
};

function pageTree(count: number): { root: string; pages: string[] } {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) files[`svc-${i % 7}/page-${i}.md`] = `# Page ${i}\n\nSee [next](page-${i + 1}.md#page-${i + 1}).\n`;
  const root = realpathSync(makeDocsTree(files));
  return { root, pages: Object.keys(files).map((rel) => join(root, ...rel.split('/'))).sort() };
}

store('an unchanged tree is indexed without reading a page, and equals a fresh index', () => {
  const { root, pages } = pageTree(12);
  const first = indexOnce(root, pages);
  assert.is(first.read.length, 12);
  const second = indexOnce(root, pages, gitBlobIdOf);
  assert.equal(second.read, [], 'working-tree entries are keyed by the blob id git gives');
  const fresh = indexCorpus(root, new Map(pages.map((path) => [path, readFileSync(path, 'utf8')])));
  assert.equal([...plainIndex(second.index).pages.values()], [...fresh.pages.values()]);
  assert.is(second.digest, first.digest);
});

store('pages read without a git id are parsed again only when their text changed', () => {
  const { root, pages } = pageTree(12);
  indexOnce(root, pages);
  const texts = new Map(pages.map((path) => [path, readFileSync(path, 'utf8')]));
  const plan = planIndex(root, pages, () => undefined);
  assert.is(plan.toRead.length, 12, 'without a git id every page is read to hash it');
  assert.equal([...pagesToIndex(plan, texts).keys()], []);
  texts.set(pages[3]!, '# Changed\n');
  assert.equal([...pagesToIndex(plan, texts).keys()], [pages[3]]);
});

store('a few changed pages go to a small journal; the base is rewritten only when the journal is large', () => {
  const { root, pages } = pageTree(300);
  const first = indexOnce(root, pages, blobId);
  const dir = cacheDirFor(root);
  const before = new Set(readdirSync(dir));
  writeFileSync(pages[5]!, '# Renamed page\n');
  const after = indexOnce(root, pages, blobId);
  assert.equal(after.read, [pages[5]]);
  const journals = readdirSync(dir).filter((name) => !before.has(name) && name.includes('.journal.'));
  assert.is(journals.length, 1, 'one new journal file');
  const journaled = readFileSync(join(dir, journals[0]!), 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t')[0]);
  assert.equal(journaled, [pages[5]!.slice(root.length + 1).split(sep).join('/')]);
  // The journal is read back: nothing is re-read, and the renamed title is known.
  const again = indexOnce(root, pages, blobId);
  assert.equal(again.read, []);
  assert.is(again.index.pages.get(pages[5]!)?.h1?.text, 'Renamed page');
  assert.is.not(again.digest, first.digest, 'a changed title changes the digest the findings cache is keyed by');
  // Rewriting most pages folds everything into a new base and drops the journal.
  for (const page of pages.slice(0, 250)) writeFileSync(page, '# Rewritten\n');
  assert.is(indexOnce(root, pages, blobId).read.length, 250);
  assert.not.ok(existsSync(join(dir, journals[0]!)));
  const folded = indexOnce(root, pages, blobId);
  assert.equal(folded.read, []);
  assert.is(folded.index.pages.get(pages[0]!)?.h1?.text, 'Rewritten');
});

store('a removed page leaves the index, and a damaged store is rebuilt', () => {
  const { root, pages } = pageTree(20);
  const others = new Set(readdirSync(cacheDirFor(root)));
  indexOnce(root, pages, blobId);
  rmSync(pages[3]!);
  const fewer = indexOnce(root, pages.filter((_, i) => i !== 3), blobId);
  assert.not.ok(fewer.index.pages.has(pages[3]!));
  assert.equal(fewer.read, []);
  const own = readdirSync(cacheDirFor(root)).filter((name) => !others.has(name));
  assert.ok(own.length > 0);
  for (const name of own) writeFileSync(join(cacheDirFor(root), name), 'docs-quality index');
  const rebuilt = indexOnce(root, pages.filter((_, i) => i !== 3), blobId);
  assert.is(rebuilt.read.length, 19);
  assert.is(rebuilt.index.pages.size, 19);
});

store.run();

/** The id `git hash-object` gives a file. */
function gitBlobIdOf(path: string): string {
  return execFileSync('git', ['hash-object', path]).toString().trim();
}

const findings = suite('findings cache by folder');

findings('each top folder has its own file; a damaged folder file costs only that folder', async () => {
  const root = realpathSync(makeDocsTree(shippedDocs(), shippedConfig()));
  const findingsDirs = () => new Set(readdirSync(cacheDirFor(root)).filter((name) => name.startsWith('findings-') && !name.endsWith('.json')));
  const before = findingsDirs();
  const cold = await checkDocs({ docsRoot: root, cwd: root, cache: true });
  const created = [...findingsDirs()].filter((name) => !before.has(name));
  assert.is(created.length, 1);
  const dir = join(cacheDirFor(root), created[0]!);
  const topFolders = new Set(cold.files.map((f) => f.path.slice(root.length + 1).split(sep)[0]));
  assert.is(readdirSync(dir).length, topFolders.size, 'one file per top folder');
  const s3 = readdirSync(dir!).find((name) => join(root, 's3', 'security.md') in (JSON.parse(readFileSync(join(dir!, name), 'utf8')) as { pages: object }).pages);
  assert.ok(s3);
  writeFileSync(join(dir!, s3!), 'not json');
  const warm = await checkDocs({ docsRoot: root, cwd: root, cache: true });
  const s3Pages = cold.files.filter((f) => f.path.includes(`${sep}s3${sep}`)).length;
  assert.equal([warm.linted, warm.cached], [s3Pages, cold.files.length - s3Pages]);
  assert.equal(warm.findings, cold.findings);
});

findings.run();

const links = suite('links to a page');

links('agree with resolving every link, for every kind of relative link', () => {
  const root = realpathSync(
    makeDocsTree({
      'a/page.md': '# Page\n\n## Part\n\n[self](#part) [dot](./page.md) [up](../a/page.md#part) [folder](./) [enc](..%2Fa%2Fpage.md) [q](page.md?x=1#part)\n',
      'a/other.md': '# Other\n\n[p](page.md) [p2](page.md#part) [ext](https://example.com/page.md) [abs](/a/page.md) [out](../../page.md) [trail](page.md/)\n',
      'b/page.md': '# B\n\n[same name elsewhere](page.md) [a](../a/page.md) [dotdot](../a/./page.md)\n',
    }),
  );
  const fresh = indexCorpus(root);
  const paths = [...fresh.pages.keys()];
  indexOnce(root, paths, blobId);
  const stored = indexOnce(root, paths, blobId);
  assert.equal(stored.read, [], 'the second index is read back from the store');
  for (const index of [fresh, stored.index]) assertLinksAgree(index, root);
  assert.is(linksTo(stored.index, join(root, 'a', 'page.md')).length, 10);
});

function assertLinksAgree(index: CorpusIndex, root: string): void {
  for (const path of index.pages.keys()) {
    const expected: string[] = [];
    for (const from of index.pages.values()) {
      for (const link of from.links) {
        const target = resolveLink(link.url, from.path, root);
        if (target.kind === 'local' && target.path === path) expected.push(`${from.path} ${link.url}`);
      }
    }
    assert.equal(linksTo(index, path).map(({ from, link }) => `${from.path} ${link.url}`).sort(), expected.sort(), path);
  }
}

links('a plain relative path resolves as path.resolve would, and never outside the tree', () => {
  const root = resolve('/docs');
  const from = join(root, 'svc', 'page.md');
  for (const url of ['x.md', 'sub/x.md', '.hidden.md', 'a..b/x.md', '..x/y.md', './x.md', '../x.md', 'sub//x.md', 'sub/', '../../etc/passwd', 'a%2F..%2F..%2Fx']) {
    const target = resolveLink(url, from, root);
    const decoded = decodeURIComponent(url);
    const expected = resolve(join(root, 'svc'), decoded);
    if (expected.startsWith(root + sep)) assert.equal(target, { kind: 'local', path: expected }, url);
    else assert.equal(target, { kind: 'outside' }, url);
  }
});

links.run();
