/**
 * The kinds of drift the rules claim to catch, as mutations of a clean service folder. Each takes
 * the folder's pages (relative path -> text) and a random source, and returns the changed pages,
 * or undefined when the folder offers no place for it.
 */

export type Pages = Map<string, string>;
export type Mutation = (pages: Pages, service: string, random: () => number, others: readonly string[]) => Pages | undefined;

const pick = <T>(items: readonly T[], random: () => number): T | undefined => items[Math.floor(random() * items.length)];

/** The security page's boilerplate paragraphs (between the H1 and the Topics label), by line. */
function boilerplateLines(text: string): number[] {
  const lines = text.split('\n');
  const topics = lines.findIndex((l) => l.trim() === '**Topics**');
  return lines.flatMap((line, i) => (i > 0 && i < topics && /\w{4,}/.test(line) && !line.startsWith('<!--') ? [i] : []));
}

/** Rearranges the security page's blank-line-separated blocks in place (pages with at least 5). */
function onParagraphs(change: (blocks: string[], random: () => number) => void): Mutation {
  return (pages, service, random) => {
    const path = `${service}/security.md`;
    const blocks = pages.get(path)?.split('\n\n');
    if (!blocks || blocks.length < 5) return undefined;
    change(blocks, random);
    return new Map([[path, blocks.join('\n\n')]]);
  };
}

/** Applies `change` to one random boilerplate line of the security page. */
function onBoilerplate(change: (line: string, random: () => number) => string | undefined): Mutation {
  return (pages, service, random) => {
    const path = `${service}/security.md`;
    const text = pages.get(path);
    if (!text) return undefined;
    const lines = text.split('\n');
    const at = pick(boilerplateLines(text), random);
    if (at === undefined) return undefined;
    const changed = change(lines[at]!, random);
    if (changed === undefined || changed === lines[at]) return undefined;
    lines[at] = changed;
    return new Map([[path, lines.join('\n')]]);
  };
}

/** A random prose word of a line (letters only, outside links and markup), as [start, end]. */
function wordIn(line: string, random: () => number): [number, number] | undefined {
  const words = [...line.matchAll(/(?<![\w\\[(/.-])[a-z]{4,}(?![\w\]/.-])/g)].filter((m) => !line.slice(0, m.index).includes('](') || line.lastIndexOf(')', m.index) > line.lastIndexOf('](', m.index));
  const match = pick(words, random);
  return match ? [match.index, match.index + match[0].length] : undefined;
}

/** The security page's Topics entries, as line numbers. */
function topicLines(text: string): number[] {
  const lines = text.split('\n');
  const topics = lines.findIndex((l) => l.trim() === '**Topics**');
  return lines.flatMap((line, i) => (i > topics && topics !== -1 && /^[+*-] \[/.test(line) ? [i] : []));
}

function onTopics(change: (lines: string[], entries: number[], random: () => number, pages: Pages, service: string, others: readonly string[]) => boolean): Mutation {
  return (pages, service, random, others) => {
    const path = `${service}/security.md`;
    const text = pages.get(path);
    if (!text) return undefined;
    const lines = text.split('\n');
    const entries = topicLines(text);
    if (entries.length < 2) return undefined;
    const extra = new Map<string, string>();
    const proxy = new Map(pages);
    if (!change(lines, entries, random, proxy, service, others)) return undefined;
    for (const [p, t] of proxy) if (pages.get(p) !== t) extra.set(p, t);
    extra.set(path, lines.join('\n'));
    return extra;
  };
}

const SUBSTITUTES = ['always', 'quickly', 'modern', 'several', 'their'];

/** Every class the rules claim to catch. */
export const MUTATIONS: Record<string, Mutation> = {
  'word substituted': onBoilerplate((line, random) => {
    const w = wordIn(line, random);
    return w && `${line.slice(0, w[0])}${pick(SUBSTITUTES, random)}${line.slice(w[1])}`;
  }),
  'word dropped': onBoilerplate((line, random) => {
    const w = wordIn(line, random);
    return w && `${line.slice(0, w[0])}${line.slice(w[1]).replace(/^ /, '')}`;
  }),
  'word added': onBoilerplate((line, random) => {
    const w = wordIn(line, random);
    return w && `${line.slice(0, w[0])}really ${line.slice(w[0])}`;
  }),
  'typo in a boilerplate word': onBoilerplate((line, random) => {
    const w = wordIn(line, random);
    if (!w) return undefined;
    const word = line.slice(w[0], w[1]);
    const typo = `${word.slice(0, 1)}${word[2]}${word[1]}${word.slice(3)}`;
    return typo === word ? undefined : `${line.slice(0, w[0])}${typo}${line.slice(w[1])}`;
  }),
  'paragraph dropped': onParagraphs((blocks, random) => {
    blocks.splice(1 + Math.floor(random() * 3), 1);
  }),
  'paragraph duplicated': onParagraphs((blocks, random) => {
    const at = 1 + Math.floor(random() * 3);
    blocks.splice(at, 0, blocks[at]!);
  }),
  'paragraphs swapped': onParagraphs((blocks, random) => {
    const at = 1 + Math.floor(random() * 2);
    [blocks[at], blocks[at + 1]] = [blocks[at + 1]!, blocks[at]!];
  }),
  'wrong service name in one place': (pages, service, random, others) => {
    const path = `${service}/security.md`;
    const text = pages.get(path);
    const other = pick(others, random);
    const name = /apply to (.+?), see/.exec(text ?? '')?.[1];
    if (!text || !other || !name) return undefined;
    const uses = [...text.matchAll(new RegExp(`(?<=using |configure |your |apply to )${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'g'))];
    const use = pick(uses, random);
    if (!use) return undefined;
    const foreign = other.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
    return new Map([[path, `${text.slice(0, use.index)}${foreign}${text.slice(use.index + name.length)}`]]);
  },
  'H1 variant': (pages, service) => {
    const path = `${service}/security.md`;
    const text = pages.get(path);
    const h1 = /^# Security in (.+?)(<a name|$)/m.exec(text ?? '');
    if (!text || !h1) return undefined;
    return new Map([[path, text.replace(`# Security in ${h1[1]}`, `# ${h1[1]} Security`)]]);
  },
  'topic removed': onTopics((lines, entries, random) => {
    lines.splice(pick(entries.slice(0, -1), random)!, 1);
    return true;
  }),
  'topic duplicated': onTopics((lines, entries, random) => {
    const at = pick(entries, random)!;
    lines.splice(at + 1, 0, lines[at]!);
    return true;
  }),
  'topic reordered': onTopics((lines, entries) => {
    const [first] = lines.splice(entries[0]!, 1);
    lines.splice(entries[entries.length - 1]!, 0, first!);
    return true;
  }),
  'topic retitled': onTopics((lines, entries, random) => {
    const at = pick(entries, random)!;
    lines[at] = lines[at]!.replace(/\[(\w)/, (_, c: string) => `[${c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()}`);
    return true;
  }),
  'topic relinked to a missing file': onTopics((lines, entries, random) => {
    const at = pick(entries, random)!;
    lines[at] = lines[at]!.replace(/\]\(([^)#]+)/, '](missing-page.md');
    return true;
  }),
  "topic relinked to another service's file": onTopics((lines, entries, random, pages, _service, others) => {
    const other = pick(others, random);
    const at = pick(entries, random)!;
    const file = /\]\(([^)#]+)/.exec(lines[at]!)?.[1];
    if (!other || !file) return false;
    const target = [...pages.keys()].find((p) => p.startsWith(`${other}/`) && !p.endsWith('/security.md'));
    if (!target) return false;
    lines[at] = lines[at]!.replace(`](${file}`, `](../${target}`);
    return true;
  }),
  'link text changed': onTopics((lines, entries, random) => {
    const at = pick(entries, random)!;
    lines[at] = lines[at]!.replace(/\]\(/, ' overview](');
    return true;
  }),
  'fragment broken': onTopics((lines, entries, random) => {
    const at = pick(entries, random)!;
    lines[at] = lines[at]!.replace(/\]\(([^)#]+)(#[^)]*)?\)/, '](' + '$1#no-such-anchor)');
    return true;
  }),
};
