/**
 * Page-derived text (file names, headings, messages, URLs) put safely into GitHub Markdown: the job
 * summary and the link audit's tracking issue. Pull requests from forks choose their file names, so
 * nothing from a page may become raw HTML, a live `@mention`, a link or a new line.
 */

/** Newlines, tabs and other control characters end a Markdown line or hide text: one space each. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
}

/** Inline code: nothing inside renders (no HTML, no mentions); the fence outgrows any backtick run inside. */
export function codeSpan(text: string): string {
  const flat = oneLine(text);
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || /^ .* $/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Plain text: Markdown punctuation escaped, `<` and `&` as entities, mentions, issue references and bare URLs broken. */
export function plainText(text: string): string {
  return oneLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]()!|~]/g, (c) => `\\${c}`)
    .replace(/@/g, '@\u200b')
    .replace(/#(\d)?/g, (_, digit: string | undefined) => (digit ? `#\u200b${digit}` : '\\#'))
    // GitHub links bare URLs and `www.` names too (autolink literals): a zero-width space stops it.
    .replace(/:\/\//g, ':\u200b//')
    .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}\u200b.`);
}

/** Prose with our own parentheses left readable: like plainText, but `(` and `)` stay (without `[` and `]` they make no link). */
export function proseText(text: string): string {
  return plainText(text).replace(/\\([()])/g, '$1');
}

/** A table cell: `|` ends a cell even inside code spans, so it is escaped after the rest. */
export function tableCell(markdown: string): string {
  return markdown.replace(/\|/g, '\\|');
}

/** A repository path as a URL path: each segment percent-encoded, `(`, `)` and quotes included. */
export function urlPath(path: string): string {
  return path
    .split(/[\\/]/)
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/** A link whose text is page-derived: the text as code, the target percent-encoded by the caller. */
export function codeLink(text: string, target: string): string {
  return `[${codeSpan(text)}](${target.replace(/[()\s<>]/g, (c) => encodeURIComponent(c).replace('(', '%28').replace(')', '%29'))})`;
}

/** Text inside raw HTML we write (`<summary>`): entities for `& < > " '`, mentions broken, one line. */
export function htmlText(text: string): string {
  return oneLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/@/g, '@\u200b');
}

/**
 * A finding's message: its `quoted` parts (page text the rule quotes) as code spans, the rest as
 * plain text. A stray backtick from the page only changes which parts are code, never what renders.
 */
export function messageText(message: string): string {
  return oneLine(message)
    .split(/(`[^`]*`)/)
    .map((part) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? codeSpan(part.slice(1, -1)) : plainText(part)))
    .join('');
}
