/**
 * One page's share of a split run, in whichever thread it runs: the page parsed once, its index
 * entry collected from that tree, and (when the page is to be checked) the page rules run on it.
 */
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { indexPage, indexTree, type IndexedPage } from '../corpus/corpus-index.js';
import { docsPageOf } from '../config/layout.js';
import type { RuleSettings } from '../config/docs-quality-config.js';
import { BudgetExceeded, withinBudget } from '../corpus/parse-budget.js';
import { shortenMessages } from './bound-messages.js';
import { lintDirectivesOf, type LintDirective } from './lint-directives.js';
import { lintWithPageRules } from './processor.js';
import { serializeMessages, type SerializedFile } from './serialized-file.js';

export interface PageToPass {
  path: string;
  /** The path reports show (relative to `cwd`). */
  display: string;
  text: string;
  /** Collect the page's index entry. */
  index: boolean;
  /** Run the page rules. */
  lint: boolean;
}

export interface PassedPage {
  indexed?: IndexedPage;
  /** The page rules' messages. */
  messages?: SerializedFile;
  /** False when the page could not be checked: the corpus rules are not run on it. */
  checkable: boolean;
  /** A service page's tree, which the corpus rules read whole (any other page's links are in its index entry). */
  tree?: Root;
  /** The page's `<!-- lint … -->` directives, applied once the corpus rules have reported too. */
  directives?: LintDirective[];
}

/** Passes one page; its parse and rules stop after `budgetMs` milliseconds (see parse-budget.ts). */
export async function passPage(page: PageToPass, cwd: string, settings: RuleSettings, budgetMs: number): Promise<PassedPage> {
  if (!page.lint) return { indexed: indexWithin(budgetMs, page), checkable: true };
  const file = new VFile({ path: page.display, cwd, value: page.text });
  const tree = await lintWithPageRules(file, settings, budgetMs);
  // Quotes are cut here, before the messages cross to the main thread (the cap waits for the lint directives).
  shortenMessages(file);
  const passed: PassedPage = { messages: serializeMessages(file), checkable: tree !== undefined };
  if (page.index) passed.indexed = tree ? indexTree(page.path, page.text, tree) : indexWithin(budgetMs, page);
  if (tree && docsPageOf(file)?.isServicePage) passed.tree = tree;
  const directives = tree ? lintDirectivesOf(tree) : [];
  if (directives.length > 0) passed.directives = directives;
  return passed;
}

/** The page's index entry, or an empty one when its parse runs out of the budget (its check says so). */
function indexWithin(budgetMs: number, page: PageToPass): IndexedPage {
  try {
    return withinBudget(budgetMs, () => indexPage(page.path, page.text));
  } catch (error) {
    if (!(error instanceof BudgetExceeded)) throw error;
    return indexTree(page.path, page.text, { type: 'root', children: [] });
  }
}
