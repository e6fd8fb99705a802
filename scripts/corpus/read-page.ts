/**
 * Reading a page safely: a binary file or invalid UTF-8 becomes a finding on that file instead of
 * garbage findings or a crash; the BOM and line endings are remembered so a fix can keep them.
 */
import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';

export interface PageText {
  text: string;
  bom: boolean;
  crlf: boolean;
}

export class UnreadablePage extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes page bytes, refusing binary content and invalid UTF-8 with a reason a writer understands. */
export function decodePage(bytes: Uint8Array): PageText {
  const utf16 = utf16Order(bytes);
  if (utf16) throw new UnreadablePage(`UTF-16 text (${utf16}): save the page as UTF-8`);
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new UnreadablePage(`binary file, not Markdown (NUL byte at offset ${nul})`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new UnreadablePage('not valid UTF-8: save the page as UTF-8');
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  return { text, bom, crlf: /\r\n/.test(text) };
}

/**
 * The byte order of UTF-16 text: its byte-order mark, or (an editor that wrote none) Latin text's
 * NUL in (nearly) every other byte of the first 512. Binary files have NULs too, but not in that rhythm.
 */
function utf16Order(bytes: Uint8Array): 'little-endian' | 'big-endian' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian';
  const pairs = Math.min(bytes.length, 512) >> 1;
  if (pairs < 2) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  // Nine in ten, so a few characters outside Latin-1 (a dash, a quote) still count.
  const mostly = (count: number): boolean => count * 10 >= pairs * 9;
  const few = (count: number): boolean => count * 10 <= pairs;
  if (mostly(oddNul) && few(evenNul)) return 'little-endian';
  if (mostly(evenNul) && few(oddNul)) return 'big-endian';
  return undefined;
}

/** A vfile for a page (path relative to cwd), or one carrying a fatal read finding. */
export function readPage(
  absolutePath: string,
  displayPath: string,
  cwd: string,
  read: (path: string) => Uint8Array = readFileSync,
): { file: VFile; page?: PageText } {
  const file = new VFile({ path: displayPath, cwd });
  try {
    const page = decodePage(read(absolutePath));
    file.value = page.text;
    return { file, page };
  } catch (error) {
    const reason = error instanceof UnreadablePage ? error.message : `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
    const message = file.message(reason, { ruleId: 'read-page', source: 'docs-quality' });
    message.fatal = true;
    return { file };
  }
}
