/**
 * When a piece of work or a state is expected to be over (completions.json): "the repairs will take at least
 * three months", "the refunds would be paid within four weeks", "the reservoir would not be full again for at
 * least three years". Each is a quantity of class `completion` in unit `date`, resolved forward from the
 * article's date as a reopening is (Reopenings.ts), so that two accounts of when one piece of work ends can be
 * set side by side whether they give a length or a date.
 */
import { MeasureClass, type Quantity, Span, Units } from "@crosscheck/domain"
import catalogue from "./completions.json" with { type: "json" }
import { phrases, ruleOfKind } from "./internal/Catalogue.js"
import { aheadWords, clauseBefore, dateAhead, isNegated, isSuperseded, lengthAhead, quantity } from "./Reopenings.js"

/** The measure class of a completion's date (unit "date": days since 1970-01-01). */
export const COMPLETION = MeasureClass.COMPLETION

const ruleOf = (kind: string): string => ruleOfKind(catalogue.rules, "completions.json", kind)
const TAKES_RULE = ruleOf("takes")
const DONE_BY_RULE = ruleOf("done-by")
const NOT_FOR_RULE = ruleOf("not-for")

const BOUNDS: Readonly<Record<string, Quantity.Approximate>> = catalogue.bounds as Record<string, Quantity.Approximate>
const BOUND = new RegExp(`^(?:${phrases(Object.keys(BOUNDS))})\\s+`, "i")
const TAKE = new RegExp(`\\b(?:${phrases(catalogue.take)})\\s+`, "gi")
const PREPOSITION = new RegExp(`\\b(${phrases(catalogue.prepositions)})\\s+`, "gi")
const FOR = /\bfor\s+/gi
const RELATIVE = new RegExp(`^\\s+(?:${phrases(catalogue.relative)})\\b`, "i")
const UNTIL = /^(?:until|till)\s+/i
const FORECAST_WORDS = new RegExp(
  `\\b(?:${phrases([...aheadWords, ...catalogue.ahead])})\\b|\\b(?:won|wouldn|can|couldn)['’]t\\b`,
  "gi",
)
const RELATIVE_WORD = new RegExp(`\\b(?:${phrases(catalogue.relatives)})\\b`, "i")
const STARTS = new RegExp(`\\b(?:${phrases(catalogue.starts)})\\b`, "i")
const RECURRING = new RegExp(`\\b(?:${phrases(catalogue.recurring)})\\b`, "i")
/** Whether the rest of a figure's clause after `end` says it recurs ("to arrive once deliveries end"). */
const recurs = (sentence: string, end: number): boolean =>
  RECURRING.test(sentence.slice(end).split(/[,;:.!?]/)[0] ?? "")
/** The shortest length read as work done, in days: "will take two hours to drive there" is a journey. */
const MIN_DAYS = 1

/** Where the last forecast word of `clause` ("would", "to", "expected") starts, or -1. */
const lastForecastWord = (clause: string): number => {
  let last = -1
  for (const m of clause.matchAll(FORECAST_WORDS)) last = m.index ?? last
  return last
}

interface Found {
  readonly start: number
  readonly end: number
  readonly low: number
  readonly high: number
  readonly approximate: Quantity.Approximate
  readonly rule: string
}

/** A bound word at the start of `s` ("at least", "about") and where the length after it starts. */
const boundAt = (s: string): { approximate: Quantity.Approximate; skip: number } => {
  const m = BOUND.exec(s)
  if (!m) return { approximate: "exact", skip: 0 }
  const word = m[0].trim().toLowerCase().replace(/\s+/g, " ")
  return { approximate: BOUNDS[word] ?? "exact", skip: m[0].length }
}

/** A length of at least a day at `at` with its bound word, as the dates it ends on. */
const boundedLength = (
  sentence: string,
  at: number,
  anchor: Date,
  fallback: Quantity.Approximate,
): { low: number; high: number; end: number; approximate: Quantity.Approximate } | null => {
  const { approximate, skip } = boundAt(sentence.slice(at))
  const l = lengthAhead(sentence.slice(at + skip), anchor)
  if (!l || l.days < MIN_DAYS) return null
  const end = at + skip + l.length
  const bound = approximate === "exact" ? fallback : approximate
  return { low: l.low, high: l.high, end, approximate: bound }
}

/** Whether a length or date ends where another event is counted from ("within six weeks of the ruling"). */
const relative = (sentence: string, end: number): boolean => RELATIVE.test(sentence.slice(end))

/**
 * The completions a sentence forecasts, with spans in the document (`offset` is where the sentence starts);
 * none without an anchor. `taken` are spans (in the sentence) already read as something else, a reopening.
 */
export const find = (
  sentence: string,
  offset: number,
  anchor: Date | null,
  taken: ReadonlyArray<{ readonly start: number; readonly end: number }> = [],
): ReadonlyArray<Quantity.Quantity> => {
  if (!anchor) return []
  const found: Found[] = []
  const free = (start: number, end: number) =>
    !taken.some((t) => t.start < end && start < t.end) && !found.some((f) => f.start < end && start < f.end)
  const forecast = (at: number): { ahead: boolean; negated: boolean } => {
    const clause = clauseBefore(sentence, at, catalogue.clauseChars)
    // The words from the last forecast word on: a relative clause or a start there is not this work's end.
    const lead = lastForecastWord(clause)
    const tail = lead < 0 ? "" : clause.slice(lead)
    return {
      ahead: lead >= 0 && !RELATIVE_WORD.test(tail) && !STARTS.test(tail) && !isSuperseded(sentence, at),
      negated: isNegated(clause),
    }
  }
  // "would take about three weeks", "will take until the summer".
  for (const t of sentence.matchAll(TAKE)) {
    const at = t.index ?? 0
    if (!forecast(at).ahead) continue
    const after = at + t[0].length
    const until = UNTIL.exec(sentence.slice(after))
    if (until) {
      const date = dateAhead(sentence.slice(after + until[0].length), anchor)
      const end = after + until[0].length + (date?.length ?? 0)
      if (date && free(after, end))
        found.push({ start: after, end, low: date.low, high: date.high, approximate: "exact", rule: TAKES_RULE })
      continue
    }
    const l = boundedLength(sentence, after, anchor, "exact")
    if (l && free(after, l.end) && !relative(sentence, l.end) && !recurs(sentence, l.end))
      found.push({ start: after, end: l.end, low: l.low, high: l.high, approximate: l.approximate, rule: TAKES_RULE })
  }
  // "would be paid within four weeks", "will be filled by the end of February", "could not all be changed
  // before the end of June", "would stay until the end of March".
  for (const p of sentence.matchAll(PREPOSITION)) {
    const at = p.index ?? 0
    const { ahead, negated } = forecast(at)
    if (!ahead) continue
    const word = (p[1] ?? "").toLowerCase()
    const after = at + p[0].length
    if (word === "within" || word === "over") {
      const bound = word === "over" ? "exact" : negated ? "at-least" : "at-most"
      const l = boundedLength(sentence, after, anchor, bound)
      if (l && free(at, l.end) && !relative(sentence, l.end))
        found.push({ start: at, end: l.end, low: l.low, high: l.high, approximate: l.approximate, rule: DONE_BY_RULE })
      continue
    }
    const rest = sentence.slice(after)
    // "cut by two weeks": an amount, not a date.
    if (lengthAhead(rest, anchor)) continue
    const date = dateAhead(rest, anchor)
    if (!date) continue
    const end = after + date.length
    const approximate: Quantity.Approximate =
      word === "by" || word === "before" ? (negated ? "at-least" : "at-most") : negated ? "at-least" : "exact"
    if (free(at, end)) found.push({ start: at, end, low: date.low, high: date.high, approximate, rule: DONE_BY_RULE })
  }
  // "would not be full again for at least three years".
  for (const f of sentence.matchAll(FOR)) {
    const at = f.index ?? 0
    const { ahead, negated } = forecast(at)
    if (!ahead || !negated) continue
    const l = boundedLength(sentence, at + f[0].length, anchor, "at-least")
    if (!l || !free(at, l.end)) continue
    found.push({ start: at, end: l.end, low: l.low, high: l.high, approximate: "at-least", rule: NOT_FOR_RULE })
  }
  return found
    .sort((a, b) => a.start - b.start)
    .map((f) =>
      quantity(sentence, offset, f.start, f.end, f.low, f.high, f.approximate, "complete", f.rule, COMPLETION),
    )
}

/**
 * A sentence's quantities with its completions; a length read as one ("about three weeks" in "would take
 * about three weeks") gives way to it. A date after "by", "within" or "for" in a clause with a figure of
 * its own ("emissions will fall 40% by 2030") is when that figure stands, not a piece of work's end: left alone.
 */
export const withCompletions = (
  sentence: string,
  offset: number,
  quantities: ReadonlyArray<Quantity.Quantity>,
  anchor: Date | null,
): ReadonlyArray<Quantity.Quantity> => {
  if (!anchor) return quantities
  const taken = quantities
    .filter((q) => q.unit === Units.DATE)
    .map((q) => ({ start: q.span.start - offset, end: q.span.end - offset }))
  const found = find(sentence, offset, anchor, taken)
  if (found.length === 0) return quantities
  const covered = (q: Quantity.Quantity) => found.some((r) => Span.within(q.span, r.span))
  const figures = quantities.filter((q) => q.unit !== Units.DATE && !covered(q))
  // A figure of the date's own clause: nothing but words between them ("will fall 40% by 2030").
  const sameClause = (x: Quantity.Quantity, y: Quantity.Quantity) => {
    const [first, second] = x.span.start <= y.span.start ? [x, y] : [y, x]
    const between = sentence.slice(Math.max(0, first.span.end - offset), Math.max(0, second.span.start - offset))
    return !/[,;:\u2014]/.test(between)
  }
  const kept = found.filter((q) => q.measure?.rule === TAKES_RULE || !figures.some((f) => sameClause(f, q)))
  if (kept.length === 0) return quantities
  const gone = (q: Quantity.Quantity) => kept.some((r) => Span.within(q.span, r.span))
  return [...quantities.filter((q) => !gone(q)), ...kept].sort((a, b) => a.span.start - b.span.start)
}
