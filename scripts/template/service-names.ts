/**
 * What counts as the service's name: a placeholder is not one ("this AWS Product or Service"), a
 * leading article is grammar rather than name ("Security in the AWS Tools for PowerShell"), and
 * a service has short forms a writer may use wherever the template says `{{short}}`.
 */

/** H1 shapes real pages use instead of the template's; recognised so the name still binds. */
export const HEADING_VARIANT_PATTERNS: readonly string[] = [
  '{{service}} security',
  'Security and compliance in {{service}}',
  'Security and compliance for {{service}}',
  'Security for {{service}}',
  'Security of {{service}}',
  'Security in {{service}}',
];

/** Wording that stands in for a name: a template's own placeholder left in the page. */
const PLACEHOLDER_NAMES = [
  /^(?:this|that|the|your|an?)\s+(?:aws\s+|amazon\s+)?(?:product|service|feature|offering)s?(?:\s+or\s+(?:product|service|feature)s?)?$/i,
  /\b(?:service|product)[\s_-]?name\b/i,
  /^[A-Z]+NAME$/,
  /\{\{|\}\}|<[^>]*>|\[[^\]]*\]|\bX{3,}\b|\bTBD\b|\bTODO\b/,
];

export function isPlaceholderName(name: string): boolean {
  return PLACEHOLDER_NAMES.some((pattern) => pattern.test(name.trim()));
}

/** The name without a leading article, which belongs to the sentence around it. */
export function withoutArticle(name: string): string {
  const stripped = name.replace(/^(?:the|The)\s+/, '');
  return stripped === '' ? name : stripped;
}

/**
 * The forms of a service's name that are consistent with it: the name itself; without its
 * `Amazon` / `AWS` prefix; its initialism (parenthesised, or the capitals of its words), alone
 * or with the prefix; the name without the parenthesis. `Amazon Managed Workflows for Apache
 * Airflow (MWAA)` gives `MWAA`, `Amazon MWAA` and `Amazon Managed Workflows for Apache Airflow`;
 * `Amazon Elastic Container Registry` gives `Amazon ECR`.
 */
export function shortFormsOf(service: string): Set<string> {
  const forms = new Set<string>([service]);
  const prefix = /^(Amazon|AWS)\s+/.exec(service)?.[1];
  const bare = service.replace(/\s*\([^()]*\)\s*$/, '');
  const capitals = bare
    .slice(prefix ? prefix.length + 1 : 0)
    .split(/\s+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('');
  const initialisms = [/\(([^()]+)\)\s*$/.exec(service)?.[1], capitals.length >= 2 ? capitals : undefined];
  for (const initialism of initialisms) {
    if (!initialism) continue;
    forms.add(initialism);
    if (prefix) forms.add(`${prefix} ${initialism}`);
  }
  forms.add(bare);
  for (const form of [...forms]) if (prefix && form.startsWith(`${prefix} `) && form.length > prefix.length + 1) forms.add(form.slice(prefix.length + 1));
  return forms;
}
