/**
 * Bad input: each case gets a clear finding or a one-line error with file and position, and nothing
 * crashes. The cases are one table: a tiny docs tree (and a command), and the one-line outcome.
 * Adding a case is adding a row; what a row cannot say (a fix round-trip) is a test below it.
 */
import { mkdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fixDocs, WriteError } from '../scripts/engine/fix.js';
import { ruleIds } from '../scripts/engine/preset.js';
import { brief, findingsIn } from './helpers/check.js';
import { fixture, makeDocsTree, shippedConfig, shippedDocs, type TreeOptions } from './helpers/docs-tree.js';
import { runBuiltCli } from './helpers/run-cli.js';

interface Case {
  name: string;
  /** The tree's files (relative path -> content); `_template/` comes from `tree` (the shipped template by default). */
  pages: Record<string, string | Uint8Array>;
  tree?: TreeOptions;
  /** What else the tree needs that a file cannot say (symbolic links), given its root. */
  setup?: (root: string) => void;
  /** A command run in the tree's root (`<docs>` is the root); none: `check` as a library call. */
  run?: string[];
  /**
   * The library check's findings (`file:line:column rule message`), or the command's exit code and
   * stderr lines (`<docs>` for the root), and a line its output must hold.
   */
  expect: string[] | { code: number; stderr: string[]; stdoutLine?: string };
}

const clean = fixture('template/clean/security.md');
const shipped = shippedConfig();
const s3 = Object.fromEntries(Object.entries(shippedDocs()).filter(([path]) => path.startsWith('s3/')));
/** The shipped S3 folder again under another folder name (`cp -r docs/s3 docs/<folder>`). */
const s3As = (folder: string): Record<string, string> => Object.fromEntries(Object.entries(s3).map(([path, text]) => [path.replace(/^s3\//, `${folder}/`), text]));
const check = (...args: string[]): string[] => ['check', '--docs', '<docs>', '--no-cache', ...args];
const bom = '\uFEFF';
/** The rule ids a configuration may name, as an unknown key's message lists them. */
const RULES = ruleIds.join(', ');
const utf16 = (text: string, order: 'le' | 'be', mark: boolean): Uint8Array => {
  const le = Buffer.from(`${mark ? bom : ''}${text}`, 'utf16le');
  return order === 'le' ? le : le.swap16();
};
const withTopics = (edit: (topics: { id: string; title: string; aliases?: string[]; after?: string }[]) => void): string => {
  const catalog = JSON.parse(shipped.catalog!) as { topics: { id: string; title: string; aliases?: string[] }[] };
  edit(catalog.topics);
  return JSON.stringify(catalog, null, 2);
};
const withServices = (edit: (services: Record<string, unknown>) => void): string => {
  const manifest = JSON.parse(shipped.manifest!) as { services: Record<string, unknown> };
  edit(manifest.services);
  return JSON.stringify(manifest, null, 2);
};
/** The manifest text with more entries first in `services` (text, so a `__proto__` key stays a key). */
const withEntries = (manifest: string, entries: string): string => manifest.replace(/"services": \{\s*/, (open) => `${open}${entries}${/\{\s*\}/.test(manifest) ? '' : ', '}`);
const s3Only = withServices((services) => {
  for (const folder of Object.keys(services)) if (folder !== 's3') delete services[folder];
});
const kvsExtras = (extraTopics: unknown[]): string =>
  JSON.stringify({ services: { 'kinesis-data-streams': { service: 'Amazon Kinesis Data Streams', short: 'Kinesis Data Streams', extraTopics } } }, null, 2);

const cases: Case[] = [
  // Pages that are empty, binary, or not UTF-8.
  { name: 'an empty page and a page of only front matter', pages: { 'guide/empty.md': '', 'guide/front.md': '---\ntitle: Front matter only\n---\n' }, expect: [] },
  {
    name: 'terminal escapes and a line break in an argument are printed as escapes in the one-line error',
    pages: {},
    run: ['check', '--docs', 'x\u001b]8;;https://example.test\u0007y\nz'],
    expect: { code: 2, stderr: ['docs-quality: docs directory not found: x\\x1b]8;;https://example.test\\x07y z', 'usage: docs-quality <command> [options]'] },
  },
  { name: 'an empty service page', pages: { 's3/security.md': '' }, expect: ['s3/security.md:1:1 template-heading page has no H1: expected `Security in {{service}}`'] },
  {
    name: 'a binary file and invalid UTF-8',
    pages: { 'guide/logo.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]), 'guide/latin1.md': new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]) },
    expect: ['guide/latin1.md:1:1 read-page not valid UTF-8: save the page as UTF-8', 'guide/logo.md:1:1 read-page binary file, not Markdown (NUL byte at offset 4)'],
  },
  {
    name: 'UTF-16 pages, with or without a byte-order mark, are UTF-16, not binary',
    pages: { 'guide/le.md': utf16('# Page\n\nText.\n', 'le', true), 'guide/be.md': utf16('# Page\n\nText.\n', 'be', true), 'guide/bare.md': utf16('# Page\n\nText \u2014 more.\n', 'le', false) },
    expect: [
      'guide/bare.md:1:1 read-page UTF-16 text (little-endian): save the page as UTF-8',
      'guide/be.md:1:1 read-page UTF-16 text (big-endian): save the page as UTF-8',
      'guide/le.md:1:1 read-page UTF-16 text (little-endian): save the page as UTF-8',
    ],
  },
  // Pages too large to check.
  {
    name: 'a 20 MB page, 10,000 nesting levels and 100,000 links are refused, with the reason',
    pages: {
      'guide/big.md': `# Big\n\n${'word '.repeat(4_000_000)}\n`,
      'guide/lists.md': `${'- '.repeat(10_000)}x\n`,
      'guide/quotes.md': `${'> '.repeat(10_000)}deep\n`,
      'guide/links.md': `# Links\n\n${'[a](#links) '.repeat(100_000)}\n`,
    },
    expect: [
      'guide/big.md:1:1 check-page page is too large to check (20.0 million characters; the limit is 5 million): split it',
      'guide/links.md:1:1 check-page page has 100000 links (the limit is 10000): split it',
      'guide/lists.md:1:1 check-page page nests 10000 levels deep (the limit is 64): flatten its lists or quotes',
      'guide/quotes.md:1:1 check-page page nests 10000 levels deep (the limit is 64): flatten its lists or quotes',
    ],
  },
  // The tree's shape.
  {
    name: 'symbolic links: a loop and a link out of the docs tree are reported and not read',
    pages: { 'guide/page.md': '# Page\n\nText.\n' },
    setup: (root) => {
      symlinkSync(join(root, 'guide', 'loop-b.md'), join(root, 'guide', 'loop-a.md'));
      symlinkSync(join(root, 'guide', 'loop-a.md'), join(root, 'guide', 'loop-b.md'));
      const outside = makeDocsTree({ 'secret.md': '# Secret\n\nDo not read.\n' });
      symlinkSync(join(outside, 'secret.md'), join(root, 'guide', 'secret.md'));
      symlinkSync(outside, join(root, 'elsewhere'));
    },
    expect: [
      'elsewhere:1:1 read-page symbolic link points outside the docs tree: not read',
      'guide/loop-a.md:1:1 read-page symbolic link loop: not read',
      'guide/loop-b.md:1:1 read-page symbolic link loop: not read',
      'guide/secret.md:1:1 read-page symbolic link points outside the docs tree: not read',
    ],
  },
  {
    name: 'a service folder without security.md, and a link that differs from its file only by case',
    pages: { 'sqs/data-protection.md': '# Data protection\n\nSee [access](Identity.md).\n', 'sqs/identity.md': '# Identity\n\nText.\n' },
    tree: { manifest: '{"services": {"sqs": {"service": "Amazon Simple Queue Service"}}}' },
    expect: [
      'sqs/data-protection.md:1:1 orphan-pages folder `sqs/` has no security.md: every service in the services manifest needs its security page',
      'sqs/data-protection.md:3:5 internal-links link points to `Identity.md`, but the file is `identity.md`: names differ only by case, which breaks on case-sensitive systems',
    ],
  },
  // Folder names and keys that are also names of Object.prototype (issue 19, defect 12).
  { name: 'service folders named constructor, toString and hasOwnProperty are services like any other', pages: { ...s3, ...s3As('constructor'), ...s3As('toString'), ...s3As('hasOwnProperty') }, tree: { ...shipped, manifest: s3Only }, expect: [] },
  {
    name: 'manifest keys __proto__, constructor and toString are entries like any other',
    pages: { 'constructor/security.md': clean, 'toString/security.md': clean.replaceAll('Kinesis Data Streams', 'Kinesis Data Firehose') },
    tree: { manifest: withEntries(s3Only, '"__proto__": {"service": "Amazon Proto"}, "constructor": {"service": "Amazon Kinesis Data Streams", "short": "Kinesis Data Streams"}, "toString": {"service": "Amazon Kinesis Data Firehose", "short": "Kinesis Data Firehose"}') },
    expect: [],
  },
  {
    name: 'a manifest key constructor pins its names',
    pages: { 'constructor/security.md': clean },
    tree: { manifest: withEntries('{"services": {}}', '"constructor": {"service": "Amazon Kinesis Data Stream", "short": "Kinesis Data Streams"}') },
    expect: ['constructor/security.md:1:3 template-name service name differs from the services manifest: expected `Amazon Kinesis Data Stream`, found `Amazon Kinesis Data Streams`'],
  },
  {
    name: 'a catalog topic id constructor is absent from the sync matrix where no list has it',
    pages: { ...s3 },
    tree: { ...shipped, manifest: s3Only, catalog: withTopics((topics) => topics.push({ id: 'constructor', title: 'Constructors in {{service}}', required: false } as never)) },
    run: ['sync', '--docs', '<docs>'],
    expect: { code: 0, stderr: [], stdoutLine: '| constructor (optional) | – |' },
  },
  {
    name: 'a bidi override in a topic title is printed as an escape in the sync report',
    pages: { ...s3, 's3/security.md': s3['s3/security.md']!.replace('[Data protection in Amazon S3]', '[Data protection\u202e in Amazon S3]') },
    tree: { ...shipped, manifest: s3Only },
    run: ['sync', '--docs', '<docs>'],
    expect: { code: 0, stderr: [], stdoutLine: '| data-protection | ~ Data protection\\u202e in Amazon S3 |' },
  },
  { name: 'a rule id __proto__ in the configuration is an unknown rule', pages: { '.docs-quality.json': '{"rules": {"__proto__": "off"}}' }, run: check(), expect: { code: 2, stderr: [`docs-quality: .docs-quality.json:1:12: \`rules\`: unknown key "__proto__" (one of: ${RULES})`] } },
  // Settings files (issue 19, defect 15): a byte-order mark is accepted, and every mistake is one line.
  { name: 'a configuration file with a byte-order mark', pages: { '.docs-quality.json': `${bom}{"rules": {"trailing-spaces": "warn"}}` }, run: check(), expect: { code: 0, stderr: [] } },
  { name: 'a catalog and a manifest with a byte-order mark', pages: { ...s3 }, tree: { ...shipped, manifest: `${bom}${s3Only}`, catalog: `${bom}${shipped.catalog}` }, run: check(), expect: { code: 0, stderr: [] } },
  {
    name: 'a mistake in a configuration file with a byte-order mark is at its column',
    pages: { '.docs-quality.json': `${bom}{\r\n  "rules": {\r\n    "trailing-spaces": "warm"\r\n  }\r\n}\r\n` },
    run: check(),
    expect: { code: 2, stderr: ['docs-quality: .docs-quality.json:3:24: `rules.trailing-spaces` must be "off", "warn", "error", or [severity, options], found "warm"'] },
  },
  {
    name: 'a key with a line break in it is quoted on the one line',
    pages: { '.docs-quality.json': '{"rules": {"trailing\\r\\nspaces": "warn"}}' },
    run: check(),
    expect: { code: 2, stderr: [`docs-quality: .docs-quality.json:1:12: \`rules\`: unknown key "trailing\\r\\nspaces" (one of: ${RULES})`] },
  },
  { name: 'a shard report with a byte-order mark is merged', pages: { 'a.json': `${bom}[\n]\n`, 'b.json': '[]' }, run: ['merge-reports', 'a.json', 'b.json'], expect: { code: 0, stderr: [] } },
  { name: 'a shard report that is not JSON is one line at its position', pages: { 'a.json': `${bom}[\n  {"file": "x.md"\n]\n`, 'b.json': '[]' }, run: ['merge-reports', 'a.json', 'b.json'], expect: { code: 2, stderr: ['docs-quality: a.json:3:1: not valid JSON: expected `,` between entries'] } },
  {
    name: 'a shard report nested 10,000 levels deep is one line, not an internal error',
    pages: { 'a.json': `[${'['.repeat(10_000)}${']'.repeat(10_000)}]`, 'b.json': '[]' },
    run: ['merge-reports', 'a.json', 'b.json'],
    expect: { code: 2, stderr: ['docs-quality: a.json:1:65: nests deeper than 64 levels: no settings file or report needs that many'] },
  },
  { name: 'a shard report whose entries are not findings', pages: { 'a.json': '[1]', 'b.json': '[]' }, run: ['merge-reports', 'a.json', 'b.json'], expect: { code: 2, stderr: ['docs-quality: a.json: entry 1 is not a finding (one with "file", "line" and "column")'] } },
  // The catalog and the manifest.
  { name: 'a missing catalog turns the topic rules off', pages: { 'kinesis-data-streams/security.md': clean }, expect: [] },
  {
    name: 'a malformed catalog is exit 2 at its position',
    pages: { 'kinesis-data-streams/security.md': clean },
    tree: { catalog: '{"topics": [', manifest: shipped.manifest! },
    run: check(),
    expect: { code: 2, stderr: ['docs-quality: _template/topics.json:1:13: not valid JSON: expected `]`'] },
  },
  { name: 'a malformed manifest is exit 2 at its position', pages: {}, tree: { manifest: '{"services": {"s3": {"short": "S3"}}}' }, run: check(), expect: { code: 2, stderr: ['docs-quality: _template/services.json:1:21: `services.s3` needs "service"'] } },
  {
    name: 'a catalog nested 10,000 levels deep',
    pages: {},
    tree: { catalog: `{"topics": ${'['.repeat(10_000)}${']'.repeat(10_000)}}` },
    run: check(),
    expect: { code: 2, stderr: ['docs-quality: _template/topics.json:1:75: nests deeper than 64 levels: no settings file or report needs that many'] },
  },
  {
    name: 'a catalog that lists one id twice',
    pages: { ...s3 },
    tree: { ...shipped, manifest: s3Only, catalog: withTopics((topics) => topics.push({ ...topics[0]!, title: 'Encryption in {{service}}', aliases: [] })) },
    run: check(),
    expect: { code: 2, stderr: ['docs-quality: _template/topics.json:77:13: `topics[8].id` "data-protection" is already the id of `topics[0]`: each topic once'] },
  },
  {
    name: 'a catalog alias that is another topic\'s title (one title for two topics)',
    pages: { ...s3 },
    tree: { ...shipped, manifest: s3Only, catalog: withTopics((topics) => topics[3]!.aliases!.push('Logging and monitoring in {{short}}')) },
    run: check(),
    expect: { code: 2, stderr: ['docs-quality: _template/topics.json:38:9: `topics[3].aliases[2]` "Logging and monitoring in {{short}}" already names `topics[2]` ("logging-and-monitoring"): a title or alias recognises one topic only'] },
  },
  {
    name: 'two catalog topics that are each other\'s alias (an alias cycle)',
    pages: { ...s3 },
    tree: {
      ...shipped,
      manifest: s3Only,
      catalog: withTopics((topics) => {
        topics[0]!.aliases = [topics[1]!.title];
        topics[1]!.aliases = [topics[0]!.title];
      }),
    },
    run: check(),
    expect: { code: 2, stderr: ['docs-quality: _template/topics.json:13:16: `topics[1].title` "Identity and access management in {{service}}" already names `topics[0]` ("data-protection"): a title or alias recognises one topic only'] },
  },
  {
    name: 'a catalog topic with `after` (the catalog orders by its list)',
    pages: { ...s3 },
    tree: { ...shipped, manifest: s3Only, catalog: withTopics((topics) => (topics[0]!.after = 'resilience')) },
    run: check(),
    expect: { code: 2, stderr: ['docs-quality: _template/topics.json:11:16: `topics[0].after` orders nothing in the catalog, whose order is the order of its list: move the topic instead (`after` is for extraTopics in services.json)'] },
  },
  {
    name: 'an extra topic placed after a topic that does not exist',
    pages: { 'kinesis-data-streams/security.md': clean },
    tree: { catalog: shipped.catalog!, manifest: kvsExtras([{ id: 'iot', title: 'IoT in {{short}}', after: 'identity-and-access-managment' }]) },
    run: check(),
    expect: { code: 2, stderr: ['docs-quality: _template/services.json:10:20: `services.kinesis-data-streams.extraTopics[0].after` names no topic: "identity-and-access-managment" is neither in the catalog nor one of this service\'s extraTopics'] },
  },
  {
    name: 'extra topics placed after each other (a cycle)',
    pages: { 'kinesis-data-streams/security.md': clean },
    tree: { catalog: shipped.catalog!, manifest: kvsExtras([{ id: 'a', title: 'A in {{short}}', after: 'b' }, { id: 'b', title: 'B in {{short}}', after: 'a' }]) },
    run: check(),
    expect: { code: 2, stderr: ['docs-quality: _template/services.json:10:20: `services.kinesis-data-streams.extraTopics[0].after` leads round in a cycle ("a" after "b" after "a"): one of them must follow a catalog topic'] },
  },
  {
    name: 'an extra topic with a catalog topic\'s id',
    pages: { 'kinesis-data-streams/security.md': clean },
    tree: { catalog: shipped.catalog!, manifest: kvsExtras([{ id: 'resilience', title: 'Recovery in {{short}}' }]) },
    run: check(),
    expect: { code: 2, stderr: ['docs-quality: _template/services.json:8:17: `services.kinesis-data-streams.extraTopics[0].id` "resilience" is already the id of `topics[4]` in _template/topics.json: each topic once'] },
  },
  {
    name: 'a manifest entry for a folder the tree does not have is a warning',
    pages: { ...s3 },
    tree: { ...shipped, manifest: withEntries(s3Only, '"__proto__": {"service": "Amazon Proto"},\n    "sqs": {"service": "Amazon Simple Queue Service"}') },
    run: check(),
    expect: {
      code: 0,
      stderr: [
        'docs-quality: warning: _template/services.json:3:5: `services.__proto__` names a folder starting with `_` or `.`, which is never a service folder: remove the entry, or create the service (new-service)',
        'docs-quality: warning: _template/services.json:4:5: `services.sqs` names a folder the docs tree does not have: remove the entry, or create the service (new-service)',
      ],
    },
  },
];

const hostile = suite('bad input');

for (const row of cases) {
  hostile(row.name, async () => {
    const root = makeDocsTree(row.pages, row.tree);
    row.setup?.(root);
    if (!row.run) {
      assert.equal((await findingsIn(root)).map(brief), row.expect);
    } else {
      const run = runBuiltCli(row.run.map((arg) => arg.replace('<docs>', root)), root);
      const shown = (text: string): string => text.replaceAll(realpathSync(root), '<docs>').replaceAll(root, '<docs>');
      const expected = row.expect as { code: number; stderr: string[]; stdoutLine?: string };
      const { stdoutLine, ...outcome } = expected;
      assert.equal({ code: run.code, stderr: shown(run.stderr).split('\n').filter(Boolean) }, outcome);
      if (stdoutLine) assert.ok(run.stdout.split('\n').includes(stdoutLine), `stdout has ${stdoutLine}`);
      assert.not.match(run.stderr, /\r|internal error/, 'one plain line each, never an internal error');
    }
  });
}

// What a row cannot say: a fix round-trip, a write that fails.

hostile('a UTF-8 BOM and mixed line endings survive fix', async () => {
  const page = `${bom}${clean.replace('you benefit', 'you will benefit').replace(/\n/g, '\r\n').replace('\r\n\r\n**Topics**', '\n\n**Topics**')}`;
  const root = makeDocsTree({ 'kinesis-data-streams/security.md': page });
  assert.equal((await findingsIn(root)).map(brief), ['kinesis-data-streams/security.md:3:69 template-wording expected `you benefit`, found `you will benefit`']);
  await fixDocs({ docsRoot: root, cwd: root });
  const fixed = readFileSync(join(root, 'kinesis-data-streams', 'security.md'), 'utf8');
  assert.ok(fixed.startsWith('\ufeff# Security in'), 'BOM kept');
  assert.is(fixed, page.replace('you will benefit', 'you benefit'), 'only the words changed');
});

hostile('a page that cannot be written is reported and left intact', async () => {
  const root = makeDocsTree({ 'kinesis-data-streams/security.md': clean.replace('you benefit', 'you will benefit') });
  const page = join(root, 'kinesis-data-streams', 'security.md');
  const before = readFileSync(page, 'utf8');
  // A folder where the temporary file must go: the write fails as on a full or read-only disk.
  mkdirSync(join(root, 'kinesis-data-streams', `.security.md.${process.pid}.0.tmp`));
  const error = await fixDocs({ docsRoot: root, cwd: root }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  assert.instance(error, WriteError);
  assert.match((error as Error).message, /cannot write .*security\.md: E[A-Z]+; the page is unchanged/);
  assert.is(readFileSync(page, 'utf8'), before);
});

hostile.run();
