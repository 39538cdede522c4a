/**
 * Two quantities about one thing, compared by value: each becomes the interval of values it allows
 * (rounding, approximations, bounds, ranges, vague magnitudes, units converted) and the intervals meet or not.
 */
import { type AlignedGroup, MeasureClass, Quantity, Units } from "@crosscheck/domain"
import { formatNumber } from "./internal/context.js"
import type { KnownRule } from "./internal/ruleNames.js"
import type { RuleName } from "./Rules.js"
import readings from "./readings.json" with { type: "json" }

/** Most a written figure may have been rounded by, relative: "3,000" may stand for 2,950. */
export const ROUNDING = 0.05
/** How far "about", "some", "roughly" reach either side of the figure, and "nearly" below it. */
export const ABOUT = 0.1
/** A bound ("more than 40") agrees with a figure this close beyond it (43); further on (60) it is only compatible. */
export const NEAR_BOUND = 0.1
/**
 * A high estimate ("as much as 9 million") is the figure its writer thinks may be reached: a figure more
 * than this share below it ("about 3 million"; 200 against "as many as 300") is another estimate, not the
 * same one at another precision. Lowered from 0.5: the development gold's "as many as" and "as much as"
 * pairs with a figure 25 to 50% below them are all conflicts (as many as 45 branches against 23), none
 * compatible.
 */
export const TOP_ESTIMATE_REACH = 0.25
/** A vague magnitude reaches an order of magnitude up: "thousands of troops" for 11,000 is loose, not wrong. */
export const VAGUE_STRETCH = 10

export interface Interval {
  readonly low: number
  readonly high: number
  /** The ends themselves are excluded: "more than 40" does not allow 40. */
  readonly lowOpen?: boolean
  readonly highOpen?: boolean
}

/** What a quantity's wording makes of its figure. */
export type Shape = "value" | "range" | "lower-bound" | "upper-bound" | "magnitude"

const phrases = (list: ReadonlyArray<string>) =>
  new RegExp(`^(?:${[...list].sort((a, b) => b.length - a.length).join("|")})\\b`, "i")
const NEARLY = phrases(readings.nearly)
const JUST_OVER = phrases(readings.justOver)
const STRICT = phrases(readings.strict)
const TOP_ESTIMATE = phrases(readings.topEstimates)
const TALLY_TOP = phrases(readings.tallyTopEstimates)
const STRICT_AFTER = new RegExp(`(?:${readings.strictAfter.join("|")})$`, "i")

/** "nearly 50", "almost 50", "just under 50": the figure is an upper bound slightly above the value. */
export const isNearly = (q: Quantity.Quantity): boolean => q.approximate !== "vague" && NEARLY.test(q.text.trim())

/** "just over a third", "slightly more than 40": the figure is a lower bound slightly below the value. */
export const isJustOver = (q: Quantity.Quantity): boolean =>
  q.approximate === "at-least" && JUST_OVER.test(q.text.trim())

/** "as much as 9 million", "as many as 300": an upper bound that gives its writer's high estimate, not a cap. */
export const isTopEstimate = (q: Quantity.Quantity): boolean =>
  q.approximate === "at-most" &&
  (TOP_ESTIMATE.test(q.text.trim()) ||
    // "up to 30,000 homes have no water": a running count has no limit, so its "up to" is an estimate's top;
    // so is a count of what an event did ("up to 50,000 players were told they had won").
    (TALLY_TOP.test(q.text.trim()) && (MeasureClass.isTally(Quantity.measureOf(q).class) || eventCount(q))))

const LIMIT_VERBS: ReadonlySet<string> = new Set(readings.limitVerbs)

/** A plain count stated as a fact by a verb of what happened, not of what something holds or allows (readings.json limitVerbs). */
const eventCount = (q: Quantity.Quantity): boolean => {
  const m = Quantity.measureOf(q)
  return q.unit === null && m.modality === "fact" && m.predicate !== null && !LIMIT_VERBS.has(m.predicate)
}

/** "more than 40", "fewer than 10": the bound itself is excluded ("at least 40" includes it). */
export const isStrict = (q: Quantity.Quantity): boolean =>
  (q.approximate === "at-least" || q.approximate === "at-most") &&
  (STRICT.test(q.text.trim()) || STRICT_AFTER.test(q.text.trim()))

/**
 * How much a figure may have been rounded: half a unit of its last significant digit, at most
 * ROUNDING of it. Whole numbers under 100 are taken as counted exactly ("40 dead" is not "41").
 */
export const roundingTolerance = (value: number): number => {
  const abs = Math.abs(value)
  if (!Number.isFinite(abs) || abs === 0) return 0
  if (Number.isInteger(abs) && abs < 100) return 0
  let unit = 1
  if (Number.isInteger(abs)) {
    for (let n = abs; n % 10 === 0 && n >= 10; n /= 10) unit *= 10
  } else {
    const decimals = (String(abs).split(".")[1] ?? "").length
    unit = 10 ** -decimals
  }
  return Math.min(unit / 2, ROUNDING * abs)
}

/**
 * Two single figures in one unit, one within the other's rounding alone, without what "about" adds
 * ("about 600" and 587: 600 stands for 570…630; "about 140" and 128: 140 stands for 135…145, so no).
 */
export const withinRounding = (a0: Quantity.Quantity, b0: Quantity.Quantity, normalized: Normalized = {}): boolean => {
  const scaled = inOneUnit(a0, b0, normalized)
  if (typeof scaled === "string") return false
  const { a, b, converted, tolerance } = scaled
  if (a.low !== a.high || b.low !== b.high) return false
  // A figure restated in another unit keeps the slack a conversion is allowed.
  const near = (x: number, y: number) =>
    Math.abs(x - y) <= Math.max(roundingTolerance(x), converted === "" ? 0 : tolerance * Math.abs(x))
  return near(a.low, b.low) || near(b.low, a.low)
}

export const shapeOf = (q: Quantity.Quantity): Shape =>
  q.approximate === "vague"
    ? "magnitude"
    : q.approximate === "at-least" && !isJustOver(q)
      ? "lower-bound"
      : q.approximate === "at-most" && !isNearly(q)
        ? "upper-bound"
        : q.low !== q.high
          ? "range"
          : "value"

/** The values a quantity allows, before any vague stretching. */
export const interval = (q: Quantity.Quantity): Interval => {
  const spread = (v: number) => Math.max(roundingTolerance(v), q.approximate === "about" ? ABOUT * Math.abs(v) : 0)
  if (isNearly(q)) return { low: q.low - ABOUT * Math.abs(q.low), high: q.high }
  if (isJustOver(q)) return { low: q.low, high: q.high + ABOUT * Math.abs(q.high), lowOpen: true }
  switch (q.approximate) {
    case "vague":
      return { low: q.low, high: q.high }
    case "at-least":
      return isStrict(q)
        ? { low: q.low, high: Number.POSITIVE_INFINITY, lowOpen: true }
        : { low: q.low - roundingTolerance(q.low), high: Number.POSITIVE_INFINITY }
    case "at-most":
      return isStrict(q)
        ? { low: Number.NEGATIVE_INFINITY, high: q.high, highOpen: true }
        : { low: Number.NEGATIVE_INFINITY, high: q.high + roundingTolerance(q.high) }
    default:
      return { low: q.low - spread(q.low), high: q.high + spread(q.high) }
  }
}

/** Whether two intervals share a value; `closed` ignores open ends (they touch). */
const meets = (a: Interval, b: Interval, closed = false): boolean => {
  const aboveLow = closed || !(a.lowOpen || b.highOpen) ? a.low <= b.high : a.low < b.high
  const belowHigh = closed || !(b.lowOpen || a.highOpen) ? b.low <= a.high : b.low < a.high
  return aboveLow && belowHigh
}

/** Every value `inner` allows is one `outer` allows. */
const within = (inner: Interval, outer: Interval): boolean =>
  (inner.low > outer.low || (inner.low === outer.low && (!outer.lowOpen || !!inner.lowOpen))) &&
  (inner.high < outer.high || (inner.high === outer.high && (!outer.highOpen || !!inner.highOpen)))

export const showInterval = (i: Interval): string =>
  i.low === i.high
    ? formatNumber(i.low)
    : i.high === Number.POSITIVE_INFINITY
      ? `${i.lowOpen ? "over" : "at least"} ${formatNumber(i.low)}`
      : i.low === Number.NEGATIVE_INFINITY
        ? `${i.highOpen ? "under" : "at most"} ${formatNumber(i.high)}`
        : `${formatNumber(i.low)}…${formatNumber(i.high)}`

export interface Comparison {
  readonly relation: "agree" | "compatible" | "contradict" | "incomparable"
  readonly rule: RuleName
  readonly why: string
  /** Every value b allows is one a allows: b states a, at least as precisely (verify's direction of support). */
  readonly bWithinA: boolean
  readonly aWithinB: boolean
}

/** The quantity as the matcher restated it in the group's unit, when both sides have that. */
export interface Normalized {
  readonly a?: AlignedGroup.Normalized | null | undefined
  readonly b?: AlignedGroup.Normalized | null | undefined
}

interface Scaled {
  readonly b: Quantity.Quantity
  readonly a: Quantity.Quantity
  readonly converted: string
  /** The share a converted figure may stand off: ROUNDING, or more for money at reference rates. */
  readonly tolerance: number
  /** Money restated at the reference exchange rates, which only the rate of the day makes exact. */
  readonly reference: boolean
}

/**
 * Both quantities in one unit and rate: the matcher's normalized values when it gave them for both
 * (exchange rates included), else the domain's unit table; null when the units do not convert.
 */
const inOneUnit = (a: Quantity.Quantity, b: Quantity.Quantity, n: Normalized): Scaled | string => {
  const na = n.a
  const nb = n.b
  if (na && nb && na.unit === nb.unit && na.per === nb.per && (a.unit !== b.unit || a.per !== b.per)) {
    const restate = (q: Quantity.Quantity, v: AlignedGroup.Normalized) => ({ ...q, low: v.low, high: v.high })
    const reference = na.reference === true || nb.reference === true
    const tolerance = reference ? Units.REFERENCE_RATES.tolerance : ROUNDING
    return {
      a: restate(a, na),
      b: restate(b, nb),
      converted: reference
        ? ` (${a.unit} and ${b.unit} restated in ${na.unit} at reference exchange rates of ${Units.REFERENCE_RATES.asOf}, allowing ${Math.round(tolerance * 100)}% for the rate of the day)`
        : ` (${a.unit ?? "count"}${a.per ? ` per ${a.per}` : ""} and ${b.unit ?? "count"}${b.per ? ` per ${b.per}` : ""} restated in ${na.unit ?? "a count"}${na.per ? ` per ${na.per}` : ""}, allowing ${ROUNDING * 100}% for rounding)`,
      tolerance,
      reference,
    }
  }
  // Money in two currencies the matcher did not restate for both: at the reference rates, if both have one.
  const [ra, rb] = [a.unit, b.unit].map((u) => (u !== null && Units.isCurrency(u) ? Units.referenceRate(u) : undefined))
  if (a.unit !== b.unit && ra !== undefined && rb !== undefined && a.per === b.per) {
    const base = Units.REFERENCE_RATES.base
    return inOneUnit(a, b, {
      a: { low: a.low * ra, high: a.high * ra, unit: base, per: a.per, reference: true },
      b: { low: b.low * rb, high: b.high * rb, unit: base, per: b.per, reference: true },
    })
  }
  const factor = Units.conversionFactor(b.unit, a.unit)
  // A scale that does not start at zero ("104F" beside "40C") converts by its offset, never per a period:
  // both sides in the dimension's reference unit, so the rounding allowed is the same whichever comes first.
  const reference =
    factor === null && a.per === b.per && Units.converts(b.unit, a.unit)
      ? Units.referenceUnit(Units.dimensionOf(a.unit) ?? "")
      : null
  if (reference) {
    const into = (q: Quantity.Quantity): Quantity.Quantity => ({
      ...q,
      low: Units.convert(q.low, q.unit, reference) ?? q.low,
      high: Units.convert(q.high, q.unit, reference) ?? q.high,
      unit: reference,
    })
    return {
      a: into(a),
      b: into(b),
      converted: ` (${a.unit} and ${b.unit} restated in ${reference}, allowing ${ROUNDING * 100}% for rounding)`,
      tolerance: ROUNDING,
      reference: false,
    }
  }
  if (factor === null)
    return `"${a.text}" is in ${a.unit ?? "no unit"} and "${b.text}" in ${b.unit ?? "no unit"}, which do not convert`
  let rate = 1
  if (a.per !== b.per) {
    const pa = a.per ? Units.perDay(a.per) : undefined
    const pb = b.per ? Units.perDay(b.per) : undefined
    if (pa === undefined || pb === undefined) return `one is per ${a.per ?? "total"}, the other per ${b.per ?? "total"}`
    rate = pa / pb
  }
  const scale = factor * rate
  if (scale === 1) return { a, b, converted: "", tolerance: ROUNDING, reference: false }
  return {
    a,
    b: { ...b, low: b.low * scale, high: b.high * scale, unit: a.unit, per: a.per },
    converted: ` (${b.unit ?? "count"}${b.per ? ` per ${b.per}` : ""} converted to ${a.unit ?? "count"}${a.per ? ` per ${a.per}` : ""}, allowing ${ROUNDING * 100}% for rounding)`,
    tolerance: ROUNDING,
    reference: false,
  }
}

/** Whether two sums of money, as written, lie more than the reference rates' `apart` times from each other. */
const ratesApart = (x: { low: number; high: number }, y: { low: number; high: number }): boolean => {
  const [lower, upper] = x.high < y.low ? [x.high, y.low] : [y.high, x.low]
  return lower > 0 && upper / lower > Units.REFERENCE_RATES.apart
}

const result = (
  relation: Comparison["relation"],
  rule: KnownRule,
  why: string,
  ia: Interval,
  ib: Interval,
): Comparison => ({ relation, rule, why, bWithinA: within(ib, ia), aWithinB: within(ia, ib) })

/** The figure a bound is written with: its low end for "at least", its high end for "up to". */
const edgeOf = (bound: Quantity.Quantity): number => (bound.approximate === "at-least" ? bound.low : bound.high)

/**
 * How far beyond a bound a figure lies, relative to the bound ("more than 40" and 43: 0.075). A single
 * figure is measured by its own value, the middle of what its rounding or "about" allows ("about 8,400"
 * and "more than 8,000": 0.05, so bound-near), not by the far end of that allowance; a range
 * by its far end.
 */
const beyond = (bound: Quantity.Quantity, value: Interval, single: boolean): number => {
  const edge = edgeOf(bound)
  const at = single ? (value.low + value.high) / 2 : bound.approximate === "at-least" ? value.high : value.low
  const far = bound.approximate === "at-least" ? at - edge : edge - at
  return edge === 0 ? Number.POSITIVE_INFINITY : far / Math.abs(edge)
}

/**
 * Days a date counted from an article's own day ("closed for at least ten days", "within a month") may
 * stand from the same date counted from another article's day, a day or two later.
 */
export const DATE_SLACK = 3

/** Days two opposite date bounds may leave in common and still be one date told from both sides (a month's end). */
export const PINNED_DAYS = 10

/** A date counted as a length of time from the article's day, not named ("on Monday"). */
const COUNTED = new RegExp(`\\b(?:${Units.unitsOf("duration").join("|")})s?\\b`, "i")
const counted = (q: Quantity.Quantity): boolean =>
  COUNTED.test(q.text.replace(/\b(?:next|this)\s+(?:week|month|year)\b/gi, ""))

const showDates = (i: Interval): string =>
  i.low === i.high
    ? Units.isoOfDay(i.low)
    : i.high === Number.POSITIVE_INFINITY
      ? `${Units.isoOfDay(i.low)} or later`
      : i.low === Number.NEGATIVE_INFINITY
        ? `${Units.isoOfDay(i.high)} or sooner`
        : `${Units.isoOfDay(i.low)}…${Units.isoOfDay(i.high)}`

/**
 * Two calendar days (unit "date", a reopening's forecast): by day, without the rounding a count is
 * allowed; a date counted as a length from an article's day may stand DATE_SLACK days off one named.
 */
const compareDates = (a: Quantity.Quantity, b: Quantity.Quantity): Comparison => {
  const ia = Quantity.reach(a)
  const ib = Quantity.reach(b)
  const slack = counted(a) || counted(b) ? DATE_SLACK : 0
  const shown = `${showDates(ia)} and ${showDates(ib)}`
  const sa = shapeOf(a)
  const sb = shapeOf(b)
  const bound = (s: Shape) => s === "lower-bound" || s === "upper-bound"
  if (bound(sa) && bound(sb)) {
    if (sa === sb) {
      const apart = Math.abs(edgeOf(a) - edgeOf(b))
      return apart <= slack
        ? result("agree", "same-bound", `the same date bound, ${shown}`, ia, ib)
        : result("compatible", "bounds-overlap", `two bounds in one direction, ${shown}, leave dates in common`, ia, ib)
    }
    if (!meets(ia, ib)) return result("contradict", "intervals-apart", `${shown} leave no date in common`, ia, ib)
    // "will not get their results until the end of January" and "will be sent out by the end of January":
    // one short stretch of days told from both sides.
    const common = Math.min(ia.high, ib.high) - Math.max(ia.low, ib.low)
    return common <= PINNED_DAYS
      ? result(
          "agree",
          "bounds-pin",
          `${shown} leave only ${common + 1} days in common, one date told from both sides`,
          ia,
          ib,
        )
      : result("compatible", "bounds-overlap", `${shown} leave dates in common`, ia, ib)
  }
  const widen = (i: Interval): Interval => ({ ...i, low: i.low - slack, high: i.high + slack })
  if (bound(sa) || bound(sb)) {
    const [edge, value] = bound(sa) ? [a, ib] : [b, ia]
    const edgeDay = edgeOf(edge)
    const far = edge.approximate === "at-least" ? value.high - edgeDay : edgeDay - value.low
    if (!meets(widen(Quantity.reach(edge)), value))
      return result(
        "contradict",
        "bound-violated",
        `${showDates(value)} lies outside the bound "${edge.text}" (${showDates(Quantity.reach(edge))})`,
        ia,
        ib,
      )
    return far <= slack
      ? result(
          "agree",
          "bound-near",
          `${showDates(value)} meets the bound "${edge.text}" (${showDates(Quantity.reach(edge))})`,
          ia,
          ib,
        )
      : result(
          "compatible",
          "bound-satisfied",
          `${showDates(value)} is within the bound "${edge.text}" (${showDates(Quantity.reach(edge))}) but ${far} days beyond it`,
          ia,
          ib,
        )
  }
  if (!meets(widen(ia), ib)) return result("contradict", "intervals-apart", `${shown} are different days`, ia, ib)
  // "until the end of February" twice: the same days, at the same precision.
  const same = ia.low === ib.low && ia.high === ib.high
  return (sa === "value" && sb === "value") || same
    ? result("agree", "intervals-overlap", `one day: ${shown}`, ia, ib)
    : result("compatible", "range-vs-value", `${shown} overlap, at different precision`, ia, ib)
}

const whole = (q: { readonly low: number; readonly high: number }): boolean =>
  Number.isInteger(q.low) && Number.isInteger(q.high)

/**
 * A whole number under 100 has no rounding of its own (45 and 46 are two counts), but beside a figure in
 * the same unit written with decimals it may be that figure rounded to a whole ("46 metres" beside "45.8
 * metres"), so it stands for half a unit either side of itself, and no more than the rounding a figure is
 * allowed (ROUNDING): "1 sievert" is not "0.8 sieverts" rounded.
 */
const wholeBeside = (i: Interval, q: Quantity.Quantity, shape: Shape, other: Quantity.Quantity, converted: string) =>
  converted === "" && shape === "value" && whole(q) && !whole(other) && Math.abs(q.high) < 100
    ? {
        ...i,
        low: Math.min(i.low, q.low - Math.min(0.5, ROUNDING * Math.abs(q.low))),
        high: Math.max(i.high, q.high + Math.min(0.5, ROUNDING * Math.abs(q.high))),
      }
    : i

/** Two quantities about the same thing at the same time: do their values fit together? */
export const compare = (a0: Quantity.Quantity, b0: Quantity.Quantity, normalized: Normalized = {}): Comparison => {
  // A date against anything else is two units (inOneUnit below says so).
  if (a0.unit === Units.DATE && b0.unit === Units.DATE) return compareDates(a0, b0)
  const scaled = inOneUnit(a0, b0, normalized)
  const c = compareScaled(a0, b0, scaled)
  // Money at reference rates that does not meet, less than `apart` times apart: the rate of the day decides.
  if (typeof scaled === "string" || !scaled.reference || c.relation !== "contradict") return c
  const { a, b, converted } = scaled
  if (ratesApart(a, b)) return c
  return {
    relation: "incomparable",
    rule: "rate-of-the-day",
    why: `"${a0.text}" and "${b0.text}" do not meet${converted}, but they are less than ${Units.REFERENCE_RATES.apart} times apart, which only the rate of the day can settle`,
    bWithinA: false,
    aWithinB: false,
  }
}

const compareScaled = (a0: Quantity.Quantity, b0: Quantity.Quantity, scaled: Scaled | string): Comparison => {
  if (typeof scaled === "string")
    return {
      relation: "incomparable",
      rule: "units-apart",
      why: scaled,
      bWithinA: false,
      aWithinB: false,
    }
  const { a, b, converted, tolerance, reference } = scaled
  // One figure at two rates of time ("15,000 shells a day", "105,000 a week") restates near itself; an
  // hourly pay rate and a yearly cost restate more than ten times apart, and are not one figure.
  if (a0.per !== b0.per && a.approximate !== "vague" && b.approximate !== "vague") {
    const ratio = Math.max(a.low, b.low) / Math.max(Math.min(a.high, b.high), Number.MIN_VALUE)
    if (ratio > VAGUE_STRETCH)
      return {
        relation: "incomparable",
        rule: "periods-apart",
        why: `"${a0.text}" per ${a0.per ?? "total"} and "${b0.text}" per ${b0.per ?? "total"} are more than ${VAGUE_STRETCH}× apart once restated in one period${converted}, so they are not one figure at two rates of time`,
        bWithinA: false,
        aWithinB: false,
      }
  }
  const slack = (i: Interval): Interval =>
    converted === ""
      ? i
      : { ...i, low: i.low - tolerance * Math.abs(i.low), high: i.high + tolerance * Math.abs(i.high) }
  const sa = shapeOf(a)
  const sb = shapeOf(b)
  if (sa === "magnitude" && sb === "magnitude") {
    const ia = interval(a)
    const ib = interval(b)
    if (meets(ia, ib))
      return result("agree", "same-magnitude", `both give the same order of magnitude${converted}`, ia, ib)
    const ratio = Math.max(a.low, b.low) / Math.max(Math.min(a.high, b.high), Number.MIN_VALUE)
    return ratio > VAGUE_STRETCH
      ? result(
          "contradict",
          "magnitudes-apart",
          `"${a.text}" and "${b.text}" are more than ${VAGUE_STRETCH}× apart${converted}`,
          ia,
          ib,
        )
      : result(
          "compatible",
          "vague-magnitudes",
          `"${a.text}" and "${b.text}" are loose magnitudes close enough to describe one figure${converted}`,
          ia,
          ib,
        )
  }
  if (sa === "magnitude" || sb === "magnitude") {
    const [vague, precise] = sa === "magnitude" ? [a, b] : [b, a]
    const reach: Interval = { low: vague.low / 2, high: vague.high * VAGUE_STRETCH }
    const p = slack(interval(precise))
    const [ia, ib] = sa === "magnitude" ? [reach, p] : [p, reach]
    return meets(reach, p)
      ? result(
          "compatible",
          "vague-vs-precise",
          `the vague "${vague.text}" (read as ${showInterval(reach)}) takes in the precise ${showInterval(p)}: the same figure at lower precision${converted}`,
          ia,
          ib,
        )
      : result(
          "contradict",
          "vague-vs-precise",
          `the precise ${showInterval(p)} lies outside anything "${vague.text}" can mean (${showInterval(reach)})${converted}`,
          ia,
          ib,
        )
  }
  const ia = slack(wholeBeside(interval(a), a, sa, b, converted))
  const ib = slack(wholeBeside(interval(b), b, sb, a, converted))
  const bounds = [sa, sb].filter((s) => s === "lower-bound" || s === "upper-bound").length
  if (!meets(ia, ib)) {
    // "Nearly 50" is below 50 and "more than 50" above it: they touch at 50, which neither allows.
    if (meets(ia, ib, true) && (isNearly(a) || isNearly(b)))
      return result(
        "contradict",
        "nearly-exceeded",
        `${showInterval(ia)} and ${showInterval(ib)} only touch at a figure neither allows: "${isNearly(a) ? a.text : b.text}" is below it${converted}`,
        ia,
        ib,
      )
    if (meets(ia, ib, true))
      return result(
        "compatible",
        "bound-edge",
        `${showInterval(ia)} and ${showInterval(ib)} only touch at a bound that excludes its own figure: not the same value, but not far enough apart to call a contradiction${converted}`,
        ia,
        ib,
      )
    return result(
      "contradict",
      bounds > 0 ? "bound-violated" : isNearly(a) || isNearly(b) ? "nearly-exceeded" : "intervals-apart",
      `${showInterval(ia)} and ${showInterval(ib)} do not overlap, even allowing for ranges, approximations, bounds and up to ${ROUNDING * 100}% rounding${converted}`,
      ia,
      ib,
    )
  }
  if (
    bounds === 2 &&
    sa === sb &&
    Math.abs(sa === "lower-bound" ? ia.low - ib.low : ia.high - ib.high) <=
      Math.max(roundingTolerance(sa === "lower-bound" ? a.low : a.high), Number.EPSILON)
  )
    return result(
      "agree",
      "same-bound",
      `"${a.text}" and "${b.text}" give the same bound in the same direction${converted}`,
      ia,
      ib,
    )
  // "Fines of up to 1,000 euros" against "up to 500 euros", "waits of up to 19 hours" against "up to 14":
  // each says the most there is, and the two mosts differ. Strict caps ("fewer than 50", "under 80") only
  // bound, and leave values in common.
  if (bounds === 2 && sa === "upper-bound" && sb === "upper-bound" && !isStrict(a) && !isStrict(b)) {
    const gap = Math.abs(a.high - b.high) / Math.max(Math.abs(a.high), Math.abs(b.high), Number.MIN_VALUE)
    if (gap > ABOUT)
      return result(
        "contradict",
        "maxima-apart",
        `"${a.text}" and "${b.text}" each give the most there is, and the two differ by ${Math.round(100 * gap)}%${converted}`,
        ia,
        ib,
      )
  }
  if (bounds === 2)
    return result(
      "compatible",
      "bounds-overlap",
      `${showInterval(ia)} and ${showInterval(ib)} are both bounds and leave values in common${converted}`,
      ia,
      ib,
    )
  if (bounds === 1) {
    const [bound, value, shape] = sa === "value" || sa === "range" ? [b, ia, sa] : [a, ib, sb]
    const far = beyond(bound, value, shape === "value")
    // "about 84,000" against "more than 90,000": what "about" allows reaches the bound, but the figure
    // itself lies on the wrong side of it, further than its own rounding, so the two disagree.
    const short = -far * Math.abs(edgeOf(bound))
    const mid = (value.low + value.high) / 2
    // Money at reference rates may stand off by what the rate of the day could move it.
    const allowed = Math.max(roundingTolerance(mid), reference ? tolerance * Math.abs(mid) : 0)
    if (shape === "value" && far < 0 && short > allowed)
      return result(
        "contradict",
        "bound-violated",
        `"${(bound === a ? b : a).text}" itself lies ${Math.round(-100 * far)}% on the wrong side of the bound "${bound.text}", beyond its own rounding${converted}`,
        ia,
        ib,
      )
    if (shape === "value" && isTopEstimate(bound) && far > TOP_ESTIMATE_REACH)
      return result(
        "contradict",
        "estimates-apart",
        `"${bound.text}" is a high estimate, and "${(bound === a ? b : a).text}" is less than ${Math.round(100 * (1 - TOP_ESTIMATE_REACH))}% of it: two estimates of one figure that are far apart, not one at two precisions${converted}`,
        ia,
        ib,
      )
    return far <= NEAR_BOUND
      ? result(
          "agree",
          "bound-near",
          `${showInterval(value)} is within the bound "${bound.text}" and close to it (${Math.round(100 * far)}% beyond its figure), as such a bound is used${converted}`,
          ia,
          ib,
        )
      : result(
          "compatible",
          "bound-satisfied",
          `${showInterval(value)} is within the bound "${bound.text}" but ${Math.round(100 * far)}% beyond its figure: consistent, at different precision${converted}`,
          ia,
          ib,
        )
  }
  // Two single figures whose allowances meet only at their far ends ("about 600" and "nearly 700"): what
  // each allows takes in neither figure itself, so they are two figures, not one at two precisions.
  const holds = (i: Interval, q: Quantity.Quantity) => meets(i, { low: q.low, high: q.high }, true)
  if (sa === "value" && sb === "value" && !holds(ia, b) && !holds(ib, a))
    return result(
      "contradict",
      "approximations-apart",
      `"${a.text}" and "${b.text}" overlap only at the far ends of what each allows (${showInterval(ia)}, ${showInterval(ib)}); neither figure lies within what the other allows${converted}`,
      ia,
      ib,
    )
  if (sa !== sb)
    return result(
      "compatible",
      "range-vs-value",
      `${showInterval(ia)} and ${showInterval(ib)} overlap, one as a range and one as a figure: consistent at different precision${converted}`,
      ia,
      ib,
    )
  return result(
    "agree",
    "intervals-overlap",
    `${showInterval(ia)} and ${showInterval(ib)} overlap once ranges, approximations and rounding are allowed for${converted}`,
    ia,
    ib,
  )
}
