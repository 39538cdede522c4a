/**
 * Option values shared by several commands, checked once: dates, the store path and its default.
 */
import { join } from "node:path"
import { UsageError } from "@crosscheck/domain"

export const DEFAULT_OUT = "crosscheck-report"
export const STORE_FILE = "crosscheck.db"

/** `run` keeps its store beside its report unless `--db` says otherwise; ":memory:" keeps none. */
export const defaultDb = (out: string = DEFAULT_OUT): string => join(out, STORE_FILE)

export const VERDICTS = ["agree", "contradict", "disputed", "compatible", "changed", "single-source"] as const

export const date = (flag: string, value: string | undefined): string | null => {
  if (value === undefined) return null
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError({
      reason: "bad-value",
      message: `crosscheck: expected ${flag} to be an ISO date such as 2025-08-15, instead found ${JSON.stringify(value)}`,
    })
  }
  return value
}
