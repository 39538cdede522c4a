/**
 * When something shut is expected to open again (reopenings.json): "the line should reopen on Monday",
 * "the stand will stay closed until at least the summer", "will be shut for at least ten days". Each is
 * a quantity of class `reopening` in unit `date` (days since 1970-01-01, UTC), resolved forward from the
 * article's date, so that a forecast a later report moves ("reopen on Monday", then "closed for two
 * weeks") is one figure at two times, and two reports of one forecast ("until at least Thursday", "not
 * before Thursday") are one figure.
 */
import { type Quantity, Span, Units } from "@crosscheck/domain"
import { phrases, ruleOfKind, small } from "./internal/Catalogue.js"
import catalogue from "./reopenings.json" with { type: "json" }
import { lastDay, MONTHS, WEEKDAYS } from "./TimeExpressions.js"

/** The measure class of a reopening's date (in the unit table's "date": days since 1970-01-01). */
export const REOPENING = "reopening"

/** A rule's name in reopenings.json. */
type RuleName = string
const ruleOf = (kind: string): RuleName => ruleOfKind(catalogue.rules, "reopenings.json", kind)
const REOPEN_RULE = ruleOf("reopen")
const UNTIL_RULE = ruleOf("closed-until")
const FOR_RULE = ruleOf("closed-for")

const VERBS = new RegExp(`\\b(?:${phrases(catalogue.verbs)})\\b`, "gi")
/** Verbs of a service read as a reopening only when denied up to a date ("will not run until Monday"). */
const NOT_UNTIL = new RegExp(`\\b(?:${phrases(catalogue.notUntil)})\\b`, "gi")
const CLOSED = new RegExp(`\\b(?:${phrases(catalogue.closed)})\\b`, "gi")
const AHEAD = new RegExp(`\\b(?:${phrases(catalogue.ahead)})\\b`, "i")
const NEGATION = new RegExp(`\\b(?:${phrases(catalogue.negations)})\\b|n['’]t\\b`, "i")
const SUPERSEDED = new RegExp(`\\b(?:${phrases(catalogue.superseded)})\\s*$`, "i")
/** Words before a verb that make it a forecast ("will", "would", "to"): reopenings.json `ahead`. */
export const aheadWords: ReadonlyArray<string> = catalogue.ahead
/** Whether words before a verb deny it ("not", "won't", "none"): reopenings.json `negations`. */
export const isNegated = (before: string): boolean => NEGATION.test(before)
/** Whether a plan is written as past just before `end` of `s` ("which had been due to"): no forecast. */
export const isSuperseded = (s: string, end: number): boolean =>
  SUPERSEDED.test(s.slice(Math.max(0, end - 40), end).trimEnd())
const PAST = new RegExp(`\\b(?:${phrases(catalogue.pastAuxiliaries)})\\s*$`, "i")
const PREPOSITIONS: Record<string, string> = catalogue.prepositions
const PREPOSITION = new RegExp(
  `^((?:\\s+(?!(?:${Object.keys(PREPOSITIONS).join("|")})\\b)[\\w'’-]+){0,6}?)\\s+(${Object.keys(PREPOSITIONS).join("|")})\\b`,
  "i",
)
const UNTIL = /^((?:\s+(?!until\b|till\b)[\w'’-]+){0,4}?)\s+(until|till)\b/i
const AT_LEAST = new RegExp(`^\\s+(?:${phrases(catalogue.atLeast)})\\b`, "i")
const EARLIEST = new RegExp(`^,?\\s+(?:${phrases(catalogue.earliest)})\\b`, "i")
const LATEST = new RegExp(`^,?\\s+(?:${phrases(catalogue.latest)})\\b`, "i")

const SEASONS: Record<string, ReadonlyArray<number>> = catalogue.seasons
const HOLIDAYS: Record<string, ReadonlyArray<number>> = catalogue.holidays
/** Days in each unit of time of the one unit table ("week": 7, "fortnight": 14), by name and plural. */
const DAY_SECONDS = 86_400
const LENGTHS: Readonly<Record<string, number>> = Object.fromEntries(
  Units.unitsOf("duration").flatMap((u) => {
    const days = (Units.factorOf(u) ?? Number.NaN) / DAY_SECONDS
    return [
      [u, days],
      [`${u}s`, days],
    ]
  }),
)

export interface Dated {
  readonly low: number
  readonly high: number
  /** Characters of the phrase read. */
  readonly length: number
}

const utcDay = (y: number, m: number, d: number): number => Units.dayOf(new Date(Date.UTC(y, m, d)))

/** The first day of month `m` (0-11) with day `d` on or after the anchor's day, as a year. */
const yearAhead = (anchor: Date, m: number, d: number): number => {
  const y = anchor.getUTCFullYear()
  return utcDay(y, m, d) >= Units.dayOf(anchor) ? y : y + 1
}

const WEEKDAY = new RegExp(`^(?:the\\s+)?(?:(next|this|coming)\\s+)?(${WEEKDAYS.join("|")})\\b`, "i")
const MONTH = new RegExp(
  `^(?:(early|mid|late)[-\\s]+|the\\s+(start|beginning|middle|end)\\s+of\\s+)?(${MONTHS.join("|")})(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?)?(?:,?\\s+(\\d{4}))?\\b`,
  "i",
)
const DAY_MONTH = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTHS.join("|")})(?:\\s+(\\d{4}))?\\b`, "i")
const SEASON = new RegExp(
  `^(?:the\\s+)?(?:(?:early|late)\\s+)?(${Object.keys(SEASONS).join("|")})\\b(?:\\s+(?:of\\s+)?((?:19|20)\\d{2})\\b)?`,
  "i",
)
const HOLIDAY = new RegExp(`^(${phrases(Object.keys(HOLIDAYS))})\\b`, "i")
const PERIOD = /^(?:the\s+)?(?:(start|beginning|middle|end)\s+of\s+)(?:the|this|next)\s+(week|month|year)\b/i
const NEXT_WEEK = /^(?:the\s+)?(next|this)\s+(week|weekend|month|year)\b/i
const WEEKEND = /^(?:the\s+)?weekend\b/i
const HALF = /^\s+and\s+a\s+half\b/i
/** "2028", "the end of 2028": a year, or a part of one (its last quarter for "the end of"). */
const YEAR = /^(?:the\s+)?(?:(start|beginning|middle|end)\s+of\s+)?((?:19|20)\d{2})\b(?![-\u2013/]\d)/i
const TOMORROW = /^tomorrow\b/i
const LENGTH = new RegExp(
  `^(a|an|\\d+|${Object.keys(small).join("|")})\\s+(?:more\\s+)?(${Object.keys(LENGTHS).join("|")})\\b`,
  "i",
)

/** A date phrase at the start of `s`, resolved forward from `anchor`; lengths of time count from it. */
export const dateAhead = (s: string, anchor: Date): Dated | null => {
  const today = Units.dayOf(anchor)
  let m = WEEKDAY.exec(s)
  if (m) {
    const target = (WEEKDAYS as ReadonlyArray<string>).indexOf((m[2] ?? "").toLowerCase())
    const ahead = (target - anchor.getUTCDay() + 7) % 7 || 7
    const day = today + ahead
    return { low: day, high: day, length: m[0].length }
  }
  m = NEXT_WEEK.exec(s)
  if (m) {
    const next = (m[1] ?? "").toLowerCase() === "next"
    const unit = (m[2] ?? "").toLowerCase()
    const y = anchor.getUTCFullYear()
    const mo = anchor.getUTCMonth()
    if (unit === "week" || unit === "weekend") {
      const toMonday = (1 - anchor.getUTCDay() + 7) % 7 || 7
      const monday = next ? today + toMonday : today + toMonday - 7
      return unit === "week"
        ? { low: monday, high: monday + 6, length: m[0].length }
        : { low: monday + 5, high: monday + 6, length: m[0].length }
    }
    if (unit === "month") {
      const [yy, mm] = next ? (mo === 11 ? [y + 1, 0] : [y, mo + 1]) : [y, mo]
      return { low: utcDay(yy, mm, 1), high: utcDay(yy, mm, lastDay(yy, mm)), length: m[0].length }
    }
    const yy = next ? y + 1 : y
    return { low: utcDay(yy, 0, 1), high: utcDay(yy, 11, 31), length: m[0].length }
  }
  m = PERIOD.exec(s)
  if (m) {
    const part = (m[1] ?? "").toLowerCase()
    const unit = (m[2] ?? "").toLowerCase()
    const y = anchor.getUTCFullYear()
    const mo = anchor.getUTCMonth()
    const [from, to] =
      unit === "week"
        ? [today - ((anchor.getUTCDay() + 6) % 7), today - ((anchor.getUTCDay() + 6) % 7) + 6]
        : unit === "month"
          ? [utcDay(y, mo, 1), utcDay(y, mo, lastDay(y, mo))]
          : [utcDay(y, 0, 1), utcDay(y, 11, 31)]
    const span = to - from
    const [low, high] =
      part === "end"
        ? [to - Math.floor(span / 4), to]
        : part === "middle"
          ? [from + Math.floor(span / 3), to - Math.floor(span / 3)]
          : [from, from + Math.floor(span / 4)]
    return { low: Math.max(low, today), high: Math.max(high, today), length: m[0].length }
  }
  if (WEEKEND.test(s)) {
    const toSaturday = (6 - anchor.getUTCDay() + 7) % 7 || 7
    return { low: today + toSaturday, high: today + toSaturday + 1, length: (WEEKEND.exec(s)?.[0] ?? "").length }
  }
  m = TOMORROW.exec(s)
  if (m) return { low: today + 1, high: today + 1, length: m[0].length }
  m = DAY_MONTH.exec(s)
  if (m) {
    const mo = (MONTHS as ReadonlyArray<string>).indexOf((m[2] ?? "").toLowerCase())
    const d = Number(m[1])
    const y = m[3] ? Number(m[3]) : yearAhead(anchor, mo, d)
    const day = utcDay(y, mo, d)
    return { low: day, high: day, length: m[0].length }
  }
  m = MONTH.exec(s)
  // "May" and "March" are months only as names: written capitalised.
  if (m && /^[A-Z]/.test(m[3] ?? "")) {
    const mo = (MONTHS as ReadonlyArray<string>).indexOf((m[3] ?? "").toLowerCase())
    if (m[4]) {
      const d = Number(m[4])
      const y = m[5] ? Number(m[5]) : yearAhead(anchor, mo, d)
      const day = utcDay(y, mo, d)
      return { low: day, high: day, length: m[0].length }
    }
    const y = m[5] ? Number(m[5]) : yearAhead(anchor, mo, lastDay(anchor.getUTCFullYear(), mo))
    const last = lastDay(y, mo)
    const part = (m[1] ?? m[2] ?? "").toLowerCase()
    const [d1, d2] =
      part === "early" || part === "start" || part === "beginning"
        ? [1, 10]
        : part === "mid" || part === "middle"
          ? [11, 20]
          : part === "late" || part === "end"
            ? [21, last]
            : [1, last]
    return { low: utcDay(y, mo, d1), high: utcDay(y, mo, d2), length: m[0].length }
  }
  m = YEAR.exec(s)
  if (m) {
    const y = Number(m[2])
    const part = (m[1] ?? "").toLowerCase()
    const [m1, m2] = part === "end" ? [9, 11] : part === "middle" ? [4, 7] : part === "" ? [0, 11] : [0, 2]
    const low = Math.max(utcDay(y, m1, 1), today)
    const high = utcDay(y, m2, lastDay(y, m2))
    if (high < today) return null
    return { low, high, length: m[0].length }
  }
  m = SEASON.exec(s)
  if (m) {
    const [first, last] = SEASONS[(m[1] ?? "").toLowerCase()] ?? [1, 1]
    const y = anchor.getUTCFullYear()
    // A season that wraps the year's end (winter) ends in the next year.
    const end = (year: number) =>
      (last as number) < (first as number)
        ? utcDay(year + 1, (last as number) - 1, lastDay(year + 1, (last as number) - 1))
        : utcDay(year, (last as number) - 1, lastDay(year, (last as number) - 1))
    // "the summer of 2028": the year written; else the next such season not yet over.
    const written = m[2] ? Number(m[2]) : null
    const year = written ?? (end(y) >= today ? y : y + 1)
    if (end(year) < today) return null
    return { low: Math.max(utcDay(year, (first as number) - 1, 1), today), high: end(year), length: m[0].length }
  }
  m = HOLIDAY.exec(s)
  if (m) {
    const key = (m[1] ?? "").toLowerCase().replace(/\s+/g, " ")
    const [mo, d] = HOLIDAYS[key] ?? [1, 1]
    const y = yearAhead(anchor, (mo as number) - 1, d as number)
    const day = utcDay(y, (mo as number) - 1, d as number)
    return { low: day, high: day, length: m[0].length }
  }
  return lengthAhead(s, anchor)
}

/** A length of time at the start of `s` ("three weeks", "a year"), as the day it ends counted from `anchor`. */
export const lengthAhead = (s: string, anchor: Date): (Dated & { readonly days: number }) | null => {
  const today = Units.dayOf(anchor)
  const m = LENGTH.exec(s)
  if (m) {
    const word = (m[1] ?? "").toLowerCase()
    const n = word === "a" || word === "an" ? 1 : /^\d+$/.test(word) ? Number(word) : (small[word] ?? Number.NaN)
    // "a year and a half", "two weeks and a half": half the unit more.
    const half = HALF.exec(s.slice(m[0].length))
    const units = n + (half ? 0.5 : 0)
    const days = Math.round(units * (LENGTHS[(m[2] ?? "").toLowerCase()] ?? Number.NaN))
    if (!Number.isFinite(days)) return null
    return { low: today + days, high: today + days, length: m[0].length + (half?.[0].length ?? 0), days }
  }
  return null
}

/** The clause before `at` in `s`: back to a comma, semicolon, colon or dash, at most `chars` characters of it. */
export const clauseBefore = (s: string, at: number, chars: number): string => {
  const clause = s.slice(Math.max(0, at - chars), at)
  const cut = Math.max(
    clause.lastIndexOf(","),
    clause.lastIndexOf(";"),
    clause.lastIndexOf(":"),
    clause.lastIndexOf("—"),
  )
  return clause.slice(cut + 1)
}

/** The words of a clause before `at` in `s` (see `clauseBefore`), at most `words` of them. */
const wordsBefore = (s: string, at: number, words: number): string =>
  clauseBefore(s, at, 60).trim().split(/\s+/).slice(-words).join(" ")

/** A forecast date of class `measureClass` read from `sentence` at `start`…`end`. */
export const quantity = (
  sentence: string,
  offset: number,
  start: number,
  end: number,
  low: number,
  high: number,
  approximate: Quantity.Approximate,
  predicate: string,
  rule: RuleName,
  measureClass: string = REOPENING,
): Quantity.Quantity => ({
  text: sentence.slice(start, end),
  span: { start: offset + start, end: offset + end },
  low: approximate === "at-most" ? high : low,
  high: approximate === "at-least" ? low : high,
  approximate,
  unit: Units.DATE,
  counted: null,
  per: null,
  measure: {
    class: measureClass,
    of: null,
    where: null,
    predicate,
    negated: false,
    scope: "total",
    modality: "forecast",
    rule,
  },
})

/** A date phrase after `at` with the bound words around it: "at least Thursday", "Thursday at the earliest". */
const boundedDate = (
  sentence: string,
  at: number,
  anchor: Date,
  approximate: Quantity.Approximate,
): { low: number; high: number; end: number; approximate: Quantity.Approximate } | null => {
  let k = at
  let bound = approximate
  const least = AT_LEAST.exec(sentence.slice(k))
  if (least) {
    bound = "at-least"
    k += least[0].length
  }
  const rest = sentence.slice(k).replace(/^\s+/, "")
  const date = dateAhead(rest, anchor)
  if (!date) return null
  let end = k + (sentence.slice(k).length - rest.length) + date.length
  const earliest = EARLIEST.exec(sentence.slice(end))
  const latest = LATEST.exec(sentence.slice(end))
  if (earliest) {
    bound = "at-least"
    end += earliest[0].length
  } else if (latest) {
    bound = "at-most"
    end += latest[0].length
  }
  return { low: date.low, high: date.high, end, approximate: bound }
}

/**
 * The reopenings a sentence forecasts, with spans in the document (`offset` is where the sentence
 * starts); none without an anchor (no publication date), since a weekday or "for two weeks" then names no day.
 */
export const find = (sentence: string, offset: number, anchor: Date | null): ReadonlyArray<Quantity.Quantity> => {
  if (!anchor) return []
  const out: Quantity.Quantity[] = []
  const denied = [...sentence.matchAll(NOT_UNTIL)].map((v) => ({ v, only: true }))
  for (const { v, only } of [...[...sentence.matchAll(VERBS)].map((v) => ({ v, only: false })), ...denied]) {
    const at = v.index ?? 0
    const before = wordsBefore(sentence, at, 5)
    if (!AHEAD.test(before) || SUPERSEDED.test(sentence.slice(Math.max(0, at - 40), at).trimEnd())) continue
    const negated = NEGATION.test(before)
    const after = at + v[0].length
    const p = PREPOSITION.exec(sentence.slice(after))
    if (!p) continue
    const word = (p[2] ?? "").toLowerCase()
    const prepStart = after + p[0].length - word.length
    // "next Saturday", "this week": the word belongs to the date.
    const dateAt = word === "next" || word === "this" ? prepStart : prepStart + word.length
    let bound = (PREPOSITIONS[word] ?? "exact") as Quantity.Approximate
    // "will not reopen before the summer", "won't turn again until Thursday": not before it.
    if (negated && (word === "before" || word === "until" || word === "till")) bound = "at-least"
    else if (word === "until" || word === "till" || only) continue
    const d = boundedDate(sentence, dateAt, anchor, bound)
    // "won't run again until Thursday": read once, as "run again".
    if (!d || out.some((q) => q.span.start === offset + prepStart)) continue
    out.push(quantity(sentence, offset, prepStart, d.end, d.low, d.high, d.approximate, "reopen", REOPEN_RULE))
  }
  for (const c of sentence.matchAll(CLOSED)) {
    const at = c.index ?? 0
    // "was closed until Monday": a closure that ended, not a forecast.
    if (PAST.test(sentence.slice(Math.max(0, at - 20), at).trimEnd())) continue
    const after = at + c[0].length
    const u = UNTIL.exec(sentence.slice(after))
    if (!u) continue
    const untilAt = after + u[0].length - (u[2] ?? "").length
    const leading = AT_LEAST.test(` ${(u[1] ?? "").trim()}`)
    const d = boundedDate(sentence, untilAt + (u[2] ?? "").length, anchor, leading ? "at-least" : "exact")
    if (!d) continue
    if (out.some((q) => q.span.start - offset <= untilAt && untilAt < q.span.end - offset)) continue
    out.push(quantity(sentence, offset, untilAt, d.end, d.low, d.high, d.approximate, "close", UNTIL_RULE))
  }
  return out
}

/**
 * A sentence's quantities with its reopenings: a forecast closure's length ("will stay closed for at
 * least ten days") becomes the date it ends, counted from the anchor; a closure inside a reopening
 * phrase ("reopen within three weeks") gives way to it.
 */
export const withReopenings = (
  sentence: string,
  offset: number,
  quantities: ReadonlyArray<Quantity.Quantity>,
  anchor: Date | null,
): ReadonlyArray<Quantity.Quantity> => {
  if (!anchor) return quantities
  const found = find(sentence, offset, anchor)
  const today = Units.dayOf(anchor)
  const covered = (q: Quantity.Quantity) => found.some((r) => Span.within(q.span, r.span))
  const kept: Quantity.Quantity[] = []
  for (const q of quantities) {
    if (covered(q)) continue
    const m = q.measure
    const days = q.unit !== null ? LENGTHS[q.unit] : undefined
    if (m && m.class === "closure" && m.modality === "forecast" && days !== undefined) {
      kept.push({
        ...q,
        low: today + Math.round(q.low * days),
        high: today + Math.round(q.high * days),
        unit: Units.DATE,
        measure: { ...m, class: REOPENING, rule: FOR_RULE },
      })
    } else kept.push(q)
  }
  if (found.length === 0) return kept
  return [...kept, ...found].sort((a, b) => a.span.start - b.span.start)
}
