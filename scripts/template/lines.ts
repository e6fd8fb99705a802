/** Line arithmetic on page sources, for fixes that cut, move or insert whole lines. */

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** Whole lines of a block, plus the blank lines after it (what a move cuts out). */
export function lineSpan(source: string, start: number, end: number): { start: number; contentEnd: number; end: number } {
  const from = lineStartOf(source, start);
  const lineEnd = source.indexOf('\n', end);
  const contentEnd = lineEnd === -1 ? source.length : lineEnd;
  let to = lineEnd === -1 ? source.length : lineEnd + 1;
  const blank = /[ \t]*\r?\n/y;
  for (blank.lastIndex = to; blank.exec(source); blank.lastIndex = to) to = blank.lastIndex;
  return { start: from, contentEnd: source[contentEnd - 1] === '\r' ? contentEnd - 1 : contentEnd, end: to };
}

/** 1-based line of an offset. */
export function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) line++;
  return line;
}
