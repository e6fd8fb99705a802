/**
 * foreign-file-name: a page's file name does not carry another service's name, the usual trace of
 * a page copied from another service's folder. When the page is a catalog topic, `fix` renames it
 * to the topic's id and updates every link to it.
 *
 * found: `kinesis-data-streams/akda-java-compliance.md` ("akda" is Amazon Kinesis Data Analytics)
 *   -> file name carries another service's name: `akda` stands for Amazon Kinesis Data Analytics
 */
import { basename, dirname, join, relative } from 'node:path';
import { corpusIndexFor, type CorpusIndex } from '../corpus/corpus-index.js';
import { linksTo } from '../corpus/links-to.js';
import { loadCatalog, recogniseTopic } from '../topics/catalog.js';
import type { Edit, Fix } from '../template/edit.js';
import { loadManifest } from '../template/manifest.js';
import { foreignServiceIn, serviceIdentifiers } from '../topics/service-identifiers.js';
import { docsPageOf } from '../config/layout.js';
import { defineRule } from '../rule-kit/define-rule.js';

export default defineRule(
  {
    id: "foreign-file-name",
    description: "a file name carrying another service's name (a copy-paste leftover)",
    docs: "The identifiers of every service (initialisms, names with digits, one-word folder names) are matched against each file name's words; a service's own identifiers never count. Another service's H1 rarely changes, so a change is not taken to affect other folders.",
    fixable: "renames a catalog topic's page to its topic id and updates every link to it",
    crossFile: "none",
    defaultSeverity: "error",
    examples: [
      { title: "a Kinesis Data Streams page named for Kinesis Data Analytics", base: "s3", pages: {"kinesis-data-streams/security.md": "# Security in Amazon Kinesis Data Streams\n\n**Topics**\n+ [Notes](akda-notes.md)\n", "kinesis-data-streams/akda-notes.md": "# Notes\n\nText.\n", "kinesis-data-analytics/security.md": "# Security in Amazon Kinesis Data Analytics\n"}, findings: ["kinesis-data-streams/akda-notes.md:1:1 file name carries another service's name: `akda` stands for Amazon Kinesis Data Analytics (kinesis-data-analytics/)"] },
    ],
  },
  (_tree, file) => {
  const page = docsPageOf(file);
  if (!page?.service || page.isServicePage) return [];
  const index = corpusIndexFor(page.docsRoot);
  const foreign = foreignServiceIn(basename(page.path), page.service, serviceIdentifiers(index, loadManifest(page.docsRoot)));
  if (!foreign) return [];
  const fix = renameFix(page.path, index, page.docsRoot);
  return [
    {
      rule: 'foreign-file-name',
      start: 0,
      end: 0,
      message: `file name carries another service's name: \`${foreign.id}\` stands for ${foreign.service} (${foreign.folder}/)${fix ? `; rename to \`${basename(fix.renames![0]!.to)}\`` : ''}`,
      actual: basename(page.path),
      ...(fix ? { expected: basename(fix.renames![0]!.to), fix } : {}),
    },
  ];
});

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
