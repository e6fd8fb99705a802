/**
 * The text of the files `init` writes beside the template: the topic catalog, the services
 * manifest with the names it bound (and each service's own topics), and the word list of those names.
 */
import type { ExtraTopic, Topic } from '../topics/catalog.js';
import type { PageModel } from './align-pages.js';
import type { InferredCatalog } from './infer-catalog.js';

/** `topics.json`, in the shape of the shipped catalog. */
export function catalogJson(catalog: InferredCatalog): string {
  const topics = catalog.topics.map(({ id, title, aliases, required }: Topic) => ({ id, title, aliases, required }));
  return `${JSON.stringify({ topics }, null, 2)}\n`;
}

/** `services.json`: each service folder's names, and the topics only it lists. */
export function manifestJson(models: readonly PageModel[], catalog: InferredCatalog): string {
  const services: Record<string, { service: string; short: string; extraTopics?: object[] }> = {};
  for (const { page, names } of models) {
    const extras = catalog.extras.get(page.folder);
    services[page.folder] = { service: names.service, short: names.short, ...(extras ? { extraTopics: extras.map(extraTopicJson) } : {}) };
  }
  return `${JSON.stringify({ services }, null, 2)}\n`;
}

function extraTopicJson({ id, title, aliases, after, required }: ExtraTopic): object {
  return { id, title, ...(aliases.length > 0 ? { aliases } : {}), ...(after ? { after } : {}), required };
}

/** Prefixes every name shares, which any dictionary knows. */
const COMMON_WORDS = new Set(['Amazon', 'AWS']);

/** `words.txt`: the names' words a spelling dictionary may not know (capitalised or with digits), once each. */
export function wordsText(models: readonly PageModel[]): string {
  const words = new Set<string>();
  for (const { names } of models) {
    for (const word of `${names.service} ${names.short}`.match(/[\p{L}\p{N}]+/gu) ?? []) {
      if (!COMMON_WORDS.has(word) && /[\p{Lu}\p{N}]/u.test(word)) words.add(word);
    }
  }
  const sorted = [...words].sort((a, b) => a.localeCompare(b, 'en'));
  return `# The words of the service names init bound; one a line.\n${sorted.map((w) => `${w}\n`).join('')}`;
}
