/**
 * Option values shared by several commands, checked once: dates, the store path and its default,
 * an article's budget.
 */
import { join } from "node:path"
import { UsageError } from "@crosscheck/domain"
import { Arguments, Budget } from "@crosscheck/pipeline"
import type { Command } from "commander"

export const DEFAULT_OUT = "crosscheck-report"
export const STORE_FILE = "crosscheck.db"

/** `run` keeps its store beside its report unless `--db` says otherwise; ":memory:" keeps none. */
export const defaultDb = (out: string = DEFAULT_OUT): string => join(out, STORE_FILE)

export const VERDICTS = ["agree", "contradict", "disputed", "compatible", "changed", "single-source"] as const

export const date = (flag: string, value: string | undefined): string | null => {
  if (value === undefined) return null
  if (!Arguments.isRealDate(value)) {
    throw new UsageError({
      reason: "bad-value",
      message: `crosscheck: expected ${flag} to be an ISO date such as 2025-08-15, instead found ${JSON.stringify(value)}`,
    })
  }
  return value
}

/**
 * `report --since`: an ISO date or date-time, or a run's id (digits only, which no ISO date is): the
 * report then holds what changed after that run, as `run --json` names it.
 */
export const since = (value: string | undefined): string | number | null => {
  if (value !== undefined && /^\d{1,9}$/.test(value)) return Number(value)
  if (value === undefined || Arguments.isRealDate(value)) return value ?? null
  throw new UsageError({
    reason: "bad-value",
    message: `crosscheck: expected --since to be an ISO date such as 2025-08-15 or a run's id such as 12, instead found ${JSON.stringify(value)}`,
  })
}

export interface BudgetFlags {
  readonly articleTimeMs?: string
  readonly articleChars?: string
  readonly articleClaims?: string
}

/** A whole number above 0, or undefined when the flag is not given. */
export const positive = (flag: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined
  if (!/^[1-9]\d{0,9}$/.test(value))
    throw new UsageError({
      reason: "bad-value",
      message: `crosscheck: expected ${flag} to be a whole number above 0, instead found ${JSON.stringify(value)}`,
    })
  return Number(value)
}

/** The budget of one article from the flags, the defaults (Budget.DEFAULT) where none is given. */
export const budget = (flags: BudgetFlags): Budget.Budget => {
  const timeMs = positive("--article-time-ms", flags.articleTimeMs)
  const chars = positive("--article-chars", flags.articleChars)
  const claims = positive("--article-claims", flags.articleClaims)
  return Budget.make({
    ...(timeMs === undefined ? {} : { timeMs }),
    ...(chars === undefined ? {} : { chars }),
    ...(claims === undefined ? {} : { claimsPerArticle: claims }),
  })
}

/** Adds the budget's flags to a command that extracts. */
export const withBudget = (command: Command): Command =>
  command
    .option(
      "--article-time-ms <ms>",
      `stop extracting an article after this long and report it in errors (default ${Budget.DEFAULT.timeMs})`,
    )
    .option(
      "--article-chars <n>",
      `report an article longer than this in errors instead of extracting it (default ${Budget.DEFAULT.chars})`,
    )
    .option(
      "--article-claims <n>",
      `keep at most this many claims of one article, counting the rest in errors (default ${Budget.DEFAULT.claimsPerArticle})`,
    )
