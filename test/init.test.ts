/**
 * `init`: a docs tree without `_template/` gets one inferred from its own service pages. The tree
 * here is six invented services whose pages carry known majorities and a few minority drifts.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { brief, findingsIn } from './helpers/check.js';
import { projectRoot, shippedDocs, shippedTemplate } from './helpers/docs-tree.js';
import { runCli } from './helpers/run-cli.js';

interface Service {
  folder: string;
  service: string;
  short: string;
  heading?: string;
  benefit?: string;
  objectives?: string;
  manage?: string;
  escape?: boolean;
  note?: string;
  /** Topics list entries: [title, file]. */
  topics: [string, string][];
}

const escaped = (text: string, escape: boolean): string => (escape ? text.replace(/([.-])/g, '\\$1') : text);

function page(s: Service): string {
  const e = s.escape ?? true;
  const lines = [
    `# ${s.heading ?? `Security in ${s.service}`}<a name="security"></a>`,
    '',
    escaped(`Keeping your data safe is our first concern. Every ${s.short} account ${s.benefit ?? 'benefits'} from controls that are designed for sensitive workloads.`, e),
    '',
    'Responsibility is shared between the provider and you:',
    escaped(`+ **Security of the platform** – The provider protects the hardware that runs ${s.short}.`, e),
    escaped(`+ **Security on the platform** – You manage ${s.manage ?? 'the data and the access rules'} you give to ${s.short}.`, e),
    '',
    escaped(`This guide shows you how to configure ${s.short} to meet your security ${s.objectives ?? 'objectives'}.`, e),
    '',
    ...(s.note ? [s.note, ''] : []),
    '**Topics**',
    ...s.topics.map(([title, file]) => `+ [${title}](${file})`),
    '',
  ];
  return lines.join('\n');
}

const SERVICES: Service[] = [
  {
    folder: 'lumen',
    service: 'Amazon Lumen Queue',
    short: 'Lumen Queue',
    topics: [
      ['Data protection in Amazon Lumen Queue', 'data-protection.md'],
      ['Access control for Amazon Lumen Queue', 'access-control.md'],
      ['Logging in Amazon Lumen Queue', 'logging.md'],
      ['Backups for Amazon Lumen Queue', 'backups.md'],
      ['Using Lumen Queue with dead letters', 'dead-letters.md'],
    ],
  },
  {
    folder: 'quartz',
    service: 'AWS Quartz Ledger',
    short: 'Quartz Ledger',
    benefit: 'will benefit',
    topics: [
      ['Data protection in AWS Quartz Ledger', 'data-protection.md'],
      ['Access control for AWS Quartz Ledger', 'access-control.md'],
      ['Backups for AWS Quartz Ledger', 'backup.md'],
    ],
  },
  {
    folder: 'fern',
    service: 'Amazon Fern',
    short: 'Amazon Fern',
    escape: false,
    topics: [
      ['Access control for Amazon Fern', 'access-control.md'],
      ['Data protection in Amazon Fern', 'data-protection.md'],
    ],
  },
  {
    folder: 'harbor',
    service: 'AWS Harbor Relay',
    short: 'Harbor Relay',
    objectives: 'aims',
    topics: [
      ['Data protection in AWS Harbor Relay', 'data-protection.md'],
      ['Controlling access to AWS Harbor Relay', 'access-control.md'],
      ['Logging in AWS Harbor Relay', 'logging.md'],
    ],
  },
  {
    folder: 'orbit',
    service: 'Amazon Orbit Cache',
    short: 'Orbit Cache',
    heading: 'Amazon Orbit Cache security',
    manage: 'the data and access rules',
    topics: [
      ['Data protection in Amazon Orbit Cache', 'data-protection.md'],
      ['Access control for Amazon Orbit Cache', 'access-control.md'],
      ['Logging in Amazon Orbit Cache', 'logging.md'],
    ],
  },
  {
    folder: 'pebble',
    service: 'AWS Pebble Vault',
    short: 'Pebble Vault',
    note: 'Pebble Vault keeps its keys in the region you choose\\.',
    topics: [
      ['Data Protection in AWS Pebble Vault', 'data-protection.md'],
      ['Access control for AWS Pebble Vault', 'access-control.md'],
      ['Logging in AWS Pebble Vault', 'logging.md'],
    ],
  },
];

/** The six services' pages and their topic pages (each titled as its list entry), with no `_template/`. */
function makeTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'docs-quality-init-'));
  const files: Record<string, string> = {};
  for (const s of SERVICES) {
    files[`${s.folder}/security.md`] = page(s);
    for (const [title, file] of s.topics) files[`${s.folder}/${file}`] = `# ${title}\n\nWhat this topic covers\\.\n`;
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const readTemplate = (root: string, name: string): string => readFileSync(join(root, '_template', name), 'utf8');

const EXPECTED_TEMPLATE = `# Security in {{service}}<a name="security"></a>

Keeping your data safe is our first concern\\. Every {{short}} account benefits from controls that are designed for sensitive workloads\\.

Responsibility is shared between the provider and you:
+ **Security of the platform** – The provider protects the hardware that runs {{short}}\\.
+ **Security on the platform** – You manage the data and the access rules you give to {{short}}\\.

This guide shows you how to configure {{short}} to meet your security objectives\\.

<!-- free-region: service-specific notes and warnings go here, between this marker and the next -->
<!-- /free-region -->

**Topics**
+ {{topics}}
`;

const init = suite('init');

init('infers the template: majority wording per block, names as placeholders, markup of a majority page', () => {
  const root = makeTree();
  const run = runCli(['init', '--docs', '.'], root);
  assert.is(run.code, 0, run.stderr);
  assert.is(readTemplate(root, 'security.md'), EXPECTED_TEMPLATE);
});

init('infers the catalog: ids, majority titles, aliases, required and order; one service’s topic is its own', () => {
  const root = makeTree();
  assert.is(runCli(['init', '--docs', '.'], root).code, 0);
  assert.equal(JSON.parse(readTemplate(root, 'topics.json')), {
    topics: [
      { id: 'data-protection', title: 'Data protection in {{service}}', aliases: [], required: true },
      { id: 'access-control', title: 'Access control for {{service}}', aliases: ['Controlling access to {{service}}'], required: true },
      { id: 'logging', title: 'Logging in {{service}}', aliases: [], required: true },
      { id: 'backups', title: 'Backups for {{service}}', aliases: [], required: false },
    ],
  });
  const manifest = JSON.parse(readTemplate(root, 'services.json'));
  assert.equal(manifest.services, {
    fern: { service: 'Amazon Fern', short: 'Amazon Fern' },
    harbor: { service: 'AWS Harbor Relay', short: 'Harbor Relay' },
    lumen: {
      service: 'Amazon Lumen Queue',
      short: 'Lumen Queue',
      extraTopics: [{ id: 'dead-letters', title: 'Using {{short}} with dead letters', after: 'backups', required: false }],
    },
    orbit: { service: 'Amazon Orbit Cache', short: 'Orbit Cache' },
    pebble: { service: 'AWS Pebble Vault', short: 'Pebble Vault' },
    quartz: { service: 'AWS Quartz Ledger', short: 'Quartz Ledger' },
  });
  assert.is(readTemplate(root, 'words.txt').split('\n').slice(1).join(' ').trim(), 'Cache Fern Harbor Ledger Lumen Orbit Pebble Quartz Queue Relay Vault');
});

init('a topic whose title names no service is kept as it is written, and check accepts it', async () => {
  const root = makeTree();
  for (const folder of ['harbor', 'orbit']) {
    const path = join(root, folder, 'security.md');
    writeFileSync(path, `${readFileSync(path, 'utf8').trimEnd()}\n+ [Cross-region replication](replication.md)\n`);
    writeFileSync(join(root, folder, 'replication.md'), '# Cross-region replication\n\nWhat this topic covers\\.\n');
  }
  const run = runCli(['init', '--docs', '.'], root);
  assert.is(run.code, 0, run.stderr);
  const { topics } = JSON.parse(readTemplate(root, 'topics.json')) as { topics: { id: string }[] };
  assert.equal(topics.find((topic) => topic.id === 'replication'), { id: 'replication', title: 'Cross-region replication', aliases: [], required: false });
  assert.equal((await findingsIn(root)).filter((f) => f.message.includes('replication')).map(brief), []);
});

init('prints the variants with their counts, the pages that match and the most common drift per block', () => {
  const root = makeTree();
  const lines = runCli(['init', '--docs', '.'], root).stdout.split('\n');
  for (const line of [
    'inferred from 6 service pages, names bound on 6',
    'block 1 heading "Security in {{service}}": 5 of 6 pages word it so',
    'block 2 paragraph "Keeping your data safe is our first concern …": 5 of 6 pages word it so',
    '  `benefits` 5, `will benefit` 1',
    'block 5 list item "Security on the platform – You manage the …": 5 of 6 pages word it so',
    '  `and the access` 5, `and access` 1',
    'topics: 4 in the catalog (3 required), 1 of one service alone',
    'pages that already match the inferred template: 3 of 6 (fern, lumen, pebble)',
    'most common drift per block:',
    '  block 2 paragraph: expected `benefits`, found `will benefit` (1 page)',
    '  block 4 list item: none',
    '  block 5 list item: expected `and the access`, found `and access` (1 page)',
    '  block 6 paragraph: expected `objectives`, found `aims` (1 page)',
  ]) {
    assert.ok(lines.includes(line), `missing line: ${line}\n${lines.join('\n')}`);
  }
  assert.ok(lines[lines.length - 2]!.startsWith('wrote _template/security.md, _template/topics.json, _template/services.json, _template/words.txt'));
});

init('on our own docs tree, infers our template byte for byte and our manifest’s names', () => {
  const root = mkdtempSync(join(tmpdir(), 'docs-quality-init-'));
  for (const [path, text] of Object.entries(shippedDocs())) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  assert.is(runCli(['init', '--docs', '.'], root).code, 0);
  assert.is(readTemplate(root, 'security.md'), shippedTemplate);
  const names = (text: string): object =>
    Object.fromEntries(Object.entries((JSON.parse(text) as { services: Record<string, { service: string; short: string }> }).services).map(([k, v]) => [k, [v.service, v.short]]));
  assert.equal(names(readTemplate(root, 'services.json')), names(readFileSync(join(projectRoot, 'docs', '_template', 'services.json'), 'utf8')));
});

init('never overwrites an existing _template/ without --force', () => {
  const root = makeTree();
  mkdirSync(join(root, '_template'));
  writeFileSync(join(root, '_template', 'security.md'), '# Ours {{service}}\n');
  const refused = runCli(['init', '--docs', '.'], root);
  assert.is(refused.code, 2);
  assert.match(refused.stderr, /^docs-quality: \S+_template already exists: pass --force to replace it\n$/);
  assert.is(readTemplate(root, 'security.md'), '# Ours {{service}}\n');
  const forced = runCli(['init', '--docs', '.', '--force'], root);
  assert.is(forced.code, 0, forced.stderr);
  assert.is(readTemplate(root, 'security.md'), EXPECTED_TEMPLATE);
});

init('writes nothing outside the docs root, even with --force through a linked _template/', () => {
  const root = makeTree();
  const elsewhere = mkdtempSync(join(tmpdir(), 'docs-quality-elsewhere-'));
  symlinkSync(elsewhere, join(root, '_template'));
  const run = runCli(['init', '--docs', '.', '--force'], root);
  assert.is(run.code, 2);
  assert.match(run.stderr, /leads outside the docs tree/);
  assert.equal(readdirSync(elsewhere), []);
});

init('refuses a tree without service pages, and writes nothing', () => {
  const root = mkdtempSync(join(tmpdir(), 'docs-quality-init-'));
  writeFileSync(join(root, 'README.md'), '# Docs\n');
  const run = runCli(['init', '--docs', '.'], root);
  assert.is(run.code, 2);
  assert.match(run.stderr, /no service pages/);
  assert.not.ok(existsSync(join(root, '_template')));
  rmSync(root, { recursive: true });
});

init('check with the inferred template reports only the minority drifts', async () => {
  const root = makeTree();
  assert.is(runCli(['init', '--docs', '.'], root).code, 0);
  const findings = (await findingsIn(root)).map(brief);
  assert.equal(findings, [
    'fern/security.md:13:4 topic-catalog missing required topic `Logging in Amazon Fern` (logging)',
    'fern/security.md:13:4 topic-catalog topic out of catalog order: `Data protection in Amazon Fern` belongs before `Access control for Amazon Fern`',
    'harbor/security.md:9:74 template-wording expected `objectives`, found `aims`',
    'harbor/security.md:13:4 topic-titles topic title differs from the catalog: expected `Access control for AWS Harbor Relay`, found `Controlling access to AWS Harbor Relay`',
    'orbit/security.md:1:3 template-heading H1 does not follow the template: expected `Security in Amazon Orbit Cache`, found `Amazon Orbit Cache security`',
    'orbit/security.md:7:54 template-wording expected `and the access`, found `and access`',
    'pebble/security.md:14:4 topic-titles topic title differs from the catalog: expected `Data protection in AWS Pebble Vault`, found `Data Protection in AWS Pebble Vault`',
    'quartz/security.md:3:75 template-wording expected `benefits`, found `will benefit`',
    'quartz/security.md:14:4 topic-catalog missing required topic `Logging in AWS Quartz Ledger` (logging)',
  ]);
});

init.run();
