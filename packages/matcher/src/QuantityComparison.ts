/**
 * When two quantities are the same measurement: the same measure class (or one nested in the other),
 * counted thing, dimension and subject, a fact against a fact. Times do not keep figures apart here:
 * the judgement tells a figure that changed from one that conflicts. Money compares in one currency.
 */
import { type AlignedGroup, type Claim, MeasureClass, Quantity, Units } from "@crosscheck/domain"
import catalogue from "./increments.json" with { type: "json" }
import type * as Lexicon from "./Lexicon.js"
import words from "./lexicon.json" with { type: "json" }
import membership from "./membership.json" with { type: "json" }

type Reason = AlignedGroup.Reason

const INCREMENT = new RegExp(`\\b(?:${catalogue.increments.join("|")})\\s+$`, "i")

/** A quantity with the context comparison needs; `subjects` are entity ids the quantity is about. */
export interface Measure {
  readonly claim: Claim.Claim
  readonly quantity: Quantity.Quantity
  /** What is counted: the quantity's own, or one carried over from an earlier sentence ("15,000 a day"). */
  readonly counted: string | null
  readonly subjects: ReadonlyArray<string>
  /** "another 25,000 soldiers": a number added to an earlier one, not a total. */
  readonly increment: boolean
  /** What the quantity measures, as the extractor read it (`unknown` class for claims stored before 0.2). */
  readonly measure: Quantity.Measure
}

export interface Options {
  /** Exchange rates to one common currency ({ USD: 1, KRW: 0.00072 }); without one, currencies never compare. */
  readonly exchangeRates?: Readonly<Record<string, number>>
}

export type Result =
  | {
      readonly comparable: true
      readonly reasons: ReadonlyArray<Reason>
      /** 1 for the same counted word, less for synonyms and related words. */
      readonly strength: number
      /**
       * What made them one measurement: the extractor's measure classes, what is counted (on one side
       * at least), or only their unit (then the claims' actions must say more).
       */
      readonly basis: "measure" | "counted" | "unit"
      readonly a: AlignedGroup.Normalized
      readonly b: AlignedGroup.Normalized
    }
  | { readonly comparable: false; readonly reason: Reason }

/** Strength of a match on unit alone: one side names what it measures, or neither does. */
const ONE_SIDED = 0.75
/** Strength when both name different things measured in one unit ("acres of pine", "square kilometres of forest"). */
const WEAK_MEASURED = 0.45
/** Strength of one class nested in the other (deaths within casualties): comparable as a part and its whole. */
const NESTED = 0.85

const isCurrency = Units.isCurrency

/** The dimension a unit measures ("area" for acres, "USD" for dollars), or null for a plain count. */
export const dimensionOf = Units.dimensionOf

/** The word a counted phrase is filed and compared under (the domain's one counted head: singular, "crew" for "crew members"). */
export const head = MeasureClass.countedHead

/** Whether text just before a quantity marks it as an increment ("another 25,000"). */
export const isIncrement = (text: string, quantityStart: number): boolean =>
  INCREMENT.test(text.slice(Math.max(0, quantityStart - 20), quantityStart))

const RELATIVE = /\b(later|earlier|ago|afterwards|before|previously|since then)\b/i

/**
 * The time of the fact a claim states. A time outside an attribution's content dates the saying
 * ("..., inspectors concluded on Wednesday"), not what was said, so it does not place the fact.
 */
export const timeOfFact = (claim: Claim.Claim): Claim.Claim["time"] => {
  const t = claim.time
  // A publication date standing in for an unwritten time places the report, not the fact.
  if (t?.defaulted) return null
  const content = claim.attribution.content?.text
  if (!t || !content) return t
  return content.includes(t.text) ? t : null
}

type Time = NonNullable<Claim.Claim["time"]>

/** How the times of two facts relate, from which follow whether they are one time and why. */
type TimeRelation =
  | { readonly kind: "dated"; readonly a: Time; readonly b: Time; readonly overlap: boolean }
  | { readonly kind: "named"; readonly a: Time; readonly b: Time; readonly same: boolean }
  | { readonly kind: "relative"; readonly only: Time }
  | { readonly kind: "one"; readonly only: Time | null }

const relateTimes = (ta: Time | null, tb: Time | null): TimeRelation => {
  if (ta && tb) {
    if (ta.start && tb.start) {
      const overlap = ta.start <= (tb.end ?? tb.start) && tb.start <= (ta.end ?? ta.start)
      return { kind: "dated", a: ta, b: tb, overlap }
    }
    return { kind: "named", a: ta, b: tb, same: ta.text.toLowerCase() === tb.text.toLowerCase() }
  }
  const only = ta ?? tb
  return only && RELATIVE.test(only.text) ? { kind: "relative", only } : { kind: "one", only }
}

const isSame = (r: TimeRelation): boolean =>
  r.kind === "dated" ? r.overlap : r.kind === "named" ? r.same : r.kind === "one"

const describe = (r: TimeRelation): string => {
  switch (r.kind) {
    case "dated": {
      const [ea, eb] = [r.a.end ?? r.a.start, r.b.end ?? r.b.start]
      return r.overlap
        ? `"${r.a.text}" and "${r.b.text}" overlap (${r.a.start}…${ea}, ${r.b.start}…${eb})`
        : `"${r.a.text}" (${r.a.start}…${ea}) and "${r.b.text}" (${r.b.start}…${eb}) do not overlap`
    }
    case "named":
      return r.same ? `both "${r.a.text}"` : `"${r.a.text}" and "${r.b.text}" are different times`
    case "relative":
      return `"${r.only.text}" sets one claim at another time`
    default:
      return r.only ? `only one claim is dated ("${r.only.text}")` : "neither claim is dated"
  }
}

/** Whether two claims speak of the same time: the question alone, asked of every candidate pair. */
export const isSameTime = (a: Claim.Claim, b: Claim.Claim): boolean => isSame(relateTimes(timeOfFact(a), timeOfFact(b)))

/** Whether two claims speak of the same time, with the reason. */
export const sameTime = (a: Claim.Claim, b: Claim.Claim): { readonly same: boolean; readonly reason: Reason } => {
  const r = relateTimes(timeOfFact(a), timeOfFact(b))
  return { same: isSame(r), reason: { kind: "time", detail: describe(r), weight: 0 } }
}

/** The least strength of a lexicon tie that makes two counted words one thing (a shared derivation is 0.5). */
const COUNTED_TIE = 0.6

/** How many first letters two words of one family by derivation share ("appl-icant", "appl-ication"). */
const FAMILY_STEM = 4

const oneFamily = (a: string, b: string): boolean =>
  a.length >= FAMILY_STEM && b.length >= FAMILY_STEM && a.slice(0, FAMILY_STEM) === b.slice(0, FAMILY_STEM)

const countedRelation = (
  lexicon: Lexicon.Service,
  a: string,
  b: string,
): { strength: number; detail: string; kind: Lexicon.RelationKind } | null => {
  let best: { strength: number; detail: string; kind: Lexicon.RelationKind } | null = null
  for (const la of lexicon.lemmas(a)) {
    for (const lb of lexicon.lemmas(b)) {
      const r = lexicon.relate(la, lb)
      // Two nouns whose only tie is a third word both derive from count one thing when they are of one
      // family by their spelling too ("applicants", "applications"); "coach" and "train", tied through a verb
      // "train" that one sense of "coach" derives from, count different things.
      if (!r || r.kind === "antonym" || (r.strength < COUNTED_TIE && !oneFamily(la, lb))) continue
      const strength = r.kind === "same" ? 1 : r.kind === "synonym" ? 0.9 : 0.8
      if (!best || strength > best.strength) best = { strength, detail: r.detail, kind: r.kind }
    }
  }
  if (best) return best
  // "twelve spray planes" and "twelve aircraft", "police vans" and "police vehicles": a kind of the other's
  // thing further up WordNet than its next broader word, unless the other is too wide to name a kind.
  for (const la of lexicon.lemmas(a))
    for (const lb of lexicon.lemmas(b)) {
      const [narrow, wide] = lexicon.isKindOf(la, lb, KIND_DEPTH)
        ? [la, lb]
        : lexicon.isKindOf(lb, la, KIND_DEPTH)
          ? [lb, la]
          : []
      if (narrow && wide)
        return { strength: 0.7, detail: `"${narrow}" is a kind of "${wide}" (WordNet)`, kind: "related" }
    }
  return null
}

/** How far below WordNet's root a counted word must lie to name a kind others are kinds of (lexicon.json countedKinds). */
const KIND_DEPTH = words.countedKinds.minDepth

/** Whether two counted words name one thing: the same lemma, a synonym, or a kind of it. */
export const countedRelated = (lexicon: Lexicon.Service, a: string, b: string): boolean =>
  countedRelation(lexicon, a, b) !== null

/**
 * Which of two counted words is a narrower kind of the other ("puppy" of "dog"), when that is all that
 * relates them: no lemma of one is the other's, or its synonym. Null otherwise.
 */
export const narrowerKind = (lexicon: Lexicon.Service, a: string, b: string): "a" | "b" | null => {
  let narrower: "a" | "b" | null = null
  for (const la of lexicon.lemmas(a))
    for (const lb of lexicon.lemmas(b)) {
      const r = lexicon.relate(la, lb)
      if (!r || r.kind === "antonym") continue
      if (r.kind !== "related") return null
      narrower ??= r.narrower ?? null
    }
  return narrower
}

/** The heads of what a coordination counts, past words that count anything ("people"). */
const conjunctHeads = (counted: string | null): ReadonlyArray<string> =>
  MeasureClass.countedConjuncts(counted).filter((h) => !MeasureClass.isGenericCounted(h))

/**
 * "More than 200 police officers" and "about 340 police officers and volunteers": one side counts a
 * coordination, and every head the other counts is related to one of its parts.
 */
export const conjunctRelated = (lexicon: Lexicon.Service, a: string | null, b: string | null): boolean => {
  const [ha, hb] = [conjunctHeads(a), conjunctHeads(b)]
  if (ha.length === hb.length || Math.min(ha.length, hb.length) === 0) return false
  const [part, whole] = ha.length < hb.length ? [ha, hb] : [hb, ha]
  return part.every((p) => whole.some((w) => countedRelation(lexicon, p, w) !== null))
}

/** Whether a word, by any of its base forms, names people (WordNet: a kind of person; lexicon concept k:person). */
const namesPeople = (lexicon: Lexicon.Service, word: string): boolean =>
  lexicon.lemmas(word.toLowerCase()).some((l) => lexicon.concepts(l).includes("k:person"))

/**
 * "More than 1,000 shoppers have complained" and "about 3,400 complaints": one side counts the people who
 * did something, the other the acts, named by a noun of the same word ("complain", "complaint") or of its
 * synonym ("parents have rung", "calls from parents"). One person may act more than once, so the two are
 * one measure told two ways, a part and what holds it. The word that relates them, or null.
 */
export const actsOf = (
  lexicon: Lexicon.Service,
  people: string | null,
  verb: string | null,
  acts: string | null,
): string | null => {
  if (!people || !verb || !acts || lexicon.isLightVerb(verb)) return null
  if (!namesPeople(lexicon, people) || namesPeople(lexicon, acts)) return null
  for (const la of lexicon.lemmas(acts)) {
    const r = lexicon.relate(verb, la)
    if (r && r.kind !== "antonym") return r.detail
  }
  return null
}

const modalityWord = (m: Quantity.Modality): string =>
  m === "fact" ? "a fact" : m === "forecast" ? "a forecast" : "a target"

const ruleOf = (m: Quantity.Measure): string => (m.predicate ? `"${m.predicate}"` : (m.rule ?? m.class))

const holderWords = (of: string): ReadonlySet<string> =>
  new Set(
    of
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2 && !HOLDER_STOPWORDS.has(w))
      .map(demonymStem),
  )
const HOLDER_STOPWORDS = new Set(words.holderStopwords)

/**
 * A holder's word with its plural and adjective endings off: "Ukrainian" and "Ukraine" meet on
 * "ukrain", "votes" and "vote" on "vot" (the plural first, or "votes" would keep its "e").
 */
const demonymStem = (w: string): string => w.replace(/(?<=...)s$/, "").replace(/(?:ian|ean|an|ese|ish|i|e|s)$/, "")

/** Whether a figure's holder is the place it is counted in. */
const isPlace = (m: Quantity.Measure): boolean =>
  m.where !== null && m.where !== undefined && m.of?.toLowerCase() === m.where.toLowerCase()

/** Whether two figures may belong to one holder: either names none, or their names share a word. */
export const sameHolder = (
  a: Quantity.Measure,
  b: Quantity.Measure,
  lexicon?: Lexicon.Service,
  sentences: { readonly a?: string | undefined; readonly b?: string | undefined } = {},
): boolean => {
  if (!a.of || !b.of) return true
  // The place a figure is counted in and a group it counts ("in Velmar", "survivors") are holders of
  // different kinds: neither rules the other out, and the places are compared on their own.
  if (isPlace(a) !== isPlace(b)) return true
  const wa = holderWords(a.of)
  const wb = holderWords(b.of)
  if (wa.size === 0 || wb.size === 0) return true
  for (const w of wa) if (wb.has(w)) return true
  if (lexicon === undefined) return false
  if (describedAndNamed(lexicon, a.of, b.of, sentences.a) || describedAndNamed(lexicon, b.of, a.of, sentences.b))
    return true
  return holdersRelated(lexicon, a.of, b.of)
}

/**
 * "The station has about 12,000 listeners" and "Brindle FM has about twelve thousand listeners": a holder
 * that is a definite description in its own sentence (one common noun after "the") and one written as a
 * name (words in capitals, more than one or one no dictionary knows) may be one body, so neither rules the
 * other out; two descriptions ("the city", "the country") or two names still must share a word, and so
 * does a holder that is only what is counted ("About 1,800 homes are without power").
 */
const describedAndNamed = (
  lexicon: Lexicon.Service,
  description: string,
  name: string,
  sentence: string | undefined,
): boolean => {
  if (!/^\p{Ll}{3,}$/u.test(description) || !lexicon.lemmas(description).some(lexicon.isNoun)) return false
  if (sentence === undefined || !new RegExp(`\\bthe ${description}\\b`, "iu").test(sentence)) return false
  const words = name.split(/\s+/)
  if (!words.every((w) => /^\p{Lu}/u.test(w))) return false
  return words.length >= 2 || !lexicon.lemmas(name.toLowerCase()).some(lexicon.isNoun)
}

/**
 * Holders named in other words for one group ("inmates" and "prisoners", "yearly sales" and "annual
 * turnover"): a word of one and a word of the other are synonyms or one a kind of the other (the lexicon's
 * rows, WordNet), as counted words are (countedRelation); not opposites ("men", "women").
 */
const holdersRelated = (lexicon: Lexicon.Service, a: string, b: string): boolean => {
  const plain = (of: string) =>
    of
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2 && !HOLDER_STOPWORDS.has(w))
  const wb = plain(b)
  return plain(a).some((w) => wb.some((v) => countedRelation(lexicon, w, v)?.kind !== undefined))
}

/**
 * A rate written as one unit the table does not know ("barrels per day", from "bpd") as its unit and
 * its period, the way "barrels of crude a day" is read, so the two compare.
 */
const splitRate = (q: Quantity.Quantity): Quantity.Quantity => {
  if (q.per !== null || q.unit === null || Units.isKnown(q.unit)) return q
  const m = / per (\p{L}+)$/u.exec(q.unit)
  return m?.[1] && Units.perDay(m[1]) !== undefined ? { ...q, unit: q.unit.slice(0, m.index), per: m[1] } : q
}

/** The class of a share of a whole ("20 per cent of users", "one in five users"). */
const SHARE = "share"

/** Most two restated figures may differ and still be one figure written twice (rounding). */
const SAME_FIGURE = 0.05

/** Classes of money that may name one sum (membership.json classes-apart oneSum). */
const ONE_SUM: ReadonlySet<string> = new Set(membership.rules["classes-apart"].oneSum)

/**
 * Whether two amounts of classes that do not nest are one sum told twice: the same amount in one
 * currency, within rounding, as a plan's budget, its cost or its worth ("a $2.5 billion plan", "worth 2.5bn dollars").
 */
export const oneSum = (
  qa: Quantity.Quantity,
  ma: Quantity.Measure,
  qb: Quantity.Quantity,
  mb: Quantity.Measure,
): boolean =>
  qa.unit !== null &&
  qa.unit === qb.unit &&
  isCurrency(qa.unit) &&
  qa.per === qb.per &&
  ONE_SUM.has(ma.class) &&
  ONE_SUM.has(mb.class) &&
  sameFigure(
    { low: qa.low, high: qa.high, unit: qa.unit, per: qa.per },
    { low: qb.low, high: qb.high, unit: qb.unit, per: qb.per },
  )

export const sameFigure = (a: AlignedGroup.Normalized, b: AlignedGroup.Normalized): boolean =>
  a.low <= b.high * (1 + SAME_FIGURE) && b.low <= a.high * (1 + SAME_FIGURE)

const no = (kind: Reason["kind"], detail: string): Result => ({
  comparable: false,
  reason: { kind, detail, weight: 0 },
})

/** Significant digits a figure needs to be precise enough that two outlets giving it exactly give one figure. */
const PRECISE_DIGITS = 3

/** The significant digits of a value ("148.5 million": 1485, "11.2%": 112, "2 billion": 2). */
const significant = (v: number): string =>
  String(Math.abs(v)).includes("e") ? "" : String(Math.abs(v)).replace(".", "").replace(/^0+/, "").replace(/0+$/, "")

/**
 * Two exact amounts in one unit of one and the same precise value ("148,5 million euros", "€148.5m";
 * "11.2%" twice): no round number two things share by chance, so one figure retold, even when neither
 * says what it measures. Not a round value ("5 million pounds", "14%"), which many things share.
 */
export const samePreciseFigure = (a: Quantity.Quantity, b: Quantity.Quantity): boolean =>
  oneValueInOneUnit(a, b) &&
  a.approximate === "exact" &&
  b.approximate === "exact" &&
  a.low === a.high &&
  significant(a.low).length >= PRECISE_DIGITS

/** Two amounts of one value (both ends) in one unit and per one period. */
const oneValueInOneUnit = (a: Quantity.Quantity, b: Quantity.Quantity): boolean =>
  a.unit !== null && a.unit === b.unit && a.per === b.per && a.low === b.low && a.high === b.high

/**
 * Two amounts of one value in one unit ("62,000 litres" twice, "about 18 million euros", "some 18 million
 * euros"), not lengths of time: "three years" is many things' span (two defendants' sentences).
 */
export const sameMeasuredFigure = (a: Quantity.Quantity, b: Quantity.Quantity): boolean =>
  oneValueInOneUnit(a, b) && Units.dimensionOf(a.unit) !== "duration"

/**
 * A length hyphened to the noun it describes ("a four-day week", "a 32-hour week"): its unit is joined to
 * its figure by a hyphen, which a figure written in words does not make ("thirty-one years").
 */
const HYPHENED = /[\p{L}\d]-\p{L}+$/u

/**
 * Two lengths of time of one value once in one unit ("21 days", "three weeks"; "about six weeks", "a
 * month and a half"), in roles that meet (see `rolesMeet`: no window a figure is counted in, no point set
 * off beside a span), neither hyphened to a noun: a hyphened length more often names a kind of thing
 * ("a four-day week" against "a 32-hour week") than tells how long one thing lasted. Measured on every
 * dev root (evall): findings recall 1729 -> 1733 of 2572, nothing else moved; with hyphened lengths too,
 * 1736, and a false contradiction of a "32-hour" week against a "four-day" one.
 */
const oneLength = (ma: Measure, mb: Measure): boolean => {
  if (!rolesMeet(spanRole(ma), spanRole(mb))) return false
  const [a, b] = [ma.quantity, mb.quantity]
  const [la, lb] = [inBaseUnit(a), inBaseUnit(b)]
  if (!la || !lb || a.per !== b.per) return false
  if (!hyphenedMeets(ma, mb)) return false
  const slack = a.approximate === "exact" && b.approximate === "exact" ? 0.01 : 0.1
  const near = (x: number, y: number) => Math.abs(x - y) <= slack * Math.max(x, y)
  return near(la.low, lb.low) && near(la.high, lb.high)
}

/**
 * Whether hyphened lengths leave two lengths of time free to be one: neither hyphened, or one only, and
 * the noun it describes is named in the other's sentence ("a six-week appeal", "The appeal ran for six
 * weeks"). Two hyphened ("a four-day week", "a 32-hour week") name kinds of things.
 */
const hyphenedMeets = (ma: Measure, mb: Measure): boolean => {
  const [ha, hb] = [HYPHENED.test(ma.quantity.text), HYPHENED.test(mb.quantity.text)]
  if (!ha && !hb) return true
  if (ha && hb) return false
  const [hyphened, other] = ha ? [ma, mb] : [mb, ma]
  const noun = head(hyphened.quantity.counted)
  return noun !== null && /^\p{L}{3,}$/u.test(noun) && new RegExp(`\\b${noun}`, "iu").test(other.claim.text)
}

/** A quantity's ends in its dimension's base unit (a length of time in seconds), or null in no known unit. */
const inBaseUnit = (q: Quantity.Quantity): { readonly low: number; readonly high: number } | null => {
  const [low, high] = q.unit ? [Units.toReference(q.low, q.unit), Units.toReference(q.high, q.unit)] : [null, null]
  return low === null || high === null ? null : { low, high }
}

/** Verbs adding a length of time to something named ("adds 9 days to a voyage"; lexicon.json spanVerbs). */
const SPAN_VERBS: ReadonlySet<string> = new Set(words.spanVerbs)

/** Whether two lengths of time are added to something by one verb of spanVerbs, or related ones ("delay", "postpone"). */
const oneSpan = (lexicon: Lexicon.Service, a: Quantity.Measure, b: Quantity.Measure): boolean => {
  const [pa, pb] = [a.predicate, b.predicate]
  if (!pa || !pb || !SPAN_VERBS.has(pa) || !SPAN_VERBS.has(pb)) return false
  if (pa === pb) return true
  const r = lexicon.relate(pa, pb)
  return r !== null && r.kind !== "antonym"
}

/**
 * Whether two lengths of time are how long one thing does one thing ("buses will run for six weeks",
 * "replacement buses will run for six weeks"): the same verb, and subjects whose last words name one
 * thing. Returns that subject, or undefined when they are not.
 */
const oneDoing = (lexicon: Lexicon.Service, a: Measure, b: Measure): string | undefined => {
  const [pa, pb] = [a.measure.predicate, b.measure.predicate]
  if (!pa || pa !== pb || lexicon.isStopword(pa)) return undefined
  return oneSubject(lexicon, a, b)
}

/**
 * The last word of both claims' subjects, quoted, when it is a noun (not a stopword) and the same word or
 * related ones ("buses", "replacement buses"; "trial" twice); undefined otherwise.
 */
const oneSubject = (lexicon: Lexicon.Service, a: Measure, b: Measure): string | undefined => {
  const last = (s: string | null) => (s ? (s.trim().split(/\s+/).pop() ?? "").toLowerCase() : "")
  const [sa, sb] = [last(a.claim.subject), last(b.claim.subject)]
  const noun = (w: string) => /^\p{L}{3,}$/u.test(w) && !lexicon.isStopword(w) && lexicon.lemmas(w).some(lexicon.isNoun)
  if (!noun(sa) || !noun(sb)) return undefined
  return sa === sb || countedRelation(lexicon, sa, sb) ? `"${sa}"` : undefined
}

/** Whether two lengths of time lie at most spanTold's `scale` times apart: "nine days" and "three years" do not. */
const oneScale = (a: Measure, b: Measure): boolean => {
  const [ba, bb] = [inBaseUnit(a.quantity), inBaseUnit(b.quantity)]
  if (!ba || !bb || !(ba.low > 0 && bb.low > 0)) return false
  return Math.max(ba.low, bb.low) / Math.min(ba.low, bb.low) <= SPAN_TOLD.scale
}

/**
 * Whether two lengths of time are how long one thing lasted, told in other verbs ("the trial would last six
 * weeks", "the trial would run for three months"; "the network was down for 11 hours", "the network was
 * out of action for seven hours"): both spans (or a span and a deadline), of one scale (spanTold), and the
 * subjects of their claims end in one noun or related ones. Returns that subject, or undefined.
 */
const oneLasted = (lexicon: Lexicon.Service, a: Measure, b: Measure): string | undefined => {
  // "a 32-hour week" names a kind of week, not how long anything lasted (see `hyphenedMeets`).
  if (!rolesMeet(spanRole(a), spanRole(b)) || !hyphenedMeets(a, b) || !oneScale(a, b)) return undefined
  return oneSubject(lexicon, a, b)
}

/** Two lengths of time told as how long one thing lasted (lexicon.json spanTold). */
const SPAN_TOLD = words.spanTold
const phrasesOf = (list: ReadonlyArray<string>) => list.map((w) => w.replace(/\s+/g, "\\s+")).join("|")

/**
 * The content words of a sentence as base forms: not stopwords, not numbers or words for lengths of time
 * ("weeks", "hours"), which every length of time has.
 */
const contentWords = (lexicon: Lexicon.Service, text: string): ReadonlySet<string> => {
  const out = new Set<string>()
  for (const w of text.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? []) {
    if (w.length < 3 || lexicon.isStopword(w)) continue
    const lemma = lexicon.lemmas(w)[0] ?? w
    if (!Units.isKnown(lemma) || Units.dimensionOf(lemma) !== "duration") out.add(lemma)
  }
  return out
}

/**
 * A claim's text with its figures blanked: a figure in words ("four days", "eleven hours") is no word two
 * sentences share about what lasted.
 */
const withoutFigures = (claim: Measure["claim"]): string => {
  let text = claim.text
  for (const q of claim.quantities) {
    const from = q.span.start - claim.span.start
    const to = q.span.end - claim.span.start
    if (from >= 0 && to <= text.length) text = text.slice(0, from) + " ".repeat(to - from) + text.slice(to)
  }
  return text
}

/**
 * What a length of time is to its sentence: a span ("open for six hours", "took two hours"), a deadline
 * ("refunded within 14 days", which says how long something may take), a point set off from another
 * ("20 minutes before kick-off", "inspected 11 days before the accident", "two days ago"), or a window a
 * figure is counted in ("in the 24 hours to Saturday", "over the past week"), which is no figure of its own.
 */
type SpanRole = "span" | "deadline" | "offset" | "window"
const OFFSET_AFTER = new RegExp(`^\\s*(?:${phrasesOf(SPAN_TOLD.offsets)})\\b`, "i")
const before = (list: ReadonlyArray<string>) =>
  new RegExp(`\\b(?:${phrasesOf(list)})\\s*(?:past|last|next|previous|first|coming)?\\s*$`, "i")
const WINDOW_BEFORE = before(SPAN_TOLD.windows)
const DEADLINE_BEFORE = before(SPAN_TOLD.deadlines)
const spanRole = (m: Measure): SpanRole => {
  const at = m.quantity.span.start - m.claim.span.start
  const end = m.quantity.span.end - m.claim.span.start
  const preceding = m.claim.text.slice(Math.max(0, at - 24), at)
  if (WINDOW_BEFORE.test(preceding) || countedIn(m, preceding)) return "window"
  if (DEADLINE_BEFORE.test(preceding)) return "deadline"
  // "open for six hours before anyone noticed": "for" makes it a span, whatever follows.
  if (/\bfor\s+$/i.test(preceding)) return "span"
  return OFFSET_AFTER.test(m.claim.text.slice(end, end + 16)) ? "offset" : "span"
}

/**
 * A length after "in" that closes a figure of its own sentence ("two inspections in ten years", "80
 * millimetres of rain in three hours"): the window that figure is counted in, no length of anything.
 */
const countedIn = (m: Measure, preceding: string): boolean => {
  if (!/\bin\s+$/i.test(preceding)) return false
  const at = m.quantity.span.start
  return m.claim.quantities.some(
    (q) =>
      q !== m.quantity &&
      q.span.end <= at &&
      at - q.span.end <= COUNTED_IN_CHARS &&
      !/[.;:!?]/.test(m.claim.text.slice(q.span.end - m.claim.span.start, at - m.claim.span.start)),
  )
}

/** How far before "in" a figure counted in a window may end ("80 millimetres of rain in three hours"). */
const COUNTED_IN_CHARS = 32

/**
 * Whether two lengths of time may say one thing: a span and a deadline may (how long it took, how long it
 * may take); a point set off another only beside another such point; a window never.
 */
const rolesMeet = (a: SpanRole, b: SpanRole): boolean =>
  a !== "window" && b !== "window" && (a === "offset") === (b === "offset")

/**
 * Whether two lengths of time say how long one thing lasted in other words: their sentences share at least
 * `sharedWords` content words, figures left out (see `withoutFigures`), and they lie at most `scale` times apart ("The sluice was open for six hours
 * before anyone noticed", "The sluice was open for about six hours before it was closed").
 */
const oneSpanTold = (lexicon: Lexicon.Service, a: Measure, b: Measure): boolean => {
  // Both hyphened to nouns name kinds of things ("a five-day week", "the four-day week").
  if (!rolesMeet(spanRole(a), spanRole(b)) || (HYPHENED.test(a.quantity.text) && HYPHENED.test(b.quantity.text)))
    return false
  // Of one scale: "nine days" and "three years" share words but not what lasted.
  if (!oneScale(a, b)) return false
  const wa = contentWords(lexicon, withoutFigures(a.claim))
  let shared = 0
  for (const w of contentWords(lexicon, withoutFigures(b.claim)))
    if (wa.has(w) && ++shared >= SPAN_TOLD.sharedWords) return true
  return false
}

/**
 * Whether `head` is a word `counted` puts before its own noun, a name for the thing rather than a
 * description of it: a model or kind written with a capital or a digit ("H-40 helicopters" names "H-40"),
 * or, given a lexicon, a role of the people its noun counts ("learner drivers" are learners, "volunteer
 * callers" volunteers; "riot officers" are no riots).
 */
export const namedBy = (counted: string | null, head: string | null, lexicon?: Lexicon.Service): boolean => {
  if (!counted || !head) return false
  const words = counted.split(/\s+/)
  const noun = words[words.length - 1] ?? ""
  const roles = words.slice(0, -1).filter((w) => w.toLowerCase().replace(/s$/, "") === head.toLowerCase())
  if (roles.some((w) => /[\p{Lu}\d]/u.test(w))) return true
  // A role of the people its noun counts: the noun asked once, and only when a word is there to be a role.
  if (roles.length === 0 || lexicon === undefined || !namesPeople(lexicon, noun)) return false
  return roles.some((w) => namesPeople(lexicon, w))
}

/** Two forecasts of when a piece of work is over told of one piece of work (lexicon.json workEnds). */
const WORK_ENDS = words.workEnds
/** Verbs of saying and expecting: no word of the work, neither shared nor before a modal. */
const WORK_SAYING: ReadonlySet<string> = new Set(WORK_ENDS.saying)
const WORK_IGNORED: ReadonlySet<string> = new Set([...WORK_ENDS.saying, ...WORK_ENDS.ignored])

const WORK_MODALS: ReadonlySet<string> = new Set(WORK_ENDS.modals)

/**
 * The content words around a completion's figure, as base forms: up to `wordsBefore` words before it (back
 * to a semicolon, colon or dash) and after it to the clause's end; names, figures and lengths of time left
 * out. `head` is the word before a modal ("the reservoir would", "expects the reservoir to"), the latest
 * such that is a content word: what will be done.
 */
const workWords = (lexicon: Lexicon.Service, m: Measure): { words: ReadonlySet<string>; head: string | null } => {
  const text = withoutFigures(m.claim)
  const at = Math.max(0, m.quantity.span.start - m.claim.span.start)
  const end = Math.max(0, m.quantity.span.end - m.claim.span.start)
  const clean = (raw: string) => raw.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "").replace(/['’]s$/, "")
  // The sentence's first word is written in capitals whatever it is ("Re-marking the papers would take").
  const opening = text.match(/^\s*\S+/)?.[0].length ?? 0
  const lead = opening <= at ? text.slice(0, opening).toLowerCase() + text.slice(opening, at) : text.slice(0, at)
  const before = (lead.split(/[;:\u2014]/).pop() ?? "").split(/\s+/).slice(-WORK_ENDS.wordsBefore).map(clean)
  const after = (text.slice(end).split(/[,;:.!?\u2014]/)[0] ?? "")
    .split(/\s+/)
    .slice(0, WORK_ENDS.wordsAfter)
    .map(clean)
  const word = (w: string): string | null =>
    w.length < 3 || w !== w.toLowerCase() || lexicon.isStopword(w) ? null : (lexicon.lemmas(w)[0] ?? w)
  const content = (w: string): string | null => {
    const lemma = word(w)
    if (lemma === null || WORK_IGNORED.has(lemma) || WORK_IGNORED.has(w)) return null
    if (Units.isKnown(lemma) && Units.dimensionOf(lemma) === "duration") return null
    return lemma
  }
  const words = new Set<string>()
  for (const w of [...before, ...after]) {
    const lemma = content(w)
    if (lemma) words.add(lemma)
  }
  // A verb of saying or expecting before the modal ("does not expect to reopen", "are expected to stay")
  // says what anyone may forecast, not what will be done.
  const doer = (w: string): string | null => {
    const lemma = word(w)
    return lemma === null || WORK_SAYING.has(lemma) ? null : lemma
  }
  let head: string | null = null
  for (let k = before.length - 1; k > 0 && head === null; k--)
    if (WORK_MODALS.has((before[k] ?? "").toLowerCase())) head = doer(before[k - 1] ?? "")
  return { words, head }
}

/**
 * What two completions' figures are both the end of, or undefined: the word both say will be done (see
 * `workWords`), or `sharedWords` content words around both; one is enough for two dates that meet, which
 * can only agree: it takes more to set two dates against each other than to find one told twice.
 */
const oneWork = (lexicon: Lexicon.Service, a: Measure, b: Measure): string | undefined => {
  const wa = workWords(lexicon, a)
  const wb = workWords(lexicon, b)
  if (wa.head !== null && wa.head === wb.head) return wa.head
  const shared = [...wb.words].filter((w) => wa.words.has(w))
  const needed = datesMeet(a.quantity, b.quantity) ? 1 : WORK_ENDS.sharedWords
  return shared.length >= needed ? shared.join(", ") : undefined
}

/** Whether two dates, with their bounds ("by", "at least"), have a day in common, give or take `slackDays`. */
const datesMeet = (a: Quantity.Quantity, b: Quantity.Quantity): boolean => {
  const [x, y] = [Quantity.reach(a), Quantity.reach(b)]
  return x.low <= y.high + WORK_ENDS.slackDays && y.low <= x.high + WORK_ENDS.slackDays
}

/** Compares two measures; when comparable, both are restated in one reference unit. */
export const compare = (lexicon: Lexicon.Service, a: Measure, b: Measure, options: Options = {}): Result => {
  const reasons: Reason[] = []
  const qa = splitRate(a.quantity)
  const qb = splitRate(b.quantity)
  const ma = a.measure
  const mb = b.measure
  // What is counted. With a unit, the counted word is only what is measured ("tonnes of wheat",
  // "acres of pine"), so a missing or different one weakens the match instead of ruling it out.
  const ha = head(a.counted)
  const hb = head(b.counted)
  const measured = qa.unit !== null && qb.unit !== null
  // "will employ 120 people" and "will create 60 jobs": one measure (measure-classes.json forecastOf).
  const classes = MeasureClass.relateMeasures(ma, mb)
  const [forecast, told] = MeasureClass.foretells(ma, mb) ? [ma, mb] : MeasureClass.foretells(mb, ma) ? [mb, ma] : []
  if (forecast && told)
    reasons.push({
      kind: "measure",
      detail: `a forecast of ${MeasureClass.label(forecast.class)} is the ${MeasureClass.label(told.class)}`,
      weight: 0,
    })
  let strength = 1
  // "people" on both sides (or one) says no more about what is measured than a bare number does: such
  // a pair needs its actions or words to say it, like two amounts that share only a unit.
  const named = (h: string | null) => h !== null && !MeasureClass.isGenericCounted(h)
  let basis: "measure" | "counted" | "unit" =
    classes === "unknown" ? (named(ha) || named(hb) ? "counted" : "unit") : "measure"
  // "45 km off the coast" and "waves of up to 6 metres": a distance from a place and a length that
  // names neither a reference nor a verb that covers it ("travelled 140 km") are not one measurement,
  // however alike their units.
  const located = MeasureClass.isLocated(ma.class) ? a : MeasureClass.isLocated(mb.class) ? b : null
  const loose = located === a ? b : a
  if (
    located &&
    loose.measure.class === "unknown" &&
    loose.measure.predicate === null &&
    dimensionOf(loose.quantity.unit) === "length"
  )
    return no(
      "measure",
      `"${located.quantity.text}" is a ${MeasureClass.label(located.measure.class)}, "${loose.quantity.text}" a length measured from nothing named`,
    )
  const sum = classes === "apart" && oneSum(qa, ma, qb, mb)
  if (classes === "apart" && !sum)
    return no(
      "measure",
      `different measures: ${MeasureClass.label(ma.class)} ("${qa.text}") and ${MeasureClass.label(mb.class)} ("${qb.text}")`,
    )
  if (sum) {
    strength = NESTED
    reasons.push({
      kind: "measure",
      detail: `${MeasureClass.label(ma.class)} ("${qa.text}") and ${MeasureClass.label(mb.class)} ("${qb.text}") are one sum`,
      weight: 0.6 * strength,
    })
  } else if (classes !== "unknown") {
    // One measure: the counted words may differ ("12 people were killed", "12 dead"), unless they name
    // two different groups ("soldiers", "civilians").
    // A share is of the whole it names, "people" too ("one in three people", "half of her bookings").
    const wholes = ma.class === SHARE && mb.class === SHARE
    if (
      ha &&
      hb &&
      (wholes || (!MeasureClass.isGenericFor(ma.class, ha) && !MeasureClass.isGenericFor(mb.class, hb))) &&
      !countedRelation(lexicon, ha, hb) &&
      !conjunctRelated(lexicon, a.counted, b.counted)
    )
      return no("counted", `${MeasureClass.label(ma.class)} of different groups: "${a.counted}" and "${b.counted}"`)
    // When two pieces of work end ("the inquiry would report by the end of January", "the repairs will take
    // three months"), or when one is done and when what it mends is back in use ("will not reopen until June",
    // "should be swimming again by June"): one date only when the words around both tell of one piece of work.
    const ends = MeasureClass.workEndsOfOneKind(ma.class, mb.class)
    const work =
      ends || (ma.class === MeasureClass.COMPLETION && mb.class === MeasureClass.COMPLETION)
        ? oneWork(lexicon, a, b)
        : null
    if (work === undefined)
      return no("counted", `"${qa.text}" and "${qb.text}" are when different pieces of work are done`)
    if (work) reasons.push({ kind: "counted", detail: `both are when "${work}" is done`, weight: 0 })
    strength = classes === "same" || ends ? 1 : NESTED
    reasons.push({
      kind: "measure",
      detail: ends
        ? `${MeasureClass.label(ma.class)} ("${qa.text}") and ${MeasureClass.label(mb.class)} ("${qb.text}") are when one piece of work is over`
        : classes === "same"
          ? `both measure ${MeasureClass.label(ma.class)} (${ruleOf(ma)}; ${ruleOf(mb)})`
          : `${MeasureClass.label(classes === "a-contains-b" ? mb.class : ma.class)} are part of ${MeasureClass.label(classes === "a-contains-b" ? ma.class : mb.class)}`,
      weight: 0.6 * strength,
    })
  } else if (ha && hb) {
    const r = countedRelation(lexicon, ha, hb)
    if (r) {
      strength = r.strength
      reasons.push({
        kind: "counted",
        detail: r.kind === "same" ? `both count "${ha}"` : `counted: ${r.detail}`,
        weight: 0.6 * strength,
      })
    } else if (measured) {
      strength = WEAK_MEASURED
      basis = "unit"
      reasons.push({
        kind: "counted",
        detail: `both in ${qa.unit === qb.unit ? qa.unit : "one dimension"}, measuring "${a.counted}" and "${b.counted}"`,
        weight: 0.6 * strength,
      })
    } else if (conjunctRelated(lexicon, a.counted, b.counted)) {
      // "police officers" among "police officers and volunteers": a part of what the other counts.
      strength = NESTED
      reasons.push({
        kind: "counted",
        detail: `"${a.counted}" and "${b.counted}": one counts a part of what the other counts`,
        weight: 0.6 * strength,
      })
    } else if (namedBy(a.counted, hb, lexicon) || namedBy(b.counted, ha, lexicon)) {
      // "seven H-40s" and "12 H-40 helicopters": a thing called by the name the other puts before its noun.
      strength = NESTED
      reasons.push({
        kind: "counted",
        detail: `"${a.counted}" and "${b.counted}" name one kind of thing`,
        weight: 0.6 * strength,
      })
    } else {
      const acted = actsOf(lexicon, ha, ma.predicate, hb) ?? actsOf(lexicon, hb, mb.predicate, ha)
      if (acted === null) return no("counted", `different things counted: "${a.counted}" and "${b.counted}"`)
      strength = NESTED
      reasons.push({
        kind: "counted",
        detail: `"${a.counted}" and "${b.counted}": the people who did it and the times they did it (${acted})`,
        weight: 0.6 * strength,
      })
    }
  } else if (ha || hb) {
    if (!measured) return no("counted", `only one says what it counts ("${a.counted ?? b.counted}")`)
    strength = ONE_SIDED
    reasons.push({
      kind: "counted",
      detail: `only one says what its ${qa.unit} measure ("${a.counted ?? b.counted}")`,
      weight: 0.6 * strength,
    })
  } else if (!measured) {
    return no("counted", "neither says what it counts")
  } else {
    strength = ONE_SIDED
  }
  if (
    qa.unit &&
    Units.isKnown(qa.unit) &&
    Units.dimensionOf(qa.unit) === "duration" &&
    !(ha && hb) &&
    classes === "unknown"
  ) {
    // "24 years" and "80 years" with nothing counted are spans of time, not measurements of one thing,
    // unless both are added to something by one verb ("the detour adds 9 days", "can add 9 days"), or
    // they are one length told twice ("21 days late", "three weeks later": see `oneLength`).
    const doer = oneSpan(lexicon, ma, mb) ? null : oneDoing(lexicon, a, b)
    const told = doer === undefined && oneSpanTold(lexicon, a, b)
    const sameLength = doer === undefined && !told && oneLength(a, b)
    const lasted = doer === undefined && !told && !sameLength ? oneLasted(lexicon, a, b) : undefined
    if (doer === undefined && !told && !sameLength && lasted === undefined)
      return no("counted", `"${qa.text}" and "${qb.text}" are lengths of time, not counts of one thing`)
    reasons.push({
      kind: "counted",
      detail: told
        ? `both are lengths of time whose sentences share what lasted`
        : sameLength
          ? `both are one length of time ("${qa.text}", "${qb.text}")`
          : lasted !== undefined
            ? `both are how long ${lasted} lasted`
            : doer === null
              ? `both are lengths of time "${ma.predicate}" adds`
              : `both are how long ${doer} "${ma.predicate}"`,
      weight: 0,
    })
  }
  // Dimension and unit.
  let factorA = 1
  let factorB = 1
  // A scale that does not start at zero (degrees Fahrenheit) restates in the reference unit with an offset too.
  let offsetA = 0
  let offsetB = 0
  let unit = qa.unit
  let reference = false
  if (qa.unit !== qb.unit) {
    if (!qa.unit || !qb.unit) return no("unit", `one is in ${qa.unit ?? qb.unit} and the other has no unit`)
    // "fifty cents" and "0.50 euros": the coin restated in the currency it is a hundredth of.
    const coinA = Units.minorShare(qa.unit, qb.unit)
    const coinB = Units.minorShare(qb.unit, qa.unit)
    if (coinA !== null || coinB !== null) {
      factorA = coinA ?? 1
      factorB = coinB ?? 1
      unit = coinA === null ? qa.unit : qb.unit
      reasons.push({ kind: "unit", detail: `${qa.unit} and ${qb.unit} restated in ${unit}`, weight: 0 })
    } else if (isCurrency(qa.unit) && isCurrency(qb.unit)) {
      const given = options.exchangeRates
      // No rates given: the reference rates, approximate ("about 6.2 million euros", "about £5.3m").
      const ra = given ? given[qa.unit] : Units.referenceRate(qa.unit)
      const rb = given ? given[qb.unit] : Units.referenceRate(qb.unit)
      if (ra === undefined || rb === undefined)
        return no("unit", `different currencies ${qa.unit} and ${qb.unit}, and no exchange rate was given`)
      factorA = ra
      factorB = rb
      reference = given === undefined
      unit = given ? (Object.entries(given).find(([, r]) => r === 1)?.[0] ?? qa.unit) : Units.REFERENCE_RATES.base
      reasons.push({
        kind: "unit",
        detail: given
          ? `${qa.unit} and ${qb.unit} converted at the given rates`
          : `${qa.unit} and ${qb.unit} converted at reference rates of ${Units.REFERENCE_RATES.asOf} (approximate)`,
        weight: 0,
      })
    } else {
      const fa = Units.factorOf(qa.unit)
      const fb = Units.factorOf(qb.unit)
      const dimension = Units.dimensionOf(qa.unit)
      if (fa === null || fb === null || dimension !== Units.dimensionOf(qb.unit) || dimension === null)
        return no("unit", `${qa.unit} and ${qb.unit} measure different dimensions`)
      factorA = fa
      factorB = fb
      offsetA = Units.offsetOf(qa.unit)
      offsetB = Units.offsetOf(qb.unit)
      unit = Units.referenceUnit(dimension) ?? qa.unit
      reasons.push({
        kind: "unit",
        detail: `${qa.unit} and ${qb.unit} both measure ${dimension}, compared in ${unit}`,
        weight: 0,
      })
    }
  } else if (qa.unit) {
    reasons.push({ kind: "unit", detail: `both in ${qa.unit}`, weight: 0 })
  }
  // Rate.
  let per = qa.per
  // "per bird" and "for each hen": a rate for each of one kind of thing, named in related words.
  const perThing = qa.per && qb.per && qa.per !== qb.per ? countedRelation(lexicon, qa.per, qb.per) : null
  if (perThing) {
    reasons.push({ kind: "rate", detail: `per ${qa.per} and per ${qb.per}: ${perThing.detail}`, weight: 0 })
  } else if (qa.per !== qb.per) {
    const pa = qa.per ? Units.perDay(qa.per) : undefined
    const pb = qb.per ? Units.perDay(qb.per) : undefined
    if (pa === undefined || pb === undefined)
      return no("rate", `one is per ${qa.per ?? "total"} and the other per ${qb.per ?? "total"}`)
    factorA /= pa
    factorB /= pb
    per = "day"
    reasons.push({ kind: "rate", detail: `per ${qa.per} and per ${qb.per} compared per day`, weight: 0 })
  } else if (qa.per) {
    reasons.push({ kind: "rate", detail: `both per ${qa.per}`, weight: 0 })
  }
  // Subject.
  if (a.subjects.length > 0 && b.subjects.length > 0) {
    const shared = a.subjects.filter((s) => b.subjects.includes(s))
    if (shared.length === 0)
      return no("entity", `about different subjects: ${a.subjects.join(", ")} and ${b.subjects.join(", ")}`)
  }
  if (!sameHolder(ma, mb, lexicon, { a: a.claim.text, b: b.claim.text }))
    return no("entity", `figures for different holders: "${ma.of}" and "${mb.of}"`)
  // An increment and a total, or two times, still align: the judgement says "compatible" or "changed".
  if (a.increment !== b.increment)
    reasons.push({
      kind: "counted",
      detail: `"${(a.increment ? qa : qb).text}" is added to an earlier figure, the other is a total`,
      weight: 0,
    })
  reasons.push(sameTime(a.claim, b.claim).reason)
  const normalize = (q: Quantity.Quantity, f: number, offset: number): AlignedGroup.Normalized => ({
    low: q.low * f + offset,
    high: q.high * f + offset,
    unit,
    per,
    ...(reference ? { reference: true as const } : {}),
  })
  const na = normalize(qa, factorA, offsetA)
  const nb = normalize(qb, factorB, offsetB)
  // "went from 337 pounds to 202 pounds" against "hit 337 pounds": the other figure is the one the
  // change started from, an earlier figure of the same thing, not a rival of the figure now.
  const before = (
    q: Quantity.Quantity,
    f: number,
    offset: number,
    o: AlignedGroup.Normalized,
    n: AlignedGroup.Normalized,
  ) =>
    q.from !== undefined &&
    !sameFigure(n, o) &&
    sameFigure({ ...n, low: q.from * f + offset, high: q.from * f + offset }, o)
  if (before(qa, factorA, offsetA, nb, na) || before(qb, factorB, offsetB, na, nb)) {
    const [changed, other] = qa.from !== undefined ? [qa, qb] : [qb, qa]
    return no(
      "time",
      `"${other.text}" is the figure "${changed.text}" changed from (${changed.from}), an earlier figure`,
    )
  }
  // A forecast or plan and a fact are one measurement only as the same figure ("schools will receive
  // €148.5m", "schools get €148.5m"); otherwise the forecast is of another time ("could reach 50").
  if (ma.modality !== mb.modality) {
    // "a 200 million euro factory", "a 900,000-euro repair bill": a sum that says what its noun is has no
    // tense of its own, and meets a forecast of that sum as well as a fact.
    const tenseless = Quantity.namesItsNoun(qa) || Quantity.namesItsNoun(qb)
    if (!tenseless && !sameFigure(na, nb))
      return no("measure", `"${qa.text}" is ${modalityWord(ma.modality)} and "${qb.text}" ${modalityWord(mb.modality)}`)
    reasons.push({
      kind: "measure",
      detail: `"${qa.text}" is ${modalityWord(ma.modality)} and "${qb.text}" ${modalityWord(mb.modality)}, of the same figure`,
      weight: 0,
    })
  }
  return { comparable: true, reasons, strength, basis, a: na, b: nb }
}
