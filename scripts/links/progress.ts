/**
 * Progress on stderr while the audit runs: a bar that redraws itself on a terminal, one plain line
 * per URL otherwise (CI logs keep every line, so redrawing would only add noise).
 */
import type { AuditProgress } from './audit.js';

export interface ProgressPrinter {
  update: (progress: AuditProgress) => void;
  /** Clears the bar (terminals only) so the report starts on a clean line. */
  finish: () => void;
}

const BAR_WIDTH = 24;

/** A progress printer for `stream`, a bar when it is a terminal. */
export function progressPrinter(stream: NodeJS.WriteStream): ProgressPrinter {
  if (!stream.isTTY) {
    return {
      update: ({ done, total, result }) => stream.write(`link-audit: [${done}/${total}] ${result.status} ${result.url} (${result.reason})\n`),
      finish: () => {},
    };
  }
  let drawn = false;
  return {
    update: ({ done, total, result }) => {
      const filled = Math.round((done / total) * BAR_WIDTH);
      const line = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total} ${result.url}`;
      stream.write(`\r\x1b[2K${line.slice(0, Math.max(20, (stream.columns || 80) - 1))}`);
      drawn = true;
    },
    finish: () => {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
