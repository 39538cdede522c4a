/**
 * Relative publication times on scraped pages ("25 minutes ago", "3 hrs ago", "yesterday"),
 * resolved against an anchor; with no anchor they stay null rather than being guessed.
 */

const DAY_MS = 86_400_000

const UNIT_MS: Record<string, number> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
}

/** Spellings of each unit, abbreviations included ("3h ago", "5 mins ago"). */
const UNIT_OF: Record<string, string> = {
  s: "second",
  sec: "second",
  secs: "second",
  second: "second",
  seconds: "second",
  m: "minute",
  min: "minute",
  mins: "minute",
  minute: "minute",
  minutes: "minute",
  h: "hour",
  hr: "hour",
  hrs: "hour",
  hour: "hour",
  hours: "hour",
  d: "day",
  day: "day",
  days: "day",
  w: "week",
  wk: "week",
  wks: "week",
  week: "week",
  weeks: "week",
  mo: "month",
  month: "month",
  months: "month",
  y: "year",
  yr: "year",
  yrs: "year",
  year: "year",
  years: "year",
}

const RELATIVE =
  /^\s*(?:(?:published|posted|updated)\s+)?(an?|one|\d+)\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|months?|y|yrs?|years?)\s+ago\s*$/i

const WORDS = /^\s*(yesterday|today|just now)\s*$/i

/** True when the line reads as a relative time. */
export const isRelative = (line: string): boolean => RELATIVE.test(line) || WORDS.test(line)

/** The ISO date-time the expression points at, or null when it cannot be anchored. */
export const resolve = (line: string, anchor: Date | null): string | null => {
  if (!anchor) return null
  const word = WORDS.exec(line)?.[1]?.toLowerCase()
  if (word === "today" || word === "just now") return anchor.toISOString()
  if (word === "yesterday") return new Date(anchor.getTime() - DAY_MS).toISOString()
  const m = RELATIVE.exec(line)
  if (!m) return null
  const n = /^\d+$/.test(m[1] ?? "") ? Number(m[1]) : 1
  const unit = UNIT_OF[(m[2] ?? "").toLowerCase()] ?? ""
  const d = new Date(anchor.getTime())
  if (unit === "month") d.setUTCMonth(d.getUTCMonth() - n)
  else if (unit === "year") d.setUTCFullYear(d.getUTCFullYear() - n)
  else d.setTime(d.getTime() - n * (UNIT_MS[unit] ?? 0))
  return d.toISOString()
}
