/**
 * What a fix is: exact replacements in page sources (markdownlint's `fixInfo` idea), possibly in
 * several files, and file renames. `fix` applies these; it never re-derives them.
 */

/** One replacement (offsets into the file's text, end exclusive). */
export interface Edit {
  start: number;
  end: number;
  text: string;
  /** Absolute path of another file to edit; absent: the file the finding is on. */
  file?: string;
}

/** A page to move (absolute paths), applied after the edits of the same pass. */
export interface Rename {
  from: string;
  to: string;
}

/** A fix is applied whole or not at all (a move is a deletion plus an insertion). */
export interface Fix {
  edits: Edit[];
  renames?: Rename[];
}

/** A finding as rules compute it: offsets into the page, turned into line:column when reported. */
export interface OffsetFinding<Rule extends string = string> {
  rule: Rule;
  start: number;
  end: number;
  message: string;
  expected?: string;
  actual?: string;
  fix?: Fix;
  /** The template line the expectation comes from, so a writer who doubts a finding can read its source. */
  template?: TemplateCitation;
}

/** A template line as reports show it: the file relative to the current directory. */
export interface CitedTemplate {
  file: string;
  line: number;
}

/** A line of the template file (absolute path). */
export interface TemplateCitation {
  path: string;
  line: number;
}
