/**
 * The one judgement of two aligned claims, used by `run` (over every pair of a group) and `verify`
 * (claim against source) alike: the same pair gets the same verdict, rule and explanation everywhere.
 */
import { type AlignedGroup, Claim, MeasureClass, Quantity } from "@crosscheck/domain"
import * as Comparison from "./Comparison.js"
import {
  type Context,
  canonicalOutletOf,
  clip,
  describeQuantity,
  describeVoice,
  formatNumber,
  outletOf,
} from "./internal/context.js"
import * as Holders from "./internal/holders.js"
import { alternation } from "./internal/phrases.js"
import * as TimeScope from "./internal/timeScope.js"
import type { RuleName } from "./Rules.js"
import readings from "./readings.json" with { type: "json" }

/** The verdicts a pair can get (single-source is a property of a group, not of a pair). */
export type Verdict = "agree" | "contradict" | "disputed" | "compatible" | "changed"

export interface PairVerdict {
  /** null: the two say nothing about each other (units that do not convert, different measures). */
  readonly verdict: Verdict | null
  readonly rule: RuleName
  /** The pair's values, voices and the rule's reasoning, in one sentence a reader can check. */
  readonly why: string
  /** Every value b allows is one a allows (b states a at least as precisely); for verify's direction of support. */
  readonly bWithinA: boolean
}

export const isChallenged = (claim: Claim.Claim): boolean => claim.attribution.stance !== "asserts"

/** Names the independent source behind a claim: its outlet, or every copy of its story within a group. */
export type Label = (claim: Claim.Claim) => string

/** `The Conversation "11,000" = 11,000 (exact), the outlet's own voice`: whose claim, and which value. */
const side = (label: Label, m: AlignedGroup.Member): string =>
  `${label(m.claim)} ${m.quantity ? describeQuantity(m.quantity) : `"${clip(m.claim.text, 160)}" (${m.claim.polarity})`} (${describeVoice(m.claim)})`

const verdict = (
  v: Verdict | null,
  rule: RuleName,
  why: string,
  bWithinA = v === "agree" || v === "disputed",
): PairVerdict => ({ verdict: v, rule, why, bWithinA })

/** A claim asserted against its attributed denial: disputed, whichever side is which. */
const challenge = (label: Label, a: AlignedGroup.Member, b: AlignedGroup.Member): PairVerdict | null => {
  const [asserted, challenged] =
    isChallenged(b.claim) && !isChallenged(a.claim)
      ? [a, b]
      : isChallenged(a.claim) && !isChallenged(b.claim)
        ? [b, a]
        : [null, null]
  // "did not remove" and "denied removing" say the same thing; but "were never counted" and "rejected
  // claims that they had not been counted" are at odds: a denial of the same negative is a dispute.
  if (!asserted || !challenged) return null
  if (asserted.claim.polarity === "negative" && challenged.claim.polarity !== "negative") return null
  const c = challenged.claim.attribution
  const party = c.source?.text ?? "a party"
  const content = c.content?.text ?? challenged.claim.text
  return verdict(
    "disputed",
    "stance-challenge",
    `${label(asserted.claim)} states "${clip(asserted.claim.text, 160)}" (${describeVoice(asserted.claim)}); ` +
      `${label(challenged.claim)} reports ${party} ${c.stance === "denies" ? "denying it" : "calling it false"}: "${clip(content, 160)}" (${describeVoice(challenged.claim)})`,
  )
}

const statement = (ctx: Context, label: Label, a: AlignedGroup.Member, b: AlignedGroup.Member): PairVerdict => {
  const pair = `${side(label, a)} against ${side(label, b)}`
  // Past the dispute rule, a denial stands against another denial or a "did not": both say it did not happen.
  if (isChallenged(a.claim) || isChallenged(b.claim))
    return verdict(
      "agree",
      "same-challenge",
      `${pair}: ${isChallenged(a.claim) && isChallenged(b.claim) ? "both report the same denial" : "one reports a denial, the other says it did not happen"}`,
    )
  if (a.claim.polarity === b.claim.polarity)
    return verdict("agree", "same-polarity", `${pair}: the same action with the same polarity`)
  const time = TimeScope.relate(a.claim, b.claim, ctx.documents)
  // "The campaigners said the council planned to sell the building" against "She said there were no plans to
  // sell it": two parties at odds, each reported as saying it, is a dispute the sources agree in reporting.
  const parties = time.relation === "same" ? partiesAtOdds(a, b) : null
  if (parties)
    return verdict(
      "disputed",
      "parties-at-odds",
      `${pair}: the same action with opposite polarity, but ${parties}: the parties dispute it, and neither source is shown wrong`,
    )
  return time.relation === "same"
    ? verdict(
        "contradict",
        "opposite-polarity",
        `${pair}: the same action with opposite polarity at the same time (${time.why})`,
      )
    : verdict(
        "compatible",
        "polarity-at-different-times",
        `${pair}: opposite polarity, but not at one time (${time.why}), so not a contradiction`,
      )
}

/** The words of a speaker's description that can name a party ("the city council": city, council). */
const partyWords = (m: AlignedGroup.Member): ReadonlyArray<string> =>
  (m.claim.attribution.source?.text.toLowerCase().match(/[\p{L}][\p{L}'’-]{2,}/gu) ?? []).filter(
    (w) => w !== "the" && w !== "and",
  )

/**
 * Why two statements of opposite polarity are two parties' accounts (rule parties-at-odds), or null: both are
 * reported as speakers' and the speakers share no word of their descriptions, so neither could be the other
 * ("Campaigners" and "Councillor Imelda Garvan"; not "the council" and "Corrow City Council", whose opposite
 * accounts are the sources at odds over what it said). An outlet's own statement against a speaker's
 * negation stays a contradiction, as verify reads it (negated-by-source).
 */
const partiesAtOdds = (a: AlignedGroup.Member, b: AlignedGroup.Member): string | null => {
  const [sa, sb] = [a.claim.attribution.source, b.claim.attribution.source]
  if (!sa || !sb) return null
  const [wa, wb] = [partyWords(a), partyWords(b)]
  if (wa.length === 0 || wb.length === 0 || wa.some((w) => wb.includes(w))) return null
  return `${sa.text} and ${sb.text} are two parties`
}

/** "about 1,700 of them": words after a figure that count it out of a group before it (readings.json `partitives`). */
const PARTITIVE = new RegExp(`^\\s+(?:${alternation(readings.partitives)})\\b`, "i")

/**
 * The figure that parts a claim gives add up to, with `q` among them: "12 soldiers and 8 civilians were
 * killed" gives 20, and a figure with what was added to it ("at least 15 in the north and another 5 in the
 * south") at least 20. The parts are the claim's quantities in q's unit and measure; null without two.
 */
export const partsTotal = (
  claim: Pick<Claim.Claim, "quantities" | "text" | "span">,
  q: Quantity.Quantity,
): Quantity.Quantity | null => {
  // A figure counted out of a group before it is a part of that group, not another addend.
  const outOf = (p: Quantity.Quantity) =>
    PARTITIVE.test(claim.text.slice(p.span.end - claim.span.start, p.span.end - claim.span.start + 16))
  const same = claim.quantities.filter(
    (p) =>
      !outOf(p) &&
      p.unit === q.unit &&
      p.per === q.per &&
      (p.approximate === "exact" || p.approximate === "about" || p.approximate === "at-least") &&
      partsOfOne(p, q),
  )
  const single = listedSingle(claim, q)
  if (same.length + (single ? 1 : 0) < 2 || !same.includes(q)) return null
  // Parts are parts of one thing: "900 schools ... and 28,000 teachers" add up to nothing.
  if (same.some((p, i) => same.slice(i + 1).some((o) => !partsOfOne(p, o)))) return null
  // One scope throughout, or one total and what was added to it ("another 5").
  const scopes = same.map((p) => Quantity.measureOf(p).scope)
  if (new Set(scopes).size > 1 && scopes.filter((s) => s === "total").length > 1) return null
  const sum = same.reduce((n, p) => n + p.low, single ? 1 : 0)
  const approximate = same.some((p) => p.approximate === "at-least")
    ? "at-least"
    : same.some((p) => p.approximate === "about")
      ? "about"
      : "exact"
  const text = [...same.map((p) => p.text), ...(single ? [single] : [])].join(" + ")
  return { ...q, text, low: sum, high: sum, approximate }
}

/**
 * "two trains and a freight train": one more of what the figure counts, listed right after it with "a"
 * or "an", is an addend of 1 (its words, for the explanation); null when none is listed.
 */
const listedSingle = (claim: Pick<Claim.Claim, "text" | "span">, q: Quantity.Quantity): string | null => {
  const head = MeasureClass.countedHead(q.counted)?.toLowerCase()
  if (!head) return null
  const after = claim.text.slice(q.span.end - claim.span.start, q.span.end - claim.span.start + 60)
  const m = LISTED_SINGLE.exec(after)
  if (!m?.[1] || !m[2]) return null
  // The same head within the few words after the article: "a freight train" ("one" is a figure of its own).
  const words = m[2].split(/\s+/)
  const at = words.findIndex((w) => w.toLowerCase() === head)
  return at < 0 ? null : `${m[1]} ${words.slice(0, at + 1).join(" ")}`
}
/** After the figure's counted words: "and" with "a" or "an", then up to three words. */
const LISTED_SINGLE = /^\s+[\p{L}-]+(?:\s+[\p{L}-]+){0,2}?\s+and\s+(a|an)\s+((?:[\p{L}-]+)(?:\s+[\p{L}-]+){0,2})/iu

/**
 * Two figures of one sentence that can be parts of one total: nothing shows them to be different things,
 * and a figure the catalogue reads (96 killed) is summed only with one that is read the same or names no
 * counted thing of its own ("another 12 in the south"), never with "14 coaches" of the same sentence.
 */
const partsOfOne = (p: Quantity.Quantity, q: Quantity.Quantity): boolean => {
  if (differentThings(p, q) !== null) return false
  const known = [p, q].filter((x) => MeasureClass.isKnown(Quantity.measureOf(x).class))
  if (known.length !== 1) return true
  const other = known[0] === p ? q : p
  const head = MeasureClass.countedHead(other.counted)
  return head === null || MeasureClass.isGenericCounted(head)
}

/** Figures the text gives as parts of the other figure, which they add up to; a bound states only the same bound. */
const partsSum = (parts: AlignedGroup.Member, total: AlignedGroup.Member): string | null => {
  const q = parts.quantity
  const t = total.quantity
  if (!q || !t || t.approximate === "vague") return null
  const sum = partsTotal(parts.claim, q)
  if (!sum) return null
  const added = `${sum.text
    .split(" + ")
    .map((p) => `"${p}"`)
    .join(" + ")} = ${sum.approximate === "at-least" ? "at least " : ""}${formatNumber(sum.low)}`
  // The sum is judged as any figure is: it must agree with the total, not merely fit under its bound
  // ("more than 1,100" says nothing of a sum of 30,000).
  return Comparison.compare(sum, t).relation === "agree" ? `${added}, which is "${t.text}"` : null
}

/** What the two figures measure, when that alone decides (a part against its whole, a new round against a total). */
const byMeasure = (
  ctx: Context,
  a: AlignedGroup.Member & { readonly quantity: Quantity.Quantity },
  b: AlignedGroup.Member & { readonly quantity: Quantity.Quantity },
  pair: string,
): PairVerdict | null => {
  const ma = Quantity.measureOf(a.quantity)
  const mb = Quantity.measureOf(b.quantity)
  // "will employ 120 people" and "will create 60 jobs" measure one thing (measure-classes.json forecastOf).
  if (
    ma.class !== "unknown" &&
    mb.class !== "unknown" &&
    ma.class !== mb.class &&
    MeasureClass.relateMeasures(ma, mb) !== "same"
  ) {
    const [whole, part] = ctx.nests(ma.class, mb.class) ? [a, b] : ctx.nests(mb.class, ma.class) ? [b, a] : [null, null]
    if (!whole || !part)
      return verdict(null, "different-measures", `${pair}: ${ma.class} and ${mb.class} are different things`)
    const wholeClass = Quantity.measureOf(whole.quantity).class
    const partClass = Quantity.measureOf(part.quantity).class
    const time = TimeScope.relate(a.claim, b.claim, ctx.documents)
    const exceeds =
      Comparison.interval(part.quantity).low > Comparison.interval(whole.quantity).high &&
      part.quantity.approximate !== "vague" &&
      whole.quantity.approximate !== "vague" &&
      part.quantity.unit === whole.quantity.unit
    if (exceeds && time.relation === "same")
      return verdict(
        "contradict",
        "part-exceeds-whole",
        `${pair}: ${partClass} are part of ${wholeClass}, yet "${part.quantity.text}" is more than "${whole.quantity.text}" at the same time (${time.why})`,
      )
    return verdict(
      "compatible",
      "part-vs-whole",
      `${pair}: ${partClass} are part of ${wholeClass}, so "${part.quantity.text}" can be within "${whole.quantity.text}"`,
      false,
    )
  }
  if (ma.scope !== mb.scope) {
    const increment = ma.scope === "increment" ? a : b
    return verdict(
      "compatible",
      "increment-vs-total",
      `${pair}: "${increment.quantity.text}" is added to an earlier figure, the other is a total`,
      false,
    )
  }
  // "a 1-euro deposit" says what its noun is, with no tense of its own (as alignment reads it).
  const tenseless = Quantity.namesItsNoun(a.quantity) || Quantity.namesItsNoun(b.quantity)
  if (ma.modality !== mb.modality && !tenseless) {
    const hoped = ma.modality !== "fact" ? a : b
    return verdict(
      "compatible",
      "forecast-vs-fact",
      `${pair}: "${hoped.quantity.text}" is a ${Quantity.measureOf(hoped.quantity).modality}, the other a fact`,
      false,
    )
  }
  return null
}

/**
 * Why two differing values are not shown to measure one thing, or null when they are: the same measure
 * class, the same (not generic) counted word, or the same unit with no counted word against another.
 */
const unnamedMeasure = (qa: Quantity.Quantity, qb: Quantity.Quantity): string | null => {
  const ca = Quantity.measureOf(qa).class
  const cb = Quantity.measureOf(qb).class
  if (ca !== "unknown" && ca === cb) return null
  const ha = MeasureClass.countedHead(qa.counted)
  const hb = MeasureClass.countedHead(qb.counted)
  if (ha && hb && ha === hb && !MeasureClass.isGenericCounted(ha)) return null
  // Money and percentages: a story holds many, so the unit alone does not make two figures one.
  if (qa.unit && qa.unit === qb.unit && !(ha && hb && ha !== hb) && !Holders.isBareUnit(qa.unit)) return null
  // A rate with one denominator where only one side names what it counts: "15,000 shells a day", "15,000 a day".
  if (qa.per && qa.per === qb.per && (ha === null || hb === null)) return null
  if (
    qa.unit &&
    qb.unit &&
    qa.unit !== qb.unit &&
    !Holders.isBareUnit(qa.unit) &&
    Comparison.compare(qa, qb).relation !== "incomparable"
  )
    return null
  return `neither the measure nor what is counted is the same on both sides ("${qa.text}"${ha ? ` ${ha}` : ""} against "${qb.text}"${hb ? ` ${hb}` : ""})`
}

/** The text of a member's claim before its quantity ("the two died": "… the "), or "" when it cannot be placed. */
export const textBefore = (m: AlignedGroup.Member & { readonly quantity: Quantity.Quantity }): string => {
  const at = m.quantity.span.start - m.claim.span.start
  return at > 0 && at <= m.claim.text.length ? m.claim.text.slice(0, at) : ""
}

/** The text of a member's claim after its quantity, or "" when it cannot be placed. */
const textAfter = (m: AlignedGroup.Member & { readonly quantity: Quantity.Quantity }): string => {
  const at = m.quantity.span.end - m.claim.span.start
  return at >= 0 && at <= m.claim.text.length ? m.claim.text.slice(at) : ""
}

/**
 * Two differing figures that are not rival counts of one total: what is left after earlier figures,
 * a pointer back to a named group, a length with no reference point, a place's or a group's part.
 */
const notOneTotal = (
  ctx: Context,
  a: AlignedGroup.Member,
  b: AlignedGroup.Member,
  pair: string,
): PairVerdict | null => {
  const qa = a.quantity
  const qb = b.quantity
  if (!qa || !qb) return null
  // "17 other people" names it in what is counted, "the remaining four" in the word before the figure.
  const [beforeA, beforeB] = [textBefore({ ...a, quantity: qa }), textBefore({ ...b, quantity: qb })]
  const left = Holders.isRemainder(qa, beforeA)
    ? { q: qa, before: beforeA }
    : Holders.isRemainder(qb, beforeB)
      ? { q: qb, before: beforeB }
      : null
  if (left)
    return verdict(
      null,
      "remainder",
      `${pair}: "${Holders.isRemainder(left.q) ? `${left.q.text} ${left.q.counted}` : `${left.before.match(/\S+\s*$/)?.[0] ?? ""}${left.q.text}`}" counts what is left after figures its own article gave, so it is not set against another figure`,
    )
  const placed = [
    { ...a, quantity: qa },
    { ...b, quantity: qb },
  ]
  const whole = placed.find((m) => Holders.isWiderWhole(m.quantity, textBefore(m)))
  if (whole) {
    const words =
      textBefore(whole)
        .match(/\S+\s+\S+\s+\S+\s*$/)?.[0]
        ?.trim() ?? ""
    return verdict(
      "compatible",
      "part-of-wider-count",
      `${pair}: "${whole.quantity.text}" is a whole its sentence's subject is only part of ("${words}"), not a rival of a figure for that part`,
      false,
    )
  }
  // "6.2 million passengers across its network" against "148,000 passengers" on one route: the whole, not a rival.
  const scopes = placed.map((m) => Holders.widerScope(textBefore(m), textAfter(m)))
  const widerAt = scopes[0] !== null && scopes[1] === null ? 0 : scopes[1] !== null && scopes[0] === null ? 1 : -1
  const wider = placed[widerAt]
  if (wider)
    return verdict(
      "compatible",
      "part-of-wider-count",
      `${pair}: "${wider.quantity.text}" is counted across a wider whole ("${scopes[widerAt]}"), which the other figure's clause does not say of its own, so it is not a rival of a figure for a part`,
      false,
    )
  const back = placed.find((m) => Holders.isBackReference(m.quantity, textBefore(m)))
  if (back)
    return verdict(
      null,
      "back-reference",
      `${pair}: "${back.quantity.text}" points back to a group its article named, it is not a count of its own`,
    )
  const loose = Holders.oneMotion(qa, qb)
    ? null
    : Holders.isLooseLength(qa)
      ? qa
      : Holders.isLooseLength(qb)
        ? qb
        : null
  if (loose)
    return verdict(
      null,
      "length-without-reference",
      `${pair}: "${loose.text}" says neither what it is measured from nor that it is a depth, and lengths from different points are not one measurement`,
    )
  const located = {
    a: Holders.locatedThing(a.claim.subject, textBefore({ ...a, quantity: qa })),
    b: Holders.locatedThing(b.claim.subject, textBefore({ ...b, quantity: qb })),
  }
  if (Holders.locateDifferentThings(qa, qb, located))
    return verdict(
      null,
      "distances-of-different-things",
      located.a && located.b
        ? `${pair}: both are measured from one point, but they place different things ("${located.a}" and "${located.b}")`
        : `${pair}: both are measured from one point, but nothing shows they locate one thing (the verbs are "${Quantity.measureOf(qa).predicate ?? "none"}" and "${Quantity.measureOf(qb).predicate ?? "none"}")`,
    )
  const part = Holders.partOfOther(
    qa,
    qb,
    { a: a.claim.text, b: b.claim.text },
    { a: textAfter({ ...a, quantity: qa }), b: textAfter({ ...b, quantity: qb }) },
    { a: leadOf(ctx, a.claim), b: leadOf(ctx, b.claim) },
  )
  if (part === null) return null
  const pa = Holders.placeOf(qa)
  const pb = Holders.placeOf(qb)
  const both = pa !== null && pb !== null && !Holders.samePlace(pa, pb)
  return both
    ? verdict(null, "different-places", `${pair}: ${part}, so they are not one figure`)
    : verdict("compatible", "part-of-wider-count", `${pair}: ${part}`, false)
}

/**
 * Why two figures are about different things, or null when nothing shows it: measure classes that are
 * apart (deaths, arrests), or counts of different counted words where neither is generic ("22 men", "4
 * states"). A figure with a unit names no counted thing: the word after it is often something else
 * ("a tip of $2,084 Thursday").
 */
export const differentThings = (qa: Quantity.Quantity, qb: Quantity.Quantity): string | null => {
  const [ma, mb] = [Quantity.measureOf(qa), Quantity.measureOf(qb)]
  const [ca, cb] = [ma.class, mb.class]
  if (MeasureClass.relateMeasures(ma, mb) === "apart") return `${ca} and ${cb} are different things`
  const ha = MeasureClass.countedHead(qa.counted)
  const hb = MeasureClass.countedHead(qb.counted)
  const counts = qa.unit === null && qb.unit === null
  if (counts && ha && hb && ha !== hb && !MeasureClass.isGenericFor(ca, ha) && !MeasureClass.isGenericFor(cb, hb))
    return `"${qa.text}" counts ${ha}, "${qb.text}" ${hb}`
  return null
}

/** Whether both figures forecast when a piece of work is done (the extractor's class `completion`). */
const completions = (qa: Quantity.Quantity, qb: Quantity.Quantity): boolean =>
  Quantity.measureOf(qa).class === MeasureClass.COMPLETION && Quantity.measureOf(qb).class === MeasureClass.COMPLETION

/** Two running totals of counts a report gives as they stand when written (tolls): see TimeScope's `tally`. */
export const tallies = (qa: Quantity.Quantity, qb: Quantity.Quantity): boolean =>
  [qa, qb].every((q) => {
    const m = Quantity.measureOf(q)
    return MeasureClass.isTally(m.class) && m.scope === "total"
  })

/** The classes are one, or one side names none: nothing says the two measure different things. */
const sameClass = (qa: Quantity.Quantity, qb: Quantity.Quantity): boolean =>
  MeasureClass.relateMeasures(Quantity.measureOf(qa), Quantity.measureOf(qb)) !== "apart"

const MOVING = new RegExp(`\\b(?:${alternation(readings.moving)})\\b`, "gi")
/** The words of a claim saying its count is still moving or was an earlier level (readings.json `moving`). */
export const movingWords = (claim: Claim.Claim): ReadonlyArray<string> => claim.text.match(MOVING) ?? []
const movingCount = (claim: Claim.Claim): boolean => movingWords(claim).length > 0

/**
 * Words of `moving` that bring a count to a level ("rose to", "climbed to"), right before the figure or with
 * up to four words between the verb and "to" ("was widened on Monday evening to cover 2,100 hectares").
 */
const MOVED_TO = new RegExp(
  `\\b(?:${alternation(readings.moving.filter((w) => /\sto$/.test(w)).map((w) => w.replace(/\s+to$/, "")))})(?:\\s+[^\\s,;:.!?]+){0,4}?\\s+to(?:\\s+(?:${alternation(readings.extentVerbs)}))?\\s+$`,
  "i",
)

/** The words that bring a figure's count to it ("the number of closed beaches rose to seven": "rose to"), or null. */
const movedTo = (m: AlignedGroup.Member): string | null =>
  m.quantity === null ? null : (MOVED_TO.exec(textBefore({ ...m, quantity: m.quantity }))?.[0].trim() ?? null)

/** A figure written as the level a count reached ("rose to 11", "risen to 11"): "to" just before it. */
const reachedLevel = (claim: Claim.Claim, q: Quantity.Quantity): boolean => {
  const at = q.span.start - claim.span.start
  return at > 0 && at <= claim.text.length && /\bto\s+$/i.test(claim.text.slice(0, at))
}

/**
 * The total a sentence gives for its own new round ("another 200 jobs, bringing the total to 840"): a
 * figure of the same claim, after the round (or before it, written as the level reached: "the toll rose to
 * 11 after five more bodies were found"), in its unit and rate, counting the same thing; null without one.
 */
export const totalAfter = (claim: Claim.Claim, round: Quantity.Quantity): Quantity.Quantity | null =>
  Quantity.measureOf(round).scope !== "increment"
    ? null
    : (claim.quantities.find(
        (t) =>
          t !== round &&
          (t.span.start > round.span.start || reachedLevel(claim, t)) &&
          Quantity.measureOf(t).scope === "total" &&
          Quantity.measureOf(t).modality === Quantity.measureOf(round).modality &&
          t.unit === round.unit &&
          t.per === round.per &&
          t.approximate !== "vague" &&
          // "three more deaths: two in Castilla and one in Andalusia": a total is at least its round, and
          // a place's figure beside a round that names none is a part of it.
          t.high >= round.low &&
          !(Holders.placeOf(t) !== null && Holders.placeOf(round) === null) &&
          differentThings(t, round) === null &&
          !countsOtherThing(t, round),
      ) ?? null)

/**
 * A total that names a thing of its own which its round does not count ("cut off 4,200 people in nine
 * villages": "nine" counts villages): not the total the round brings (rule total-after-round), unless both
 * are read as one measure class. A total naming nothing, or a generic word ("the toll", "the number"), may be.
 */
const countsOtherThing = (total: Quantity.Quantity, round: Quantity.Quantity): boolean => {
  const ht = MeasureClass.countedHead(total.counted)
  if (ht === null || MeasureClass.isGenericCounted(ht)) return false
  if (ht === MeasureClass.countedHead(round.counted)) return false
  return MeasureClass.relate(Quantity.measureOf(total).class, Quantity.measureOf(round).class) !== "same"
}

/**
 * The total a member's figure stands at: its own figure, or for a new round the total its sentence brings
 * ("another 5 bodies, bringing the toll to 11": 11), read as what the round counts when it names nothing
 * ("bringing the number closed to 115" after "another 40 filling stations"); null for a round without one.
 */
export const standing = (m: AlignedGroup.Member): Quantity.Quantity | null => {
  if (!m.quantity) return null
  if (Quantity.measureOf(m.quantity).scope !== "increment") return m.quantity
  const total = totalAfter(m.claim, m.quantity)
  if (!total) return null
  const counted = total.counted ?? m.quantity.counted
  const measure = Quantity.measureOf(total).class === "unknown" ? m.quantity.measure : total.measure
  return { ...total, counted, ...(measure ? { measure: { ...measure, scope: "total" as const } } : {}) }
}

/**
 * A new round set against a total, when the round's own sentence gives the total it brings: the two totals
 * are compared (rule total-after-round), as a reader does ("another 200, bringing the total to 840" and
 * "840 jobs" agree), and the explanation says which figure stood in.
 */
const byTotalAfter = (
  ctx: Context,
  label: Label,
  a: AlignedGroup.Member,
  b: AlignedGroup.Member,
): PairVerdict | null => {
  const qa = a.quantity
  const qb = b.quantity
  if (!qa || !qb) return null
  const sa = Quantity.measureOf(qa).scope
  const sb = Quantity.measureOf(qb).scope
  if (sa === sb) return null
  const [round, other] = sa === "increment" ? [a, b] : [b, a]
  const total = round.quantity ? totalAfter(round.claim, round.quantity) : null
  const quantity = standing(round)
  if (!total || !round.quantity || !quantity) return null
  const stood = { claim: round.claim, quantity }
  const judged = round === a ? numeric(ctx, label, stood, other) : numeric(ctx, label, other, stood)
  return {
    ...judged,
    why: `${judged.why} (rule total-after-round: "${total.text}" is the total its sentence gives after the new round "${round.quantity.text}", so the totals are compared)`,
  }
}

/** How much of an article's opening says what (and where) it is about, with its title. */
const LEAD_CHARS = 400

/** A claim's article's title and opening: where the article says what place it is about. */
const leadOf = (ctx: Context, c: Claim.Claim): string => {
  const d = ctx.documents.get(c.documentId)
  return d ? `${d.title ?? ""}\n${d.text.slice(0, LEAD_CHARS)}` : ""
}

const numeric = (ctx: Context, label: Label, a: AlignedGroup.Member, b: AlignedGroup.Member): PairVerdict => {
  const pair = `${side(label, a)} against ${side(label, b)}`
  const qa = a.quantity
  const qb = b.quantity
  if (!qa || !qb) return statement(ctx, label, a, b)
  const totals = byTotalAfter(ctx, label, a, b)
  if (totals) return totals
  const c = Comparison.compare(qa, qb, { a: a.normalized, b: b.normalized })
  const measured = byMeasure(ctx, { ...a, quantity: qa }, { ...b, quantity: qb }, pair)
  // Parts the text gives that add up to the other figure, a total and what was added to it included.
  const sum =
    c.relation !== "agree" && c.relation !== "incomparable" && (!measured || measured.rule === "increment-vs-total")
      ? (partsSum(a, b) ?? partsSum(b, a))
      : null
  if (sum) return verdict("agree", "parts-sum-to-total", `${pair}: the parts add up to the total: ${sum}`, true)
  // A scope or modality that differs explains values that differ; the same value stated as a plan in one
  // article and a fact in another ("fares will rise 15%", "a 15% fare rise") still agrees.
  // A count added meets a total only in one same figure ("12 more bodies", "12 bodies"): "102 more bodies were
  // found" is no confirmation of "more than 100 have died", which a bound or an approximation would make it.
  const sameFigure =
    measured?.rule !== "increment-vs-total" ||
    qa.unit !== null ||
    qb.unit !== null ||
    ([qa, qb].every((q) => q.approximate !== "at-least" && q.approximate !== "at-most") &&
      Comparison.withinRounding(qa, qb, { a: a.normalized, b: b.normalized }))
  if (measured && !(c.relation === "agree" && measured.verdict === "compatible" && sameClass(qa, qb) && sameFigure))
    return measured
  if (c.relation === "incomparable") return verdict(null, c.rule, `${pair}: ${c.why}`)
  // Bounds of a count that moved ("at least 96" on Sunday, "at least 145" on Monday) leave values in
  // common, yet the figure plainly changed between the two times: a timeline, not a compatible pair.
  // Only a running count is known to move: "more than 40,000 visitors" and, a day later, 44,200 fit one figure.
  if (c.relation === "compatible" && (c.rule === "bound-satisfied" || c.rule === "bounds-overlap") && tallies(qa, qb)) {
    const time = TimeScope.relate(a.claim, b.claim, ctx.documents, { tally: true })
    if (time.relation === "different")
      return verdict("changed", "different-times", `${pair}: ${c.why}; the figure moved, for ${time.why}`, false)
  }
  // Two levels of a running count that meet only through what "about" allows ("about 140 stranded" on
  // Saturday, 128 on Sunday) moved between the two times; within the figures' own rounding ("about 600",
  // then 587) they are one level confirmed.
  if (
    c.rule === "intervals-overlap" &&
    tallies(qa, qb) &&
    !Comparison.withinRounding(qa, qb, { a: a.normalized, b: b.normalized })
  ) {
    const time = TimeScope.relate(a.claim, b.claim, ctx.documents, { tally: true })
    if (time.relation === "different")
      return verdict(
        "changed",
        "different-times",
        `${pair}: "${qa.text}" and "${qb.text}" meet only within what an approximation allows, and the count moved, for ${time.why}`,
        false,
      )
  }
  if (c.relation !== "contradict") return verdict(c.relation, c.rule, `${pair}: ${c.why}`, c.bWithinA)
  const held = notOneTotal(ctx, a, b, pair)
  if (held) return held
  // Two values that differ set one figure against another (a conflict, or a timeline) only when both say
  // what they measure, and the same: a group joined through looser links ("18" dead, a coordinate "09.80")
  // holds pairs that do not. One article's own figures were aligned with what it counts carried from
  // sentence to sentence ("5,000 artillery shells a day", then "15,000 a day"), which the quantities alone
  // do not show.
  // Counted words the matcher read as one ("ships", "vessels") are one thing here too.
  const oneCounted = a.countedAs != null && a.countedAs === b.countedAs
  const unnamed = a.claim.documentId === b.claim.documentId || oneCounted ? null : unnamedMeasure(qa, qb)
  if (unnamed)
    return verdict(null, "not-one-measurement", `${pair}: ${unnamed}, so their values are not set against each other`)
  const docs = a.claim.documentId !== b.claim.documentId
  if (docs && canonicalOutletOf(ctx, a.claim) === canonicalOutletOf(ctx, b.claim))
    return verdict(
      "changed",
      "outlet-updated",
      `${pair}: ${canonicalOutletOf(ctx, a.claim)} gave both figures, in different articles, so it updated its own figure (${c.why})`,
      false,
    )
  // A quake's magnitude or depth is the event's own: reports of other days do not make it a timeline.
  const fixed = [qa, qb].find((q) => MeasureClass.isFixed(Quantity.measureOf(q).class))
  if (docs && fixed) {
    const label = MeasureClass.label(Quantity.measureOf(fixed).class)
    if (Holders.onLesserEvent(a.claim.text) !== Holders.onLesserEvent(b.claim.text))
      return verdict(
        null,
        "different-events",
        `${pair}: one ${label} is of a lesser event (an aftershock), so not the same event's`,
      )
    const written = (m: AlignedGroup.Member) =>
      m.claim.time !== null && m.claim.time !== undefined && !m.claim.time.defaulted
    if (written(a) && written(b) && TimeScope.relate(a.claim, b.claim, ctx.documents).relation === "different")
      return verdict(
        null,
        "different-events",
        `${pair}: the two ${label} figures are written for different times, so of different events`,
      )
    const revised = estimateRevised(ctx, a, b)
    if (revised) return revisedVerdict(`${pair}: ${c.why}; ${label} is the event's own`, revised)
    return verdict(
      "contradict",
      c.rule,
      `${pair}: ${c.why}; ${label} is a property of the event itself, which no later report changes`,
      false,
    )
  }
  // One article writing one figure for two times it names differently ("around that time", "several
  // months later") is telling how the figure moved, whether or not the times resolve to dates.
  const ta = a.claim.time
  const tb = b.claim.time
  if (!docs && ta && tb && !ta.defaulted && !tb.defaulted && ta.text.toLowerCase() !== tb.text.toLowerCase())
    return verdict(
      "changed",
      "one-article-two-times",
      `${pair}: one article gives the figure for "${ta.text}" and for "${tb.text}": how it moved, not a contradiction`,
      false,
    )
  const time = TimeScope.relate(a.claim, b.claim, ctx.documents, { tally: tallies(qa, qb) })
  const rivals =
    docs && time.relation !== "same" && (time.bothDefaulted || (figureUndated(a) && figureUndated(b)))
      ? rivalSpeakers(ctx, a, b, qa, qb)
      : null
  if (rivals)
    return verdict(
      "contradict",
      "rival-speakers",
      `${pair}: ${c.why}; ${rivals}, and neither sentence dates its figure (only, at most, when it was said) or says it was revised or moved, so their articles (${time.why}) set two speakers' figures for one thing against each other`,
      false,
    )
  const plan = docs && time.relation === "different" ? onePlan(ctx, a, b) : null
  if (plan)
    return verdict(
      "contradict",
      "one-plan",
      `${pair}: ${c.why}; ${plan}, so they are two accounts of one plan, not a figure that moved`,
      false,
    )
  // "complete within three weeks" on Monday, "would take at least three months" on Tuesday: when one piece of
  // work ends is forecast, not measured, so a later article's other date is a rival account unless it says
  // the forecast moved.
  if (docs && time.relation !== "same" && completions(qa, qb) && ![a, b].some(saysMoved))
    return verdict(
      "contradict",
      "rival-completions",
      `${pair}: ${c.why}; both forecast when one piece of work is done, and neither says the forecast was revised or moved, so they are rival accounts (${time.why}), not a forecast that changed`,
      false,
    )
  if (time.relation === "different")
    return verdict(
      "changed",
      time.rule ?? "different-times",
      `${pair}: the values differ, but they are for ${time.why}`,
      false,
    )
  if (time.relation === "may-differ")
    return verdict(
      "compatible",
      "times-may-differ",
      `${pair}: the values differ (${c.why}), but ${time.why}, so this is not called a contradiction`,
      false,
    )
  // A running count one side says is still moving ("has risen to", "an earlier toll"): two points of it,
  // reported hours apart by two articles, as a rising toll is through the day of a disaster.
  const movingIn = docs && tallies(qa, qb) ? [a.claim, b.claim].find(movingCount) : undefined
  if (movingIn)
    return verdict(
      "changed",
      "count-moving",
      `${pair}: the values differ, but ${label(movingIn)} says the count is still moving ("${movingWords(movingIn)[0]}"): two points of one running count, not a contradiction`,
      false,
    )
  // Any count a side says moved to its figure ("the number of closed beaches rose to seven"), against
  // another article's: a level it reached, not a rival figure for one moment.
  // Both written as the level reached ("increased its fund to 30 million", "raised to 26 million"): two accounts
  // of one new level, which differ.
  const levels = docs ? [a, b].map((m) => ({ m, words: movedTo(m) })).filter((x) => x.words !== null) : []
  const moved = levels.length === 1 ? (levels[0] ?? null) : null
  if (moved)
    return verdict(
      "changed",
      "count-moving",
      `${pair}: the values differ, but ${label(moved.m.claim)} says the count moved to "${moved.m.quantity?.text}" ("${moved.words}"): two levels of one count, not a contradiction`,
      false,
    )
  // A later article that says its own figure replaced the one before ("the free period will now be 30
  // minutes", "the level has now fallen by 55 centimetres"): the figure moved between the two articles.
  const revisedBy = docs ? laterRevised(ctx, a, b) : null
  if (revisedBy)
    return verdict(
      "changed",
      "figure-revised",
      `${pair}: the values differ, but ${label(revisedBy.member.claim)}, published later, says its figure replaced an earlier one ("${revisedBy.words}"): the figure moved, not a contradiction`,
      false,
    )
  // An estimate a later article's exact figure replaced ("about 100 km/h", police estimated; then "87 km/h"
  // from the recorder): the figure's timeline, not two sources at odds.
  const revised = docs ? estimateRevised(ctx, a, b) : null
  if (revised) return revisedVerdict(`${pair}: ${c.why}`, revised)
  // A running count's two same-day reports set side by side though they name different days of the event.
  const asOfOneDay = time.rule === "tally-same-day" ? ` (rule tally-same-day: ${time.why})` : ""
  return verdict("contradict", c.rule, `${pair}: ${c.why}${asOfOneDay}`, false)
}

/**
 * Words of a sentence saying its figure replaced an earlier one (readings.json `revising`), except a "now"
 * that ends its clause: "the stock could recover within three years if catches were cut now" says when to
 * act, not that the figure moved.
 */
const REVISING = new RegExp(`\\b(?:${alternation(readings.revising)})\\b(?<!\\bnow(?=\\s*(?:[,.;:!?"”’)]|$)))`, "i")

/** The capitalised words of a speaker's name ("the branch manager, Lena Moss": Lena, Moss). */
const speakerNames = (m: AlignedGroup.Member): ReadonlyArray<string> =>
  (m.claim.attribution.source?.text ?? "")
    .match(/\b\p{Lu}[\p{L}'’-]{2,}/gu)
    ?.filter((w) => !NOT_NAMES.has(w.toLowerCase())) ?? []
/** Capitalised words opening a description that name no one (readings.json notNames). */
const NOT_NAMES: ReadonlySet<string> = new Set(readings.notNames)

/**
 * Why two figures are one plan told twice (rule one-plan), or null: both are plans or forecasts ("will
 * charge a tourist tax of 5 euros a night", "will pay 3 euros a night from 1 May"), in articles of one day,
 * each undated or dated at or after its article's day (when the plan starts, not when the figure stood),
 * and neither sentence says the figure was revised or moved. The date a plan takes effect does not make its
 * two accounts of one day two times.
 */
const onePlan = (ctx: Context, a: AlignedGroup.Member, b: AlignedGroup.Member): string | null => {
  if ([a.quantity, b.quantity].some((q) => !q || Quantity.measureOf(q).modality === "fact")) return null
  const day = TimeScope.publishedDay(a.claim, ctx.documents)
  if (day === null || day !== TimeScope.publishedDay(b.claim, ctx.documents)) return null
  const ahead = (m: AlignedGroup.Member) => {
    const t = m.claim.time
    return !t || t.defaulted || (t.start !== null && t.start !== undefined && t.start >= day)
  }
  if (!ahead(a) || !ahead(b) || [a, b].some(saysMoved)) return null
  const when = [a, b].map((m) => (m.claim.time && !m.claim.time.defaulted ? `"${m.claim.time.text}"` : "undated"))
  return `both are plans or forecasts told on ${day} (${when.join(", ")})`
}

/** Whether a figure's sentence says it was revised or moved ("revised", "now", "has risen to"). */
const saysMoved = (m: AlignedGroup.Member): boolean =>
  REVISING.test(m.claim.text) || movingCount(m.claim) || movedTo(m) !== null

/**
 * Whether nothing dates a member's figure itself: its claim has no written time, or the only time it
 * writes is when its speaker spoke ("Mayor Piet Corran said on Tuesday that the work would cost ..."),
 * outside what was said.
 */
const figureUndated = (m: AlignedGroup.Member): boolean => {
  const t = m.claim.time
  return !t || t.defaulted || t.text.trim() === "" || TimeScope.whenSaid(m.claim)
}

/**
 * Two named speakers' figures for one thing, undated (or dated only by when each was said: see
 * `figureUndated`), in articles that do not place them at one time (rule rival-speakers):
 * each figure lies in what its speaker said, the speakers share no name, neither figure is a running
 * count or a date, both say what they measure and the same (one measure class, or one counted word as the
 * matcher read it, or, for two forecasts, one verb), and no sentence says the figure moved ('revised',
 * 'now', 'has risen to') or an earlier estimate met a later exact figure. A later article giving another
 * speaker's figure is then a rival, not an update ("about 80,000 euros", says the council leader; "at least
 * 250,000", says the islanders' champion). Null when it does not apply; else what makes them rivals.
 */
const rivalSpeakers = (
  ctx: Context,
  a: AlignedGroup.Member,
  b: AlignedGroup.Member,
  qa: Quantity.Quantity,
  qb: Quantity.Quantity,
): string | null => {
  if (tallies(qa, qb) || qa.unit === "date" || qb.unit === "date") return null
  if (!Claim.saidInContent(a.claim, qa) || !Claim.saidInContent(b.claim, qb)) return null
  const [na, nb] = [speakerNames(a), speakerNames(b)]
  if (na.length === 0 || nb.length === 0 || nb.some((w) => na.includes(w))) return null
  const [ma, mb] = [Quantity.measureOf(qa), Quantity.measureOf(qb)]
  const classed = ma.class !== "unknown" && MeasureClass.relateMeasures(ma, mb) === "same"
  const counted = a.countedAs != null && a.countedAs === b.countedAs
  // "would cost hauliers 20 million euros a year" against "would cost business less than 3 million": two
  // forecasts stated by one verb say what they measure as much as a class does.
  const oneAct =
    ma.modality !== "fact" && mb.modality !== "fact" && ma.predicate !== null && ma.predicate === mb.predicate
  if (!classed && !counted && !oneAct) return null
  if ([a, b].some(saysMoved)) return null
  if (estimateRevised(ctx, a, b)) return null
  return `${a.claim.attribution.source?.text} and ${b.claim.attribution.source?.text} are two named speakers`
}

const REVISED_NOW = new RegExp(`\\b(?:${alternation(readings.revisedNow)})\\b`, "i")

/**
 * The member whose article was published after the other's and whose sentence says its figure replaced an
 * earlier one (readings.json `revisedNow`: "will now be", "has now", "brought forward"), with those words;
 * null when the two were published at once or the later one's sentence does not say so.
 */
const laterRevised = (
  ctx: Context,
  a: AlignedGroup.Member,
  b: AlignedGroup.Member,
): { readonly member: AlignedGroup.Member; readonly words: string } | null => {
  const at = (m: AlignedGroup.Member) => Date.parse(ctx.documents.get(m.claim.documentId)?.publishedAt ?? "")
  const [ta, tb] = [at(a), at(b)]
  if (Number.isNaN(ta) || Number.isNaN(tb) || ta === tb) return null
  const later = ta > tb ? a : b
  const words = REVISED_NOW.exec(later.claim.text)?.[0]
  return words ? { member: later, words } : null
}

/** Cue verbs that make a figure someone's estimate ("police estimated that ... about 100 km/h"). */
const ESTIMATING: ReadonlySet<string> = new Set(readings.estimating)

/**
 * The earlier of two articles' figures when it is an estimate (approximate, or put by an estimating
 * verb) and the later article's figure is exact, one value and no range; null otherwise (same day, or no
 * estimate replaced).
 */
const estimateRevised = (
  ctx: Context,
  a: AlignedGroup.Member,
  b: AlignedGroup.Member,
): { readonly estimate: AlignedGroup.Member; readonly later: AlignedGroup.Member } | null => {
  const [da, db] = [TimeScope.publishedDay(a.claim, ctx.documents), TimeScope.publishedDay(b.claim, ctx.documents)]
  if (da === null || db === null || da === db) return null
  const [earlier, later] = da < db ? [a, b] : [b, a]
  const estimated =
    earlier.quantity?.approximate === "about" || ESTIMATING.has(earlier.claim.attribution.cue?.lemma ?? "")
  // A range ("between 700,000 and 900,000 euros") is no exact figure that replaces an estimate.
  const exact = later.quantity?.approximate === "exact" && later.quantity.low === later.quantity.high
  return estimated && exact ? { estimate: earlier, later } : null
}

/** Rule estimate-revised's verdict, `said` what the comparison found. */
const revisedVerdict = (
  said: string,
  revised: { readonly estimate: AlignedGroup.Member; readonly later: AlignedGroup.Member },
): PairVerdict =>
  verdict(
    "changed",
    "estimate-revised",
    `${said}; but "${revised.estimate.quantity?.text}" was an estimate in an earlier article and "${revised.later.quantity?.text}" a later article's exact figure: the estimate was replaced`,
    false,
  )

/**
 * The verdict on two aligned claims from different independent sources. `label` names each side in
 * the explanation (a report names every copy of a story; verify the outlet).
 */
export const judge = (
  ctx: Context,
  a: AlignedGroup.Member,
  b: AlignedGroup.Member,
  label: Label = (c) => outletOf(ctx, c),
): PairVerdict =>
  challenge(label, a, b) ?? (a.quantity && b.quantity ? numeric(ctx, label, a, b) : statement(ctx, label, a, b))
