/**
 * Finds the time expression that scopes a sentence ("In July 2023", "in mid-2024", "last year")
 * and resolves it to an ISO date interval, against the document's date when it is relative.
 */
import type { Claim } from "@crosscheck/domain"

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const
const MONTH_ALT =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"

const monthIndex = (word: string): number => {
  const w = word.toLowerCase().replace(/\.$/, "")
  return MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3)))
}

const pad = (n: number): string => String(n).padStart(2, "0")
const lastDay = (year: number, month: number): number => new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
const monthRange = (year: number, month: number): [string, string] => [
  `${year}-${pad(month + 1)}-01`,
  `${year}-${pad(month + 1)}-${pad(lastDay(year, month))}`,
]

interface Rule {
  readonly pattern: RegExp
  readonly resolve: (m: RegExpExecArray, anchor: Date | null) => [string, string] | null
}

const yearOf = (anchor: Date | null, offset: number): number | null =>
  anchor ? anchor.getUTCFullYear() + offset : null

// Ordered: the most specific expression wins.
const RULES: ReadonlyArray<Rule> = [
  {
    pattern: new RegExp(`\\b(?:in\\s+)?(${MONTH_ALT})\\.?\\s+(?:of\\s+)?((?:19|20)\\d{2})\\b`, "i"),
    resolve: (m) => monthRange(Number(m[2]), monthIndex(m[1] ?? "")),
  },
  {
    pattern: /\b(early|mid|late)[- ]((?:19|20)\d{2})\b/i,
    resolve: (m) => {
      const y = Number(m[2])
      const part = (m[1] ?? "").toLowerCase()
      if (part === "early") return [`${y}-01-01`, `${y}-04-30`]
      if (part === "mid") return [`${y}-05-01`, `${y}-08-31`]
      return [`${y}-09-01`, `${y}-12-31`]
    },
  },
  {
    pattern: new RegExp(`\\bin\\s+(${MONTH_ALT})\\s+of\\s+(this|last|next)\\s+year\\b`, "i"),
    resolve: (m, anchor) => {
      const y = yearOf(anchor, m[2]?.toLowerCase() === "last" ? -1 : m[2]?.toLowerCase() === "next" ? 1 : 0)
      return y === null ? null : monthRange(y, monthIndex(m[1] ?? ""))
    },
  },
  {
    pattern: /\bsince\s+((?:19|20)\d{2})\b/i,
    resolve: (m, anchor) => [`${m[1]}-01-01`, anchor ? anchor.toISOString().slice(0, 10) : `${m[1]}-12-31`],
  },
  {
    pattern: /\b(?:in|during|by|of)\s+((?:19|20)\d{2})\b/i,
    resolve: (m) => [`${m[1]}-01-01`, `${m[1]}-12-31`],
  },
  {
    pattern: /\b(last|this|next)\s+year\b/i,
    resolve: (m, anchor) => {
      const y = yearOf(anchor, m[1]?.toLowerCase() === "last" ? -1 : m[1]?.toLowerCase() === "next" ? 1 : 0)
      return y === null ? null : [`${y}-01-01`, `${y}-12-31`]
    },
  },
  {
    pattern: /\b(yesterday|today)\b/i,
    resolve: (m, anchor) => {
      if (!anchor) return null
      const d = new Date(anchor.getTime() - (m[1]?.toLowerCase() === "yesterday" ? 86_400_000 : 0))
      const iso = d.toISOString().slice(0, 10)
      return [iso, iso]
    },
  },
  {
    // Relative to another event in the text: kept as text, not resolved.
    pattern:
      /\b(?:(?:several|a few|two|three|\d+)\s+(?:days|weeks|months|years)\s+later|around that time|at the time)\b/i,
    resolve: () => null,
  },
]

/** The time scope of a sentence, or null when it has none. */
export const find = (sentence: string, anchor: Date | null): Claim.TimeScope | null => {
  for (const rule of RULES) {
    const m = rule.pattern.exec(sentence)
    if (m) {
      const range = rule.resolve(m, anchor)
      return { text: m[0].trim(), start: range?.[0] ?? null, end: range?.[1] ?? null }
    }
  }
  return null
}
