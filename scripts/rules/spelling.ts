/**
 * spelling: the prose of every page, as cspell (Code Spell Checker in a writer's editor) sees it.
 * cspell-lib decides each word, with the nearest cspell config above the docs tree plus its word
 * list (`_template/words.txt`): cspell's tokenizing and camelCase splitting, its case rules,
 * `words`, `ignoreWords`, `flagWords`, `ignoreRegExpList`, `ignorePaths`, and every inline
 * directive (`cspell:ignore`, `cspell:words`, `cspell:disable` / `cspell:enable`,
 * `cspell:disable-next-line`, `cspell:disable-line`, also spelt `spell-checker:` or `spellchecker:`).
 * Beneath that config: cspell's shipped `aws` and `sql` dictionaries and our AWS documentation words
 * (docs-dictionaries.ts). The names the page binds are known words on it: the names in
 * `_template/services.json`, the service page's names bound from its H1, and on a topic page its
 * folder's service name and the name its H1 gives in a catalog title (`Data protection in
 * {{service}}`), so no writer lists their own service's name. A typo inside a template-wording
 * difference is left to template-wording (one finding per place; its fix restores the template).
 *
 * Prose is what mdast `text` nodes hold. Deliberately not checked: code blocks, inline code, HTML
 * (comments still carry directives), link and image URLs, autolinks, image alt text, front matter.
 *
 * found: `Kinesis Data Streams recieves records`
 *   -> unknown word `recieves`; did you mean `receives`, `relieves`? (add it to _template/words.txt if it is right)
 * found: `<!-- cspell:ignore frobnicate -->` ... `we frobnicate`   -> nothing
 * found: `the CRENDETIAL is rotated`   -> unknown word `CRENDETIAL`; did you mean `CREDENTIAL`?
 */
import type { Heading, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { manifestWords, spellerFor, wordsOfNames, type SpellingFinding } from '../spelling/speller.js';
import { serviceFromHeading } from '../template/bind.js';
import { loadCatalog, topicsForService } from '../topics/catalog.js';
import type { OffsetFinding } from '../template/edit.js';
import { loadManifest } from '../template/manifest.js';
import { tokensOf, tokensOfText } from '../template/tokens.js';
import { docsPageOf, type DocsPage } from '../config/layout.js';
import { defineRule } from '../rule-kit/define-rule.js';
import { servicePageComparison } from '../template/service-page-analysis.js';
import { hunkRange, wordingHunks, type PageComparison } from '../template/compare-page.js';
import { folderServiceName } from '../spelling/folder-service-name.js';
import { configOf } from '../config/docs-quality-config.js';

export default defineRule(
  {
    id: "spelling",
    description: "a word cspell does not know in a page's prose",
    docs: "cspell-lib decides each word with the nearest cspell config above the docs tree and `_template/words.txt`, honouring cspell's inline directives, on top of cspell's shipped `aws` and `sql` dictionaries and our `aws-docs` words (AWS terms such as `Internetwork`, `Boto`, `PITR`; instance classes and managed policy names are skipped); a config turns them off with `\"dictionaries\": [\"!sql\", \"!aws-docs\"]`. The names a page binds (its H1, the manifest, on a topic page its service page's H1 and a catalog title) are known on it. A typo inside template text that template-wording reports is left to template-wording, whose fix restores the template's words: one finding per place. Code, URLs, HTML and front matter are not checked.",
    fixable: false,
    crossFile: "folder",
    defaultSeverity: "error",
    examples: [
      { title: "a typo with its one-edit correction", pages: {"guide/page.md": "# Records\n\nKinesis Data Streams recieves records.\n"}, findings: ["guide/page.md:3:22 unknown word `recieves`; did you mean `receives`, `relieves`? (add it to _template/words.txt if it is right)"] },
      { title: "a word cspell:ignore names", pages: {"guide/page.md": "# Records\n\n<!-- cspell:ignore frobnicate -->\n\nWe frobnicate records.\n"}, findings: [] },
      { title: "a topic page knows its service page's name", pages: {"zorblaxian/security.md": "# Security in Amazon Zorblaxian\n", "zorblaxian/keys.md": "# Rotating keys\n\nZorblaxian rotates keys.\n"}, findings: [] },
      { title: "AWS words and identifiers", pages: {"guide/page.md": "# Networks\n\nInternetwork traffic privacy, Boto3, PITR and a db.r5.2xlarge instance with AWSXRayDaemonWriteAccess.\n"}, findings: [] },
      { title: "a typo in template text is template-wording's alone", base: "s3", replace: {"s3/security.md": ["sensitive organizations", "sensitive organizatons"]}, findings: [] },
    ],
  },
  async (tree: Root, file: VFile) => {
  const page = docsPageOf(file);
  if (!page) return [];
  const text = String(file);
  const prose = proseRanges(tree);
  if (prose.length === 0) return [];
  const comparison = page.isServicePage ? servicePageComparison(tree, file) : null;
  const found = await spellerFor(page.docsRoot).check({ path: page.path, text, prose, names: knownNames(tree, file, page, comparison) });
  const restored = comparison && ruleIsOn(page.docsRoot, 'template-wording') ? wordingHunks(comparison).filter(({ hunk }) => !hunk.addedSentences).map(hunkRange) : [];
  // One finding per place and cause: template-wording's fix restores the template's words, typo and all
  // (not sentences of the writer's own that it moves: those are still spelt here).
  return found.filter(({ offset, word }) => !restored.some(({ start, end }) => start <= offset && offset + word.length <= end)).map(toFinding);
});

function toFinding({ offset, word, flagged, suggestions }: SpellingFinding): OffsetFinding {
  const mean = suggestions.length ? `; did you mean ${suggestions.map((s) => `\`${s}\``).join(', ')}?` : '';
  return {
    rule: 'spelling',
    start: offset,
    end: offset + word.length,
    message: flagged
      ? `forbidden word \`${word}\`${mean} (cspell's flagWords list it)`
      : `unknown word \`${word}\`${mean} (add it to _template/words.txt if it is right)`,
    actual: word,
    ...(suggestions[0] ? { expected: suggestions[0] } : {}),
  };
}

/** Source ranges of the page's prose: its `text` nodes, except autolinks (their text is the URL). */
function proseRanges(tree: Root): [number, number][] {
  const ranges: [number, number][] = [];
  visit(tree, 'text', (node, _index, parent) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || start === end) return;
    if (parent?.type === 'link' && (parent.url === node.value || parent.url === `mailto:${node.value}`)) return;
    ranges.push([start, end]);
  });
  return ranges;
}

/**
 * The words of the names this page binds that the tree does not already know: the manifest's
 * names are in the tree's word list, so most pages add none and share one cspell dictionary.
 * A topic page knows its service's name (its folder's service page's H1) whatever its own title.
 */
function knownNames(tree: Root, file: VFile, page: DocsPage, comparison: PageComparison | null): string[] {
  const manifest = loadManifest(page.docsRoot);
  const names: (string | undefined)[] = [];
  if (page.isServicePage) {
    names.push(comparison?.bindings.service, comparison?.bindings.short);
  } else if (page.service) {
    names.push(folderServiceName(page.docsRoot, page.service));
    names.push(nameInTopicTitle(tree, String(file), page, manifest));
  }
  const known = manifestWords(page.docsRoot);
  return wordsOfNames(names).filter((word) => !known.has(word));
}

/** Whether the tree's configuration runs a rule (every rule runs unless set to `off`). */
function ruleIsOn(docsRoot: string, id: string): boolean {
  const setting = configOf(docsRoot).rules[id];
  return (Array.isArray(setting) ? setting[0] : setting) !== 'off';
}

/** The service name a topic page's H1 gives where a catalog title has `{{service}}` or `{{short}}`. */
function nameInTopicTitle(tree: Root, source: string, page: DocsPage, manifest: ReturnType<typeof loadManifest>): string | undefined {
  const catalog = loadCatalog(page.docsRoot);
  const h1 = tree.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
  if (!catalog || !h1) return undefined;
  const heading = tokensOf(h1, source);
  for (const topic of topicsForService(catalog, manifest[page.service!])) {
    for (const pattern of [topic.title, ...topic.aliases]) {
      const name = serviceFromHeading(tokensOfText(pattern.replace(/\{\{\s*short\s*\}\}/g, '{{service}}')), heading, true);
      if (name) return name;
    }
  }
  return undefined;
}
