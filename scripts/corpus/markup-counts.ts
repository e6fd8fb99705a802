/**
 * A linear count of the inline markup whose parse cost grows faster than the page does: links of
 * every form, and emphasis markers, outside code. The parse limits read it before any parse.
 */

export interface MarkupCounts {
  /** Links of every form: inline, reference (full, collapsed, shortcut), images, definitions and autolinks. */
  links: number;
  /** The most emphasis markers (`*`, `_` runs that can open or close) in one paragraph, and the line it starts on. */
  emphasis: number;
  emphasisLine: number;
}

/** Container markers (quotes, bullets) before a line's content. */
const CONTAINERS = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const AUTOLINK = /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9][^\s<>@]*)>/y;

/** Counts links and emphasis markers of a page, leaving out fenced code blocks and code spans. */
export function countMarkup(text: string): MarkupCounts {
  const counts: MarkupCounts = { links: 0, emphasis: 0, emphasisLine: 1 };
  let paragraph: string[] = [];
  let paragraphLine = 1;
  let fence: { char: string; length: number } | undefined;
  const endParagraph = (): void => {
    if (paragraph.length > 0) countParagraph(paragraph.join('\n'), paragraphLine, counts);
    paragraph = [];
  };
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const content = line.slice(CONTAINERS.exec(line)![0].length);
    const marker = FENCE.exec(content)?.[1] ?? (content === line ? undefined : /^(`{3,}|~{3,})/.exec(content)?.[1]);
    if (fence) {
      if (marker && marker[0] === fence.char && marker.length >= fence.length && content.slice(marker.length).trim() === '') fence = undefined;
      continue;
    }
    if (marker && !(marker[0] === '`' && content.slice(marker.length).includes('`'))) {
      endParagraph();
      fence = { char: marker[0]!, length: marker.length };
      continue;
    }
    if (content.trim() === '') {
      endParagraph();
      continue;
    }
    if (paragraph.length === 0) paragraphLine = i + 1;
    paragraph.push(line);
  }
  endParagraph();
  return counts;
}

/** Adds one paragraph's links and emphasis markers (outside its code spans) to `counts`. */
function countParagraph(text: string, line: number, counts: MarkupCounts): void {
  const code = codeSpans(text);
  let emphasis = 0;
  let span = 0;
  for (let i = 0; i < text.length; i++) {
    while (span < code.length && code[span]![1] <= i) span++;
    if (span < code.length && code[span]![0] <= i) {
      i = code[span]![1] - 1;
      continue;
    }
    const char = text[i]!;
    if (char === '\\') i++;
    else if (char === '[') {
      // `[a][b]` and `[a][]` are one link: the label after `]` is not another.
      if (text[i - 1] !== ']') counts.links++;
    } else if (char === '<') {
      AUTOLINK.lastIndex = i;
      if (AUTOLINK.test(text)) counts.links++;
    } else if (char === '*' || char === '_') {
      let end = i;
      while (text[end + 1] === char) end++;
      // A run with white space on both sides can neither open nor close (a bullet, `a * b`).
      const before = text[i - 1] ?? ' ';
      const after = text[end + 1] ?? ' ';
      if (!(/\s/.test(before) && /\s/.test(after))) emphasis++;
      i = end;
    }
  }
  if (emphasis > counts.emphasis) {
    counts.emphasis = emphasis;
    counts.emphasisLine = line;
  }
}

/** The [start, end) ranges (fences included) of a paragraph's code spans: a backtick run closes at the next run of the same length. */
export function codeSpans(text: string): [number, number][] {
  const runs: { start: number; length: number }[] = [];
  if (!text.includes('`')) return [];
  for (const match of text.matchAll(/\\`|`+/g)) if (match[0][0] === '`') runs.push({ start: match.index, length: match[0].length });
  // Runs of each length in order, with a cursor per length that only moves forward: linear in the runs.
  const byLength = new Map<number, number[]>();
  runs.forEach((run, index) => {
    const same = byLength.get(run.length);
    if (same) same.push(index);
    else byLength.set(run.length, [index]);
  });
  const cursor = new Map<number, number>();
  const spans: [number, number][] = [];
  let after = 0;
  for (let index = 0; index < runs.length; index++) {
    const run = runs[index]!;
    if (run.start < after) continue;
    const same = byLength.get(run.length)!;
    let at = cursor.get(run.length) ?? 0;
    while (at < same.length && same[at]! <= index) at++;
    cursor.set(run.length, at);
    if (at === same.length) continue;
    const close = runs[same[at]!]!;
    spans.push([run.start, close.start + close.length]);
    after = close.start + close.length;
  }
  return spans;
}
