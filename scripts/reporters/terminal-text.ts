/**
 * Text from pages and file names as a terminal may print it: control characters (ESC starts ANSI
 * and OSC sequences), line breaks and bidirectional controls (U+202E turns text around) are
 * written as escapes, `\x1b`, `\n`, `\u202e`, so a page cannot repaint, relink or reorder the report.
 */

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every character a terminal would act on written as an escape. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return NAMED[char] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}
