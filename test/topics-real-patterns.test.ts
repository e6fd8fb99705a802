/**
 * The topic rules on patterns real security pages show (issue 16), each on a service of our own
 * (Amazon Zorbulator): a drifted title is one rename, a suggestion is only made when close, a
 * same-page anchor is judged by its heading, one finding per place and cause, and no title is
 * judged by a name the page does not give.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fixDocs } from '../scripts/engine/fix.js';
import type { Finding } from '../scripts/engine/finding.js';
import { brief, findingsIn } from './helpers/check.js';
import { fixture, makeDocsTree, shippedConfig } from './helpers/docs-tree.js';

const page = 'zorbulator/security.md';
const H1 = '# Security in Amazon Zorbulator<a name="security"></a>';

/** The catalog's topics with canonical titles, as `[title, file]`. */
const CANONICAL: [string, string][] = [
  ['Data protection in Amazon Zorbulator', 'data-protection.md'],
  ['Identity and access management in Amazon Zorbulator', 'security-iam.md'],
  ['Logging and monitoring in Amazon Zorbulator', 'logging-and-monitoring.md'],
  ['Compliance validation for Amazon Zorbulator', 'compliance-validation.md'],
  ['Resilience in Amazon Zorbulator', 'disaster-recovery-resiliency.md'],
  ['Infrastructure security in Amazon Zorbulator', 'infrastructure-security.md'],
];

/** The clean fixture's page for Amazon Zorbulator, with this H1 and Topics list (and text after it). */
function servicePage(entries: readonly [string, string][], options: { h1?: string; after?: string } = {}): string {
  const clean = fixture('template/clean/security.md');
  const body = clean.slice(clean.indexOf('\n'), clean.indexOf('**Topics**')).replaceAll('Kinesis Data Streams', 'Zorbulator');
  const list = entries.map(([title, url]) => `+ [${title}](${url})`).join('\n');
  return `${options.h1 ?? H1}${body}**Topics**\n${list}\n${options.after ?? ''}`;
}

/** A docs tree of one service page and a stub page per entry (its H1 the entry's title unless given). */
function tree(entries: readonly [string, string][], options: { h1?: string; after?: string; h1s?: Record<string, string>; extra?: Record<string, string> } = {}): string {
  const pages: Record<string, string> = { [page]: servicePage(entries, options), ...options.extra };
  for (const [title, url] of entries) {
    if (url.startsWith('#')) continue;
    pages[`zorbulator/${url}`] = `# ${options.h1s?.[url] ?? title}\n\nWhat the topic covers\\.\n`;
  }
  const { catalog, words } = shippedConfig();
  return makeDocsTree(pages, { ...(catalog ? { catalog } : {}), ...(words ? { words } : {}) });
}

const topicFindings = async (root: string): Promise<Finding[]> => (await findingsIn(root)).filter((f) => f.ruleId.startsWith('topic-'));
const briefs = async (root: string): Promise<string[]> => (await topicFindings(root)).map(brief);

/** CANONICAL with entry `i` replaced. */
const withEntry = (i: number, entry: [string, string]): [string, string][] => CANONICAL.map((e, j) => (j === i ? entry : e));

const retitled = suite('a topic under a drifted title');

retitled('"Controlling Access with ..." linked to controlling-access.md is one rename, not unknown plus missing', async () => {
  const root = tree(withEntry(1, ['Controlling Access with Amazon Zorbulator', 'controlling-access.md']));
  const findings = await topicFindings(root);
  assert.equal(findings.map(brief), [
    `${page}:13:4 topic-titles topic title differs from the catalog: expected \`Identity and access management in Amazon Zorbulator\`, found \`Controlling Access with Amazon Zorbulator\`; taken for the identity-and-access-management topic by its title and file name`,
  ]);
  assert.ok(findings[0]!.fixable);
  await fixDocs({ docsRoot: root, cwd: root });
  assert.equal(await briefs(root), []);
  assert.match(readFileSync(join(root, 'zorbulator', 'controlling-access.md'), 'utf8'), /^# Identity and access management in Amazon Zorbulator\n/);
});

retitled('"Resiliency in ..." linked to disaster-recovery-resiliency.md is the resilience topic', async () => {
  const root = tree(withEntry(4, ['Resiliency in Amazon Zorbulator', 'disaster-recovery-resiliency.md']));
  assert.equal(await briefs(root), [
    `${page}:16:4 topic-titles topic title differs from the catalog: expected \`Resilience in Amazon Zorbulator\`, found \`Resiliency in Amazon Zorbulator\`; taken for the resilience topic by its title and file name`,
  ]);
});

retitled('a one-word title ("Compliance") linked to a page named for something else is known by its title', async () => {
  const root = tree(withEntry(3, ['Compliance', 'fips-validation.md']));
  assert.equal(await briefs(root), [
    `${page}:15:4 topic-titles topic title differs from the catalog: expected \`Compliance validation for Amazon Zorbulator\`, found \`Compliance\`; taken for the compliance-validation topic by its title`,
  ]);
});

retitled('a title that only shares a word is known by a file name that names the topic (security-iam.md)', async () => {
  const root = tree(withEntry(1, ['Access permissions for Amazon Zorbulator', 'security-iam.md']));
  assert.equal(await briefs(root), [
    `${page}:13:4 topic-titles topic title differs from the catalog: expected \`Identity and access management in Amazon Zorbulator\`, found \`Access permissions for Amazon Zorbulator\`; taken for the identity-and-access-management topic by its file name`,
  ]);
});

retitled('a topic already in the list is not taken again: the second, close entry stays unknown and says where the first is', async () => {
  const root = tree([...CANONICAL, ['Encryption and data protection notes', 'encryption-notes.md']]);
  assert.equal(await briefs(root), [
    `${page}:18:4 topic-catalog topic is not in the catalog: \`Encryption and data protection notes\`; its closest catalog topic, \`Data protection in Amazon Zorbulator\` (data-protection), is listed at line 12: merge the two, or declare it in this service's \`extraTopics\` (\`_template/services.json\`)`,
  ]);
});

retitled('two entries close to one absent topic: the one with more evidence takes it, the other names it as closest', async () => {
  const root = tree([...withEntry(4, ['Resiliency in Amazon Zorbulator', 'disaster-recovery-resiliency.md']), ['Resilience notes', 'notes.md']]);
  assert.equal(await briefs(root), [
    `${page}:16:4 topic-titles topic title differs from the catalog: expected \`Resilience in Amazon Zorbulator\`, found \`Resiliency in Amazon Zorbulator\`; taken for the resilience topic by its title and file name`,
    `${page}:18:4 topic-catalog topic is not in the catalog: \`Resilience notes\`; its closest catalog topic, \`Resiliency in Amazon Zorbulator\` (resilience), is listed at line 16: merge the two, or declare it in this service's \`extraTopics\` (\`_template/services.json\`)`,
  ]);
});

retitled.run();

const closest = suite('the closest catalog topic, only when close');

closest('titles that share a word or two with a topic name none, and say what to do', async () => {
  const unknown = [
    ['Using Zorbulator to query data registered with AWS Lake Formation', 'security-zorbulator-lake-formation.md'],
    ['S3 Encryption Client Migration', 's3-encryption-migration.md'],
    ['Security information for services used by Amazon Zorbulator', 'security-seealso.md'],
    ['Cache access control with Amazon VPC', 'limit-access-security-groups.md'],
    ['Update management in Amazon Zorbulator', 'update-management.md'],
  ] as [string, string][];
  const root = tree([...CANONICAL, ...unknown]);
  const remedy = ": declare it in this service's `extraTopics` (`_template/services.json`) or add it to the catalog (`_template/topics.json`)";
  assert.equal(
    await briefs(root),
    unknown.map(([title], i) => `${page}:${18 + i}:4 topic-catalog topic is not in the catalog: \`${title}\`${remedy}`),
  );
});

closest.run();

const anchors = suite('a Topics link to a section of the service page itself');

const SEE_ALSO = 'Security information for services used by Amazon Zorbulator';

anchors('is compared with the heading at its anchor, not the page H1', async () => {
  const root = tree([[SEE_ALSO, '#security-seealso'], ...CANONICAL], { after: `\n## ${SEE_ALSO}<a name="security-seealso"></a>\n+ [Security in Amazon EC2](https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-security.html)\n` });
  const findings = await briefs(root);
  assert.ok(!findings.some((f) => f.includes('topic-titles')), findings.join('\n'));
  assert.ok(!findings.some((f) => f.includes('Security in Amazon Zorbulator')), findings.join('\n'));
});

anchors('a drifted section heading: the link text is renamed to the heading, and the H1 is left alone', async () => {
  const root = tree([[SEE_ALSO, '#security-seealso'], ...CANONICAL], { after: `\n## Security of the services Amazon Zorbulator uses<a name="security-seealso"></a>\n\nSee each service's guide\\.\n` });
  const titles = (await briefs(root)).filter((f) => f.includes('topic-titles'));
  assert.equal(titles, [
    `${page}:12:4 topic-titles link text differs from the heading at \`#security-seealso\` of \`security.md\`: the heading is \`Security of the services Amazon Zorbulator uses\`, the link says \`${SEE_ALSO}\``,
  ]);
  await fixDocs({ docsRoot: root, cwd: root });
  const text = readFileSync(join(root, page), 'utf8');
  assert.match(text, /^# Security in Amazon Zorbulator<a name="security"><\/a>\n/);
  assert.match(text, /\+ \[Security of the services Amazon Zorbulator uses\]\(#security-seealso\)/);
});

anchors('a link to the service page\'s own H1 never renames it', async () => {
  const root = tree([['Data protection in Amazon Zorbulator', '#security'], ...CANONICAL.slice(1)]);
  assert.ok(!(await briefs(root)).some((f) => f.includes('topic-titles')));
  await fixDocs({ docsRoot: root, cwd: root });
  assert.match(readFileSync(join(root, page), 'utf8'), /^# Security in Amazon Zorbulator<a name="security"><\/a>\n/);
});

anchors.run();

const doubles = suite('one finding per place and cause');

doubles('link text and H1 both drifted: one catalog finding, and the fix renames both', async () => {
  const root = tree(withEntry(0, ['Data Protection in Amazon Zorbulator', 'data-protection.md']), { h1s: { 'data-protection.md': 'Data protection for Amazon Zorbulator' } });
  const findings = await topicFindings(root);
  assert.equal(findings.map(brief), [
    `${page}:12:4 topic-titles topic title differs from the catalog: expected \`Data protection in Amazon Zorbulator\`, found \`Data Protection in Amazon Zorbulator\` (the H1 of \`data-protection.md\` says \`Data protection for Amazon Zorbulator\`)`,
  ]);
  assert.is(findings[0]!.expected, 'Data protection in Amazon Zorbulator');
  await fixDocs({ docsRoot: root, cwd: root });
  assert.equal(await briefs(root), []);
  assert.match(readFileSync(join(root, 'zorbulator', 'data-protection.md'), 'utf8'), /^# Data protection in Amazon Zorbulator\n/);
});

doubles('the link has the catalog title and the H1 drifted: one finding, expecting the catalog title', async () => {
  const root = tree(CANONICAL, { h1s: { 'data-protection.md': 'Protecting data in Zorbulator' } });
  const findings = await topicFindings(root);
  assert.equal(findings.map(brief), [
    `${page}:12:4 topic-titles link text differs from the title of \`data-protection.md\`: the page's H1 is \`Protecting data in Zorbulator\`, the link says \`Data protection in Amazon Zorbulator\`, the catalog's title: the fix renames the H1 to it`,
  ]);
  assert.is(findings[0]!.expected, 'Data protection in Amazon Zorbulator');
});

doubles('several missing topics are one finding at the end of the list, and fix links the one whose page is there', async () => {
  const listed = CANONICAL.filter(([, file]) => file !== 'logging-and-monitoring.md' && file !== 'disaster-recovery-resiliency.md');
  const root = tree(listed, { extra: { 'zorbulator/disaster-recovery-resiliency.md': '# Resilience in Amazon Zorbulator\n\nWhat it covers\\.\n' } });
  const findings = await topicFindings(root);
  assert.equal(findings.map(brief), [
    `${page}:15:4 topic-catalog topics missing from the Topics list: \`Logging and monitoring in Amazon Zorbulator\` (logging-and-monitoring) and \`Resilience in Amazon Zorbulator\` (resilience; its page \`disaster-recovery-resiliency.md\` is in the folder)`,
  ]);
  assert.ok(findings[0]!.fixable);
  await fixDocs({ docsRoot: root, cwd: root });
  assert.equal(await briefs(root), [`${page}:16:4 topic-catalog missing required topic \`Logging and monitoring in Amazon Zorbulator\` (logging-and-monitoring)`]);
  assert.match(readFileSync(join(root, page), 'utf8'), /\(compliance-validation\.md\)\n\+ \[Resilience in Amazon Zorbulator\]\(disaster-recovery-resiliency\.md\)\n\+ \[Infrastructure security/);
});

doubles('several missing required topics without pages: one finding listing them', async () => {
  const root = tree(CANONICAL.slice(0, 4));
  assert.equal(await briefs(root), [
    `${page}:15:4 topic-catalog missing required topics: \`Resilience in Amazon Zorbulator\` (resilience) and \`Infrastructure security in Amazon Zorbulator\` (infrastructure-security)`,
  ]);
});

doubles.run();

const unbound = suite('a service page whose H1 gives no name');

const PLACEHOLDER = '# Security for this AWS Product or Service<a name="security"></a>';

unbound('no catalog title is judged, and no message quotes the folder for the name', async () => {
  const entries: [string, string][] = [
    ['Data Protection', 'data-protection.md'],
    ['Identity and Access Management', 'security-iam.md'],
    ['Compliance Validation', 'compliance-validation.md'],
    ['Resilience', 'disaster-recovery-resiliency.md'],
    ['Infrastructure Security', 'infrastructure-security.md'],
    ['Enforcing a minimum TLS version', 'tls.md'],
  ];
  const findings = await briefs(tree(entries, { h1: PLACEHOLDER }));
  assert.equal(findings, [
    `${page}:17:4 topic-catalog missing required topic \`Logging and monitoring in <service>\` (logging-and-monitoring)`,
    `${page}:17:4 topic-catalog topic is not in the catalog: \`Enforcing a minimum TLS version\`: declare it in this service's \`extraTopics\` (\`_template/services.json\`) or add it to the catalog (\`_template/topics.json\`)`,
  ]);
});

unbound('link text that differs from its page H1 is still reported, since that needs no name', async () => {
  const root = tree(CANONICAL.map(([title, file]) => [title.replace(/ (in|for) Amazon Zorbulator$/, ''), file] as [string, string]), { h1: PLACEHOLDER, h1s: { 'data-protection.md': 'Data protection in the Zorbulator SDK' } });
  assert.equal(await briefs(root), [
    `${page}:12:4 topic-titles link text differs from the title of \`data-protection.md\`: the page's H1 is \`Data protection in the Zorbulator SDK\`, the link says \`Data protection\``,
  ]);
});

unbound('a missing topic whose page is in the folder is linked with its page H1, not a made-up title', async () => {
  const listed = CANONICAL.filter(([, file]) => file !== 'disaster-recovery-resiliency.md').map(([title, file]) => [title.replace(/ (in|for) Amazon Zorbulator$/, ''), file] as [string, string]);
  const root = tree(listed, { h1: PLACEHOLDER, extra: { 'zorbulator/disaster-recovery-resiliency.md': '# Resilience\n\nWhat it covers\\.\n' } });
  assert.equal(await briefs(root), [
    `${page}:16:4 topic-catalog topic \`Resilience in <service>\` (resilience) is missing from the Topics list, but its page \`disaster-recovery-resiliency.md\` is in the folder`,
  ]);
  await fixDocs({ docsRoot: root, cwd: root });
  assert.match(readFileSync(join(root, page), 'utf8'), /\+ \[Resilience\]\(disaster-recovery-resiliency\.md\)\n\+ \[Infrastructure security\]/);
  assert.equal(await briefs(root), []);
});

unbound.run();
