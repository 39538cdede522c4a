/**
 * Finds the quantities of one sentence: values (digits, words, scales, fractions), ranges,
 * approximators, units and currencies, what is counted and the denominator of a rate.
 */
import { Quantity, Units } from "@crosscheck/domain"
import { isPluralAfterFigure, lower, startsUpper, type Token, tokenAt } from "./Analysis.js"
import {
  AGE_UNIT,
  type Approximate,
  approximatorAfter,
  approximatorBefore,
  changedFromWords,
  changeVerbs,
  clauseRateAt,
  currencyAt,
  currencyBefore,
  isNumberWord,
  membersOf,
  partitiveDeterminers,
  perAt,
  postnominalParticiples,
  poundsAsMoney,
  singular,
  type UnitMatch,
  unitAt,
  unitNamed,
} from "./internal/Catalogue.js"
import { isNotQuantity, masked } from "./internal/NotQuantities.js"
import { halfAfterUnit, type Numeral, read, thousandsPoint } from "./internal/Numerals.js"
import * as Lexicon from "./Lexicon.js"
import * as Measures from "./Measures.js"
import { MONTHS, WEEKDAYS } from "./TimeExpressions.js"

interface Reading {
  readonly numeral: Numeral
  readonly start: number
  /** End of the value with its scale, currency and unit. */
  readonly end: number
  readonly currency: string | null
  readonly unit: UnitMatch | null
  readonly negative: boolean
}

// A minus sign after a lowercase word or a symbol ("was -5", "$-50.8bn"), not after a name ("COVID -19").
const NEGATIVE_BEFORE = /(?:(?<=^|[ \t(=:$]|[a-z][ \t])[-−]|\bminus[ \t-]?)$/i

/** The article after "half" in "half an hour", "half a mile". */
const HALF_ARTICLE = /[ \t]+an?(?=[ \t])/y

/**
 * "half an hour", "half a mile", "half a tonne": half of one unit, not a proportion of something. The
 * numeral takes in the article, so the unit is read after it; "half a pound" stays a half (money or weight).
 */
const halfOfUnit = (text: string, n: Numeral, limit: number): Numeral => {
  if (n.kind !== "fraction" || n.low !== 0.5 || !/half$/i.test(text.slice(n.start, n.end))) return n
  HALF_ARTICLE.lastIndex = n.end
  const article = HALF_ARTICLE.exec(text)
  if (!article) return n
  const end = n.end + article[0].length
  const unit = end < limit ? unitAt(text, end, false) : null
  if (!unit || unit.currency || unit.unit === "pound" || unit.end > limit) return n
  return { ...n, end, kind: "words" }
}

/** A value with its currency (before or after), sign and unit, starting at a candidate position. */
const readAt = (text: string, at: number, limit: number): Reading | null => {
  // A candidate word is read first: one that is no number (most often "a" before no unit of time) then
  // costs no reading of the sign and currency before it, which only a number has (and a word's reading
  // does not depend on them).
  const digit = isDigit(text.charCodeAt(at))
  const word = digit ? null : read(text, at)
  if (!digit && word === null) return null
  const before = text.slice(Math.max(0, at - 12), at)
  let negative = false
  let lead = before
  const neg = NEGATIVE_BEFORE.exec(before)
  // "minus four" as "minus 4"; a bare dash only before digits ("-4", never "-four").
  if (neg && (/\d/.test(text[at] ?? "") || /minus/i.test(neg[0]))) {
    negative = true
    lead = before.slice(0, before.length - neg[0].length)
  }
  const prefix = currencyBefore(lead)
  const read0 = word ?? read(text, at, prefix !== null)
  if (!read0 || read0.end > limit) return null
  const numeral = halfOfUnit(text, read0, limit)
  let start = numeral.start
  if (negative) start -= before.length - lead.length
  let currency = prefix?.code ?? null
  if (prefix) start -= prefix.length
  const unit = numeral.end < limit ? unitAt(text, numeral.end, numeral.kind === "digits") : null
  let end = numeral.end
  let u: UnitMatch | null = null
  if (unit && unit.end <= limit) {
    if (unit.currency) {
      // A code written after the amount is the more specific: "$5 CAD" is in Canadian dollars.
      currency =
        /^[A-Z]{3}$/.test(unit.unit) && /^[ \t]*[A-Z]{3}\b/.test(text.slice(numeral.end, unit.end))
          ? unit.unit
          : (currency ?? unit.unit)
      end = unit.end
    } else if (
      unit.unit === "pound" &&
      (numeral.scale >= 1_000_000 ||
        /^[ \t]+sterling/i.test(text.slice(unit.end)) ||
        poundsAsMoney(text, start, unit.end))
    ) {
      currency = currency ?? "GBP"
      end = unit.end
    } else if (!currency) {
      u = unit
      end = unit.end
    }
  }
  return { numeral, start, end, currency, unit: u, negative }
}

const NOUNISH = new Set(["NOUN", "PROPN", "ADJ"])
const TIME_DEICTIC = new Set(["last", "next", "this", "past", "coming", "previous", "same", "first", "final"])
/** Day and month names: "three early Monday", "40 on Tuesday" name a time after the figure, not what it counts. */
const CALENDAR_NAMES: ReadonlySet<string> = new Set<string>([...MONTHS, ...WEEKDAYS])
/** Words that open a time with a day or month name after them ("early Monday", "late June"). */
const TIME_OPENERS = new Set(["early", "late", "mid", "next", "last", "this"])
/** A day or month name as written in running text (capitalised), so that "may" stays a verb. */
const isCalendarName = (x: Token | undefined): boolean =>
  x !== undefined && CALENDAR_NAMES.has(x.lower) && startsUpper(x.text)
/** What a counted noun names, singular: a name without its plural "s"; wink leaves unknown plurals ("deminers") as they are. */
const countedLemma = (t: Token): string => {
  if (t.pos === "PROPN") return t.text.replace(/s$/, "")
  return t.lemma === t.lower && t.lower.endsWith("s") ? singular(t.lower) : t.lemma
}

/** Past a possessor at token `k` ("the plant's", "Ford's"): the noun group it owns starts after it. */
const pastPossessor = (ts: ReadonlyArray<Token>, k: number): number => {
  let i = k
  while (i < k + 3 && NOUNISH.has(ts[i]?.pos ?? "")) i++
  return i > k && /^['’]s$/.test(ts[i]?.text ?? "") ? i + 1 : k
}

/** "two-thirds", "one in five": a number that is a part of a whole, never a range's end. */
const isProportion = (n: { readonly kind: string }): boolean => n.kind === "fraction" || n.kind === "share"

/** What follows a verb, not a noun of a compound: "check the fridges", "work at the unit", "swam back", "sleep rough". */
const VERB_FOLLOWERS: ReadonlySet<string> = new Set(["DET", "ADP", "ADV", "PRON", "PART", "ADJ"])

/**
 * The noun group after a quantity: "North Korean troops" gives "North Korean troop". When the group's
 * head is a unit after modifiers ("517 rushing yards", "50 previous years"), that is the unit.
 */
const countedAfter = (
  ts: ReadonlyArray<Token>,
  k0: number,
  partitive = false,
  bare = false,
): { counted: string | null; end: number | null; unit: string | null } => {
  let k = k0
  // "an 80-bed hospital", "a 300-page report", "the 24-storey Halloran Tower": joined by a hyphen, the noun
  // is what the figure counts; the noun or name after it is what has them (wink tags some such nouns as
  // verbs: "the 22-storey block").
  const joined = ts[k]
  const noun = ts[k + 1]
  const holder = ts[k + 2]?.pos ?? ""
  if (
    joined?.text === "-" &&
    noun?.pos === "NOUN" &&
    noun.start === joined.end &&
    (holder === "NOUN" || holder === "PROPN" || holder === "VERB")
  )
    return { counted: singular(noun.lower), end: noun.end, unit: null }
  if (lower(ts[k]) === "of" && NOUNISH.has(ts[k + 1]?.pos ?? "")) k++
  else if (bare && lower(ts[k]) === "of" && partitiveDeterminers.has(lower(ts[k + 1])))
    // "two of the plant's production lines": a count that is part of a group counts what the group is
    // (not an amount in a unit: "5,000 hectares of the reserve" is of a place).
    k += 2
  // "three of Marl Transit's drivers", "hundreds of the firm's workers": the possessor is whose they are.
  if (bare) k = pastPossessor(ts, k)
  // A part of a whole names the whole after a determiner: "half the condos", "a third of its revenue".
  if (partitive) {
    if (lower(ts[k]) === "of") k++
    if (ts[k]?.pos === "DET" || ts[k]?.pos === "PRON") k++
  }
  // A participle describes rather than names what is counted: "300 recorded songs" counts songs.
  while (
    ts[k]?.pos === "VERB" &&
    /(?:ing|ed)$/.test(ts[k]?.text ?? "") &&
    (NOUNISH.has(ts[k + 1]?.pos ?? "") || isPluralAfterFigure(ts, k + 1))
  )
    k++
  const first = k
  const words: Token[] = []
  while (k < ts.length && words.length < 6) {
    const t = ts[k] as Token
    // "from five to three early Monday": a time, where what is counted would be ("40 may die" is no month);
    // "put the figure at about 3,100 yesterday": so is a day (lexicon weekdays).
    if (isCalendarName(t) || Lexicon.isWeekday(t) || (TIME_OPENERS.has(t.lower) && isCalendarName(ts[k + 1]))) break
    const unit = unitNamed(t.text)
    // "517 rushing yards", "50 previous years": one modifier, then a unit ("last year" is a time, not a unit).
    // Not after a noun: "900 access points" counts access points (a compound goes on), "900,000 crowns
    // second-hand" counts crowns (a plural noun ended the group).
    const modifier = words[0]
    const noun =
      modifier !== undefined && (modifier.pos === "NOUN" || modifier.pos === "PROPN") && !/ing$/.test(modifier.lower)
    if (unit && noun && words.length === 1) {
      if (modifier.lemma !== modifier.lower || Lexicon.isPluralNoun(modifier.lower)) break
      words.push(t)
      k++
      continue
    }
    if (unit && words.length <= 1 && !TIME_DEICTIC.has(lower(modifier))) {
      return { counted: null, end: null, unit: words.length === 0 && first === k0 ? null : unit }
    }
    // "9,840 ballots cast": what was done with them, not more of what they are.
    if (words.length > 0 && /s$/i.test(words[words.length - 1]?.text ?? "") && postnominalParticiples.has(t.lower))
      break
    // "the number of jobs Kellner has cut": a name after a plural noun opens a clause about it, the noun ends.
    const last = words[words.length - 1]
    if (t.pos === "PROPN" && last?.pos === "NOUN" && /s$/i.test(last.text) && last.lemma !== last.lower) break
    // "300 volunteers check the fridges", "18 midwives work at the unit": a compound puts its plural on its
    // last word, so a word after a plural noun, itself no plural, before a determiner, preposition or
    // adverb, is the verb wink took for a noun; so after a plural with no -s ("4,200 staff work on").
    if (
      last?.pos === "NOUN" &&
      (last.lemma !== last.lower || Lexicon.isPluralNoun(last.lower)) &&
      t.pos === "NOUN" &&
      !/s$/.test(t.lower) &&
      VERB_FOLLOWERS.has(ts[k + 1]?.pos ?? "")
    )
      break
    if (NOUNISH.has(t.pos) && !/^\d/.test(t.text) && !unit) {
      words.push(t)
      k++
      continue
    }
    // "3,150 emergency calls failed": the plural noun wink tagged a verb (Analysis.isPluralAfterFigure).
    if (t.pos === "VERB" && isPluralAfterFigure(ts, k)) {
      words.push({ ...t, pos: "NOUN", lemma: t.lower.slice(0, -1) })
      k++
      break
    }
    // "the cut-price televisions": a word hyphened to the next is one modifier with it, and the group goes on;
    // so is a model's code and number ("seven H-40s", "two F-16 jets").
    const joined = ts[k + 1]
    if (
      last &&
      /^[-–]$/.test(t.text) &&
      last.end === t.start &&
      joined !== undefined &&
      t.end === joined.start &&
      (/^\p{L}/u.test(joined.text) || (/^\p{Lu}{1,4}$/u.test(last.text) && /^\d+s?$/.test(joined.text)))
    ) {
      words[words.length - 1] = {
        ...joined,
        text: `${last.text}${t.text}${joined.text}`,
        lower: `${last.lower}${t.text}${joined.lower}`,
        lemma: `${last.lower}${t.text}${joined.lemma}`,
        start: last.start,
        pos: NOUNISH.has(joined.pos) ? joined.pos : "ADJ",
      }
      k += 2
      continue
    }
    // "builders and deminers", "Kia and Hyundai vehicles": a coordinated group. A conjunct that opens
    // with an adjective starts a new phrase ("troops and large quantities of equipment").
    const next = ts[k + 1]?.pos ?? ""
    if ((t.text === "and" || t.text === "&") && words.length > 0 && (next === "NOUN" || next === "PROPN")) {
      words.push(t)
      k++
      continue
    }
    break
  }
  while (words.length > 0 && words[words.length - 1]?.pos !== "NOUN" && words[words.length - 1]?.pos !== "PROPN")
    words.pop()
  if (words.length === 0) return { counted: null, end: null, unit: null }
  // "58 members of staff", "six members of the crew": the group's people are what is counted.
  const last = words[words.length - 1]
  if (words.length === 1 && last && /^members?$/i.test(last.text)) {
    const at = ts.indexOf(last)
    const det = ts[at + 2]?.pos === "DET" ? 1 : 0
    const group = ts[at + 2 + det]
    if (
      lower(ts[at + 1]) === "of" &&
      group?.pos === "NOUN" &&
      membersOf.has(group.lower) &&
      ts[at + 3 + det]?.pos !== "NOUN"
    )
      return { counted: group.lower, end: group.end, unit: null }
  }
  // Every noun before "and" is a head too ("builder and deminer").
  const parts = words.map((t, i) => {
    const nextIsAnd = words[i + 1]?.text === "and" || words[i + 1]?.text === "&"
    return i === words.length - 1 || (nextIsAnd && t.pos === "NOUN") ? countedLemma(t) : t.text
  })
  return { counted: parts.join(" "), end: words[words.length - 1]?.end ?? null, unit: null }
}

const wordBefore = (text: string, at: number): string => {
  const m = /([A-Za-z]+)[^A-Za-z\d]{0,3}$/.exec(text.slice(Math.max(0, at - 24), at))
  return m?.[1]?.toLowerCase() ?? ""
}

/** How many words before "by" a word of change may stand ("cut staff by 20 to 30 per cent"). */
const BY_CHANGE_WORDS = 3

/**
 * Whether the word before a figure makes "X to Y" a change and the level it reached ("rose 300 to 1,200",
 * "rose by 5% to $3bn"): a word of change, or "by" after one within a few words. "Compiled by 60 to 70
 * volunteers" is a range: "by" names who did it, no change. Read from the tokens before the figure at `start`.
 */
const changedBy = (ts: ReadonlyArray<Token>, start: number, verbBefore: string): boolean => {
  if (verbBefore !== "by") return changeVerbs.has(verbBefore)
  const at = tokenAt(ts, start)
  let by = at - 1
  while (by > at - BY_CHANGE_WORDS && lower(ts[by]) !== "by") by--
  if (lower(ts[by]) !== "by") return true
  for (let k = by - 1; k >= Math.max(0, by - BY_CHANGE_WORDS); k--) if (changeVerbs.has(lower(ts[k]))) return true
  return false
}

const isNounTag = (pos: string | undefined): boolean => pos === "NOUN" || pos === "PROPN"

/** How many words of an object's noun group may stand between a word of change and its "from". */
const CHANGE_OBJECT = 6
const OBJECT_WORD = new Set(["DET", "PRON", "ADJ", "NOUN", "PROPN", "ADV", "NUM", "VERB"])

/**
 * Whether "from" at token `k` follows a word of change, past its object's noun group ("cut its in-house
 * team from 420 to 150"): then "from A to B" is a change to B, not a range.
 */
const changedFrom = (ts: ReadonlyArray<Token>, k: number): boolean => {
  for (let i = k - 1, n = 0; i >= 0 && n <= CHANGE_OBJECT; i--, n++) {
    const t = ts[i] as Token
    const word = t.lower
    if (changedFromWords.has(word)) return true
    // "in-house", "long-haul": a hyphened word is read as its parts.
    if (/^[-–]$/.test(word)) {
      i--
      continue
    }
    // The object's words, as wink tags them (it takes some nouns for verbs: "IT team"), and its "of" ("the number of routes").
    if (!OBJECT_WORD.has(t.pos) && word !== "of" && !/^['’]s$/.test(word)) return false
  }
  return false
}

const RANGE_JOINER = /[ \t]*(?:-to-|-|–|—|to-|to|up to|through|and|or)[ \t]*/y
// "from the equivalent of 62 mph to 50 mph": a conversion's words between "from" and its figure.
const RANGE_OPENER =
  /(?:^|[^A-Za-z])(anywhere[ \t]+from|between|from)(?:[ \t]+(?:the|an)[ \t]+equivalent[ \t]+of)?[ \t]+$/i

const isDigit = (c: number): boolean => c >= 48 && c <= 57

/**
 * Where numbers may start in a token: at a number word, or at each run of digits that does not
 * continue a number ("1,000", "1.5") — including digits glued to letters ("RM23", "to-260").
 */
const candidatesIn = (tok: Token, out: number[]): void => {
  const t = tok.text
  // "for a week": read only after a word that opens a length (Numerals, numbers.json lengthArticle).
  if (isNumberWord(t, tok.lower) || tok.lower === "a" || tok.lower === "an") {
    out.push(tok.start)
    return
  }
  for (let j = 0; j < t.length; j++) {
    if (!isDigit(t.charCodeAt(j))) continue
    const p = j === 0 ? -1 : t.charCodeAt(j - 1)
    if (j === 0 || !(isDigit(p) || ((p === 44 || p === 46) && j > 1 && isDigit(t.charCodeAt(j - 2)))))
      out.push(tok.start + j)
  }
}

/** Every quantity in a sentence's tokens, with spans into the document text. */
export const find = (text: string, ts: ReadonlyArray<Token>): ReadonlyArray<Quantity.Quantity> => {
  const first = ts[0]
  const last = ts[ts.length - 1]
  if (!first || !last) return []
  const from = first.start
  const limit = last.end
  const starts: number[] = []
  for (const tok of ts) candidatesIn(tok, starts)
  if (starts.length === 0) return []
  const out: Quantity.Quantity[] = []
  // Sorted by start and swept once with the starts (in text order), never searched again for each start.
  const blocked = [...masked(text, from, limit)].sort((x, y) => x[0] - y[0])
  let bi = 0
  let blockedTo = -1
  let skipTo = from
  for (const at of starts) {
    if (at < skipTo) continue
    while (bi < blocked.length && (blocked[bi]?.[0] ?? 0) <= at)
      blockedTo = Math.max(blockedTo, blocked[bi++]?.[1] ?? 0)
    if (at < blockedTo) continue
    const r = readAt(text, at, limit)
    if (!r) continue
    const q = complete(text, ts, r, limit)
    if (q.skipTo > skipTo) skipTo = q.skipTo
    // A run of hundreds of digits is no figure anyone states, and its value (Infinity) has no JSON form.
    if (q.quantity && Number.isFinite(q.quantity.low) && Number.isFinite(q.quantity.high)) {
      const previous = out[out.length - 1]
      const read = restated(
        text,
        coordinated(text, partOf(text, elided(text, q.quantity, previous), previous), previous),
        previous,
      )
      // "300 miles, or 500 kilometres, north of Pell": what the conversion measures (read after it) is
      // what the figure it restates measures.
      if (read.restates && previous && Quantity.measureOf(previous).class === "unknown" && read.measure)
        out[out.length - 1] = { ...previous, measure: read.measure }
      else if (previous) {
        const listed = listedBefore(text, previous, read)
        if (listed) out[out.length - 1] = listed
      }
      out.push(read)
    }
  }
  return out
}

/** Dimensions whose figures may be written with a thousands point ("4.900 hectares"). */
const POINTED: ReadonlySet<string> = new Set(["area", "length", "volume"])

const COMPARED = /(?:\bfrom|\bcompared (?:with|to)|\bversus|\bvs\.?|\bthan|\bagainst)[ \t]*$/i

/**
 * "3.9 million headsets, up from 2.4 million"; "460 vehicles compared with 63": a bare number
 * compared with the quantity before it measures the same thing, in the same unit.
 */
const elided = (text: string, q: Quantity.Quantity, previous: Quantity.Quantity | undefined): Quantity.Quantity => {
  if (!previous || !COMPARED.test(text.slice(Math.max(previous.span.end, q.span.start - 16), q.span.start))) return q
  // The compared figure is the same measure, at another time or place ("rose to $3bn from $2bn").
  const known = previous.measure && previous.measure.class !== "unknown" && q.measure?.class === "unknown"
  const measure = known ? { measure: { ...previous.measure, scope: "total" as const, negated: false } } : {}
  if (q.unit !== null || q.counted !== null || q.per !== null)
    return q.unit !== null && q.unit === previous.unit ? { ...q, ...measure } : q
  if (previous.unit === null && previous.counted === null) return q
  return { ...q, unit: previous.unit, counted: previous.counted, per: previous.per, ...measure }
}

/**
 * What stands between a figure and itself in another unit: a bracket, or ", or" ("300 miles, or 500
 * kilometres"); an approximator of the second ("or about 18 metres") is part of its own span.
 */
const RESTATING = /^[ \t]*(?:\(|,[ \t]*or)[ \t]*$/i

/**
 * "42 kilometres (26 miles) west of Carmen", "300 miles, or 500 kilometres, north of Pell": a figure in
 * brackets, or after ", or", right after another, in a unit that converts to its unit, is the same
 * figure restated: it measures what that one measures, and says so (`restates`), so that alignment
 * compares the figure once, in the unit the text gave first.
 */
const restated = (text: string, q: Quantity.Quantity, previous: Quantity.Quantity | undefined): Quantity.Quantity => {
  if (!previous || q.unit === previous.unit) return q
  if (!Units.converts(q.unit, previous.unit)) return inOtherCurrency(text, q, previous)
  if (!RESTATING.test(text.slice(previous.span.end, q.span.start))) return q
  const known = previous.measure && previous.measure.class !== "unknown" && q.measure?.class === "unknown"
  return known ? { ...q, restates: true, measure: previous.measure } : { ...q, restates: true }
}

/**
 * What stands between a sum and itself in another currency: a bracket, "or", or a comma or dash before an
 * approximate figure ("80,000 pounds, roughly 92,000 euros"; the approximator is the figure's own).
 */
const RESTATING_MONEY = /^[ \t]*(?:\(|,?[ \t]*or)[ \t]*$/i
const RESTATING_ROUGHLY = /^[ \t]*(?:,|[—–]|[ \t]-)[ \t]*$/

/**
 * "80,000 pounds, roughly 92,000 euros", "$5 million (£4 million)": a sum written again in another
 * currency right after it measures what that sum measures. No rate converts one into the other here, so
 * it is not marked as restating (it is compared on its own, with figures in its currency): it takes the
 * sum's measure, as the sum's own words ("would cost") are before the first of the two.
 */
const inOtherCurrency = (text: string, q: Quantity.Quantity, previous: Quantity.Quantity): Quantity.Quantity => {
  if (!q.unit || !previous.unit || !Units.isCurrency(q.unit) || !Units.isCurrency(previous.unit)) return q
  if (q.per !== previous.per || !previous.measure || q.measure?.class !== "unknown") return q
  const between = text.slice(previous.span.end, q.span.start)
  if (!RESTATING_MONEY.test(between) && !(RESTATING_ROUGHLY.test(between) && q.approximate !== "exact")) return q
  return { ...q, measure: previous.measure }
}

const PART_OF = /\b(?:including|among them|among whom|of whom|of which|of them)[ \t]*$/i
/** "Among the 121 dead were 112 women": the whole opens the clause, its part follows the verb. */
const AMONG_WHOLE = /\bamong(?:[ \t]+(?:the|those))?[ \t]*$/i
const PART_AFTER_WHOLE = /^[ \t]+[\p{L}-]+(?:[ \t]+[\p{L}-]+)?[ \t]+(?:were|are|was|is)[ \t]+$/u

/**
 * "Forty people, including 12 children, were killed", "Among the 40 dead were 12 children": a figure
 * introduced as a part of the one before it measures the same thing, of its own group.
 */
const partOf = (text: string, q: Quantity.Quantity, previous: Quantity.Quantity | undefined): Quantity.Quantity => {
  if (!previous?.measure || previous.measure.class === "unknown" || q.measure?.class !== "unknown") return q
  const among =
    AMONG_WHOLE.test(text.slice(Math.max(0, previous.span.start - 12), previous.span.start)) &&
    PART_AFTER_WHOLE.test(text.slice(previous.span.end, q.span.start))
  if (!among && !PART_OF.test(text.slice(Math.max(previous.span.end, q.span.start - 16), q.span.start))) return q
  return { ...q, measure: { ...previous.measure, of: q.counted ?? previous.measure.of, rule: previous.measure.rule } }
}

/** "112 women and seven children", "12 soldiers, 3 police officers and 2 civilians": the words between two list items. */
const LIST_ITEM = /^[ \t]+[\p{L}-]+(?:[ \t]+[\p{L}-]+)?[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)$/u

/**
 * "Among the 40 dead were 12 women and nine children": a figure listed after another, of its own
 * group and with no verb of its own, measures what that one measures.
 */
const coordinated = (
  text: string,
  q: Quantity.Quantity,
  previous: Quantity.Quantity | undefined,
): Quantity.Quantity => {
  if (!previous?.measure || previous.counted === null || !Measures.statedByVerb(previous.measure)) return q
  if (q.counted === null || q.unit !== null || q.measure?.class !== "unknown" || q.measure.predicate !== null) return q
  if (!LIST_ITEM.test(text.slice(previous.span.end, q.span.start))) return q
  return { ...q, measure: { ...previous.measure, of: q.counted, rule: previous.measure.rule } }
}

/**
 * "all 159 passengers and 10 crew members were killed": a figure listed right before another whose verb
 * states it, with no verb of its own, measures what that one measures (of its own group); the reverse of
 * `coordinated`, for the verb after the list. Null when it does not apply.
 */
const listedBefore = (text: string, previous: Quantity.Quantity, q: Quantity.Quantity): Quantity.Quantity | null => {
  if (!q.measure || q.counted === null || !Measures.statedByVerb(q.measure)) return null
  if (!previous.measure || previous.counted === null || previous.unit !== null) return null
  if (Measures.statedByVerb(previous.measure) || previous.measure.class === q.measure.class) return null
  if (!Measures.takesCounted(q.measure, previous.counted)) return null
  if (!LIST_ITEM.test(text.slice(previous.span.end, q.span.start))) return null
  return { ...previous, measure: { ...q.measure, of: previous.counted, rule: q.measure.rule } }
}

const complete = (
  text: string,
  ts: ReadonlyArray<Token>,
  r: Reading,
  limit: number,
): { quantity: Quantity.Quantity | null; skipTo: number } => {
  const n = r.numeral
  const verdict = isNotQuantity(text, ts, tokenAt, r, limit)
  if (verdict.not) return { quantity: null, skipTo: Math.max(verdict.skipTo, r.numeral.end) }

  let start = r.start
  let end = r.end
  let low = r.negative ? -n.low : n.low
  let high = r.negative ? -n.high : n.high
  let currency = r.currency
  let unit = r.unit?.unit ?? null
  let approximate: Approximate = n.kind === "vague" ? "vague" : "exact"
  if (n.kind === "fold") unit = "time"
  // "two-thirds of the sales": a part of a whole, as a proportion between 0 and 1.
  if (isProportion(n) && !unit && !currency) unit = "proportion"

  // Approximators and range openers before the value.
  const before = text.slice(Math.max(0, start - 32), start)
  const opener = RANGE_OPENER.exec(before)
  const approx = opener ? null : approximatorBefore(before)
  const verbBefore = wordBefore(text, approx ? start - approx.back : start)

  // "X to Y", "X-Y", "between X and Y", "from $1.7 billion to $5.5 billion".
  RANGE_JOINER.lastIndex = end
  const joiner = RANGE_JOINER.exec(text)
  let ranged = false
  // Read as the second figure of "from A to B" after a word of change; the first's own readings no longer apply.
  let changed: number | null = null
  if (joiner && n.kind !== "vague" && !isProportion(n)) {
    const word = joiner[0].trim().toLowerCase()
    const tight = word === "-" || word === "–" || word === "—" || word === "-to-"
    const okWord =
      tight ||
      word === "or" ||
      (word === "and" && opener?.[1]?.toLowerCase() === "between") ||
      (word === "up to" && opener !== null) ||
      ((word === "to" || word === "to-" || word === "through") &&
        (opener !== null || !changedBy(ts, start, verbBefore)))
    const secondAt = end + joiner[0].length
    const cur = okWord ? currencyAt(text, secondAt) : null
    const second = okWord ? readAt(text, cur?.end ?? secondAt, limit) : null
    if (second && second.numeral.kind !== "vague" && !isProportion(second.numeral) && !second.negative) {
      const secondUnit = second.unit?.unit ?? null
      // The first end may leave its unit to the second ("15 to 22 miles"), never the other way round.
      const firstKind = currency ?? unit
      const secondKind = second.currency ?? secondUnit
      // With an explicit opener the second end may leave the unit out: "from 208 pounds to 193".
      const unitsAgree = firstKind === null || firstKind === secondKind || (opener !== null && secondKind === null)
      let a = low
      const b = second.numeral.high
      // "between 40 and 45 million": the first end takes the second's scale.
      if (n.scale === 1 && second.numeral.scale > 1 && a * second.numeral.scale <= b) a *= second.numeral.scale
      const score = tight && !unit && !secondUnit && !currency && b < a && Number.isInteger(a) && Number.isInteger(b)
      if (score) return { quantity: null, skipTo: second.end }
      if (word === "or") {
        // "eight or nine euros", "three or four years": the unit applies to both; two values, no range.
        if (firstKind === null && secondKind !== null) {
          if (second.currency) currency = second.currency
          else unit = secondUnit
        }
      } else if (
        word === "to" &&
        opener?.[1]?.toLowerCase() === "from" &&
        changedFrom(ts, tokenAt(ts, start - before.length + opener.index + opener[0].indexOf(opener[1])))
      ) {
        // "cut the routes from eight to seven": the figure now is the second; the first is the one before.
        changed = a
        low = second.negative ? -second.numeral.low : second.numeral.low
        high = second.negative ? -second.numeral.high : second.numeral.high
        unit = secondUnit ?? unit
        currency = second.currency ?? currency
        start = cur ? secondAt : second.start
        end = second.end
      } else if (unitsAgree && !(tight && joiner[0].trim() !== joiner[0] && b < a)) {
        low = a
        high = b
        unit = unit ?? secondUnit
        currency = currency ?? second.currency
        end = second.end
        ranged = true
        if (opener?.[1]) start -= before.length - (opener.index + opener[0].indexOf(opener[1]))
      }
    }
  }
  if (approx && approx.kind !== "exact" && approximate === "exact") {
    approximate = approx.kind
    start -= approx.back
  }
  // "a year and a half": one of the unit, and a half more after it.
  const half =
    !ranged && low === 1 && high === 1 && /^an?$/i.test(text.slice(n.start, n.end)) ? halfAfterUnit(text, end) : 0
  if (half > 0 && end + half <= limit) {
    low = 1.5
    high = 1.5
    end += half
  }
  // "an hour and 50 minutes", "two years and three months": one length, in the smaller unit.
  const more = !ranged && changed === null ? smallerLengthAfter(text, end, unit, limit) : null
  if (more) {
    low = low * more.ratio + more.value
    high = high * more.ratio + more.value
    unit = more.unit
    end = more.end
  }
  if (!ranged && approximate === "exact") {
    const after = approximatorAfter(text, end)
    if (after && after.end <= limit) {
      approximate = after.kind
      end = after.end
    }
  }

  // "aged 25", "Maddon, 66,": ages written without a unit.
  if (!unit && !currency) {
    const age = ageWithoutUnit(text, ts, start, end, low, high)
    if (age) unit = AGE_UNIT
  }

  // What is counted and the rate's denominator come after the value and unit; the span stops before them.
  const k = tokenAt(ts, end)
  let per = perAt(text, end, currency !== null)
  let counted: string | null = null
  let countedEnd: number | null = null
  if (!per || per.end > limit) {
    per = null
    const c = countedAfter(ts, k, n.kind === "fraction", !unit && !currency && n.kind !== "fraction")
    counted = c.counted
    countedEnd = c.end
    if (c.unit && !unit && !currency) unit = c.unit
    if (c.end !== null) {
      const p = perAt(text, c.end)
      if (p && p.end <= limit) per = p
    }
  } else {
    const c = countedAfter(ts, tokenAt(ts, per.end))
    // "200,000 daily passengers", "210,000 weekday riders": a one-word rate before the noun it counts.
    const before = /^[ \t]*[A-Za-z]+$/.test(text.slice(end, per.end))
    if (c.counted && (before || /^[ \t]+of\b/.test(text.slice(per.end, per.end + 4)))) {
      counted = c.counted
      countedEnd = c.end
    }
  }
  // "one child in five is poor": the share's noun, between its counts, is what it counts.
  if (n.noun && counted === null) counted = countedAfter(ts, tokenAt(ts, n.noun.start), false, true).counted
  if (unit === "time" && counted) counted = null
  // "About 900 of the province's 1,450 schools": the part counts what its whole counts.
  if (counted === null && !unit && !currency && per === null) {
    const whole = Measures.partOfWhole(ts, k)
    if (whole) counted = countedAfter(ts, whole.countedAt, false, true).counted
  }
  // "the number of people treated in hospital has risen to 62": what is counted is named before the figure.
  if (counted === null && !unit && !currency && per === null) {
    const at = Measures.numberOf(ts, tokenAt(ts, Math.max(start, 0)))?.countedAt
    // A noun only: "the number of dead rose" counts no noun of its own; "the number of closed beaches"
    // counts the noun after the word that describes it.
    const described = (t: Token | undefined) => t?.pos === "VERB" && /(?:ed|en)$/i.test(t.text)
    if (
      at !== undefined &&
      at !== null &&
      (isNounTag(ts[at]?.pos) || (described(ts[at]) && isNounTag(ts[at + 1]?.pos)))
    )
      counted = countedAfter(ts, at, false, true).counted
  }
  // "thousands of people die in accidents every year": a count made a rate later in its clause; an amount
  // of money too ("loses $40 million in tolls for each day the canal is shut").
  const clauseRate = per === null && !unit ? clauseRateAt(text, countedEnd ?? end, limit) : null
  // "2.700 people": a thousands point, since what is counted comes in whole things.
  const thousands = !ranged && changed === null && !unit && !currency && countedEnd !== null ? thousandsPoint(n) : null
  if (thousands !== null && pluralAt(ts, countedEnd as number)) {
    low = r.negative ? -thousands : thousands
    high = low
  }
  // "4.900 hectares", "1.200 km": an area, length or volume written with a thousands point. A decimal
  // is not written with two trailing zeros, so "4.900" is 4,900 (a weight keeps it: "2.700 kg").
  const pointed =
    !ranged && changed === null && !currency && POINTED.has(Units.dimensionOf(unit) ?? "") ? thousandsPoint(n) : null
  if (pointed !== null && /00$/.test(n.raw)) {
    low = r.negative ? -pointed : pointed
    high = low
  }
  // "one in five users": a share counts out of the group its noun names, as "two-thirds of the sales" does.
  if (unit === "proportion" && n.kind !== "share" && counted && lower(ts[k]) !== "of" && ts[k]?.pos !== "DET")
    counted = null

  const spanStart = Math.max(start, 0)
  const core = { span: { start: spanStart, end }, unit: currency ?? unit, counted }
  return {
    quantity: {
      text: text.slice(spanStart, end),
      span: core.span,
      low: Math.min(low, high),
      high: Math.max(low, high),
      approximate,
      unit: core.unit,
      counted,
      per: per?.per ?? clauseRate?.per ?? null,
      ...(changed === null ? {} : { from: changed }),
      measure: Measures.measure(text, ts, { ...core, share: n.kind === "share" }, countedEnd),
    },
    skipTo: end,
  }
}

/** "and" (or nothing but a space) between the two parts of one length of time: "an hour and 50 minutes", "2 hours 15 minutes". */
const LENGTH_JOINER = /[ \t]+(?:and[ \t]+)?/y

/**
 * The second part of a length of time written in two units ("an hour and 50 minutes", "three years and
 * six months"): a plain figure in a smaller unit of time right after the first, less than one of the
 * first unit (with how many of it one of the first makes), or null. A figure with a word of its own between ("two hours and then 15 minutes") or a
 * unit as large is another length.
 */
const smallerLengthAfter = (
  text: string,
  at: number,
  unit: string | null,
  limit: number,
): { readonly value: number; readonly unit: string; readonly end: number; readonly ratio: number } | null => {
  if (unit === null || Units.dimensionOf(unit) !== "duration") return null
  const first = Units.factorOf(unit)
  LENGTH_JOINER.lastIndex = at
  const joiner = LENGTH_JOINER.exec(text)
  if (!joiner || first === null) return null
  const second = readAt(text, at + joiner[0].length, limit)
  const secondUnit = second?.unit?.unit ?? null
  if (!second || second.currency || second.negative || secondUnit === null || second.end > limit) return null
  if (second.numeral.kind === "vague" || second.numeral.low !== second.numeral.high) return null
  const factor = Units.factorOf(secondUnit)
  if (Units.dimensionOf(secondUnit) !== "duration" || factor === null || factor >= first) return null
  // Less than one of the first unit ("an hour and 50 minutes"): "three days and 200 hours" is no one length.
  if (second.numeral.low * factor >= first) return null
  return { value: second.numeral.low, unit: secondUnit, end: second.end, ratio: first / factor }
}

/** Whether the noun group ending at `end` ends in a plural noun ("people", "homes"). */
const pluralAt = (ts: ReadonlyArray<Token>, end: number): boolean => {
  const head = ts[tokenAt(ts, end) - 1]
  if (head?.pos !== "NOUN") return false
  const word = head.lower
  return word === "people" || (word !== head.lemma && word.endsWith("s")) || singular(word) !== word
}

const AGED = /\b(?:aged|ages|age of|age)[ \t]+$/i
// The last of a list of names with ages, which drops its closing comma before the verb: "Ann Lee, 16,
// and Tom Roe, 17 were charged" (the name before it follows a name with its age and "and").
const LAST_LISTED_AGE =
  /\p{Lu}\p{Ll}+[ \t]?,[ \t]?\d{1,3}[ \t]?,?[ \t]+and[ \t]+(?:\p{Lu}[\p{L}.'-]*[ \t]+)*\p{Lu}[\p{L}.'-]*[ \t]?,[ \t]?$/u

const ageWithoutUnit = (
  text: string,
  ts: ReadonlyArray<Token>,
  start: number,
  end: number,
  low: number,
  high: number,
): boolean => {
  if (!Number.isInteger(low) || low < 1 || high > 119) return false
  if (AGED.test(text.slice(Math.max(0, start - 8), start))) return true
  // A person's name, then the age set off by commas: "Senard, 65, now faces".
  const k = tokenAt(ts, start)
  const prev = ts[k - 1]?.text === "," ? ts[k - 2] : undefined
  const next = ts[tokenAt(ts, end)]
  if (!prev || !Measures.endsName(ts, k - 2) || !/^[A-Z][a-z]/.test(prev.text)) return false
  return next?.text === "," || LAST_LISTED_AGE.test(text.slice(Math.max(0, start - 120), start))
}
