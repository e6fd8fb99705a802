/**
 * Writing template text into a page the way the page writes Markdown: placeholders filled with
 * the page's names, and escapes in the page's style (AWS pages escape every `.` and `-`).
 */

export interface Bindings {
  service: string;
  short: string;
}

export interface PageStyle {
  /** The page backslash-escapes periods and hyphens in prose (`\.`, `\-`). */
  escapesPunctuation: boolean;
}

/** Detects how a page writes prose punctuation. */
export function pageStyleOf(source: string): PageStyle {
  return { escapesPunctuation: /[^\\]\\[.-]/.test(source) };
}

/** Values for each place of a name, in order, where a page fills it otherwise than the bindings (an accepted short form). */
export type PerOccurrence = Partial<Record<keyof Bindings, readonly (string | undefined)[]>>;

/** Template Markdown with placeholders filled and escapes adapted to the page. */
export function renderForPage(templateMarkdown: string, bindings: Bindings, style: PageStyle, perOccurrence: PerOccurrence = {}): string {
  const seen = { service: 0, short: 0 };
  const filled = templateMarkdown.replace(/\{\{\s*(service|short)\s*\}\}/g, (_, name: 'service' | 'short') =>
    escapeText(perOccurrence[name]?.[seen[name]++] ?? bindings[name], style),
  );
  return style.escapesPunctuation ? filled : filled.replace(/\\([.\-'!()])/g, '$1');
}

/** Plain text (a name, a title) as Markdown in the page's escape style. */
export function escapeText(text: string, style: PageStyle): string {
  const literal = text.replace(/([\\`*_[\]<>])/g, '\\$1');
  return style.escapesPunctuation ? literal.replace(/([.-])/g, '\\$1') : literal;
}
