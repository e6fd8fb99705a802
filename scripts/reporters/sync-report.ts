/**
 * The cross-service view (`npm run sync`, and sections of the job summary): the services x topics
 * matrix, how each template block is worded across services, and file names that carry another
 * service's name. Pure functions of checked files. Folder names, titles and wordings come from the
 * pages (a fork's pull request chooses them), so each is escaped for GitHub Markdown.
 */
import { basename, dirname } from 'node:path';
import type { VFile } from 'vfile';
import type { Finding } from '../engine/finding.js';
import type { Template } from '../template/template.js';
import type { Topic } from '../topics/catalog.js';
import { joinTokens } from '../template/tokens.js';
import { codeSpan, messageText, plainText } from './github-markdown-text.js';

export interface SyncInput {
  files: readonly VFile[];
  findings: readonly Finding[];
  template: Template;
  /** Catalog topics, in order (service-only topics are appended as found). */
  topics: readonly Topic[];
}

/** A service page and the folder that names its service. */
export interface ServicePage {
  folder: string;
  file: VFile;
}

/** One cell of the matrix: the topic with its canonical title, with a drifting title, required but missing, or optional and absent. */
export type TopicCell = { kind: 'canonical' } | { kind: 'drift'; title: string } | { kind: 'missing' } | { kind: 'absent' };

export interface TopicMatrix {
  services: ServicePage[];
  /** Catalog topics in order, then service-only topics as found; `note` says which are optional or service-only. */
  topics: { id: string; note: string }[];
  cell(service: ServicePage, id: string): TopicCell;
  /** `folder: title` of each Topics entry the catalog does not know. */
  unknown: { folder: string; title: string }[];
}

export const MATRIX_LEGEND = '✓ canonical title · ~ present, title drifts from the catalog · ✗ required but missing · – optional, absent';

/** The service pages of a run, by folder name. */
export function servicePages(files: readonly VFile[]): ServicePage[] {
  return files
    .filter((file) => file.data.topicSummary || file.data.templateWording)
    .map((file) => ({ folder: basename(dirname(file.path)), file }))
    .sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
}

/** Which service has which topic, as data both renderings share. */
export function topicMatrix(files: readonly VFile[], topics: readonly Topic[]): TopicMatrix {
  const services = servicePages(files);
  const ids = [...topics.map((t) => t.id)];
  for (const { file } of services) for (const id of Object.keys(file.data.topicSummary?.present ?? {})) if (!ids.includes(id)) ids.push(id);
  return {
    services,
    topics: ids.map((id) => {
      const topic = topics.find((t) => t.id === id);
      return { id, note: topic ? (topic.required ? '' : ' (optional)') : ' (service-only)' };
    }),
    cell({ file }, id) {
      const summary = file.data.topicSummary;
      const present = summary?.present[id];
      if (present) return present.canonical ? { kind: 'canonical' } : { kind: 'drift', title: present.title };
      return summary?.missing.includes(id) ? { kind: 'missing' } : { kind: 'absent' };
    },
    unknown: services.flatMap(({ folder, file }) => (file.data.topicSummary?.unknown ?? []).map((title) => ({ folder, title }))),
  };
}

/** A matrix cell as Markdown: a drifting title, from the page, as plain text or as `quote` makes it. */
export function cellText(cell: TopicCell, quote: (text: string) => string = plainText): string {
  return { canonical: '✓', drift: `~ ${cell.kind === 'drift' ? quote(cell.title) : ''}`, missing: '✗ missing', absent: '–' }[cell.kind];
}

/** The wording variants of each template block, with the services using each. */
export function wordingReport(services: readonly ServicePage[], template: Template): string[] {
  const out: string[] = [];
  template.blocks.forEach((block, index) => {
    const variants = new Map<string, { asTemplate: boolean; services: string[] }>();
    for (const { folder, file } of services) {
      const wording = file.data.templateWording?.[index];
      if (!wording) continue;
      // Pages worded as the template count as one variant, however their names are spelled.
      const key = wording.asTemplate ? '' : wording.text;
      const variant = variants.get(key) ?? { asTemplate: wording.asTemplate, services: [] };
      variant.services.push(folder);
      variants.set(key, variant);
    }
    if (variants.size === 0) return;
    const first = joinTokens(block.tokens.slice(0, 8));
    out.push(`### ${index + 1}. ${plainText(first)} …`, '');
    const sorted = [...variants.entries()].sort((a, b) => Number(b[1].asTemplate) - Number(a[1].asTemplate) || b[1].services.length - a[1].services.length);
    for (const [text, { asTemplate, services: users }] of sorted) {
      out.push(`- ${users.length} service${users.length === 1 ? '' : 's'}${asTemplate ? ' (as the template)' : ''}: ${users.map(plainText).join(', ')}${asTemplate ? '' : `\n  > ${plainText(text)}`}`);
    }
    out.push('');
  });
  return out;
}

/** The file names that carry another service's name, one line each. */
export function foreignNamesReport(findings: readonly Finding[]): string[] {
  const foreign = findings.filter((f) => f.ruleId === 'foreign-file-name');
  if (foreign.length === 0) return ['None.'];
  return foreign.map((finding) => `- ${codeSpan(finding.file)}: ${messageText(finding.message.replace(/^file name carries another service's name: /, ''))}`);
}

/** The sync report as Markdown: topics down, services across. */
export function syncReport({ files, findings, template, topics }: SyncInput): string {
  const matrix = topicMatrix(files, topics);
  const out: string[] = ['## Services x topics', ''];
  const columns = matrix.services.map((s) => plainText(s.folder));
  out.push(`| topic | ${columns.join(' | ')} |`, `|---|${columns.map(() => ':-:').join('|')}|`);
  for (const topic of matrix.topics) out.push(`| ${plainText(topic.id)}${topic.note} | ${matrix.services.map((s) => cellText(matrix.cell(s, topic.id))).join(' | ')} |`);
  out.push('', MATRIX_LEGEND);
  if (matrix.unknown.length > 0) out.push('', 'Topics not in the catalog:', '', ...matrix.unknown.map((u) => `- ${plainText(u.folder)}: ${plainText(u.title)}`));
  out.push('', '## Wording of the template blocks', '', ...wordingReport(matrix.services, template));
  out.push("## File names carrying another service's name", '', ...foreignNamesReport(findings));
  return `${out.join('\n')}\n`;
}
