/**
 * The time a page's parse and rules may take. Some markup costs the parser time that grows with
 * its square; the limits (parse-limits.ts) refuse the known shapes before parsing, and this budget
 * stops whatever else runs too long: the work runs in a `vm` script with a timeout, which V8
 * interrupts where it is (in this thread or a worker), so the run goes on with the next page.
 */
import { createContext, Script } from 'node:vm';

export const DEFAULT_PAGE_BUDGET_MS = 5_000;

/** The budget in milliseconds: the one asked for, else `DOCS_QUALITY_PAGE_BUDGET_MS`, else 5 s. */
export function pageBudgetMs(requested?: number): number {
  const fromEnv = Number(process.env.DOCS_QUALITY_PAGE_BUDGET_MS);
  const budget = requested ?? (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_PAGE_BUDGET_MS);
  return Math.max(1, Math.round(budget));
}

/** Thrown when a page's work ran out of its budget. */
export class BudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`page too complex to check in ${budgetMs / 1000} s: split it or simplify its markup`);
  }
}

// One context for every call: making a context costs about a millisecond.
const context = createContext({ work: (): void => undefined });
const call = new Script('work()');
let running = false;

/** Runs synchronous `work`, stopped after `budgetMs` with BudgetExceeded. */
export function withinBudget<T>(budgetMs: number, work: () => T): T {
  // Inside a budget already: that one's timeout covers this work too (nested timeouts race).
  if (running) return work();
  let result: T | undefined;
  context.work = () => void (result = work());
  running = true;
  try {
    call.runInContext(context, { timeout: budgetMs });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new BudgetExceeded(budgetMs);
    throw error;
  } finally {
    running = false;
  }
  return result as T;
}
