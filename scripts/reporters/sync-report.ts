/**
 * The cross-service view (`npm run sync`, and a section of `--format markdown`): the services x
 * topics matrix, how each template block is worded across services, and file names that carry
 * another service's name. A pure function of checked files.
 */
import { basename, dirname } from 'node:path';
import type { VFile } from 'vfile';
import type { Finding } from '../engine/finding.js';
import type { Template } from '../template/template.js';
import type { Topic } from '../topics/catalog.js';
import { joinTokens } from '../template/tokens.js';

export interface SyncInput {
  files: readonly VFile[];
  findings: readonly Finding[];
  template: Template;
  /** Catalog topics, in order (service-only topics are appended as found). */
  topics: readonly Topic[];
}

/** The sync report as Markdown. */
export function syncReport({ files, findings, template, topics }: SyncInput): string {
  const services = files
    .filter((file) => file.data.topicSummary || file.data.templateWording)
    .map((file) => ({ folder: basename(dirname(file.path)), file }))
    .sort((a, b) => (a.folder < b.folder ? -1 : 1));
  const out: string[] = ['## Services x topics', ''];
  const columns = services.map((s) => s.folder);
  out.push(`| topic | ${columns.join(' | ')} |`, `|---|${columns.map(() => ':-:').join('|')}|`);
  const ids = [...topics.map((t) => t.id)];
  for (const { file } of services) for (const id of Object.keys(file.data.topicSummary?.present ?? {})) if (!ids.includes(id)) ids.push(id);
  for (const id of ids) {
    const topic = topics.find((t) => t.id === id);
    const cells = services.map(({ file }) => {
      const summary = file.data.topicSummary;
      const present = summary?.present[id];
      if (present) return present.canonical ? '✓' : `~ ${present.title}`;
      return summary?.missing.includes(id) ? '✗ missing' : '–';
    });
    out.push(`| ${topic ? `${id}${topic.required ? '' : ' (optional)'}` : `${id} (service-only)`} | ${cells.join(' | ')} |`);
  }
  const unknown = services.flatMap(({ folder, file }) => (file.data.topicSummary?.unknown ?? []).map((title) => `${folder}: ${title}`));
  out.push('', '✓ canonical title · ~ present, title drifts from the catalog · ✗ required but missing · – optional, absent');
  if (unknown.length > 0) out.push('', 'Topics not in the catalog:', '', ...unknown.map((u) => `- ${u}`));

  out.push('', '## Wording of the template blocks', '');
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
    out.push(`### ${index + 1}. ${first} …`, '');
    const sorted = [...variants.entries()].sort((a, b) => Number(b[1].asTemplate) - Number(a[1].asTemplate) || b[1].services.length - a[1].services.length);
    for (const [text, { asTemplate, services: users }] of sorted) {
      out.push(`- ${users.length} service${users.length === 1 ? '' : 's'}${asTemplate ? ' (as the template)' : ''}: ${users.join(', ')}${asTemplate ? '' : `\n  > ${text}`}`);
    }
    out.push('');
  });

  const foreign = findings.filter((f) => f.ruleId === 'foreign-file-name');
  out.push('## File names carrying another service\'s name', '');
  if (foreign.length === 0) out.push('None.');
  for (const finding of foreign) out.push(`- \`${finding.file}\`: ${finding.message.replace(/^file name carries another service's name: /, '')}`);
  return `${out.join('\n')}\n`;
}
