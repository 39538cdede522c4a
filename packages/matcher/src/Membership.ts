/**
 * Whether two figures may sit in one aligned group: the rules of membership.json, each named, asked
 * of every member of two parts before alignment joins them, so a chain of plausible pairs cannot lump different things.
 */
import { type Claim, MeasureClass, type Quantity, Units } from "@crosscheck/domain"
import type * as Lexicon from "./Lexicon.js"
import catalogue from "./membership.json" with { type: "json" }
import * as QuantityComparison from "./QuantityComparison.js"

/**
 * A rule's name: a key of membership.json's `rules`. A plain string in the published declarations: a
 * type read off the JSON would make tsc write an import of it into Membership.d.ts without its
 * `type: "json"` attribute, which a user's strict NodeNext project refuses. The tests check every name.
 */
export type RuleName = string

export const RULES: Readonly<Record<RuleName, { readonly says: string }>> = catalogue.rules

const RULE_PARAMS: Readonly<
  Record<
    string,
    {
      readonly says: string
      readonly ratio?: number
      readonly classedRatio?: number
      readonly days?: number
      readonly distantDays?: number
      readonly datedDays?: number
      readonly tallyDays?: number
      readonly nouns?: ReadonlyArray<string>
      readonly classes?: ReadonlyArray<string>
    }
  >
> = catalogue.rules

/** How far apart two values must lie to be of different orders of magnitude. */
const RATIO = RULE_PARAMS["orders-of-magnitude"]?.ratio ?? 10
/** How far apart two values of one measure class must lie to be different things all the same. */
const CLASSED_RATIO = RULE_PARAMS["orders-of-magnitude"]?.classedRatio ?? 1000
/** How far apart two values must lie before a verb the catalogue does not read parts them. */
const VERB_RATIO = RULE_PARAMS["unclassed-verb"]?.ratio ?? 2
const DAY = 86_400_000
/** How far apart, in milliseconds, two written times must be to be of different events. */
const FAR = (RULE_PARAMS["years-apart"]?.days ?? 365) * DAY
/** How long before its article a written time must end to part its figure from an undated one. */
const DISTANT = (RULE_PARAMS["years-apart"]?.distantDays ?? 3650) * DAY
/** How long a written time may be and still date an event (a day, a month), not a year or an era. */
const DATED = (RULE_PARAMS["years-apart"]?.datedDays ?? 31) * DAY
/** `FAR` for two counts of a running tally (the dead, the injured): a toll months old is another event's. */
const TALLY_FAR = (RULE_PARAMS["years-apart"]?.tallyDays ?? 60) * DAY

/** What membership reads of a figure: its quantity, what it counts (its own or carried) and its claim's time. */
export interface Figure {
  readonly quantity: Quantity.Quantity
  readonly measure: Quantity.Measure
  /** What is counted, as the matcher reads it (QuantityComparison.Measure.counted). */
  readonly counted: string | null
  readonly time: Claim.Claim["time"]
  /** The publication date of the figure's article, when known. */
  readonly published: string | null
  /** The claim's sentence, when the caller has it: what the figure's words around it say. */
  readonly sentence?: string
}

/** Why two figures are kept apart: the rule, and the reason in words. */
export interface Apart {
  readonly rule: RuleName
  readonly detail: string
}

const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/^the\s+/, "")
    .trim()

/** A time as an interval of milliseconds, and whether the text wrote it (not the publication date standing in). */
const interval = (t: Claim.Claim["time"]): { from: number; to: number; written: boolean } | null => {
  if (!t?.start) return null
  const from = Date.parse(t.start)
  const to = Date.parse(t.end ?? t.start)
  return Number.isNaN(from) || Number.isNaN(to) ? null : { from, to, written: !t.defaulted }
}

/**
 * How many times apart two values lie (1 when their intervals meet or either is not a positive finite
 * amount), in one unit where the two convert ("a quarter" and "25 percent" are one value).
 */
export const spread = (a: Quantity.Quantity, b: Quantity.Quantity): number => {
  const finite = (q: Quantity.Quantity) => q.low > 0 && Number.isFinite(q.high) && q.high >= q.low
  if (!finite(a) || !finite(b)) return 1
  // A factor where there is one (every unit but a scale with an offset), asked once for both ends.
  const f = Units.conversionFactor(b.unit, a.unit)
  const into = (v: number) => (f !== null ? v * f : (Units.convert(v, b.unit, a.unit) ?? v))
  const [low, high] = [into(b.low), into(b.high)]
  if (low <= 0) return 1
  return Math.max(1, a.low / high, low / a.high)
}

const classesApart = (a: Figure, b: Figure): Apart | null =>
  MeasureClass.relateMeasures(a.measure, b.measure) === "apart" &&
  !QuantityComparison.oneSum(a.quantity, a.measure, b.quantity, b.measure)
    ? {
        rule: "classes-apart",
        detail: `${MeasureClass.label(a.measure.class)} ("${a.quantity.text}") and ${MeasureClass.label(b.measure.class)} ("${b.quantity.text}") are different measures`,
      }
    : null

const placesDiffer = (a: Figure, b: Figure): Apart | null => {
  const pa = a.measure.where
  const pb = b.measure.where
  return pa && pb && norm(pa) !== norm(pb)
    ? { rule: "places-differ", detail: `"${a.quantity.text}" is counted in ${pa}, "${b.quantity.text}" in ${pb}` }
    : null
}

/** A unit of a physical dimension (area, length, mass): what it is "of" is the stuff measured ("acres of pine"). */
const physical = (unit: string | null): boolean =>
  unit !== null &&
  Units.isKnown(unit) &&
  !Units.isCurrency(unit) &&
  !(Units.dimensionOf(unit) ?? "").startsWith("ratio")

/** An amount in a physical unit whose holder names only the stuff measured ("acres of pine"), not a distance's point. */
const ofStuff = (f: Figure): boolean => physical(f.quantity.unit) && !MeasureClass.isLocated(f.measure.class)

const holdersDiffer = (lexicon: Lexicon.Service, a: Figure, b: Figure): Apart | null =>
  QuantityComparison.sameHolder(a.measure, b.measure, lexicon, { a: a.sentence, b: b.sentence }) ||
  (ofStuff(a) && ofStuff(b))
    ? null
    : {
        rule: "holders-differ",
        detail: `"${a.quantity.text}" is of ${a.measure.of}, "${b.quantity.text}" of ${b.measure.of}`,
      }

const countedDiffer = (lexicon: Lexicon.Service, a: Figure, b: Figure): Apart | null => {
  // A unit says what is measured; the counted word is then only what it is measured of ("acres of pine").
  if (a.quantity.unit !== null || b.quantity.unit !== null) return null
  const ha = QuantityComparison.head(a.counted)
  const hb = QuantityComparison.head(b.counted)
  if (!ha || !hb || MeasureClass.isGenericFor(a.measure.class, ha) || MeasureClass.isGenericFor(b.measure.class, hb))
    return null
  return QuantityComparison.countedRelated(lexicon, ha, hb) ||
    QuantityComparison.conjunctRelated(lexicon, a.counted, b.counted)
    ? null
    : { rule: "counted-differ", detail: `"${a.quantity.text}" counts ${ha}, "${b.quantity.text}" counts ${hb}` }
}

/**
 * Whether a sentence sets something among a wider kind: "among them", "of them", or "among", "of" or
 * "including" then, within three words, a word whose base form is `wider` ("were among the dogs removed").
 */
const setsAmong = (lexicon: Lexicon.Service, sentence: string | undefined, wider: string): boolean => {
  const words = sentence?.toLowerCase().match(/\p{L}+/gu) ?? []
  return words.some((w, i) => {
    if (!PARTITIVE.has(w)) return false
    if (words[i + 1] === "them") return true
    return words.slice(i + 1, i + 4).some((x) => x === wider || lexicon.lemmas(x).includes(wider))
  })
}
/** The words that set a count among another (membership.json kind-within-kind partitives). */
const PARTITIVE: ReadonlySet<string> = new Set(catalogue.rules["kind-within-kind"]?.partitives ?? [])

/**
 * "The dogs, among them around 30 puppies" beside "84 dogs": a count of a narrower kind whose own sentence
 * sets it among the wider kind, and lower than the wider count, is a part counted out of the whole (the
 * puppies among the dogs), not a rival figure. Without such words a narrower word is the same thing named
 * otherwise ("2,100 motorists" against "more than 3,000 drivers"); a narrower count that is not below
 * the wider one ("more than 90,000 hatchbacks" beside "200,000 cars") need not be a part.
 */
const kindWithinKind = (lexicon: Lexicon.Service, a: Figure, b: Figure): Apart | null => {
  if (a.quantity.unit !== null || b.quantity.unit !== null) return null
  const ha = QuantityComparison.head(a.counted)
  const hb = QuantityComparison.head(b.counted)
  if (!ha || !hb) return null
  const narrower = QuantityComparison.narrowerKind(lexicon, ha, hb)
  if (!narrower) return null
  const [part, whole] = narrower === "a" ? [a, b] : [b, a]
  const wider = narrower === "a" ? hb : ha
  const below = part.quantity.approximate !== "at-least" && part.quantity.approximate !== "vague"
  if (!below || !(part.quantity.high < whole.quantity.low) || !setsAmong(lexicon, part.sentence, wider)) return null
  return {
    rule: "kind-within-kind",
    detail: `"${part.quantity.text}" counts ${narrower === "a" ? ha : hb}, a kind of ${wider} its sentence sets among them, fewer than the "${whole.quantity.text}" ${wider}: a part of them`,
  }
}

/** Verbs that move a figure to a level ("increased to 15,000 a day"): they say nothing of what it counts. */
const LEVEL_VERBS: ReadonlySet<string> = new Set(catalogue.levelVerbs.verbs)

/**
 * Whether a verb says what a figure is: neither a light verb ("be", "say") nor one that only moves a figure
 * to a level ("rise", "reach": membership.json levelVerbs).
 */
export const isContentVerb = (lexicon: Lexicon.Service, lemma: string): boolean =>
  !lexicon.isLightVerb(lemma) && !LEVEL_VERBS.has(lemma)

/** A verb of its own that says what a figure is: a predicate that is not a light verb ("be", "say") nor one of change. */
const contentVerb = (lexicon: Lexicon.Service, f: Figure): string | null => {
  const p = f.measure.predicate
  return p && isContentVerb(lexicon, p) ? p : null
}

/** The figure of a known class and the one of none, or null when both or neither have one. */
const knownAndUnclassed = (a: Figure, b: Figure): readonly [Figure, Figure] | null => {
  const ka = MeasureClass.isKnown(a.measure.class)
  if (ka === MeasureClass.isKnown(b.measure.class)) return null
  return ka ? [a, b] : [b, a]
}

const unclassedVerb = (lexicon: Lexicon.Service, a: Figure, b: Figure): Apart | null => {
  const pair = knownAndUnclassed(a, b)
  if (!pair) return null
  const [known, other] = pair
  const verb = contentVerb(lexicon, other)
  // Near values told with another verb are one figure retold ("1,200 evacuated", "1,200 spent the night in shelters").
  if (!verb || spread(a.quantity, b.quantity) < VERB_RATIO) return null
  const own = known.measure.predicate
  if (own && (own === verb || lexicon.relate(own, verb) !== null)) return null
  return {
    rule: "unclassed-verb",
    detail: `"${known.quantity.text}" measures ${MeasureClass.label(known.measure.class)}, "${other.quantity.text}" is what was "${verb}", which the catalogue does not read as that`,
  }
}

/**
 * A bare figure (no unit, no class, nothing counted, own or carried, and no verb but a light one) beside a
 * figure of a known class: "one with burns to his hands" or "the score stood at 14" says nothing that
 * makes it a count of the injured, whatever the sentence around it shares with one.
 */
const bareFigure = (lexicon: Lexicon.Service, a: Figure, b: Figure): Apart | null => {
  const pair = knownAndUnclassed(a, b)
  if (!pair) return null
  const [known, other] = pair
  // A level a verb of change moved ("climbed to 9,000") is a point of the known figure, not a bare one.
  const p = other.measure.predicate
  if (other.quantity.unit !== null || other.counted !== null || (p && !lexicon.isLightVerb(p))) return null
  return {
    rule: "bare-figure",
    detail: `"${known.quantity.text}" measures ${MeasureClass.label(known.measure.class)}, "${other.quantity.text}" says neither what it counts nor what was done`,
  }
}

/**
 * Two plain counts of no known class told by opposite verbs: "nine wolves escaped" and "two were
 * recaptured" count what was done and what was undone, not one figure.
 */
const opposedVerbs = (lexicon: Lexicon.Service, a: Figure, b: Figure): Apart | null => {
  if (MeasureClass.isKnown(a.measure.class) || MeasureClass.isKnown(b.measure.class)) return null
  if (a.quantity.unit !== null || b.quantity.unit !== null) return null
  const va = contentVerb(lexicon, a)
  const vb = contentVerb(lexicon, b)
  if (!va || !vb || va === vb || lexicon.relate(va, vb)?.kind !== "antonym") return null
  return {
    rule: "opposed-verbs",
    detail: `"${a.quantity.text}" is what was "${va}", "${b.quantity.text}" what was "${vb}", its opposite`,
  }
}

const wholeAndPart = (lexicon: Lexicon.Service, a: Figure, b: Figure): Apart | null => {
  const wa = a.measure.whole === true
  if (wa === (b.measure.whole === true)) return null
  const [whole, other] = wa ? [a, b] : [b, a]
  const verb = contentVerb(lexicon, other)
  if (!verb || MeasureClass.relateMeasures(a.measure, b.measure) === "same") return null
  // The whole again ("has 212 stores", "all 212 stores stayed open"): a figure of its value is the whole retold.
  if (spread(whole.quantity, other.quantity) === 1) return null
  return {
    rule: "whole-and-part",
    detail: `"${whole.quantity.text}" is the whole a part is counted out of, "${other.quantity.text}" is what was "${verb}"`,
  }
}

/** Whether a size is said of a part of something: its holder or what it counts is a part noun. */
const ofPart = (f: Figure): boolean => {
  const head = (words: string | null) =>
    (words ?? "")
      .toLowerCase()
      .split(/\s+of\s+/)[0]
      ?.split(/\s+/)
      .pop() ?? ""
  return MeasureClass.isPartNoun(head(f.measure.of)) || MeasureClass.isPartNoun(head(f.counted))
}

const sectionAndWhole = (a: Figure, b: Figure): Apart | null => {
  if (!MeasureClass.isDimension(a.measure.class) || !MeasureClass.isDimension(b.measure.class)) return null
  if (ofPart(a) === ofPart(b)) return null
  const [part, whole] = ofPart(a) ? [a, b] : [b, a]
  return {
    rule: "section-and-whole",
    detail: `"${part.quantity.text}" is the size of a part (${part.measure.of ?? part.counted}), "${whole.quantity.text}" of something whole`,
  }
}

/** Nouns that make a figure a limit set on something (membership.json limit-and-value). */
const LIMIT_NOUNS: ReadonlySet<string> = new Set(RULE_PARAMS["limit-and-value"]?.nouns ?? [])
const LIMIT_WORD = new RegExp(`\\b(?:${[...LIMIT_NOUNS].join("|")})\\b`, "i")

/** Measure classes whose figures are limits: what something can hold (membership.json limit-and-value). */
const LIMIT_CLASSES: ReadonlySet<string> = new Set(RULE_PARAMS["limit-and-value"]?.classes ?? [])

/**
 * Whether a figure is a limit: its counted words or what it is of end in a limit noun ("a 60 km/h limit",
 * "the speed limit"), or its class is one of limits ("a capacity of 40 vehicles").
 */
const isLimit = (f: Figure): boolean => {
  const head = (words: string | null) => (words ?? "").toLowerCase().trim().split(/\s+/).pop() ?? ""
  return LIMIT_NOUNS.has(head(f.measure.of)) || LIMIT_NOUNS.has(head(f.counted)) || LIMIT_CLASSES.has(f.measure.class)
}

/** The clause a figure stands in: its sentence from the comma or semicolon before the figure to the one after. */
const clauseOf = (f: Figure): string | null => {
  const s = f.sentence
  if (s === undefined) return null
  const at = s.indexOf(f.quantity.text)
  if (at < 0) return null
  const start = Math.max(s.lastIndexOf(",", at), s.lastIndexOf(";", at)) + 1
  const ends = [s.indexOf(",", at + f.quantity.text.length), s.indexOf(";", at + f.quantity.text.length)].filter(
    (i) => i >= 0,
  )
  return s.slice(start, ends.length > 0 ? Math.min(...ends) : s.length)
}

const limitAndValue = (a: Figure, b: Figure): Apart | null => {
  if (isLimit(a) === isLimit(b)) return null
  const [limit, value] = isLimit(a) ? [a, b] : [b, a]
  const clause = clauseOf(value)
  if (clause === null || LIMIT_WORD.test(clause)) return null
  return {
    rule: "limit-and-value",
    detail: `"${limit.quantity.text}" is a limit (${limit.measure.of ?? limit.counted}), "${value.quantity.text}" a value said without one`,
  }
}

const ordersOfMagnitude = (a: Figure, b: Figure): Apart | null => {
  const classes = MeasureClass.relateMeasures(a.measure, b.measure)
  if (a.quantity.unit !== b.quantity.unit || a.quantity.per !== b.quantity.per) return null
  const times = spread(a.quantity, b.quantity)
  if (classes === "unknown" && times >= RATIO)
    return {
      rule: "orders-of-magnitude",
      detail: `"${a.quantity.text}" and "${b.quantity.text}" lie ${Math.round(times)} times apart, and no measure class says they are one figure`,
    }
  // "the funerals of four supporters" and "a crowd of about 40,000": one class read off a word, yet no two
  // accounts of one figure lie thousands of times apart.
  if (classes !== "unknown" && times >= CLASSED_RATIO)
    return {
      rule: "orders-of-magnitude",
      detail: `"${a.quantity.text}" and "${b.quantity.text}" lie ${Math.round(times)} times apart, more than two accounts of one figure ever do`,
    }
  return null
}

/** A written time that ends more than `before` before its article was published: a figure of the past. */
const historical = (f: Figure, t: { readonly to: number; readonly written: boolean }, before = FAR): boolean => {
  const published = f.published ? Date.parse(f.published) : Number.NaN
  return t.written && !Number.isNaN(published) && published - t.to > before
}

/**
 * A written time that opens its figure's sentence ("In 2019 it cancelled a run of 12 performances"):
 * it dates all the sentence says, not one clause of it.
 */
const opensSentence = (f: Figure): boolean => {
  const written = f.time?.text.trim().toLowerCase()
  return !!written && (f.sentence?.trimStart().toLowerCase().startsWith(written) ?? false)
}

/**
 * How long before its article a written time must end to part its figure from an undated one: a day
 * or a month, or a time that opens the sentence, is the figure's own; a longer one inside the sentence
 * may be another clause's.
 */
const longAgo = (f: Figure, t: { readonly from: number; readonly to: number }): number =>
  t.to - t.from <= DATED || opensSentence(f) ? FAR : DISTANT

const yearsApart = (a: Figure, b: Figure): Apart | null => {
  const ta = interval(a.time)
  const tb = interval(b.time)
  if (!ta || !tb) return null
  // "In January, two workers died in a riot at the same plant" beside this week's toll of 13: a running
  // tally of one event does not stand months before its article.
  const tally = MeasureClass.isTally(a.measure.class) && MeasureClass.isTally(b.measure.class)
  const far = tally ? TALLY_FAR : FAR
  const gap = Math.max(ta.from - tb.to, tb.from - ta.to)
  if (gap <= far) return null
  // One of them of the past ("in 1994" beside "on Friday"); a plan's date ("by 2030") beside this year's
  // figure is not another event. A written day or month, or a time opening the sentence, dates its figure:
  // `days` before its article is long ago. A longer span inside the sentence ("bought in 2024", "dumped
  // between 2024 and 2025") may be another clause's, whether or not the other figure's time is written
  // ("jailed on Tuesday for dumping 12,000 tonnes"): only `distantDays` before its article parts it.
  const apart =
    (ta.written && historical(a, ta, tally ? far : longAgo(a, ta))) ||
    (tb.written && historical(b, tb, tally ? far : longAgo(b, tb)))
  return apart
    ? {
        rule: "years-apart",
        detail: `"${a.quantity.text}" is for "${a.time?.text || a.time?.start}" and "${b.quantity.text}" for "${b.time?.text || b.time?.start}", more than ${Math.round(far / DAY)} days apart, one long before its article${tally ? " (a running tally of one event)" : ""}`,
      }
    : null
}

/**
 * Two figures both written for times long before their articles ("the Halden fire of November 2012,
 * which killed 112", "the 2013 collapse, which killed over 1,100"), and times that do not meet: two past
 * events the articles recall for comparison, not this story's figure nor points of one timeline.
 */
const pastEvents = (a: Figure, b: Figure): Apart | null => {
  const ta = interval(a.time)
  const tb = interval(b.time)
  if (!ta || !tb || !ta.written || !tb.written) return null
  if (ta.from <= tb.to && tb.from <= ta.to) return null
  return historical(a, ta) && historical(b, tb)
    ? {
        rule: "past-events",
        detail: `"${a.quantity.text}" is for "${a.time?.text || a.time?.start}" and "${b.quantity.text}" for "${b.time?.text || b.time?.start}", both long before their articles and not the same time`,
      }
    : null
}

/** The first rule that keeps two figures apart, or null when they may sit in one group. */
export const apart = (lexicon: Lexicon.Service, a: Figure, b: Figure): Apart | null =>
  classesApart(a, b) ??
  placesDiffer(a, b) ??
  holdersDiffer(lexicon, a, b) ??
  countedDiffer(lexicon, a, b) ??
  kindWithinKind(lexicon, a, b) ??
  unclassedVerb(lexicon, a, b) ??
  bareFigure(lexicon, a, b) ??
  opposedVerbs(lexicon, a, b) ??
  wholeAndPart(lexicon, a, b) ??
  sectionAndWhole(a, b) ??
  limitAndValue(a, b) ??
  ordersOfMagnitude(a, b) ??
  yearsApart(a, b) ??
  pastEvents(a, b)
