/**
 * The job summary's size. GitHub drops a step summary over 1 MiB whole ("upload aborted, supports
 * content up to a size of 1024k"), and real guides give tens of thousands of findings, so the
 * summary is built block by block while the blocks fit, and what is left out is counted instead.
 */

/** GitHub's limit of one step's summary, in bytes. */
export const SUMMARY_LIMIT = 1024 * 1024;

/** Room kept free below the limit, for what other tools of the same step append. */
const MARGIN = 8 * 1024;

/** The bytes a summary appended to a file already `existing` bytes long may take. */
export function summaryBudget(existing = 0): number {
  return Math.max(0, SUMMARY_LIMIT - MARGIN - existing);
}

export const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Lines of Markdown added while they fit in a number of bytes (each line counts its newline). */
export class LineBudget {
  private readonly lines: string[] = [];
  private used = 0;

  constructor(private readonly limit: number) {}

  /** Bytes still free. */
  get left(): number {
    return this.limit - this.used;
  }

  /** Adds the lines if they fit with `reserve` bytes to spare; otherwise adds nothing and says so. */
  add(lines: readonly string[], reserve = 0): boolean {
    const size = lines.reduce((sum, line) => sum + byteLength(line) + 1, 0);
    if (size + reserve > this.left) return false;
    this.push(lines, size);
    return true;
  }

  /** Adds lines whose room was reserved earlier (our own short notes): always. */
  force(lines: readonly string[]): void {
    this.push(lines, lines.reduce((sum, line) => sum + byteLength(line) + 1, 0));
  }

  /** Everything added, as one text. */
  text(): string {
    return this.lines.map((line) => `${line}\n`).join('');
  }

  private push(lines: readonly string[], size: number): void {
    this.lines.push(...lines);
    this.used += size;
  }
}
