/**
 * Whose figure a quantity is, for the judgement (holders.json): the place it is counted in, the part
 * of a population it counts, what is left after earlier figures, and what a length is measured from.
 */
import { MeasureClass, Quantity, Units } from "@crosscheck/domain"
import catalogue from "../holders.json" with { type: "json" }
import readings from "../readings.json" with { type: "json" }
import { alternation, NUMBER_WORD } from "./phrases.js"

const REMAINDERS: ReadonlySet<string> = new Set(catalogue.remainders)
const SUBGROUPS: ReadonlySet<string> = new Set(catalogue.subgroups)
const BACK = new RegExp(`\\b(?:${catalogue.backReference.join("|")})\\s+$`, "i")

const words = (counted: string | null): ReadonlyArray<string> =>
  counted?.toLowerCase().split(/\s+/).filter(Boolean) ?? []

const REMAINDER_BEFORE = new RegExp(`\\b(?:${alternation(catalogue.remainders)})\\s+$`, "i")

/**
 * "17 other people", "three others", "the remaining four workers": counted after what its article
 * already gave. `before` is the claim's text before the figure, when known.
 */
export const isRemainder = (q: Quantity.Quantity, before = ""): boolean =>
  words(q.counted).some((w) => REMAINDERS.has(w)) || REMAINDER_BEFORE.test(before)

/** "the two died": a bare figure pointing back to a group its article named. `before` is the text before it. */
export const isBackReference = (q: Quantity.Quantity, before: string): boolean =>
  q.counted === null &&
  q.unit === null &&
  // "the two", "the three": a small group, named in words; "the 6.8 magnitude quake" is no pointer.
  /^[A-Za-z-]+$/.test(q.text.trim()) &&
  BACK.test(before.slice(-12))

const WHOLES = new RegExp(`\\b(?:${alternation(catalogue.wholes)})\\s+$`, "i")

/**
 * "The restoration is part of a 60-million-euro programme": a sum or a count that is a whole its sentence's
 * subject is part of. Not a measure of the whole's size ("the upper part of the 35-metre silo" is the silo's
 * height). `before` is the text before the figure.
 */
export const isWiderWhole = (q: Quantity.Quantity, before: string): boolean =>
  (q.unit === null || Units.isCurrency(q.unit)) && WHOLES.test(before.slice(-24))

const WIDER = new RegExp(`(?<![\\p{L}])(?:${alternation(catalogue.widerScopes)})(?![\\p{L}])`, "iu")

/**
 * The words of a figure's own clause (`before` and `after` it, up to a comma, semicolon or full stop) saying it
 * is counted across a wider whole ("across its network", "nationwide"), or null (holders.json widerScopes).
 */
export const widerScope = (before: string, after: string): string | null => {
  const clause = `${before.split(/[,;:.!?]\s/).pop() ?? ""} ${after.split(/[,;:.!?](?:\s|$)/)[0] ?? ""}`
  return WIDER.exec(clause)?.[0] ?? null
}

const REJECTED = new RegExp(`(?<![\\p{L}])(?:${alternation(catalogue.rejections)})\\s+$`, "iu")

/** "only two, not the six the company says": the figure is one its own sentence sets aside. `before` is the text before it. */
export const isRejected = (before: string): boolean => REJECTED.test(before.slice(-24))

/** The part of a population a figure counts ("children", "soldiers"), or null for everyone. */
export const subgroupOf = (q: Quantity.Quantity): string | null => {
  const all = words(q.counted)
  const head = all[all.length - 1]
  if (!head || MeasureClass.isGenericCounted(head)) return null
  const singular = MeasureClass.countedHead(head)
  return SUBGROUPS.has(head) || (singular !== null && SUBGROUPS.has(singular)) ? head : null
}

/**
 * An age band a figure's own sentence puts on it right after what it counts ("33 passengers were under
 * the age of 12", "14 were aged over 60"): "were" or "are", then a limit from holders.json ageLimits and
 * an age in figures or words ("under arrest" is no band). `after` is the sentence's text after the figure.
 */
const AGE_BAND = new RegExp(
  `^[^.;:,]{0,40}?\\b(?:were|are|was|is)\\s+((?:${alternation(catalogue.ageLimits)})\\s+(?:\\d+|${NUMBER_WORD})\\b)`,
  "i",
)
export const ageBandAfter = (after: string): string | null => AGE_BAND.exec(after)?.[1] ?? null

/**
 * "Some 120 of the engineers": a count taken out of a group named before (readings.json groupPartitives),
 * which has no figure of its own
 * ("About 900 of the province's 1,450 schools" gives the whole's figure: another reading).
 */
const OUT_OF_GROUP = new RegExp(`^\\s+(?:${alternation(readings.groupPartitives)})\\s+[a-z]`, "i")
const FIGURE = new RegExp(`\\d|\\b(?:${NUMBER_WORD})\\b`, "i")
export const outOfGroup = (q: Quantity.Quantity, after: string): boolean => {
  if (q.unit !== null || !OUT_OF_GROUP.test(after)) return false
  const group = after.split(/[,.;:]/)[0] ?? ""
  return !FIGURE.test(group.split(/\s+/).slice(0, 6).join(" "))
}

/** The place a figure is counted in ("Loon", "elsewhere"), or null when the text names none. */
export const placeOf = (q: Quantity.Quantity): string | null => Quantity.measureOf(q).where ?? null

/** The smallest length that measures how far apart things are; below it (mm, cm, inches) a length is an amount of rain or snow. */
const METRE = Units.factorOf("metre") ?? 0

/**
 * A length (km, miles, metres) that says neither what it is measured from nor what it is: a class says
 * either (a distance from a place, a depth, a thing's own size, a height above the ground).
 */
export const isLooseLength = (q: Quantity.Quantity): boolean =>
  Units.dimensionOf(q.unit) === "length" &&
  (Units.factorOf(q.unit ?? "") ?? METRE) >= METRE &&
  !MeasureClass.isKnown(Quantity.measureOf(q).class)

const FALLS: ReadonlySet<string> = new Set(catalogue.falls)
const TRAVELS: ReadonlySet<string> = new Set(catalogue.travels)

/**
 * Two lengths that each say how far something fell ("fell about 50 metres", "dropped about 30 metres"), or
 * how far it went in all ("had covered more than 310,000 kilometres", "had done only 40,000 kilometres"):
 * the verb is what they measure, so they are one measurement though neither names a reference point.
 */
export const oneMotion = (qa: Quantity.Quantity, qb: Quantity.Quantity): boolean =>
  [FALLS, TRAVELS].some((verbs) =>
    [qa, qb].every((q) => {
      const p = Quantity.measureOf(q).predicate
      return Units.dimensionOf(q.unit) === "length" && p !== null && verbs.has(p.toLowerCase())
    }),
  )

const LINKING: ReadonlySet<string> = new Set(catalogue.linking)

/**
 * Two distances (or depths) from one point that do not show they locate one thing: "Loon, 42 km west
 * of Carmen" and "centred 2 km southeast of Carmen" place a town and an epicentre. One verb of
 * placing, on both sides and not a linking one ("centred", "centred"), shows one located thing.
 */
export const locateDifferentThings = (
  qa: Quantity.Quantity,
  qb: Quantity.Quantity,
  located: { readonly a: string | null; readonly b: string | null } = { a: null, b: null },
): boolean => {
  const ma = Quantity.measureOf(qa)
  const mb = Quantity.measureOf(qb)
  const placing = MeasureClass.isLocated(ma.class)
  if (!placing) return false
  // What each sentence places ("The depot, 12 km north of …", "The depot lies 15 km from …") decides
  // when both name it.
  if (located.a && located.b) return located.a !== located.b
  return ma.predicate === null || ma.predicate !== mb.predicate || LINKING.has(ma.predicate)
}

/**
 * The thing a distance places, as its sentence names it: the word before an aside holding the figure
 * ("The depot, 12 km north of Alderby"), else the claim's subject ("The depot lies 15 km from …").
 */
export const locatedThing = (subject: string | null, before: string): string | null => {
  const aside = /(\p{L}+),\s*$/u.exec(before)
  const word = aside?.[1] ?? subject?.trim().split(/\s+/).pop() ?? null
  return word ? word.toLowerCase() : null
}

const LESSER = new RegExp(`\\b(?:${catalogue.lesserEvents.join("|")})\\b`, "i")

/** Whether a claim puts its figure on a lesser event of the story ("aftershocks of 4.4"). */
export const onLesserEvent = (claimText: string): boolean => LESSER.test(claimText)

const BARE_UNITS: ReadonlySet<string> = new Set(catalogue.bareUnits)

/** A unit that alone says nothing of what is measured: money, percentages. */
export const isBareUnit = (unit: string | null): boolean =>
  unit !== null && (BARE_UNITS.has(unit) || Units.isCurrency(unit))

const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/^the\s+/, "")
    .trim()

/** Whether a sentence names a place ("its Hexley plant" names Hexley), as a whole word. */
export const names = (sentence: string, place: string): boolean => {
  const words = norm(place)
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
  return words.length > 0 && new RegExp(`(?<![\\p{L}])${words.join("\\s+")}(?![\\p{L}])`, "iu").test(sentence)
}

/**
 * Whether a sentence points back to a named place by its head noun alone, with "the": "at the court" for
 * "Dunstoke Crown Court", "the plant" for "its Hexley plant". A one-word place (a town) has no such head.
 */
export const refersBackTo = (sentence: string, place: string): boolean => {
  const all = norm(place).split(/\s+/).filter(Boolean)
  const head = all[all.length - 1]
  return (
    all.length > 1 &&
    head !== undefined &&
    /^\p{L}+$/u.test(head) &&
    new RegExp(`(?<![\\p{L}])the\\s+${head}(?![\\p{L}])`, "iu").test(sentence)
  )
}

/** Whether two figures' places are one place ("Nagpur" and "nagpur"). */
export const samePlace = (a: string, b: string): boolean => norm(a) === norm(b)

const NOT_SUMS: ReadonlySet<string> = new Set(catalogue.notSums)

/** Whether a figure is a sum that parts add up to (people, money, tonnes), not a rate, ratio, speed or date. */
const isSum = (q: Quantity.Quantity): boolean => q.per === null && !NOT_SUMS.has(Units.dimensionOf(q.unit) ?? "")

/**
 * Why two figures of one measure are not one total, or null when nothing says so: one counted in a
 * named place and the other not (or in another), one counting a part of the population the other counts.
 * `sentences` are the two claims' texts: a figure whose own sentence names the other's place ("640 jobs at
 * its Hexley plant" beside "850 jobs at its plant in Hexley") is counted there too (rule place-named-by-both).
 */
export const partOfOther = (
  qa: Quantity.Quantity,
  qb: Quantity.Quantity,
  sentences?: { readonly a: string; readonly b: string },
  after?: { readonly a: string; readonly b: string },
  leads?: { readonly a: string; readonly b: string },
): string | null => {
  const pa = placeOf(qa)
  const pb = placeOf(qb)
  // One place on both sides (named by both, or by one and in the other's sentence) parts nothing; a
  // subgroup or an age band below still may ("nine people, including six women, died in Nagpur").
  if (((pa ?? "") !== "" || (pb ?? "") !== "") && !(pa && pb && samePlace(pa, pb))) {
    if (pa && pb)
      return `"${qa.text}" is counted ${pa === "elsewhere" ? "elsewhere" : `in ${pa}`} and "${qb.text}" ${pb === "elsewhere" ? "elsewhere" : `in ${pb}`}`
    const [placed, where, other] = pa ? [qa, pa, qb] : [qb, pb as string, qa]
    const otherSentence = sentences ? (pa ? sentences.b : sentences.a) : ""
    // An article that names the place in its title or opening is about that place: its figures that name
    // none are that place's ("Horse flu outbreak at Brenholt", then "about 60 horses were infected").
    const otherLead = leads ? (pa ? leads.b : leads.a) : ""
    // A place's rate or speed is no part of another ("fell 14% in Kessport", "fell about 4 per cent").
    // A sum above the one that names no place may still hold it: that one may count a narrower place.
    const apart =
      where === "elsewhere" ||
      !(names(otherSentence, where) || names(otherLead, where) || refersBackTo(otherSentence, where))
    if (apart && isSum(placed) && isSum(other))
      return `"${placed.text}" is counted ${where === "elsewhere" ? "apart from the places named" : `in ${where}`}, "${other.text}" names no place: one place's figure is a part of a wider one`
  }
  // "20 engineers" against "about 45 engineers and contractors": one of the things a coordination counts.
  const [ja, jb] = [MeasureClass.countedConjuncts(qa.counted), MeasureClass.countedConjuncts(qb.counted)]
  if (ja.length > 1 !== jb.length > 1) {
    const [whole, part, heads] = ja.length > 1 ? [qa, qb, ja] : [qb, qa, jb]
    const h = MeasureClass.countedHead(part.counted)
    if (h !== null && heads.includes(h) && part.low <= whole.high)
      return `"${part.text}" counts ${part.counted} only, "${whole.text}" counts ${whole.counted}: a part, not a rival figure`
  }
  // "33 passengers were under the age of 12" against "160 passengers": an age band's part of them.
  const banda = after ? ageBandAfter(after.a) : null
  const bandb = after ? ageBandAfter(after.b) : null
  if ((banda === null) !== (bandb === null)) {
    const [band, group, other] = banda ? [banda, qa, qb] : [bandb as string, qb, qa]
    return `"${group.text}" counts those ${band} only, "${other.text}" counts them all: a part, not a rival figure`
  }
  // "Some 120 of the engineers came from abroad" against "about 650 engineers": a part of that group.
  const oa = after ? outOfGroup(qa, after.a) : false
  const ob = after ? outOfGroup(qb, after.b) : false
  if (oa !== ob) {
    const [part, whole] = oa ? [qa, qb] : [qb, qa]
    if (part.high < whole.low)
      return `"${part.text}" is counted out of a group its article named before, "${whole.text}" counts that group: a part, not a rival figure`
  }
  const ga = subgroupOf(qa)
  const gb = subgroupOf(qb)
  const everyone = (q: Quantity.Quantity): boolean => {
    const all = words(q.counted)
    const head = all[all.length - 1]
    return head === undefined || MeasureClass.isGenericCounted(head)
  }
  if ((ga !== null && gb === null && everyone(qb)) || (gb !== null && ga === null && everyone(qa))) {
    const [group, other] = ga ? [qa, qb] : [qb, qa]
    return `"${group.text}" counts ${subgroupOf(group)} only, "${other.text}" counts everyone: a part, not a rival figure`
  }
  return null
}
