/**
 * foreign-file-name: a page's file name does not carry another service's name, the usual trace of
 * a page copied from another service's folder, nor a template's placeholder. When the page is a
 * catalog topic, `fix` renames it to the topic's id and updates every link to it.
 *
 * found: `kinesis-data-streams/akda-java-compliance.md` ("akda" is Amazon Kinesis Data Analytics)
 *   -> file name carries another service's name: `akda` stands for Amazon Kinesis Data Analytics
 * found: `personalize/SERVICENAME-compliance.md`
 *   -> file name holds a placeholder: `SERVICENAME`: rename the page for Amazon Personalize
 * accepted: `file-cache/vpc-endpoints.md`, `file-cache/limit-access-acl.md` (VPC and ACL are what
 *   the pages are about, in every service), `amazon-s3-glacier/s3-access.md` (its own name)
 *
 * Placeholders are this rule's, not `todo-placeholder`'s: the finding is about the file name, and its
 * remedy is this rule's rename (a writer fixing file names looks here; `todo-placeholder` reads the
 * page's text, and a team drafting summaries may turn it off).
 */
import { basename, dirname, join, relative } from 'node:path';
import { corpusIndexFor, type CorpusIndex, type IndexedPage } from '../corpus/corpus-index.js';
import { linksTo } from '../corpus/links-to.js';
import { loadCatalog, recogniseTopic } from '../topics/catalog.js';
import type { Edit, Fix, OffsetFinding } from '../template/edit.js';
import { loadManifest } from '../template/manifest.js';
import { foreignServiceIn, serviceIdentifiers } from '../topics/service-identifiers.js';
import { docsPageOf, pageRole } from '../config/layout.js';
import { defineRule } from '../rule-kit/define-rule.js';

/** The rule's options in `.docs-quality.json`: `["error", { "accept": ["kda"] }]`. */
export interface ForeignFileNameOptions {
  /** File-name words never taken for another service's name, whatever service they stand for. */
  accept?: string[];
}

/**
 * A template's placeholder in a file name: template syntax whatever the name inside (`{{service}}`,
 * `{service}`, `${service}`, `<service>`), a slot in capitals (`SERVICENAME`, `SERVICE_NAME`,
 * `SERVICE`, `YOUR-SERVICE`, `PRODUCT`), `servicename`, `your-service` or `xxx` in any case. A
 * lowercase `service` is a word (`security_iam_service-with-iam.md`).
 */
const PLACEHOLDERS = [
  /\{\{[^{}]+\}\}|\$?\{[^{}]+\}|<[^<>]+>/,
  /(?<![A-Za-z0-9])(?:YOUR[-_]?)?(?:SERVICE|PRODUCT)(?:[-_]?NAME)?(?![A-Za-z0-9])/,
  /(?<![a-z0-9])(?:servicename|your[-_]?service(?:[-_]?name)?|x{3,})(?![a-z0-9])/i,
];

export default defineRule<ForeignFileNameOptions>(
  {
    id: "foreign-file-name",
    description: "a file name carrying another service's name (a copy-paste leftover) or a template placeholder",
    docs: "A file-name word is another service's name when it is one of that service's identifiers (its initialisms such as `akda`, the words of its name written with digits or in capitals such as `s3` or `mwaa`, a one-word folder name) and of no other service's, no part of the page's own service's names or folder (`s3` in the S3 Glacier guide), not a word the page's own headings use (a page titled `Interface VPC endpoints` is about VPC endpoints), and not accepted by the `accept` option. A common technical initialism (ACL, VPC, IAM, KMS, API, SDK, CLI, ...) names a service only when the services manifest writes it in that service's name (`\"short\": \"Amazon VPC\"`). A template placeholder in a file name (`SERVICENAME-compliance.md`, `{{service}}`, `<service>`, `your-service`) is reported too. Another service's H1 rarely changes, so a change is not taken to affect other folders.",
    fixable: "renames a catalog topic's page to its topic id and updates every link to it",
    crossFile: "none",
    defaultSeverity: "error",
    options: '{ "accept": ["kda", ...] }: words a file name may carry without naming another service',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { accept: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9]+$' } } },
      errorMessage: '{ "accept": [words of letters and digits] }',
    },
    examples: [
      { title: "a Kinesis Data Streams page named for Kinesis Data Analytics", base: "s3", pages: {"kinesis-data-streams/security.md": "# Security in Amazon Kinesis Data Streams\n\n**Topics**\n+ [Notes](akda-notes.md)\n", "kinesis-data-streams/akda-notes.md": "# Notes\n\nText.\n", "kinesis-data-analytics/security.md": "# Security in Amazon Kinesis Data Analytics\n"}, findings: ["kinesis-data-streams/akda-notes.md:1:1 file name carries another service's name: `akda` stands for Amazon Kinesis Data Analytics (kinesis-data-analytics/)"] },
      { title: "a page about VPC endpoints beside an Amazon Virtual Private Cloud folder", base: "s3", pages: {"vpc/security.md": "# Security in Amazon Virtual Private Cloud\n", "s3/vpc-endpoints.md": "# Amazon S3 and interface VPC endpoints\n\nText.\n"}, findings: [] },
      { title: "a word the team accepts", base: "s3", options: { accept: ["kda"] }, pages: {"kinesis-data-analytics/security.md": "# Security in Amazon Kinesis Data Analytics\n", "s3/kda-notes.md": "# Notes\n\nText.\n"}, findings: [] },
      { title: "a template placeholder left in a file name", base: "s3", pages: {"s3/SERVICENAME-notes.md": "# Notes\n\nText.\n"}, findings: ["s3/SERVICENAME-notes.md:1:1 file name holds a placeholder: `SERVICENAME`: rename the page for Amazon S3"] },
    ],
  },
  (_tree, file, options) => {
  const page = docsPageOf(file);
  if (!page || page.isServicePage || pageRole(page.docsRoot, page.path) === 'template') return [];
  const name = basename(page.path);
  const placeholder = PLACEHOLDERS.map((pattern) => pattern.exec(name)?.[0]).find((found) => found !== undefined);
  if (!placeholder && page.service === undefined) return [];
  const index = corpusIndexFor(page.docsRoot);
  const services = page.service === undefined ? undefined : serviceIdentifiers(index, loadManifest(page.docsRoot));
  if (placeholder) {
    const fix = renameFix(page.path, index, page.docsRoot);
    const service = page.service === undefined ? undefined : services?.get(page.service)?.service;
    const remedy = fix ? `rename to \`${basename(fix.renames![0]!.to)}\`` : `rename the page${service ? ` for ${service}` : ''}`;
    return [finding(`file name holds a placeholder: \`${placeholder}\`: ${remedy}`, name, fix)];
  }
  if (!services || page.service === undefined) return [];
  const accept = new Set((Array.isArray(options?.accept) ? options.accept : []).map((word) => word.toLowerCase()));
  const foreign = foreignServiceIn(name, page.service, services, { pageWords: headingWords(index.pages.get(page.path)), accept });
  if (!foreign) return [];
  const fix = renameFix(page.path, index, page.docsRoot);
  return [
    finding(`file name carries another service's name: \`${foreign.id}\` stands for ${foreign.service} (${foreign.folder}/)${fix ? `; rename to \`${basename(fix.renames![0]!.to)}\`` : ''}`, name, fix),
  ];
});

/** The finding at the top of the page, with the rename when there is one. */
function finding(message: string, name: string, fix: Fix | undefined): OffsetFinding {
  return { rule: 'foreign-file-name', start: 0, end: 0, message, actual: name, ...(fix ? { expected: basename(fix.renames![0]!.to), fix } : {}) };
}

/**
 * The words of the page's headings (its H1 included), lowercase, from the corpus index: what the page
 * says it is about. The index, not the tree, because the corpus rules see only a page's links in a
 * split run.
 */
function headingWords(page: IndexedPage | undefined): Set<string> {
  const words = new Set<string>();
  for (const heading of page?.headings ?? []) for (const word of heading.text.toLowerCase().split(/[^a-z0-9]+/)) if (word) words.add(word);
  return words;
}

/** Rename to `<topic id>.md` and relink every page that links here; none when the name is taken. */
function renameFix(path: string, index: CorpusIndex, docsRoot: string): Fix | undefined {
  const catalog = loadCatalog(docsRoot);
  const h1 = index.pages.get(path)?.h1;
  const topic = catalog && h1 ? recogniseTopic(h1.text, catalog.topics) : undefined;
  if (!topic) return undefined;
  const to = join(dirname(path), `${topic.id}.md`);
  if (index.pages.has(to)) return undefined;
  const edits: Edit[] = [];
  for (const { from, link } of linksTo(index, path)) {
    if (from.path === path) continue;
    const hash = link.url.indexOf('#');
    const newPath = relative(dirname(from.path), to).split('\\').join('/');
    edits.push({ file: from.path, start: link.start, end: link.end, text: encodeURI(newPath) + (hash === -1 ? '' : link.url.slice(hash)) });
  }
  return { edits, renames: [{ from: path, to }] };
}
