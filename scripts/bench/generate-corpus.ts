/**
 * A synthetic docs tree for the benchmark, made from our own template and catalog: N services,
 * each with its security page, a page per catalog topic and a longer guide page with headings and
 * links, words drawn from our docs (so spelling has real work but few unknowns), and seeded drift
 * in some pages so every rule has something to find.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillTitle, loadCatalog } from '../topics/catalog.js';
import { escapeText, renderForPage } from '../template/markup.js';
import { loadTemplate, TEMPLATE_DIR } from '../template/template.js';

/** Small deterministic PRNG (mulberry32), so a corpus is the same for the same seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CorpusStats {
  services: number;
  files: number;
  bytes: number;
  drifted: number;
}

/** Writes a corpus of `services` services into `target` (a new folder); returns its size. */
export function generateCorpus(sourceDocs: string, target: string, services: number, seed = 1, drift = true): CorpusStats {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const template = loadTemplate(sourceDocs);
  const topics = loadCatalog(sourceDocs)?.topics ?? [];
  const vocabulary = vocabularyOf(sourceDocs);
  const nameWords = vocabulary.filter((w) => w.length >= 5 && /^[a-z]+$/.test(w));
  mkdirSync(target, { recursive: true });
  cpSync(join(sourceDocs, TEMPLATE_DIR), join(target, TEMPLATE_DIR), { recursive: true });
  const manifest: Record<string, { service: string; short: string }> = {};
  const stats: CorpusStats = { services, files: 0, bytes: 0, drifted: 0 };
  const write = (path: string, text: string): void => {
    writeFileSync(path, text);
    stats.files++;
    stats.bytes += Buffer.byteLength(text);
  };
  const sentence = (): string => {
    const words = Array.from({ length: 8 + Math.floor(next() * 14) }, () => pick(vocabulary));
    return `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`;
  };
  const paragraph = (sentences: number): string => Array.from({ length: sentences }, sentence).join(' ');

  for (let i = 0; i < services; i++) {
    const short = `${capital(pick(nameWords))} ${capital(pick(nameWords))} ${i}`;
    const names = { service: `Amazon ${short}`, short };
    const dir = `service-${String(i).padStart(4, '0')}`;
    manifest[dir] = names;
    mkdirSync(join(target, dir));
    const entries = topics.map((t) => `+ [${escapeText(fillTitle(t.title, names), { escapesPunctuation: true })}](${t.id}.md)`).join('\n');
    let page = template.source;
    const slot = template.blocks.find((b) => b.kind === 'topicsSlot')!;
    page = page.slice(0, slot.start) + entries + page.slice(slot.end);
    page = renderForPage(page, names, { escapesPunctuation: true });
    if (drift && next() < 0.1) {
      page = page.replace('you benefit', 'you will benefit');
      stats.drifted++;
    }
    write(join(target, dir, 'security.md'), page);
    for (const topic of topics) {
      let title = fillTitle(topic.title, names);
      if (drift && next() < 0.02) title = title.replace(/^(\w+) (\w)/, (_, a: string, b: string) => `${a} ${b.toUpperCase()}`); // title-case drift
      write(join(target, dir, `${topic.id}.md`), `# ${title}<a name="${topic.id}"></a>\n\n${paragraph(4)}\n\n${paragraph(3)} See [the guide](guide.md#${slugPart(1)}).\n`);
    }
    const sections = Array.from({ length: 8 }, (_, s) => {
      const links = Array.from({ length: 3 }, () => `[${pick(vocabulary)}](${pick(topics).id}.md)`).join(', ');
      return `## Part ${s + 1}\n\n${paragraph(6)}\n\n${paragraph(5)} Related: ${links}.\n`;
    });
    write(join(target, dir, 'guide.md'), `# Guide to ${short}\n\n${paragraph(3)}\n\n${sections.join('\n')}`);
  }
  writeFileSync(join(target, TEMPLATE_DIR, 'services.json'), `${JSON.stringify({ services: manifest }, null, 2)}\n`);
  return stats;
}

function slugPart(n: number): string {
  return `part-${n}`;
}

function capital(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

/** Lower-case words of our own topic pages: real, correctly spelt prose. */
function vocabularyOf(docs: string): string[] {
  const words = new Set<string>();
  for (const folder of readdirSync(docs, { withFileTypes: true })) {
    if (!folder.isDirectory() || folder.name.startsWith('_')) continue;
    for (const file of readdirSync(join(docs, folder.name))) {
      if (file === 'security.md') continue;
      const body = readFileSync(join(docs, folder.name, file), 'utf8').split('\n').slice(1).join(' ');
      for (const word of body.match(/\b[a-z]{3,}\b/g) ?? []) words.add(word);
    }
  }
  return [...words].sort();
}
