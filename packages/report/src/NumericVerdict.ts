/**
 * Verdicts on groups of numeric claims: each quantity becomes an interval (ranges, approximations
 * and rounding allowed for) and pairs from independent sources are compared at the same time only.
 */
import type { AlignedGroup, Quantity } from "@crosscheck/domain"
import conversions from "./conversions.json" with { type: "json" }
import {
  type Context,
  crossPairs,
  describeQuantity,
  describeTime,
  describeVoice,
  formatNumber,
  type Judged,
  outletOf,
} from "./internal/context.js"
import * as Stance from "./internal/stance.js"
import * as TimeScope from "./internal/timeScope.js"

/** Most a written figure may have been rounded by, relative: "3,000" may stand for 2,950. */
export const ROUNDING = 0.05
/** How far "about", "nearly", "some" reach either side of the figure. */
export const ABOUT = 0.1
/** A vague magnitude reaches an order of magnitude up: "thousands of troops" for 11,000 is loose, not wrong. */
export const VAGUE_STRETCH = 10

export interface Interval {
  readonly low: number
  readonly high: number
}

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

/** The values a quantity allows, before any vague stretching. */
export const interval = (q: Quantity.Quantity): Interval => {
  const below = (v: number) => Math.max(roundingTolerance(v), q.approximate === "about" ? ABOUT * Math.abs(v) : 0)
  switch (q.approximate) {
    case "vague":
      return { low: q.low, high: q.high }
    case "at-least":
      return { low: q.low - roundingTolerance(q.low), high: Number.POSITIVE_INFINITY }
    case "at-most":
      return { low: Number.NEGATIVE_INFINITY, high: q.high + roundingTolerance(q.high) }
    default:
      return { low: q.low - below(q.low), high: q.high + below(q.high) }
  }
}

const overlaps = (a: Interval, b: Interval): boolean => a.low <= b.high && b.low <= a.high

const showInterval = (i: Interval): string =>
  i.low === i.high ? formatNumber(i.low) : `${formatNumber(i.low)}…${formatNumber(i.high)}`

/** A single figure (possibly approximate or bounded), a range, or a vague magnitude. */
const precision = (q: Quantity.Quantity): "magnitude" | "range" | "value" =>
  q.approximate === "vague" ? "magnitude" : q.low !== q.high ? "range" : "value"

interface Conversion {
  readonly dimension: string
  readonly factor: number
}
const CONVERSIONS: Readonly<Record<string, Conversion>> = conversions

/** The factor that brings b's unit to a's, or null when the units cannot be compared. */
export const conversionFactor = (from: string | null, to: string | null): number | null => {
  if (from === to) return 1
  const f = from ? CONVERSIONS[from] : undefined
  const t = to ? CONVERSIONS[to] : undefined
  if (!f || !t || f.dimension !== t.dimension) return null
  return f.factor / t.factor
}

const scale = (q: Quantity.Quantity, factor: number): Quantity.Quantity =>
  factor === 1 ? q : { ...q, low: q.low * factor, high: q.high * factor, unit: null }

export interface Comparison {
  readonly relation: "agree" | "compatible" | "contradict" | "incomparable"
  readonly rule: string
  readonly why: string
}

/** Two quantities about the same thing at the same time: do their values fit together? */
export const compare = (a: Quantity.Quantity, b0: Quantity.Quantity): Comparison => {
  const factor = conversionFactor(b0.unit, a.unit)
  if (factor === null)
    return {
      relation: "incomparable",
      rule: "units",
      why: `"${a.text}" is in ${a.unit ?? "no unit"} and "${b0.text}" in ${b0.unit ?? "no unit"}, which do not convert`,
    }
  if (a.per !== b0.per && a.per !== null && b0.per !== null)
    return { relation: "incomparable", rule: "units", why: `one is per ${a.per}, the other per ${b0.per}` }
  const b = scale(b0, factor)
  const converted = factor === 1 ? "" : ` (${b0.unit} converted to ${a.unit}, allowing ${ROUNDING * 100}% for rounding)`
  const slack = (i: Interval): Interval =>
    factor === 1 ? i : { low: i.low - ROUNDING * Math.abs(i.low), high: i.high + ROUNDING * Math.abs(i.high) }
  const pa = precision(a)
  const pb = precision(b)
  if (pa === "magnitude" && pb === "magnitude") {
    if (overlaps(interval(a), interval(b)))
      return { relation: "agree", rule: "same-magnitude", why: `both give the same order of magnitude${converted}` }
    const ratio = Math.max(a.low, b.low) / Math.max(Math.min(a.high, b.high), Number.MIN_VALUE)
    return ratio > VAGUE_STRETCH
      ? {
          relation: "contradict",
          rule: "magnitudes-apart",
          why: `"${a.text}" and "${b.text}" are more than ${VAGUE_STRETCH}× apart${converted}`,
        }
      : {
          relation: "compatible",
          rule: "vague-magnitudes",
          why: `"${a.text}" and "${b.text}" are loose magnitudes close enough to describe one figure${converted}`,
        }
  }
  if (pa === "magnitude" || pb === "magnitude") {
    const [vague, precise] = pa === "magnitude" ? [a, b] : [b, a]
    const reach: Interval = { low: vague.low / 2, high: vague.high * VAGUE_STRETCH }
    const p = slack(interval(precise))
    if (overlaps(reach, p))
      return {
        relation: "compatible",
        rule: "vague-vs-precise",
        why: `the vague "${vague.text}" (read as ${showInterval(reach)}) takes in the precise ${showInterval(p)}: the same figure at lower precision${converted}`,
      }
    return {
      relation: "contradict",
      rule: "vague-vs-precise",
      why: `the precise ${showInterval(p)} lies outside anything "${vague.text}" can mean (${showInterval(reach)})${converted}`,
    }
  }
  const ia = slack(interval(a))
  const ib = slack(interval(b))
  if (!overlaps(ia, ib))
    return {
      relation: "contradict",
      rule: "intervals-apart",
      why: `${showInterval(ia)} and ${showInterval(ib)} do not overlap, even allowing for ranges, approximations and up to ${ROUNDING * 100}% rounding${converted}`,
    }
  if (pa !== pb)
    return {
      relation: "compatible",
      rule: "range-vs-value",
      why: `${showInterval(ia)} and ${showInterval(ib)} overlap, one as a range or bound and one as a figure: consistent at different precision${converted}`,
    }
  return {
    relation: "agree",
    rule: "intervals-overlap",
    why: `${showInterval(ia)} and ${showInterval(ib)} overlap once ranges, approximations and rounding are allowed for${converted}`,
  }
}

const members = (group: AlignedGroup.AlignedGroup) => group.members.filter((m) => m.quantity !== null)

/** The verdict on a numeric group from at least two independent sources; null when no values compare. */
export const judge = (group: AlignedGroup.AlignedGroup, ctx: Context): Judged | null => {
  const challenge = Stance.challenge(ctx, group.members)
  if (challenge) return challenge
  const found: Array<Comparison & { readonly pair: string }> = []
  const apart: string[] = []
  let unitsApart = false
  for (const [a, b] of crossPairs(ctx, members(group))) {
    if (!a.quantity || !b.quantity) continue
    const pair = `${outletOf(ctx, a.claim)} ${describeQuantity(a.quantity)} against ${outletOf(ctx, b.claim)} ${describeQuantity(b.quantity)}`
    const c = compare(a.quantity, b.quantity)
    if (c.relation === "incomparable") {
      apart.push(`${pair}: ${c.why}`)
      unitsApart = true
      continue
    }
    const time = TimeScope.relate(a.claim, b.claim, ctx.documents)
    if (c.relation === "contradict" && time !== "same") {
      apart.push(
        `${pair}: the values differ, but ${time === "different" ? "they are for different times" : "they may be for different times"} (${describeTime(a.claim)}; ${describeTime(b.claim)})`,
      )
      continue
    }
    found.push({ ...c, pair })
  }
  const first = (relation: Comparison["relation"]) => found.find((c) => c.relation === relation)
  const decided = first("contradict") ?? first("compatible") ?? first("agree")
  const hedged = crossPairs(ctx, members(group)).find(
    ([a, b]) => a.claim.attribution.hedged !== b.claim.attribution.hedged,
  )
  if (decided?.relation === "agree" && hedged) {
    const [firm, soft] = hedged[0].claim.attribution.hedged ? [hedged[1], hedged[0]] : [hedged[0], hedged[1]]
    return {
      verdict: "agree",
      rule: `${decided.rule}-one-hedged`,
      why: `${decided.pair}: ${decided.why}; ${outletOf(ctx, soft.claim)} hedges it (${describeVoice(soft.claim)}) where ${outletOf(ctx, firm.claim)} states it firmly.`,
    }
  }
  if (decided) {
    const verdict = decided.relation as Judged["verdict"]
    const others = apart.length > 0 ? ` Not compared: ${apart.join("; ")}.` : ""
    return { verdict, rule: decided.rule, why: `${decided.pair}: ${decided.why}.${others}` }
  }
  // Values in units that do not convert (euros and dollars) say nothing about each other: no verdict.
  if (unitsApart && !apart.some((a) => a.includes("times"))) return null
  return {
    verdict: "compatible",
    rule: "different-times",
    why: `the values differ, but not at one time, so nothing here contradicts: ${apart.join("; ")}.`,
  }
}
