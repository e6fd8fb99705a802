/**
 * cspell-lib itself, loaded once per process (or worker thread): the docs tree's settings resolved
 * once, then each page checked by cspell's `DocumentValidator`, so tokenizing, camelCase splitting,
 * case and accent rules, `ignoreRegExpList`, `flagWords`, `words`, `ignoreWords`, `ignorePaths` and
 * every inline directive (`cspell:ignore`, `cspell:disable-next-line`, ...) are cspell's own.
 * Only `speller.ts` imports this module, and only when a page needs cspell.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname } from 'node:path';
import {
  determineFinalDocumentSettings,
  DocumentValidator,
  ExclusionHelper,
  createTextDocument,
  extractImportErrors,
  getDictionary,
  IssueType,
  isSpellingDictionaryLoadError,
  mergeSettings,
  readSettings,
  type CSpellUserSettings,
  type SpellingDictionaryCollection,
  type ValidationIssue,
} from 'cspell-lib';
import { DOCS_SPELLING_BASE } from './docs-dictionaries.js';

/** Where a docs tree's spelling settings come from. */
export interface SpellingSources {
  /** The nearest cspell config at or above the docs root. */
  configPath: string | undefined;
  /** The docs tree's own word list (`_template/words.txt`). */
  words: readonly string[];
}

/** One word cspell reports, at its offset in the page. */
export interface SpellingIssue {
  offset: number;
  word: string;
  /** Forbidden by `flagWords` rather than unknown. */
  flagged: boolean;
  /** cspell's preferred corrections (common misspellings, `flagWords` entries `bad->good`). */
  preferred: string[];
}

/**
 * Suggestions are few and their search is bounded by edits, never by a clock, so they repeat.
 * A typo is one slip (a swap, a missing or extra letter): one edit finds `receives` for
 * `recieves` in about 6 ms, where cspell's default of three takes ten times as long and offers
 * `bingo` for `binlog`. A config that sets `suggestionNumChanges` gets its own.
 */
const NUM_SUGGESTIONS = 3;
const TYPO_EDITS = 1;
const NO_CLOCK = 3_600_000;

export class CspellSession {
  private readonly withNames = new Map<string, CSpellUserSettings>();
  private suggestDictionary?: Promise<{ dictionary: SpellingDictionaryCollection; settings: CSpellUserSettings }>;

  private constructor(
    private readonly settings: CSpellUserSettings,
    private readonly excluded: (path: string) => boolean,
    private readonly sampleUri: string,
    private readonly suggestionEdits: number,
  ) {}

  /** Reads the configuration once; every page of the tree reuses it. */
  static async open(sources: SpellingSources, docsRoot: string): Promise<CspellSession> {
    const fromFile: CSpellUserSettings = sources.configPath ? await readSettings(sources.configPath) : {};
    const broken = extractImportErrors(fromFile)[0];
    if (broken) throw new Error(`cspell configuration cannot be used: ${oneLine(broken.error.message)}`);
    // The tree's config goes over our base, so it can turn our dictionaries off (`!sql`).
    const settings = mergeSettings(DOCS_SPELLING_BASE, fromFile, { words: [...sources.words] });
    const ignorePaths = fromFile.ignorePaths ?? [];
    const excluded = ignorePaths.length && sources.configPath
      ? ExclusionHelper.generateExclusionFunctionForFiles(ignorePaths, dirname(sources.configPath))
      : () => false;
    return new CspellSession(settings, excluded, pathToFileURL(`${docsRoot}/page.md`).href, fromFile.suggestionNumChanges ?? TYPO_EDITS);
  }

  /**
   * cspell's verdicts on a page, kept where they fall inside the given ranges (its prose, in order),
   * with the page's own names as known words; null when cspell would not check the page at all
   * (`ignorePaths`, `enabled: false`). cspell checks the whole page, so its limits
   * (`maxDuplicateProblems`, `maxNumberOfProblems`) count exactly as in the writer's editor.
   */
  async check(path: string, text: string, names: readonly string[], prose: readonly (readonly [number, number])[]): Promise<SpellingIssue[] | null> {
    if (this.excluded(path)) return null;
    const document = createTextDocument({ uri: pathToFileURL(path).href, content: text });
    const validator = await DocumentValidator.create(document, { noConfigSearch: true, generateSuggestions: false }, this.settingsWith(names));
    if (validator.errors.length > 0) throw new Error(`cspell could not check the page: ${oneLine(validator.errors[0]!.message)}`);
    const [dictionary, errors] = [...(validator.getDictionaryErrors() ?? [])][0] ?? [];
    const error = errors?.[0];
    if (error) {
      const where = isSpellingDictionaryLoadError(error) ? ` from ${error.uri.startsWith('file:') ? fileURLToPath(error.uri) : error.uri}` : '';
      throw new Error(`cspell dictionary \`${dictionary}\` cannot be loaded${where}: ${oneLine(error.cause instanceof Error ? error.cause.message : error.message)}`);
    }
    if (!validator.shouldCheckDocument()) return null;
    const { unknownWords } = validator.getFinalizedDocSettings();
    const issues: SpellingIssue[] = [];
    let at = 0;
    for (const issue of validator.checkDocument()) {
      if (issue.issueType === IssueType.directive || !reported(issue, unknownWords)) continue;
      const end = issue.offset + issue.text.length;
      while (at < prose.length && prose[at]![1] < end) at++; // issues come in offset order
      const range = prose[at];
      if (!range || range[0] > issue.offset) continue;
      issues.push({
        offset: issue.offset,
        word: issue.text,
        flagged: !!issue.isFlagged,
        preferred: (issue.suggestionsEx ?? []).filter((s) => s.isPreferred).map((s) => s.wordAdjustedToMatchCase ?? s.word),
      });
    }
    return issues;
  }

  /** Up to three corrections for a word within one edit, from the tree's dictionaries, in cspell's order. */
  async suggest(word: string): Promise<string[]> {
    this.suggestDictionary ??= (async () => {
      const { settings } = await determineFinalDocumentSettings({ uri: this.sampleUri, text: '', languageId: 'markdown' }, this.settings);
      return { dictionary: await getDictionary(settings), settings };
    })();
    const { dictionary, settings } = await this.suggestDictionary;
    const ignoreCase = !(settings.caseSensitive ?? false);
    const found = dictionary.suggest(word, {
      numSuggestions: NUM_SUGGESTIONS,
      numChanges: this.suggestionEdits,
      ignoreCase,
      includeTies: false,
      compoundMethod: 0,
      timeout: NO_CLOCK,
    });
    return [...new Set(found.map((s) => matchCase(s.word, word)))];
  }

  private settingsWith(names: readonly string[]): CSpellUserSettings {
    if (names.length === 0) return this.settings;
    const key = names.join('\n');
    let settings = this.withNames.get(key);
    if (!settings) {
      if (this.withNames.size > 256) this.withNames.clear();
      settings = mergeSettings(this.settings, { words: [...names] });
      this.withNames.set(key, settings);
    }
    return settings;
  }
}

/** The issues cspell's own reporter shows for its `unknownWords` setting (report-all by default). */
function reported(issue: ValidationIssue, unknownWords: string | undefined): boolean {
  if (issue.isFlagged || !unknownWords || unknownWords === 'report-all') return true;
  if (issue.hasPreferredSuggestions && unknownWords !== 'report-flagged') return true;
  return !!issue.hasSimpleSuggestions && unknownWords === 'report-simple';
}

/** A suggestion written the way the word is: `Recieves` -> `Receives`, `CRENDETIAL` -> `CREDENTIAL`. */
function matchCase(suggestion: string, word: string): string {
  if (/\p{Lu}/u.test(suggestion)) return suggestion;
  if (/^[\P{L}\p{Lu}]+$/u.test(word) && /\p{Lu}/u.test(word)) return suggestion.toUpperCase();
  if (/^\p{Lu}[\P{L}\p{Ll}]+$/u.test(word)) return suggestion.charAt(0).toUpperCase() + suggestion.slice(1);
  return suggestion;
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ': ');
}
