/**
 * Short forms a file name may carry for a service ("akda" for Amazon Kinesis Data Analytics, "s3"),
 * so a page copied from another service's folder is recognised by its name.
 *
 * A file-name word is taken for another service's only when it names that service beyond doubt:
 * it is one of that service's identifiers and of no other service's; it is no part of the page's own
 * service's names or folder (`s3` in the S3 Glacier guide); the page's headings do not use it as a
 * word (a page titled "Interface VPC endpoints" is about VPC endpoints, whichever service it is in);
 * and the team has not accepted it. A common technical initialism (ACL, VPC, IAM, KMS, ...) is an
 * identifier only when the services manifest writes it in the service's name.
 */
import { basename, dirname, relative, sep } from 'node:path';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import type { Manifest } from '../template/manifest.js';
import { pageRole } from '../config/layout.js';

const VENDOR = /^(amazon|aws)$/i;

/**
 * Initialisms every service's pages use for the thing, not for a service: `limit-access-acl.md` is
 * about network ACLs, not Amazon CloudWatch Logs, and there are VPC endpoints for every service.
 */
export const COMMON_TERMS: ReadonlySet<string> = new Set([
  'acl', 'aes', 'amazon', 'api', 'arn', 'aws', 'cdn', 'cli', 'cmk', 'cors', 'cpu', 'csr', 'csv', 'dns', 'ecc',
  'faq', 'ftp', 'gpu', 'hsm', 'html', 'http', 'https', 'iam', 'ide', 'iot', 'jdbc', 'json', 'jwt', 'kms', 'ldap',
  'mfa', 'nat', 'nfs', 'odbc', 'oidc', 'pem', 'pii', 'pki', 'ram', 'rbac', 'rest', 'rsa', 'saml', 'sdk', 'sftp',
  'sha', 'smb', 'smtp', 'sql', 'ssh', 'sso', 'ssl', 'tcp', 'tls', 'ttl', 'udp', 'uri', 'url', 'vpc', 'vpn', 'waf',
  'xml', 'yaml',
]);

/** One service as file names may name it. */
export interface ServiceIdentity {
  /** Its full name, as the manifest or its H1 gives it. */
  service: string;
  /** Its identifiers, lowercase. */
  ids: Set<string>;
  /** Its names and folder, lowercase letters and digits only: a word inside one of them is its own. */
  parts: string[];
}

const wordsOf = (name: string): string[] => name.split(/[^A-Za-z0-9]+/).filter(Boolean);

/**
 * Identifiers of one service: its initialisms (3+ letters), the words of its names written with
 * digits (`S3`) or as an initialism (`MWAA`), a one-word folder name. A common term counts only when
 * `declared` (the manifest's names) writes it as a word (`"short": "Amazon VPC"`).
 */
export function identifiersOf(folder: string, names: readonly string[], declared: readonly string[] = []): Set<string> {
  const ids = new Set<string>();
  if (/^[a-z0-9]+$/.test(folder)) ids.add(folder);
  for (const name of names) {
    const words = wordsOf(name);
    const initials = words.map((w) => w[0]!.toLowerCase()).join('');
    if (initials.length >= 3) ids.add(initials);
    if (words.length > 1 && VENDOR.test(words[0]!) && initials.length - 1 >= 3) ids.add(initials.slice(1));
    for (const word of words) {
      if ((/\d/.test(word) && /[a-z]/i.test(word)) || (/^[A-Z]{3,}$/.test(word) && !VENDOR.test(word))) ids.add(word.toLowerCase());
    }
  }
  const written = new Set(declared.flatMap(wordsOf).map((word) => word.toLowerCase()));
  for (const id of ids) if (COMMON_TERMS.has(id) && !written.has(id)) ids.delete(id);
  return ids;
}

/** The service name a security page's H1 gives, whatever the H1's shape. */
export function serviceNameFromTitle(h1: string): string {
  return h1
    .replace(/^security(?:\s+and\s+compliance)?\s+(?:in|for|of)\s+/i, '')
    .replace(/\s+security$/i, '')
    .trim();
}

const cache = new WeakMap<CorpusIndex, Map<string, ServiceIdentity>>();

/** Every service folder of the corpus with its identifiers (once per index). */
export function serviceIdentifiers(index: CorpusIndex, manifest: Manifest): Map<string, ServiceIdentity> {
  const cached = cache.get(index);
  if (cached) return cached;
  const services = new Map<string, ServiceIdentity>();
  for (const page of index.pages.values()) {
    if (pageRole(index.root, page.path) !== 'service') continue;
    const folder = relative(index.root, dirname(page.path)).split(sep).join('/');
    const pinned = manifest[folder];
    const fromTitle = page.h1 ? serviceNameFromTitle(page.h1.text) : folder;
    const declared = pinned ? [pinned.service, ...(pinned.short ? [pinned.short] : [])] : [];
    const names = [pinned?.service ?? fromTitle, ...(pinned?.short ? [pinned.short] : [])];
    const parts = [...names, fromTitle, folder].map((name) => name.toLowerCase().replace(/[^a-z0-9]+/g, ''));
    services.set(folder, { service: names[0]!, ids: identifiersOf(folder.split('/').pop()!, names, declared), parts });
  }
  cache.set(index, services);
  return services;
}

/** What else decides whether a file-name word names another service. */
export interface ForeignContext {
  /** The words of the page's headings, lowercase: a word the page is titled with is what it is about. */
  pageWords?: ReadonlySet<string>;
  /** Words the team accepts in file names (the rule's `accept` option), lowercase. */
  accept?: ReadonlySet<string>;
}

/** Another service that a word of the file name names beyond doubt (the first such word), if any. */
export function foreignServiceIn(
  fileName: string,
  ownFolder: string,
  services: ReadonlyMap<string, ServiceIdentity>,
  context: ForeignContext = {},
): { folder: string; service: string; id: string } | undefined {
  const own = services.get(ownFolder);
  const ownParts = own?.parts ?? [ownFolder.toLowerCase().replace(/[^a-z0-9]+/g, '')];
  const used = (word: string): boolean => context.pageWords !== undefined && (context.pageWords.has(word) || context.pageWords.has(`${word}s`));
  const owners = ownersOf(services);
  for (const token of basename(fileName, '.md').toLowerCase().split(/[-_.\s]+/)) {
    if (!token || own?.ids.has(token) || ownParts.some((part) => part.includes(token))) continue;
    if (context.accept?.has(token) || used(token)) continue;
    const others = (owners.get(token) ?? []).filter((folder) => folder !== ownFolder);
    if (others.length !== 1) continue; // an identifier of several services names none of them
    return { folder: others[0]!, service: services.get(others[0]!)!.service, id: token };
  }
  return undefined;
}

const ownerMaps = new WeakMap<ReadonlyMap<string, unknown>, Map<string, string[]>>();

/** Identifier -> the service folders that use it, built once per services map (a corpus has thousands of pages to ask about). */
function ownersOf(services: ReadonlyMap<string, { ids: Set<string> }>): Map<string, string[]> {
  let owners = ownerMaps.get(services);
  if (owners) return owners;
  owners = new Map();
  for (const [folder, { ids }] of services) {
    for (const id of ids) {
      const folders = owners.get(id);
      if (folders) folders.push(folder);
      else owners.set(id, [folder]);
    }
  }
  ownerMaps.set(services, owners);
  return owners;
}
