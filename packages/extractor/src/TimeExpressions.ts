/**
 * Finds the time expression that scopes a sentence ("In July 2023", "in mid-2024", "last year")
 * and resolves it to an ISO date interval, against the document's date when it is relative.
 */
import type { Claim } from "@crosscheck/domain"
import { phrases } from "./internal/Catalogue.js"
import catalogue from "./times.json" with { type: "json" }

/** Month names, lower case, January first (shared with Reopenings). */
export const MONTHS = [
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

/** A month's name or one of its short forms, a dot allowed ("January", "Jan.", "Sept"), capitalised. */
const MONTH_WORD = new RegExp(`^(?:${MONTH_ALT})\\.?$`, "i")
export const isMonthWord = (word: string): boolean => /^\p{Lu}/u.test(word) && MONTH_WORD.test(word)

/** Month names as written in running text, capitalised, so that "may" and "march" stay verbs. */
const MONTH_CAP = MONTH_ALT.replace(/(^|\|)([a-z])/g, (_m, bar: string, c: string) => `${bar}${c.toUpperCase()}`)

const monthIndex = (word: string): number => {
  const w = word.toLowerCase().replace(/\.$/, "")
  return MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3)))
}

const pad = (n: number): string => String(n).padStart(2, "0")
/** The Monday of the week (weeks run Monday to Sunday) a day falls in. */
const mondayOf = (anchor: Date): Date => new Date(anchor.getTime() - ((anchor.getUTCDay() + 6) % 7) * 86_400_000)
/** The later of two ISO days. */
const laterDay = (a: string, b: string): string => (a.localeCompare(b) > 0 ? a : b)
/** The last day of month `month` (0-11) of `year` (shared with Reopenings). */
export const lastDay = (year: number, month: number): number => new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
const monthRange = (year: number, month: number): [string, string] => [
  `${year}-${pad(month + 1)}-01`,
  `${year}-${pad(month + 1)}-${pad(lastDay(year, month))}`,
]

/** Times that point back to one named before them (times.json `pointingBack`). */
const POINTING_BACK = phrases(catalogue.pointingBack.phrases)
const POINTS_BACK = new RegExp(`^(?:${POINTING_BACK})$`, "i")

interface Rule {
  /**
   * What the pattern cannot match without: patterns far cheaper to test, which most sentences fail, so
   * that the rule is skipped. Each is tested at most once per sentence, however many rules share it.
   */
  readonly needs: ReadonlyArray<RegExp>
  readonly pattern: RegExp
  readonly resolve: (m: RegExpExecArray, anchor: Date | null) => [string, string] | null
}

const yearOf = (anchor: Date | null, offset: number): number | null =>
  anchor ? anchor.getUTCFullYear() + offset : null

const iso = (d: Date): string => d.toISOString().slice(0, 10)
const day = (y: number, m: number, d: number): string => `${y}-${pad(m + 1)}-${pad(d)}`
const UNIT_DAYS: Record<string, number> = { day: 1, week: 7 }
/** Weekday names, lower case, Sunday first as `Date.getUTCDay` counts them (shared with Reopenings). */
export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const
const WORD_COUNTS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  several: 3,
  few: 3,
}
const COUNT_ALT = `\\d{1,3}|${Object.keys(WORD_COUNTS).join("|")}`

/** The anchor moved back by `n` units, as a one-day interval (a month or a year as that whole period). */
const agoRange = (anchor: Date, n: number, unit: string): [string, string] => {
  const u = unit.toLowerCase().replace(/s$/, "")
  if (u === "year") {
    const y = anchor.getUTCFullYear() - n
    return [`${y}-01-01`, `${y}-12-31`]
  }
  if (u === "month") {
    const d = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() - n, 1))
    return monthRange(d.getUTCFullYear(), d.getUTCMonth())
  }
  if (u === "hour" || u === "minute") return [iso(anchor), iso(anchor)]
  const d = new Date(anchor.getTime() - n * (UNIT_DAYS[u] ?? 1) * 86_400_000)
  return [iso(d), iso(d)]
}

/** Month and weekday names as running text writes them, capitalised. */
const capitalised = (w: string): string => `${w.charAt(0).toUpperCase()}${w.slice(1)}`
const NAMED_DAYS = [...MONTHS, ...WEEKDAYS].map(capitalised).join("|")

/** The word right before a match ("until" of "until 11 January"), lower case; "" at the start. */
const wordBefore = (m: RegExpExecArray): string =>
  (/([A-Za-z]+)[ \t]*$/.exec(m.input.slice(0, m.index))?.[1] ?? "").toLowerCase()

/** A month named without a year: the latest such month on or before the anchor (news reports the past). */
const latestMonth = (anchor: Date, month: number): number =>
  month <= anchor.getUTCMonth() ? anchor.getUTCFullYear() : anchor.getUTCFullYear() - 1

/** From the latest such month on or before the anchor up to the anchor's day ("since March"); null for no month. */
const sinceMonth = (anchor: Date, month: number): [string, string] | null =>
  month < 0 ? null : [monthRange(latestMonth(anchor, month), month)[0], iso(anchor)]

// What the rules below need (see Rule.needs), each a literal part of their patterns, in the same case.
const YEAR_DIGITS = /(?:19|20)\d\d/
const DIGIT = /\d/
const MONTH_CAP_PREFIX = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/
const MONTH_PREFIX = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i
/** Month names as written in a sentence, capitalised: one alternation for the rules below. */
const MONTH_NAMES = MONTHS.map(capitalised).join("|")
const MONTH_NAME = new RegExp(MONTH_NAMES)
const WEEKDAY_NAME = new RegExp(WEEKDAYS.map(capitalised).join("|"))
const YEAR_WORD = /year/i
const SINCE_WORD = /since/i
/** The word that closes a span of two times ("between May and June", "from 2019 to 2023"). */
const SPAN_TO = "(?:and|to|until|till|through)"

/** Words anywhere in a clause, each bounded by non-letters, an apostrophe either way ("canal'll"). */
const clauseWords = (words: ReadonlyArray<string>): RegExp =>
  new RegExp(
    `(?:${words.map((w) => `${/^[A-Za-z]/.test(w) ? "(?<![A-Za-z])" : ""}${w.replace(/'/g, "['’]").replace(/ /g, "[ \\t]+")}`).join("|")})(?![A-Za-z])`,
    "i",
  )
const AHEAD = clauseWords(catalogue.weekdays.ahead)
const PLANNED_PAST = clauseWords(catalogue.weekdays.plannedPast)
const MOVING = clauseWords(catalogue.weekdays.moving)
const PRESENT = clauseWords(catalogue.weekdays.present)
const OPEN_ENDED: ReadonlySet<string> = new Set(catalogue.weekdays.openEnded)
const WEEKDAY_CLAUSE_BREAK = /[,;:—–]/

/**
 * Whether the weekday a rule matched is the coming one (catalogue `weekdays`): after "next", or in a clause
 * that looks ahead ("the line should reopen on Monday"), or open-ended in a clause in the present ("is closed
 * until Friday"). The clause is the text before the match back to the last comma, semicolon, colon or dash.
 */
/** The clause before a match: back to the last comma, semicolon, colon or dash. */
const clauseBefore = (m: RegExpExecArray): string => {
  const before = m.input.slice(0, m.index)
  let from = before.length
  while (from > 0 && !WEEKDAY_CLAUSE_BREAK.test(before[from - 1] ?? "")) from--
  return before.slice(from)
}

/** Whether a match's clause told a plan in the past ("which was due to open on 14 January"; catalogue plannedPast). */
const plannedInPast = (m: RegExpExecArray): boolean => {
  const clause = clauseBefore(m)
  return PLANNED_PAST.test(clause) || MOVING.test(clause)
}

const ahead = (m: RegExpExecArray, word = (m[1] ?? "").toLowerCase()): boolean => {
  if (word === "next") return true
  if (word === "said" || word === "last") return false
  const before = m.input.slice(0, m.index)
  let from = before.length
  while (from > 0 && !WEEKDAY_CLAUSE_BREAK.test(before[from - 1] ?? "")) from--
  const clause = before.slice(from)
  if (AHEAD.test(clause)) return true
  // "postponed until Monday": the new day a date was moved to (catalogue `moving`) is a plan.
  if ((word === "until" || word === "till") && MOVING.test(clause)) return true
  return OPEN_ENDED.has(word) && PRESENT.test(clause)
}

// Ordered: the most specific expression wins.
const RULES: ReadonlyArray<Rule> = [
  {
    needs: [YEAR_DIGITS, /between|from/i],
    // "between May 2024 and November 2025", "from 2019 to 2023", "between May and November 2025": a span
    // with a year on its end, from its first month (or year) to its last; a first month without a year is
    // of the end's year, or the year before when it comes later in the year.
    pattern: new RegExp(
      `\\b(?:[Bb]etween|[Ff]rom)\\s+(?:(${MONTH_CAP})\\.?\\s+((?:19|20)\\d{2})|(${MONTH_CAP})(?=\\s+${SPAN_TO}\\s+(?:${MONTH_CAP}))|((?:19|20)\\d{2}))\\s+${SPAN_TO}\\s+(?:(${MONTH_CAP})\\.?\\s+)?((?:19|20)\\d{2})\\b`,
    ),
    resolve: (m) => {
      const endYear = Number(m[6])
      const fromMonth = monthIndex(m[1] ?? m[3] ?? "")
      const toMonth = m[5] ? monthIndex(m[5]) : -1
      const startYear = (m[2] ?? m[4]) ? Number(m[2] ?? m[4]) : fromMonth <= toMonth ? endYear : endYear - 1
      if (startYear > endYear) return null
      const start = fromMonth >= 0 ? monthRange(startYear, fromMonth)[0] : `${startYear}-01-01`
      const end = toMonth >= 0 ? monthRange(endYear, toMonth)[1] : `${endYear}-12-31`
      return start <= end ? [start, end] : null
    },
  },
  {
    needs: [YEAR_DIGITS, MONTH_CAP_PREFIX],
    // "July 3, 2025", "Sept. 19 2018", "on 9 May 2019"
    pattern: new RegExp(
      `\\b(?:on\\s+)?(?:(${MONTH_CAP})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})|(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_CAP})\\.?,?\\s+((?:19|20)\\d{2}))\\b`,
    ),
    resolve: (m) => {
      const month = monthIndex(m[1] ?? m[5] ?? "")
      const d = Number(m[2] ?? m[4])
      const y = Number(m[3] ?? m[6])
      if (month < 0 || d < 1 || d > lastDay(y, month)) return null
      return [day(y, month, d), day(y, month, d)]
    },
  },
  {
    needs: [YEAR_DIGITS, MONTH_PREFIX],
    pattern: new RegExp(`\\b(?:in\\s+)?(${MONTH_ALT})\\.?\\s+(?:of\\s+)?((?:19|20)\\d{2})\\b`, "i"),
    resolve: (m) => monthRange(Number(m[2]), monthIndex(m[1] ?? "")),
  },
  {
    needs: [YEAR_DIGITS, /early|mid|late/i],
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
    needs: [YEAR_WORD, MONTH_PREFIX],
    pattern: new RegExp(`\\bin\\s+(${MONTH_ALT})\\s+of\\s+(this|last|next)\\s+year\\b`, "i"),
    resolve: (m, anchor) => {
      const y = yearOf(anchor, m[2]?.toLowerCase() === "last" ? -1 : m[2]?.toLowerCase() === "next" ? 1 : 0)
      return y === null ? null : monthRange(y, monthIndex(m[1] ?? ""))
    },
  },
  {
    needs: [YEAR_DIGITS, SINCE_WORD],
    pattern: /\bsince\s+((?:19|20)\d{2})\b/i,
    resolve: (m, anchor) => [`${m[1]}-01-01`, anchor ? anchor.toISOString().slice(0, 10) : `${m[1]}-12-31`],
  },
  {
    needs: [YEAR_DIGITS],
    pattern: /\b(?:in|during|by|of)\s+((?:19|20)\d{2})\b/i,
    resolve: (m) => [`${m[1]}-01-01`, `${m[1]}-12-31`],
  },
  {
    needs: [YEAR_DIGITS],
    // "in the 2019 season", "during its 2023 count", "over the 2019-20 season": a year naming the season,
    // count or edition the figure is of, after the preposition that dates it.
    pattern:
      /\b(?:in|during|over|for|at)\s+(?:the|its|their|this|that)\s+((?:19|20)\d{2})(?:[-–/]((?:19|20)?\d{2}))?\s+(?=[a-z])/i,
    resolve: (m) => {
      const second = m[2] ? Number(m[2].length === 2 ? `${(m[1] ?? "").slice(0, 2)}${m[2]}` : m[2]) : Number(m[1])
      return [`${m[1]}-01-01`, `${Math.max(second, Number(m[1]))}-12-31`]
    },
  },
  {
    needs: [/ago/i],
    // "three years ago", "two weeks ago", "a month ago"
    pattern: new RegExp(`\\b(${COUNT_ALT})\\s+(days?|weeks?|months?|years?|hours?|minutes?)\\s+ago\\b`, "i"),
    resolve: (m, anchor) => {
      if (!anchor) return null
      const raw = (m[1] ?? "").toLowerCase()
      return agoRange(anchor, WORD_COUNTS[raw] ?? Number(raw), m[2] ?? "day")
    },
  },
  {
    needs: [MONTH_CAP_PREFIX, DIGIT],
    // "Aug. 15", "on March 7", "9 May" without a year: the latest such day on or before the anchor, or
    // the coming one in a clause that looks ahead as a weekday's does ("will reopen on 11 January",
    // "is closed until 23 December").
    pattern: new RegExp(
      `\\b(?:on\\s+)?(?:(${MONTH_CAP})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d|,?\\s*(?:19|20)\\d{2})|(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_CAP}))\\b`,
    ),
    resolve: (m, anchor) => {
      if (!anchor) return null
      const month = monthIndex(m[1] ?? m[4] ?? "")
      const d = Number(m[2] ?? m[3])
      if (month < 0) return null
      let y = latestMonth(anchor, month)
      if (month === anchor.getUTCMonth() && d > anchor.getUTCDate()) y -= 1
      const lead = /^on\s/i.test(m[0]) ? "on" : wordBefore(m)
      if (ahead(m, lead) && day(y, month, d) < iso(anchor)) y += 1
      // A plan told in the past: the nearer of the day behind the article and the one ahead of it.
      else if (
        plannedInPast(m) &&
        Date.parse(day(y + 1, month, d)) - anchor.getTime() < anchor.getTime() - Date.parse(day(y, month, d))
      )
        y += 1
      if (d < 1 || d > lastDay(y, month)) return null
      return [day(y, month, d), day(y, month, d)]
    },
  },
  {
    needs: [/since/],
    // "since September", "since Saturday": from then up to the article's day, a figure that has grown since.
    pattern: new RegExp(`\\bsince\\s+(${NAMED_DAYS})\\b(?!\\s+\\d)`),
    resolve: (m, anchor) => {
      if (!anchor) return null
      const word = (m[1] ?? "").toLowerCase()
      const weekday = WEEKDAYS.indexOf(word as (typeof WEEKDAYS)[number])
      if (weekday >= 0) {
        const back = (anchor.getUTCDay() - weekday + 7) % 7
        return [iso(new Date(anchor.getTime() - back * 86_400_000)), iso(anchor)]
      }
      return sinceMonth(anchor, monthIndex(word))
    },
  },
  {
    needs: [MONTH_NAME],
    // "between November and January", "from March to May": the months' span, its end the latest such month
    // on or before the article's day, its start the first month before that end.
    pattern: new RegExp(
      `\\b(?:[Bb]etween|[Ff]rom)\\s+(${MONTH_NAMES})\\s+${SPAN_TO}\\s+(${MONTH_NAMES})\\b(?!\\s+\\d)`,
    ),
    resolve: (m, anchor) => {
      if (!anchor) return null
      const [from, to] = [monthIndex(m[1] ?? ""), monthIndex(m[2] ?? "")]
      if (from < 0 || to < 0) return null
      const endYear = latestMonth(anchor, to)
      return [monthRange(from <= to ? endYear : endYear - 1, from)[0], monthRange(endYear, to)[1]]
    },
  },
  {
    needs: [SINCE_WORD, MONTH_NAME],
    // "since the rink opened in November", "since work began in March": a short clause after "since" that
    // dates its own start by a month; the figure runs from that month up to the article's day.
    pattern: new RegExp(`\\b[Ss]ince\\s+(?:[\\p{L}'’-]+\\s+){1,6}?in\\s+(${MONTH_NAMES})\\b(?!\\s+\\d)`, "u"),
    resolve: (m, anchor) => {
      if (!anchor) return null
      return sinceMonth(anchor, monthIndex(m[1] ?? ""))
    },
  },
  {
    needs: [/earlier/i],
    // "Earlier in July", "earlier this month", "earlier this week", "earlier this year": from the period's
    // start up to the day before the article's, a time before what the article reports (with "in" and a
    // month, the latest such month).
    pattern: new RegExp(`\\bearlier\\s+(?:in\\s+(${MONTHS.join("|")})|this\\s+(month|week|year))\\b`, "i"),
    resolve: (m, anchor) => {
      if (!anchor) return null
      const before = iso(new Date(anchor.getTime() - 86_400_000))
      const period = m[2]?.toLowerCase()
      if (period === undefined) {
        // An earlier month is whole; the article's own month runs up to the day before it.
        const month = monthIndex(m[1] ?? "")
        const [start, end] = monthRange(latestMonth(anchor, month), month)
        return [start, end.localeCompare(before) < 0 ? end : laterDay(start, before)]
      }
      const start =
        period === "year"
          ? `${anchor.getUTCFullYear()}-01-01`
          : period === "month"
            ? monthRange(anchor.getUTCFullYear(), anchor.getUTCMonth())[0]
            : iso(mondayOf(anchor))
      // On the period's first day there is no day before it in the period: the day itself.
      return [start, laterDay(start, before)]
    },
  },
  {
    needs: [MONTH_NAME],
    // "in June", "until December", "In January," opening a sentence: a month without a year (the
    // month capitalised, so "may" stays a verb).
    pattern:
      /\b(?:[Ii]n|[Dd]uring|[Uu]ntil|[Bb]y|[Ll]ast|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id-?)\s*(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+(?:\d|of\s+(?:this|last|next)))/,
    resolve: (m, anchor) => {
      if (!anchor) return null
      const month = monthIndex(m[1] ?? "")
      if (month < 0) return null
      // The coming such month in a clause that looks ahead ("will stay shut until January").
      const lead = (/^\w+/.exec(m[0])?.[0] ?? "").toLowerCase()
      const coming = ahead(m, lead) && month < anchor.getUTCMonth()
      return monthRange(latestMonth(anchor, month) + (coming ? 1 : 0), month)
    },
  },
  {
    needs: [/month|week/i],
    pattern: /\b(last|this|next)\s+(month|week)\b/i,
    resolve: (m, anchor) => {
      if (!anchor) return null
      const offset = m[1]?.toLowerCase() === "last" ? -1 : m[1]?.toLowerCase() === "next" ? 1 : 0
      if (m[2]?.toLowerCase() === "month") {
        const d = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() + offset, 1))
        return monthRange(d.getUTCFullYear(), d.getUTCMonth())
      }
      const monday = new Date(mondayOf(anchor).getTime() + offset * 7 * 86_400_000)
      return [iso(monday), iso(new Date(monday.getTime() + 6 * 86_400_000))]
    },
  },
  {
    needs: [YEAR_DIGITS, /0s/i],
    pattern: /\b(?:in\s+)?the\s+((?:19|20)\d)0s\b/i,
    resolve: (m) => [`${m[1]}0-01-01`, `${m[1]}9-12-31`],
  },
  {
    needs: [YEAR_WORD],
    // "this year" in news counts so far ("1,842 cases this year"): up to the article's day; "last year",
    // "next year" are whole years.
    pattern: /\b(last|this|next)\s+year\b/i,
    resolve: (m, anchor) => {
      const which = m[1]?.toLowerCase()
      const y = yearOf(anchor, which === "last" ? -1 : which === "next" ? 1 : 0)
      if (y === null) return null
      return which === "this" && anchor ? [`${y}-01-01`, iso(anchor)] : [`${y}-01-01`, `${y}-12-31`]
    },
  },
  {
    needs: [/morning|afternoon|evening|tonight|today|night/i],
    // "this morning", "tonight", "earlier today": the article's own day; "last night": the day before.
    pattern: /\b(this\s+(?:morning|afternoon|evening)|tonight|(?:earlier|later)\s+today|last\s+night)\b/i,
    resolve: (m, anchor) => {
      if (!anchor) return null
      const back = /^last/i.test(m[1] ?? "") ? 86_400_000 : 0
      const d = iso(new Date(anchor.getTime() - back))
      return [d, d]
    },
  },
  {
    needs: [/yesterday|today|tomorrow/i],
    pattern: /\b(yesterday|today|tomorrow)\b/i,
    resolve: (m, anchor) => {
      if (!anchor) return null
      const word = m[1]?.toLowerCase()
      const d = new Date(anchor.getTime() + (word === "yesterday" ? -86_400_000 : word === "tomorrow" ? 86_400_000 : 0))
      const iso = d.toISOString().slice(0, 10)
      return [iso, iso]
    },
  },
  {
    needs: [WEEKDAY_NAME],
    // "on Friday", "said Friday", "until Sunday 10:30pm", "next Monday": the latest such day on or before the
    // anchor, or the coming one when its clause looks ahead (catalogue `weekdays`). A part of the day after
    // it is kept in the time's words ("by Saturday morning"), so two counts of one day's morning and
    // afternoon read as two times.
    pattern:
      /\b([Oo]n|said|[Ll]ast|[Nn]ext|[Tt]his|[Uu]ntil|[Tt]ill|[Tt]hrough|[Bb]y|[Ff]rom)\s+(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b(?!['’]s\b)(?:\s+(?:morning|afternoon|evening|night)\b)?/,
    resolve: (m, anchor) => {
      if (!anchor) return null
      const target = WEEKDAYS.indexOf((m[2] ?? "").toLowerCase() as (typeof WEEKDAYS)[number])
      const days = ahead(m) ? -((target - anchor.getUTCDay() + 7) % 7) : (anchor.getUTCDay() - target + 7) % 7
      const d = new Date(anchor.getTime() - days * 86_400_000)
      return [iso(d), iso(d)]
    },
  },
  {
    needs: [/later|time|day|night|morning|evening|afternoon/i],
    // Relative to another event in the text: kept as text, not resolved here ("at the time", "that day":
    // the time last named before it, which the extractor carries; see `pointsBack`).
    pattern: new RegExp(
      `\\b(?:(?:several|a few|two|three|\\d+)\\s+(?:days|weeks|months|years)\\s+later|${POINTING_BACK})\\b`,
      "i",
    ),
    resolve: () => null,
  },
]

/**
 * Whether a time is one that points back to the time last named ("at the time", "that day", "the same
 * night"): it dates its sentence as the text last dated something, not as the article's day.
 */
export const pointsBack = (t: Claim.TimeScope): boolean => t.start === null && POINTS_BACK.test(t.text)

/** Every pattern some rule needs, once, and the indices of each rule's needs in it. */
const NEEDS: ReadonlyArray<RegExp> = [...new Set(RULES.flatMap((r) => r.needs))]
const NEEDED: ReadonlyArray<ReadonlyArray<number>> = RULES.map((r) => r.needs.map((n) => NEEDS.indexOf(n)))

// Every rule needs a digit or one of these words; most sentences have neither and skip the rules. A rule
// with neither names a month or a weekday as written in running text (capitalised), so that test keeps
// the case: "mayor", "market" and "decision" no longer send a sentence through every rule.
const MAY_HAVE_TIME =
  /\d|ago|year|month|week|yesterday|today|tomorrow|tonight|morning|afternoon|evening|night|later|time|that day|same day/i
const MAY_NAME_TIME = new RegExp(NAMED_DAYS)

const spaced = (words: ReadonlyArray<string>): string => words.map((w) => w.replace(/ /g, "[ \\t]+")).join("|")

/**
 * An aside after a noun, opened by a word of catalogue `asides`: set off by commas ("the plant, open
 * since 1951,") or a relative clause closing the sentence ("the raids, which followed an inquiry that began in 2024.").
 */
const ASIDE = new RegExp(
  `(?<=[A-Za-z])[ \\t]*,[ \\t]+(?:${spaced(catalogue.asides.openers)})\\b[^,;:]*(?:,|[.!?]?["'\u201d]?\\s*$)`,
  "gi",
)

/**
 * A noun set beside a name, with a relative clause of its own, closed by a comma: "Dunmarsh Rovers, the
 * club that won the league in 2011, has agreed to sell": the time dates the noun, as an aside's does.
 */
const APPOSED_RELATIVE =
  /(?<=[A-Za-z])[ \t]*,[ \t]+(?:the|a|an)[ \t]+[^,;:.!?]{0,60}?\b(?:that|which|who)\b[^,;:.!?]*,/gi

const YEAR = /\b(?:19|20)\d{2}s?\b/g

/**
 * A relative clause without commas whose verb is an aside's (catalogue `asides.relative`): "a factory in
 * Borovia that opened in 2022", "an inquiry that began in 2024". It ends at a comma, the sentence's end, or
 * the auxiliary that carries on its noun's own clause ("the bloom that closed the lake on Monday has spread
 * to 9 square kilometres": the figure is not inside the aside, so Monday does not date it).
 */
const RELATIVE = new RegExp(
  `\\b(?:that|which|who)[ \\t]+(?:(?:has|had|have|was|were)[ \\t]+)?(?:been[ \\t]+)?(?:${spaced(catalogue.asides.relative)})\\b[^,;:]*?(?:(?=[ \\t]+(?:${spaced(catalogue.asides.mainVerbs)})\\b)|,|[.!?]?["'\u201d]?\\s*$)`,
  "gi",
)

/**
 * A participle describing the noun before it, with no comma nor relative word (catalogue `asides.reduced`):
 * "a cast-iron main laid in 1968", "a ferry built in 1987". Not after a form of "be" or "have", which
 * makes it the sentence's own verb ("the bridge was built in 1931").
 */
/** "in" and a year, which REDUCED ends in. */
const IN_YEAR = "in[ \\t]+(?:19|20)\\d{2}"
const REDUCED = new RegExp(
  `(?<!\\b(?:is|are|was|were|be|been|being|has|have|had)[ \\t]+)\\b(?:${spaced(catalogue.asides.reduced)})[ \\t]+${IN_YEAR}s?\\b`,
  "gi",
)

/**
 * A text without "in" and a year is not searched for REDUCED, whose look-behind is tried at every place of
 * the text (most sentences have no such year).
 */
const YEAR_IN = new RegExp(IN_YEAR, "i")

/** A clause after a time that it dates (catalogue `antecedents`): "since 2023, when 400,000 birds were culled". */
const ANTECEDENT = new RegExp(`^[ \\t]*,[ \\t]*(?:${spaced(catalogue.antecedents.openers)})\\b`, "i")

/** The past time a record is measured against (catalogue `baselines`): "since 1951", "since records began in 1951". */
// "since it opened in 2009", "since the gauge was installed in 1987": a short clause up to the year it dates.
const SINCE = `since[ \\t]+(?:(?:${spaced(catalogue.baselines.records)})(?:[ \\t]+in[ \\t]+(?:19|20)\\d{2})?|(?:19|20)\\d{2}s?|[A-Z][a-z]+(?:[ \\t]+(?:19|20)\\d{2})?|(?:[a-z]+[ \\t]+){1,4}in[ \\t]+(?:19|20)\\d{2})`
/** "since 1951" and the like, not opening a clause the time dates ("since 2023, when ..."). */
const SINCE_PHRASE = new RegExp(
  `\\b${SINCE}\\b(?![ \\t]*,[ \\t]*(?:${spaced(catalogue.antecedents.openers)})\\b)`,
  // Case kept: a month or a weekday after "since" is capitalised ("since March"), "since the" is not one.
  "g",
)
/** "since records began in 1951": a baseline with or without a superlative before it. */
const RECORDS_SINCE = new RegExp(
  `\\bsince[ \\t]+(?:${spaced(catalogue.baselines.records)})(?:[ \\t]+in[ \\t]+(?:19|20)\\d{2})?\\b`,
  "g",
)
const SUPERLATIVE = new RegExp(`\\b(?:${spaced(catalogue.baselines.superlatives)})\\b`)
const CLAUSE_MARKS = ",;:."

/**
 * The sentence with its records' baselines blanked: a "since" phrase after a superlative of its clause
 * (no comma, semicolon, colon or full stop between), and any "since records began". Each "since" looks
 * back over its own clause once, so a long sentence costs its length, not its length squared (a
 * look-behind in one pattern scanned back from every position).
 */
const blankBaselines = (text: string): string => {
  let out = text
  const blank = (start: number, end: number) => {
    out = out.slice(0, start) + " ".repeat(end - start) + out.slice(end)
  }
  for (const m of text.matchAll(SINCE_PHRASE)) {
    let clause = m.index
    while (clause > 0 && !CLAUSE_MARKS.includes(text[clause - 1] ?? "")) clause--
    if (SUPERLATIVE.test(text.slice(clause, m.index))) blank(m.index, m.index + m[0].length)
  }
  for (const m of text.matchAll(RECORDS_SINCE)) blank(m.index, m.index + m[0].length)
  return out
}

/**
 * A date moved: "the deadline has been moved from 9 April to 23 April", "postponed from Friday until
 * Monday". The old date after "from" is blanked (same length) when a verb of catalogue `weekdays.moving`
 * opens its clause, so the time is the new date, which the clause reads as a plan (see `plannedInPast`).
 */
const MOVED_FROM = new RegExp(
  `\\bfrom\\s+(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTH_CAP})|(?:${MONTH_CAP})\\.?(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?|${WEEKDAYS.map(capitalised).join("|")})(?=\\s+(?:to|until)\\s)`,
  "g",
)
const blankMovedFrom = (text: string): string => {
  let out = text
  for (const m of text.matchAll(MOVED_FROM)) {
    let clause = m.index
    while (clause > 0 && !CLAUSE_MARKS.includes(text[clause - 1] ?? "")) clause--
    if (MOVING.test(text.slice(clause, m.index)))
      out = out.slice(0, m.index) + " ".repeat(m[0].length) + out.slice(m.index + m[0].length)
  }
  return out
}

/** Whether a text has a figure other than a year's digits. */
/** A year alone labelling a line, with its list mark: "1977:", "- 2013:". */
const YEAR_LABEL = /^[ \t\n]*(?:[-*\u2022\u2013\u2014][ \t]*)?((?:1[6-9]|20)\d\d):[ \t]/

const hasFigure = (t: string): boolean => /\d/.test(t.replace(YEAR, ""))
/** An aside blanked (same length), unless it has a figure of its own. */
const blankUnlessFigure = (a: string): string => (hasFigure(a) ? a : " ".repeat(a.length))

/** Whether `read` has every pattern of `needs` (NEEDS indices), testing each at most once per sentence. */
const meets = (needs: ReadonlyArray<number>, read: string, tested: Uint8Array): boolean => {
  for (const n of needs) {
    if (tested[n] === 0) tested[n] = (NEEDS[n] as RegExp).test(read) ? 1 : 2
    if (tested[n] === 2) return false
  }
  return true
}

/** The time scope of a sentence, or null when it has none. */
export const find = (sentence: string, anchor: Date | null): Claim.TimeScope | null => {
  // "1977: pupils seal 142 items", "- 2013: volunteers count 2,100 waxwings": a timeline's entry, dated
  // by the year that labels it, whatever day of that year the entry names.
  const label = YEAR_LABEL.exec(sentence)
  if (label?.[1]) return { text: label[1], start: `${label[1]}-01-01`, end: `${label[1]}-12-31` }
  if (!MAY_HAVE_TIME.test(sentence) && !MAY_NAME_TIME.test(sentence)) return null
  // A time in an aside dates the noun it describes, not the claim: read the rest of the sentence. An
  // aside with a figure of its own ("which cut power to 400,000 homes in 2019") states a claim; it stays.
  // An aside is set off by a comma: a sentence without one is not searched for it.
  const unclaused = (
    sentence.includes(",")
      ? sentence.replace(ASIDE, blankUnlessFigure).replace(APPOSED_RELATIVE, blankUnlessFigure)
      : sentence
  ).replace(RELATIVE, blankUnlessFigure)
  const unaside = YEAR_IN.test(unclaused) ? unclaused.replace(REDUCED, blankUnlessFigure) : unclaused
  // A record's baseline ("the highest since 1951") is not when the figure holds either.
  const unbased = unaside.includes("since") ? blankBaselines(unaside) : unaside
  const read = unbased.includes("from ") ? blankMovedFrom(unbased) : unbased
  // By NEEDS index: 0 not tested yet, 1 found, 2 not found.
  const tested = new Uint8Array(NEEDS.length)
  for (let r = 0; r < RULES.length; r++) {
    const rule = RULES[r] as Rule
    if (!meets(NEEDED[r] as ReadonlyArray<number>, read, tested)) continue
    const m = rule.pattern.exec(read)
    if (m) {
      // "the first since 2023, when 400,000 birds were culled": the figures are in the clause after, which
      // says what happened then, in 2023 ("prices have doubled since March, when ..." keeps its span).
      const since = /^since\s+/i.exec(m[0].trim())
      const after = read.slice(m.index + m[0].length)
      if (since && ANTECEDENT.test(after) && hasFigure(after) && !hasFigure(read.slice(0, m.index))) {
        const then = find(`in ${m[0].trim().slice(since[0].length)}`, anchor)
        if (then?.start) return { ...then, text: m[0].trim().slice(since[0].length) }
      }
      const range = rule.resolve(m, anchor)
      return { text: m[0].trim(), start: range?.[0] ?? null, end: range?.[1] ?? null }
    }
  }
  return null
}
