/**
 * Publication dates as inputs print them, made ISO 8601: ISO values are kept as written, dates in
 * words ("Aug. 15, 2025") and RFC 2822 are converted, relative times need an anchor. Nothing is guessed.
 */
import * as RelativeDate from "./RelativeDate.js"

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
const MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\\.?"
const MONTH_DAY_YEAR = new RegExp(`^(?:[a-z]+,?\\s+)?${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`, "i")
const DAY_MONTH_YEAR = new RegExp(`^(?:[a-z]+,?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})$`, "i")
/** RFC 2822 as in feeds and HTTP headers: "Fri, 15 Aug 2025 10:00:00 GMT". */
const RFC_2822 = /^(?:[a-z]{3},\s*)?\d{1,2}\s+[a-z]{3}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s*(?:GMT|UTC|UT|Z|[+-]\d{4})$/i
/** Words a page prints before the date itself. */
const LEAD = /^(?:published|posted|updated|last updated|first published|date)\s*(?:on|at)?\s*:?\s*/i

const pad = (n: number): string => String(n).padStart(2, "0")

const calendarDate = (year: number, month: number, day: number): string | null => {
  const d = new Date(Date.UTC(year, month, day))
  return d.getUTCMonth() === month && d.getUTCDate() === day ? `${year}-${pad(month + 1)}-${pad(day)}` : null
}

const monthIndex = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase())

const validIso = (value: string): boolean => {
  const [y, m, d] = value.slice(0, 10).split("-").map(Number)
  return calendarDate(y ?? 0, (m ?? 0) - 1, d ?? 0) !== null && !Number.isNaN(Date.parse(value.replace(" ", "T")))
}

/** A line that is nothing but a date, relative or absolute ("3 hours ago", "Aug 15, 2025"). */
export const isDateLine = (line: string): boolean => {
  const t = line.trim()
  return t.length <= 60 && (RelativeDate.isRelative(t) || absolute(t) !== null)
}

/** An absolute date or date-time in ISO 8601, or null when the value is not one we can read unambiguously. */
export const absolute = (value: string): string | null => {
  const t = value.trim().replace(LEAD, "")
  if (ISO_DATE.test(t) || ISO_DATE_TIME.test(t)) return validIso(t) ? t : null
  let m = MONTH_DAY_YEAR.exec(t)
  if (m) return calendarDate(Number(m[3]), monthIndex(m[1] ?? ""), Number(m[2]))
  m = DAY_MONTH_YEAR.exec(t)
  if (m) return calendarDate(Number(m[3]), monthIndex(m[2] ?? ""), Number(m[1]))
  if (RFC_2822.test(t)) {
    const ms = Date.parse(t)
    return Number.isNaN(ms) ? null : new Date(ms).toISOString()
  }
  // Anything else, numeric day/month orders included ("08/09/2025"), is ambiguous: not guessed.
  return null
}

/**
 * The ISO date the value gives: absolute dates as above, relative times ("3 hours ago", "yesterday")
 * against the anchor, and null when there is no anchor or the value is not a date.
 */
export const normalise = (value: string | null | undefined, anchor: Date | null = null): string | null => {
  if (!value || value.trim() === "") return null
  const t = value.trim().replace(LEAD, "")
  return absolute(t) ?? (RelativeDate.isRelative(t) ? RelativeDate.resolve(t, anchor) : null)
}
