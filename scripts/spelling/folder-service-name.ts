/**
 * The name a service folder's service page gives in its H1 (`# Security in Amazon Zorblaxian`), so
 * its topic pages know it as the service page does. Spelling is a page rule: it runs before the
 * corpus index is complete, so the service page is read like the manifest is, once per process
 * and again only when the file changes (an H1 change also changes every topic page's cache key,
 * since the corpus index holds titles).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexPage } from '../corpus/corpus-index.js';
import { servicePageName } from '../config/layout.js';
import { loadCached } from '../template/file-cache.js';
import { serviceNameFromTitle } from '../topics/service-identifiers.js';

/** The service name the folder's service page H1 gives, if the page exists and has an H1. */
export function folderServiceName(docsRoot: string, folder: string): string | undefined {
  const path = join(docsRoot, folder, servicePageName(docsRoot));
  return loadCached(path, (at) => {
    let text: string;
    try {
      text = readFileSync(at, 'utf8');
    } catch {
      return undefined; // a folder the manifest names without its page: the manifest's names apply
    }
    const h1 = indexPage(at, text).h1;
    return h1 ? serviceNameFromTitle(h1.text) : undefined;
  });
}
