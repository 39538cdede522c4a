/**
 * What a quantity measures (measures.json): its class, whose figure it is, the verb stating it and
 * its polarity, total or increment, fact, forecast or target, read from the words around it.
 */
import { MeasureClass, type Quantity, Units } from "@crosscheck/domain"
import { lower, startsUpper, type Token, tokenAt } from "./Analysis.js"
import { AGE_UNIT, approximatorBefore, isNumberWord, phrases, postnominalParticiples } from "./internal/Catalogue.js"
import * as Lexicon from "./Lexicon.js"
import catalogue from "./measures.json" with { type: "json" }

export interface Rule {
  readonly name: string
  readonly class: string
  readonly predicates?: ReadonlyArray<string>
  readonly counted?: ReadonlyArray<string>
  readonly nouns?: ReadonlyArray<string>
  readonly units?: ReadonlyArray<string>
  readonly needs?: string
  /** The noun must name the figure from outside what it counts ("a town of 38,000", not "seven towns"). */
  readonly notCounted?: boolean
  /**
   * When the figure counts something named, the head of it must be one of these ("a town of 38,000 people"
   * is a population; "the city has 48,000 street trees" counts trees); a figure counting nothing passes.
   */
  readonly countedAmong?: ReadonlyArray<string>
  /** An adverb of degree the predicate must carry ("seriously injured", "critically hurt"). */
  readonly degrees?: ReadonlyArray<string>
  /** Words that must follow the figure ("40 metres wide", "15 metres across"). */
  readonly after?: ReadonlyArray<string>
  /** The figure is hyphened to the noun it describes ("a 12-metre boat"). */
  readonly described?: boolean
  /** Words that must follow the predicate ("lost power", "plunged into darkness"): what the verb acts on. */
  readonly objects?: ReadonlyArray<string>
  /** Words the figure itself must open with ("carries up to 3,500"): the bound that makes it a limit. */
  readonly opening?: ReadonlyArray<string>
  /** Words right before the predicate ("can carry", "licensed to carry"): a verb's mood that makes a limit. */
  readonly before?: ReadonlyArray<string>
  /** Words in the figure's own clause after it ("4,500 homes were still without water"), whatever the verb. */
  readonly clause?: ReadonlyArray<string>
  /** For a rule by a noun: verbs stating the figure that make it a count of people who did something ("applied"). */
  readonly notStatedBy?: ReadonlyArray<string>
}

export const rules: ReadonlyArray<Rule> = catalogue.rules

const set = (words: ReadonlyArray<string>): ReadonlySet<string> => new Set(words.map((w) => w.toLowerCase()))

/** Each class's verbs: the predicates of every rule that names it. */
const CLASS_VERBS: ReadonlyMap<string, ReadonlySet<string>> = rules.reduce((m, r) => {
  if (r.predicates) m.set(r.class, new Set([...(m.get(r.class) ?? []), ...set(r.predicates)]))
  return m
}, new Map<string, ReadonlySet<string>>())

const VERB_RULES: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  rules.filter((r) => r.predicates).map((r) => [r.name, set(r.predicates ?? [])]),
)

/**
 * Whether a measure's class was given by the verb that states it ("were killed"), not by the noun
 * counted ("nine villages"): what a verb says of one group it says of a group listed beside it.
 */
export const statedByVerb = (m: Quantity.Measure): boolean =>
  m.rule !== null &&
  m.predicate !== null &&
  ((VERB_RULES.get(m.rule)?.has(m.predicate.toLowerCase()) ?? false) ||
    // "carrying 175 passengers": the noun's rule named the class, but a verb of that class states it too.
    (CLASS_VERBS.get(m.class)?.has(m.predicate.toLowerCase()) ?? false))
const PREDICATES = set(rules.flatMap((r) => r.predicates ?? []))
/**
 * Verbs that state only a weight or a length of time ("held 12,000 tonnes", "given 48 hours to leave",
 * "halted for 25 minutes"): for a count they state nothing ("two guards were held by inmates", "gave 300
 * families shelter"), so the verb that does is looked for instead.
 */
const UNITS_ONLY = (() => {
  const kinds = new Set(["mass", "duration", "elapsed"])
  const only = rules.filter((r) => r.needs !== undefined && kinds.has(r.needs)).flatMap((r) => r.predicates ?? [])
  const others = set(
    rules.filter((r) => r.needs === undefined || !kinds.has(r.needs)).flatMap((r) => r.predicates ?? []),
  )
  return set(only.filter((p) => !others.has(p.toLowerCase())))
})()
const COUNT_PREDICATES = new Set([...PREDICATES].filter((p) => !UNITS_ONLY.has(p)))
/** "people with serious injuries": the preposition whose phrase says what those counted have (catalogue.having). */
const WITH = set(catalogue.having.prepositions)
/** Words opening an aside between what is counted and its verb (catalogue.place.aside). */
const ASIDE_OPENERS = set(catalogue.place.aside.openers)
const LINKING = set(catalogue.linking.verbs)
const CHANGE = set(catalogue.change.verbs)
const BRINGING = set(catalogue.linking.bringing)
const POSTMODIFIERS = set(catalogue.linking.postmodifiers.prepositions)
const CHANGE_NOUNS = set(catalogue.change.nouns)
/** Particles that make a change verb another verb ("cut off 4,200 people"). */
const NOT_CHANGE_PARTICLES = set(catalogue.change.particles)
/** "an average of", "a total of": passed over between the figure and the words before it. */
const TRANSPARENT = set(catalogue.transparent.nouns)
/** "closed for 48 hours", "reopen the street within two days": how long what the verb before says holds. */
const SPAN_PREPOSITIONS = set(catalogue.span.prepositions)
/** "for" right before a length of time: how long, whatever follows it. */
const FOR_BEFORE = /\bfor\s+$/i
/** "40 years ago", "two days later": a length of time that places a point in time (catalogue.span.points). */
const SPAN_POINTS = new RegExp(`^[ \\t]+(?:${catalogue.span.points.join("|")})\\b`, "i")
const INCREMENT_BEFORE = set(catalogue.increment.before)
const UNIT_PRICE_CLASSES: ReadonlySet<string> = new Set(catalogue.unitPrice.classes)
const UNIT_PRICE_DETERMINERS: ReadonlySet<string> = new Set(catalogue.unitPrice.determiners)
const UNIT_PRICE_ONE_OF: ReadonlySet<string> = new Set(catalogue.unitPrice.indefiniteWith)

const INCREMENT_AFTER = set(catalogue.increment.after)
const FORECAST = set(catalogue.modality.forecast)
const TARGET = set(catalogue.modality.target)
const PAST_GUESSES = set(catalogue.modality.pastGuesses)
/** How many words before a figure a word of modality may stand, in its clause. */
const MODAL_REACH = 10
/** How many words of the main clause before a participle's comma are read for its modality. */
const MAIN_CLAUSE_REACH = 20
/** "may have been taken": a modal that guesses at the past (measures.json modality.pastGuesses), no forecast. */
const guessesPast = (ts: ReadonlyArray<Token>, k: number): boolean =>
  has(PAST_GUESSES, ts[k]) && lower(ts[k + 1]) === "have"
const GENERIC = set(catalogue.generic.words)
const NEGATIONS = new Set(["not", "n't", "never", "no"])
const PERCENTS = new Set(["percent", "percentage point", "basis point"])
const AREAS: ReadonlySet<string> = new Set(Units.unitsOf("area"))
const DURATIONS: ReadonlySet<string> = new Set(Units.unitsOf("duration"))
const CLAUSE_END = new Set([",", ";", ":", "(", ")", "—", "–", '"', "“", "”"])
const LENGTHS: ReadonlySet<string> = new Set(Units.unitsOf("length"))
/** Dimensions whose unit, put before a noun, says how big that thing is ("a 40m gap", "a 5 km stretch"). */
const SIZED: ReadonlySet<string> = new Set(["length", "area", "volume", "mass"])
const DIRECTIONS = set(catalogue.reference.directions)
const FROM = set(catalogue.reference.from)
const FROM_ALONE = set(catalogue.reference.alone)
const DEPTH = set(catalogue.reference.depth)
const NEAR = set(catalogue.reference.near)
const OPENING = set(catalogue.place.opening)
const BETWEEN = set(catalogue.place.between.prepositions)
const RELATIVE = set(catalogue.place.relative.words)
const ACTED_ON = set(catalogue.actedOn.verbs)
const MARGIN = set(catalogue.margin.verbs)
const WHOLE_OF = set(catalogue.whole.prepositions)
/** "11 of them died": pronouns after a count's "of" that point back to its group (catalogue whole). */
const PARTITIVE_PRONOUNS = set(catalogue.whole.pronouns)
const RULES_BY_NAME: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.name, r]))

/**
 * Whether the rule that named a measure would take `counted` as what it counts: a rule that lists the
 * nouns it counts ("deaths: bodies found": bodies) takes no other ("568 survivors and three bodies").
 */
export const takesCounted = (m: Quantity.Measure, counted: string): boolean => {
  const rule = m.rule === null ? undefined : RULES_BY_NAME.get(m.rule)
  if (!rule) return false
  const head = counted.toLowerCase().split(" ").pop() ?? ""
  const listed = [...(rule.counted ?? []), ...(rule.nouns ?? [])]
  return listed.length === 0 || listed.some((n) => n.toLowerCase() === head || `${n.toLowerCase()}s` === head)
}
/** "Cobble Lane has 22 shops": verbs whose plain count is what a thing has, a whole there is (catalogue whole.stock). */
const STOCK = set(catalogue.whole.stock)
const NUMBER_NOUNS = set(catalogue.numberOf.nouns)
const VALUE_NOUNS = set([...catalogue.valueNouns.nouns, ...catalogue.numberOf.nouns])
const NUMBER_WINDOW = catalogue.numberOf.window
const ELSEWHERE = new RegExp(`^(?:${catalogue.place.elsewhere.join("|")})\\b`, "i")
/** Words after a verb that open where a figure ended up or came from ("taken to hospital", "moved from their homes"). */
const DESTINATION = set(catalogue.destination.prepositions)
/** "spent the night in shelters": a stretch of time the verb takes before where it takes those counted. */
const DESTINATION_TIMES = set(catalogue.destination.times)
/** "were moved out of flats": two-word prepositions that open where those counted were taken from. */
const DESTINATION_PHRASAL: ReadonlySet<string> = new Set(catalogue.destination.phrasal)
/** How many words after a figure (and what it counts) are searched for the verb that states it. */
const AFTER_WINDOW = 7

const isCurrency = (unit: string | null): boolean => unit !== null && /^[A-Z]{3}$/.test(unit)
/** Either the lemma or the form as written is in the set (wink's lemmas miss some: "fined" → "fin"). */
const has = (s: ReadonlySet<string>, t: Token | undefined): boolean =>
  t !== undefined && (s.has(t.lemma) || (t.text !== t.lemma && s.has(lower(t))))
const isNoun = (t: Token | undefined): boolean => t !== undefined && (t.pos === "NOUN" || t.pos === "PROPN")
const isVerbal = (t: Token | undefined): boolean => t !== undefined && (t.pos === "VERB" || t.pos === "AUX")

interface Evidence {
  /** The verb or adjective stating the figure, and whether it comes after the figure. */
  predicate: Token | null
  /** A state said inside the group counted ("1,800 evacuated residents"), tried when the verb names no class. */
  inner: Token | null
  /** The participle of "the number of people checked", whatever it is, when the catalogue reads none there. */
  done: Token | null
  /** The predicate came before the figure and is a verb of change the figure is the amount of ("rose 5%"). */
  change: boolean
  /** Names the figure may have: what is counted, a noun before it, a noun after "in". */
  nouns: string[]
  countedHead: string | null
  /** The names `nouns` took from what is counted itself (its words, its head). */
  countedNouns: string[]
  /** The group a figure belongs to, named by a possessor ("Ford's 1,200 jobs"). */
  possessor: string | null
  /** What the figure is the value or change of: the object of a change or "bringing" verb ("cut emissions
   * by 40%"), the subject of a linking one ("fares will rise by 15%"). */
  object: string | null
  place: string | null
  /** What a length is measured from ("of Carmen" in "42 km west of Carmen"). */
  reference: string | null
  negated: boolean
  increment: boolean
  modality: Quantity.Modality
  /** The figure is the whole a count before it is a part of (catalogue whole). */
  whole: boolean
  /** A plain count a verb of having states ("The lane has 22 shops"): a whole there is, when no class names it. */
  stock: boolean
  /** The noun a figure hyphened to another describes ("hospital" in "an 80-bed hospital"): what has them. */
  described: string | null
  /** Adverbs right before the predicate ("seriously" in "were seriously injured"), lower case. */
  degrees: string[]
  /** A verb of the catalogue right before the figure when another stated it after ("a boat carrying 60
   * people sank"): tried when the verb after names no class for this figure. */
  before: Token | null
  /** The figure is the sum after "for" that a verb of sale states ("sold to a fund for 60 million euros"). */
  sale: boolean
}

const span = (text: string, a: Token, b: Token): string => text.slice(a.start, b.end)

/** Auxiliaries that make the verb after them passive ("were killed", "got hurt"). */
const PASSIVE_AUX = new Set(["be", "get"])
/**
 * Whether the verb at `k` takes a figure as its object within a few words: right after it, after a word
 * of increment ("killed another 12"), or after an approximator of approximators.json ("killed at least
 * 60", "cut more than 300"); not after a preposition of its own ("fell for 20 minutes").
 */
const objectFigure = (text: string, ts: ReadonlyArray<Token>, k: number): boolean => {
  for (let m = k + 1; m < ts.length && m <= k + 4; m++) {
    if (ts[m]?.pos !== "NUM") continue
    let j = k + 1
    while (j < m && (ts[j]?.pos === "DET" || has(INCREMENT_BEFORE, ts[j]))) j++
    if (j === m) return true
    const words = text.slice((ts[j] as Token).start, (ts[m] as Token).start).trimEnd()
    return approximatorBefore(words)?.back === words.length
  }
  return false
}
/** Verbs of estimating whose object names the figure after "at" (catalogue.estimating), and how far back they are looked for. */
const ESTIMATING = set(catalogue.estimating.verbs)
const ESTIMATE_WINDOW = 10
/** Words for a part of a place before its name (catalogue.place.regions). */
const REGIONS = set(catalogue.place.regions)
const TIME_NAMES =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Christmas|Easter)$/
/**
 * ", bringing the death toll to 31" after a figure (the participles of measures.json linking.bringing, and
 * increment.totalAfterNouns): the figure is added to that total.
 */
const TOTAL_AFTER = new RegExp(
  `^([^.;:!?]*?)\\b(?:${[...BRINGING].filter((w) => w.endsWith("ing")).join("|")})\\s+(?:the\\s+|its\\s+|their\\s+)?(?:[A-Za-z-]+\\s+){0,3}?(?:${catalogue.increment.totalAfterNouns.join("|")})\\b[^.;:!?\\d]{0,40}?\\bto\\s+(?:about\\s+|at\\s+least\\s+|more\\s+than\\s+)?\\d`,
  "i",
)

/** Whether the sentence after a figure adds it to a running total it then gives. */
const addedToTotalAfter = (text: string, end: number): boolean => {
  const m = TOTAL_AFTER.exec(text.slice(end, end + 160))
  // Another figure before the verb is the one added ("removed 18,000 cubic metres, and another three tugs
  // arrived, bringing the number to 14").
  return m !== null && !/\d/.test(m[1] ?? "") && !(m[1] ?? "").split(/[^A-Za-z-]+/).some((w) => isNumberWord(w))
}

const INCREMENT_WORDS = new RegExp(`^(?:${[...INCREMENT_AFTER].join("|")})\\s+`, "i")

/**
 * "the injured", "the dead", "the wounded" (an adjective or participle after "the", with a verb next): a
 * word standing for a group of people, as a pronoun does.
 */
const standsForGroup = (ts: ReadonlyArray<Token>, at: number): boolean => {
  const word = ts[at + 1]
  const next = ts[at + 2]
  return (
    ts[at]?.lower === "the" &&
    word !== undefined &&
    (word.pos === "ADJ" || (word.pos === "VERB" && /(?:ed|en)$/i.test(word.text))) &&
    (next?.pos === "AUX" || next?.pos === "VERB")
  )
}

/** The noun group after "of" that a share is a part of ("of the city", "of its revenue"). */
const baseAfter = (text: string, ts: ReadonlyArray<Token>, end: number): string | null => {
  let k = tokenAt(ts, end)
  if (lower(ts[k] ?? ({ text: "" } as Token)) !== "of") return null
  k++
  // "90 per cent of them plan to": a pronoun is the base, named before; the word after it is no name of it.
  // An owner's ("of its members") opens the base's noun group, as a determiner does.
  if (ts[k]?.pos === "PRON" && !Lexicon.isPossessive(ts[k])) return null
  if (ts[k]?.pos === "DET" || ts[k]?.pos === "PRON") k++
  let last = k - 1
  // "of the votes cast", "of those cast": what was done with the base is not a name of it.
  const done = (t: Token | undefined) => t !== undefined && postnominalParticiples.has(lower(t))
  for (let i = k; i < k + 3 && (isNoun(ts[i]) || ts[i]?.pos === "ADJ") && !done(ts[i]); i++) if (isNoun(ts[i])) last = i
  // "20 per cent of the block's residents": an owner's noun says whose; the base is the noun it owns.
  if (last >= k && /^['’]s$/.test(ts[last + 1]?.text ?? "")) {
    const owned = last + 2
    for (let i = owned; i < owned + 3 && (isNoun(ts[i]) || ts[i]?.pos === "ADJ") && !done(ts[i]); i++)
      if (isNoun(ts[i])) last = i
  }
  const a = ts[k]
  const b = ts[last]
  return last >= k && a && b ? span(text, a, b) : null
}

/** The proper-noun run ending at token index `j` ("North Korea", "Ford"), as text, or null. */
const properBefore = (text: string, ts: ReadonlyArray<Token>, j: number): string | null => {
  let i = j
  while (i >= 0 && j - i < 4 && ts[i]?.pos === "PROPN") i--
  const first = ts[i + 1]
  const last = ts[j]
  // "Saturday's avalanche", "May's floods": a day or month owns nothing.
  if (i === j - 1 && TIME_NAMES.test(last?.text ?? "")) return null
  return i < j && first && last ? span(text, first, last) : null
}

/** The noun group ending at token `j` without its determiner ("emissions", "the death toll": "death toll"). */
const properOrNoun = (text: string, ts: ReadonlyArray<Token>, j: number): string | null => {
  let i = j
  while (i > j - 3 && (isNoun(ts[i - 1]) || ts[i - 1]?.pos === "ADJ")) i--
  const a = ts[i]
  const b = ts[j]
  return a && b ? span(text, a, b) : null
}

/** "in Gaza", "at the Ford plant": a proper-noun place or holder after token `k`. */
const placeAfter = (text: string, ts: ReadonlyArray<Token>, k: number): string | null => {
  const prep = ts[k]
  if (!prep || !/^(?:in|at|across|inside)$/i.test(prep.text)) return null
  let i = k + 1
  if (ts[i]?.pos === "DET") i++
  // "in eastern Bihar": the place is the name after a word for a part of it.
  if (has(REGIONS, ts[i]) && ts[i + 1]?.pos === "PROPN") i++
  const first = ts[i]
  let j = i
  while (ts[j]?.pos === "PROPN" && j - i < 4) j++
  const last = ts[j - 1]
  // "in Saturday's march", "in May": a time, not a place.
  if (first && TIME_NAMES.test(first.text)) return null
  return j > i && first && last ? span(text, first, last) : null
}

/** Nouns from a noun group ending at token `j`: the head and the head with the word before ("death toll"). */
const nounsAt = (ts: ReadonlyArray<Token>, j: number): string[] => {
  const head = ts[j]
  if (!head) return []
  const out = [head.lemma, lower(head)]
  const prev = ts[j - 1]
  if (isNoun(prev) || prev?.pos === "ADJ")
    out.push(`${lower(prev as Token)} ${head.lemma}`, `${lower(prev as Token)} ${lower(head)}`)
  return out
}

/** The token after a noun phrase starting at `k` ("the Ford plant", "Kell's old mine"), or `k` without one. */
const pastPhrase = (ts: ReadonlyArray<Token>, k: number): number => {
  let i = k
  if (ts[i]?.pos === "DET" || ts[i]?.pos === "PRON") i++
  const from = i
  while (i < from + 5 && (isNoun(ts[i]) || ts[i]?.pos === "ADJ" || /^['’]s$/.test(ts[i]?.text ?? ""))) i++
  return i > from && isNoun(ts[i - 1]) ? i : k
}

/** How many phrases after a subject's noun are passed back over to reach it. */
const POSTMODIFIER_HOPS = 3
/** How many tokens an aside set off by commas may hold and still be passed over to the verb after it. */
const ASIDE_WINDOW = 20

/**
 * The nouns of a subject whose head comes before phrases of catalogue.linking.postmodifiers ending at
 * token `s`: "the death toll from the heatwave rose to 31" gives "death toll" as well as "heatwave".
 */
const subjectHeads = (ts: ReadonlyArray<Token>, s: number): string[] => {
  const out: string[] = []
  let j = s
  for (let hop = 0; hop < POSTMODIFIER_HOPS; hop++) {
    // Back over the phrase's noun group and determiner to its preposition.
    let i = j
    // A name's words are part of the group, hyphen and all, whatever the tagger made of a capitalised
    // one ("the Patna-Indore Express derailment": "Express" tagged a verb).
    const inGroup = (t: Token | undefined, before: Token | undefined) =>
      isNoun(t) ||
      t?.pos === "ADJ" ||
      // "from Saturday's avalanche": a possessor's mark inside the group.
      /^['’]s$/.test(t?.text ?? "") ||
      (t?.text === "-" && isNoun(before)) ||
      (t?.pos !== "DET" && /^\p{Lu}\p{Ll}/u.test(t?.text ?? ""))
    while (i > j - 6 && inGroup(ts[i - 1], ts[i - 2])) i--
    i--
    if (ts[i]?.pos === "DET" || ts[i]?.pos === "PRON") i--
    if (!has(POSTMODIFIERS, ts[i]) || ts[i]?.pos !== "ADP" || !isNoun(ts[i - 1])) break
    j = i - 1
    out.push(...nounsAt(ts, j))
  }
  return out
}

/** How many words before its verb a subject that opens its sentence may start. */
const OPENING_WINDOW = 14

/**
 * "The cost of restoring Harnwick's Victorian baths has risen to 8.2 million euros", "The bill for doing
 * up the baths has ballooned to": the head of a subject that opens its sentence with a determiner, past
 * what the walk over postmodifiers does not cross (a verb's -ing form and its object). `s` is the word
 * before the verb; nothing when the subject's head is that word, or another clause comes between.
 */
const openingHead = (ts: ReadonlyArray<Token>, s: number): string[] => {
  let k = s
  while (k > 0 && ts[k - 1]?.sentence === ts[s]?.sentence) k--
  if (s - k > OPENING_WINDOW || ts[k]?.pos !== "DET") return []
  let n = k + 1
  while (n < s && (ts[n]?.pos === "ADJ" || (ts[n]?.pos === "VERB" && /(?:ing|ed)$/.test(lower(ts[n]))))) n++
  if (!isNoun(ts[n])) return []
  while (n < s && isNoun(ts[n + 1])) n++
  // "The cost was low, and the fee has risen": an auxiliary or a stop between opens another clause.
  for (let i = n + 1; i <= s; i++) if (ts[i]?.pos === "AUX" || ts[i]?.pos === "PUNCT") return []
  return n < s ? nounsAt(ts, n) : []
}

/** Verbs with an indirect object before the figure they state (catalogue.indirectObject). */
const INDIRECT = set(catalogue.indirectObject.verbs)
/** Verbs of sale or hire whose price is the sum after "for" (catalogue.exchange), and the classes their rules give. */
const EXCHANGE = set(catalogue.exchange.verbs)
const EXCHANGE_CLASSES: ReadonlySet<string> = new Set(catalogue.exchange.classes)
/** Verbs of paying whose sum is a price when "for" and what was bought follow it (catalogue.exchange.paying). */
const PAYING = set(catalogue.exchange.paying.verbs)
const PAID_FOR = /^[ \t]+for[ \t]+(?!(?:each|every)\b)\S/i

/**
 * "has cost the city 9 million euros", "has left her home village 4.2 million euros", "will give Velmark
 * Cycles 7.5 million euros": the verb before the noun group that ends at `j`, right before the figure,
 * when it is one that takes an indirect object (catalogue.indirectObject); -1 otherwise.
 */
const indirectObjectVerb = (ts: ReadonlyArray<Token>, j: number): number => {
  if (!isNoun(ts[j])) return -1
  let i = j
  while (i > j - 4 && (isNoun(ts[i - 1]) || ts[i - 1]?.pos === "ADJ")) i--
  i--
  if (ts[i]?.pos === "DET" || ts[i]?.pos === "PRON") i--
  // "had cost the city 9 million euros": wink tags some of these verbs after an auxiliary as nouns.
  const verbal = isVerbal(ts[i]) || (isNoun(ts[i]) && ts[i - 1]?.pos === "AUX")
  return verbal && has(INDIRECT, ts[i]) ? i : -1
}

/** Prepositions of the phrases between a verb of sale and "for" ("sold to a fund in 2015 for ..."; catalogue.exchange). */
const EXCHANGE_PHRASES = set(catalogue.exchange.phrases)
/** How many words back from "for" a verb of sale is looked for. */
const EXCHANGE_WINDOW = 10

/**
 * "has been sold to an investment fund for about 60 million euros", "bought the site for $4m", "had sold
 * it, for 2.6 million euros": the verb of sale or hire (catalogue.exchange) before the object and phrases
 * that end at `j`, right before "for"; -1 when another verb comes first. A capitalised word inside a
 * name is part of it, whatever the tagger made of it ("Halcyon Stays").
 */
const exchangeVerb = (ts: ReadonlyArray<Token>, j: number): number => {
  for (let i = j; i >= 0 && j - i < EXCHANGE_WINDOW; i--) {
    const t = ts[i] as Token
    if (isVerbal(t) && !(i > 0 && startsUpper(t.text))) return has(EXCHANGE, t) ? i : -1
    const inPhrase =
      isNoun(t) ||
      /^(?:ADJ|DET|PRON|NUM|ADV|PART)$/.test(t.pos) ||
      (t.pos === "ADP" && EXCHANGE_PHRASES.has(lower(t))) ||
      (t.text === "," && i === j) ||
      startsUpper(t.text)
    if (!inPhrase) return -1
  }
  return -1
}

/** Where "the number of X ..." that a figure gives the value of names what it counts and what states it. */
export interface NumberOf {
  /** The token after "of" that opens what is counted, or null ("the number evacuated"). */
  readonly countedAt: number | null
  /** The participle or relative clause's verb stating the count ("treated", "evacuated"), or null. */
  readonly stated: Token | null
  /** Where those counted are, said inside the count ("the number of patients in hospital": "in hospital"). */
  readonly nouns: ReadonlyArray<string>
  /** The first participle after what is counted ("checked" in "the number of people checked"), or null. */
  readonly done: Token | null
}

/**
 * "The number of people treated in hospital has risen to 62", "bringing the number evacuated since
 * Tuesday to 2,400" (catalogue numberOf): the count noun before a figure that follows "to", "at" or a
 * linking verb, in its clause, with what it counts and the word stating it.
 */
export const numberOf = (ts: ReadonlyArray<Token>, first: number): NumberOf | null => {
  const prev = ts[first - 1]
  if (!prev || !(/^(?:to|at)$/i.test(prev.text) || has(LINKING, prev))) return null
  for (let k = first - 2; k >= 0 && first - k <= NUMBER_WINDOW; k--) {
    const t = ts[k] as Token
    if (CLAUSE_END.has(t.text)) return null
    // "the number", "its tally", and with a word between: "the total number", "the official count".
    const opener = (at: number) => ts[at]?.pos === "DET" || Lexicon.isPossessive(ts[at])
    const qualified = (ts[k - 1]?.pos === "ADJ" || has(NUMBER_NOUNS, ts[k - 1])) && opener(k - 2)
    if (!has(NUMBER_NOUNS, t) || !(opener(k - 1) || qualified)) continue
    let from = k + 1
    let countedAt: number | null = null
    if (lower(ts[from] ?? t) === "of") {
      // "the number of its cash machines": the possessive opens what is counted, as an article does.
      countedAt = opener(from + 1) ? from + 2 : from + 1
      // "the number of injured", "of displaced": a participle standing for those it describes.
      const participle = ts[countedAt]?.pos === "VERB" && /(?:ed|en)$/i.test(ts[countedAt]?.text ?? "")
      if (!isNoun(ts[countedAt]) && ts[countedAt]?.pos !== "ADJ" && !participle) return null
      from = participle ? countedAt + 1 : countedAt
      while (from < first && (isNoun(ts[from]) || ts[from]?.pos === "ADJ")) from++
    }
    let stated: Token | null = null
    let done: Token | null = null
    const nouns: string[] = []
    for (let i = from; i < first - 1 && stated === null; i++) {
      const w = ts[i] as Token
      if ((w.pos === "VERB" || w.pos === "ADJ") && has(PREDICATES, w)) stated = w
      if (done === null && w.pos === "VERB" && /(?:ed|en)$/i.test(w.text) && !has(LINKING, w)) done = w
      const end = lower(w) === "in" ? pastPhrase(ts, i + 1) : i
      if (end > i + 1) nouns.push(...nounsAt(ts, end - 1).map((n) => `in ${n}`))
    }
    return { countedAt, stated, nouns, done }
  }
  return null
}

/**
 * "About 900 of the province's 1,450 schools", "Of the 350 cancelled flights, 40 were long-haul"
 * (catalogue whole): the figure at token `first` is the whole a count is a part of.
 */
const wholeForm = (ts: ReadonlyArray<Token>, first: number): "after-part" | "opening" | null => {
  let k = first - 1
  // Back over the whole's determiner or possessor: "the", "its", "the province's".
  if (/^['’]s$/.test(ts[k]?.text ?? "")) {
    k--
    while (isNoun(ts[k]) || ts[k]?.pos === "ADJ") k--
  }
  if (ts[k]?.pos === "DET" || ts[k]?.pos === "PRON") k--
  if (!has(WHOLE_OF, ts[k])) return null
  if (ts[k - 1]?.pos === "NUM") return "after-part"
  if (k !== 0) return null
  // Opening the sentence: the part is the figure right after the whole's clause.
  for (let i = first + 1; i < ts.length && i <= first + AFTER_WINDOW; i++)
    if (ts[i]?.text === ",") return ts[i + 1]?.pos === "NUM" ? "opening" : null
  return null
}

/**
 * "About 900 of the province's 1,450 schools closed" (catalogue whole): the part before the whole,
 * at the token after it (`k`, its "of"). Gives the token opening what the whole counts, and the token
 * after that group, where the verb stating the part follows.
 */
export const partOfWhole = (ts: ReadonlyArray<Token>, k: number): { countedAt: number; end: number } | null => {
  if (!has(WHOLE_OF, ts[k])) return null
  let i = k + 1
  if (ts[i]?.pos === "DET" || ts[i]?.pos === "PRON") i++
  // "of the province's 1,450": past the possessor.
  let j = i
  while (j < i + 3 && (isNoun(ts[j]) || ts[j]?.pos === "ADJ")) j++
  if (j > i && /^['’]s$/.test(ts[j]?.text ?? "")) i = j + 1
  if (ts[i]?.pos !== "NUM") return null
  while (ts[i]?.pos === "NUM") i++
  let end = i
  while (end < ts.length && end < i + 4 && (isNoun(ts[end]) || ts[end]?.pos === "ADJ" || ts[end]?.pos === "VERB")) {
    end++
    // The group ends at its noun; a verb after the noun states the part ("schools closed").
    if (isNoun(ts[end - 1]) && !isNoun(ts[end])) break
  }
  return isNoun(ts[end - 1]) ? { countedAt: i, end } : null
}

/** The token when it is a noun, else null. */
const nounOrNull = (t: Token | undefined): Token | null => (t?.pos === "NOUN" ? t : null)

/**
 * The noun a figure joined by a hyphen to another noun describes ("strike" in "a 48-hour strike",
 * "hospital" in "an 80-bed hospital"), or null: such a figure says what that noun is, a property stated
 * as such, not a value a modal of the clause forecasts, and it is that noun's.
 */
const described = (
  text: string,
  ts: ReadonlyArray<Token>,
  span: Quantity.Quantity["span"],
  unit: string | null,
): Token | null => {
  const j = tokenAt(ts, span.end)
  const written = text.slice(span.start, span.end)
  // "a 12-metre fishing boat", "an eight-metre wooden vessel": past adjectives to the noun group's head.
  // Not a number written in words ("Twenty-three makers"), whose hyphen joins no unit. Nor "the 40m gap",
  // "a 5 km stretch": a measure unit in its singular or short form, unhyphened, before the noun it sizes
  // (a plural, "40 metres", is a figure of its own; "40m people" has a multiplier, not a unit).
  if (
    (/(?:\d|[a-z])-[A-Za-z]+$/.test(written) && !isNumberWord(written.slice(written.lastIndexOf("-") + 1))) ||
    (unit !== null &&
      SIZED.has(Units.dimensionOf(unit) ?? "") &&
      /\d\s?[A-Za-z]+$/.test(written) &&
      !/s$/.test(written) &&
      (ts[j]?.pos === "NOUN" || ts[j]?.pos === "ADJ"))
  ) {
    let k = j
    while (ts[k]?.pos === "ADJ" && k < j + 3) k++
    while (ts[k + 1]?.pos === "NOUN" && k < j + 4) k++
    return nounOrNull(ts[k])
  }
  return ts[j]?.text === "-" && ts[j]?.start === span.end && ts[j + 1]?.pos === "NOUN" ? nounOrNull(ts[j + 2]) : null
}

/** Scans the words around one quantity. */
const gather = (
  text: string,
  ts: ReadonlyArray<Token>,
  q: Pick<Quantity.Quantity, "span" | "counted" | "unit">,
  countedEnd: number | null,
): Evidence => {
  // The verbs that may state this figure: a weight's or a length of time's own verbs only for those.
  const stating = q.unit === null ? COUNT_PREDICATES : PREDICATES
  const e: Evidence = {
    predicate: null,
    inner: null,
    done: null,
    change: false,
    nouns: [],
    countedHead: null,
    countedNouns: [],
    possessor: null,
    object: null,
    place: null,
    reference: null,
    negated: false,
    increment: false,
    modality: "fact",
    whole: false,
    stock: false,
    sale: false,
    described: null,
    degrees: [],
    before: null,
  }
  const first = tokenAt(ts, q.span.start)
  const noun = described(text, ts, q.span, q.unit)
  const attributive = noun !== null
  e.described = noun ? noun.text.toLowerCase() : null
  // "About 900 of the 1,450 schools closed": the part's verb comes after the whole and what it counts.
  const part = countedEnd === null ? partOfWhole(ts, tokenAt(ts, q.span.end)) : null
  // "Two of the four people hurt remain in hospital": a participle describing the whole is the whole's, the
  // verb after it the part's.
  const describing = part ? ts[part.end] : undefined
  const whole =
    part && describing?.pos === "VERB" && /(?:ed|en|t)$/i.test(describing.text) && isVerbal(ts[part.end + 1])
      ? part.end + 1
      : part?.end
  const after = whole ?? tokenAt(ts, countedEnd ?? q.span.end)
  if (part) e.nouns.push(...nounsAt(ts, part.end - 1))
  // "the number of people treated in hospital has risen to 62": the count's own participle states it,
  // and where those counted are ("the number of patients in hospital") names it.
  const count = numberOf(ts, first)
  // "the number of people who fell ill": the adjective completing the count's verb says what it counts.
  e.inner = count?.stated ? (complementOf(ts, count.stated, stating) ?? count.stated) : null
  e.done = count?.done ?? null
  e.nouns.push(...(count?.nouns ?? []))
  // "the number of injured", "of sick": a participle or adjective standing for those it describes is
  // what the count counts; before a noun ("the number of injured miners") it still says what they are.
  const standing = count?.countedAt != null ? ts[count.countedAt] : undefined
  if (standing && !isNoun(standing)) e.nouns.push(lower(standing))
  if (q.counted) {
    const words = q.counted.toLowerCase().split(" ")
    e.countedHead = words[words.length - 1] ?? null
    e.countedNouns.push(q.counted.toLowerCase(), ...(e.countedHead ? [e.countedHead] : []))
    if (words.length >= 2) e.countedNouns.push(words.slice(-2).join(" "))
    e.nouns.push(...e.countedNouns)
  }
  // Right after the value: "300 more jobs", "12 new cases".
  const next = ts[tokenAt(ts, q.span.end)]
  // The word as written: "350 extras" (film extras) counts people, where "350 extra staff" adds to a figure.
  if (
    next !== undefined &&
    INCREMENT_AFTER.has(lower(next)) &&
    lower(ts[tokenAt(ts, q.span.end) + 1] ?? (next as Token)) !== "than"
  )
    e.increment = true
  // wink tags some plural nouns after a number as verbs ("75 hires", "300 cuts"); a number is rarely
  // the subject of a verb in -s, so such a word names what is counted.
  if (!q.counted && next?.pos === "VERB" && /[^s]s$/.test(next.text) && next.start <= q.span.end + 1)
    e.nouns.push(next.lemma, lower(next))

  // After: "12 were killed", "30 injured", "40 dead", "2,000 were left homeless", "$2m in aid".
  // An aside between what is counted and its verb is passed over up to ASIDE_WINDOW tokens ("two
  // passengers, including a 2-month-old infant whose lungs were filled with seawater, were saved").
  let fallback: Token | null = null
  // Only auxiliaries, adverbs and linking verbs so far: "412 are still in hospital", "7 remain in intensive care".
  let copular = true
  // A form of "be" or "get" before the verb: the figure is what the verb is done to ("12 were killed").
  let passive = false
  for (
    let k = coordinatedEnd(ts, after, countedEnd !== null), seen = 0;
    k < ts.length && seen < AFTER_WINDOW;
    k++, seen++
  ) {
    let t = ts[k] as Token
    // "Forty people, including 12 children, were killed", "Five people, aged 20 to 60, died", "Two
    // patients, a man aged 81 and a woman aged 77, have died": over the aside to the verb.
    if (t.text === "," && ASIDE_OPENERS.has(lower(ts[k + 1]))) {
      let close = k + 2
      while (close < ts.length && close < k + ASIDE_WINDOW && ts[close]?.text !== ",") close++
      if (ts[close]?.text !== ",") break
      k = close + 1
      if (!ts[k]) break
      t = ts[k] as Token
    }
    if (NEGATIONS.has(t.lemma) || NEGATIONS.has(lower(t))) {
      e.negated = true
      continue
    }
    // "the 11 men who died": a relative clause right after what is counted, its verb next.
    if (seen === 0 && countedEnd !== null && has(RELATIVE, t)) continue
    // "11 of them died": past the pronoun standing for the group to the verb.
    if (seen === 0 && has(WHOLE_OF, t) && has(PARTITIVE_PRONOUNS, ts[k + 1])) {
      k++
      // "Eleven of those stuck were children": the word describing the group is the group's, not the part's.
      const describing = ts[k + 1]
      if (
        describing &&
        (describing.pos === "ADJ" || describing.pos === "VERB") &&
        (ts[k + 2]?.pos === "AUX" || ts[k + 2]?.pos === "VERB")
      )
        k++
      continue
    }
    // "Four members of staff were treated", "12 cases of cholera were reported": what is counted goes on
    // through its "of" phrase to the verb.
    if (seen === 0 && countedEnd !== null && has(WHOLE_OF, t)) {
      const end = pastPhrase(ts, k + 1)
      if (end > k + 1 && (ts[end]?.pos === "AUX" || ts[end]?.pos === "VERB")) {
        k = end - 1
        continue
      }
    }
    // "Six of the injured remain in hospital": past a group named by a word standing for it (no figure of
    // its own) to the verb, as past a pronoun.
    if (seen === 0 && has(WHOLE_OF, t) && standsForGroup(ts, k + 1)) {
      k += 2
      continue
    }
    // "Four people with serious injuries remain": what those counted have names the figure.
    if (seen === 0 && q.counted && has(WITH, t)) {
      const end = pastPhrase(ts, k + 1)
      if (end > k + 1) {
        e.nouns.push(...nounsAt(ts, end - 1))
        k = end - 1
        continue
      }
    }
    if (has(FORECAST, t) && t.pos === "AUX" && !attributive && !guessesPast(ts, k)) e.modality = "forecast"
    if (t.pos === "AUX" && PASSIVE_AUX.has(t.lemma)) passive = true
    if (t.pos === "AUX" || t.pos === "ADV" || t.pos === "PART") continue
    // "120 people were on board", "were aboard": where they were names the figure.
    if (copular && ((lower(t) === "on" && lower(ts[k + 1] ?? t) === "board") || lower(t) === "aboard"))
      e.nouns.push(lower(t) === "aboard" ? "aboard" : "on board")
    // "412 are in hospital": where the figure is, as a noun of its own ("in hospital") a rule may name.
    if (copular && lower(t) === "in") {
      const end = pastPhrase(ts, k + 1)
      if (end > k + 1) e.nouns.push(...nounsAt(ts, end - 1).map((n) => `in ${n}`))
    }
    copular &&= t.pos === "VERB" && has(LINKING, t)
    if (has(stating, t) && (t.pos === "VERB" || t.pos === "ADJ" || t.pos === "NOUN")) {
      // "Three gunmen killed 12", "A crush among thousands of people killed at least 60": the figure
      // before an active verb whose object is a figure is the doer, and the verb states the other one.
      if (t.pos === "VERB" && !passive && objectFigure(text, ts, k)) break
      e.predicate = t
      e.place = placeAfter(text, ts, k + 1) ?? e.place
      // "were taken to hospital", "are staying in relief camps", "had to leave their homes": where the
      // verb takes them, or what it leaves, names the figure.
      // "were moved out of flats": a two-word preposition opens the place as one word does.
      const [p1, p2] = [ts[k + 1], ts[k + 2]]
      const pair = p1 && p2 ? `${lower(p1)} ${lower(p2)}` : ""
      let noun = DESTINATION_PHRASAL.has(pair) ? k + 3 : has(DESTINATION, ts[k + 1]) ? k + 2 : k + 1
      if (ts[noun]?.pos === "DET" || ts[noun]?.pos === "PRON" || ts[noun]?.pos === "NUM") noun++
      // "treated in Velmar's general hospital": past the possessor to what it owns.
      if (isNoun(ts[noun]) && /^['’]s$/.test(ts[noun + 1]?.text ?? "")) noun += 2
      while (isNoun(ts[noun + 1]) || (ts[noun]?.pos === "ADJ" && isNoun(ts[noun + 1]))) noun++
      if (isNoun(ts[noun])) e.nouns.push(...nounsAt(ts, noun))
      // "spent the night in emergency shelters": past a stretch of time to where the verb takes them.
      if (has(DESTINATION_TIMES, ts[noun]) && has(DESTINATION, ts[noun + 1])) {
        let place = ts[noun + 2]?.pos === "DET" || ts[noun + 2]?.pos === "PRON" ? noun + 3 : noun + 2
        while (isNoun(ts[place + 1]) || (ts[place]?.pos === "ADJ" && isNoun(ts[place + 1]))) place++
        if (isNoun(ts[place])) e.nouns.push(...nounsAt(ts, place))
      }
      break
    }
    if (t.pos === "VERB") {
      fallback ??= t
      // "were left homeless", "are feared dead", "reported killed": the state comes after.
      continue
    }
    if (!q.counted && lower(t) === "in" && seen === 0) {
      if (isNoun(ts[k + 1])) e.nouns.push(...nounsAt(ts, k + 1), ...nounsAt(ts, k + 2).filter(() => isNoun(ts[k + 2])))
      // "owed £350,000 in unpaid wages": the noun after one adjective names the money, as "in wages" does.
      else if (ts[k + 1]?.pos === "ADJ" && isNoun(ts[k + 2])) e.nouns.push(...nounsAt(ts, k + 2))
    }
    e.place = placeAfter(text, ts, k) ?? e.place
    // "12 people in the village were killed": over the phrase to the verb after it, its place kept.
    const past = t.pos === "ADP" && has(BETWEEN, t) ? pastPhrase(ts, k + 1) : k
    if (past > k && (isVerbal(ts[past]) || ts[past]?.pos === "ADV" || has(BETWEEN, ts[past]))) {
      k = past - 1
      continue
    }
    break
  }
  // "23 missing hikers", "40 wounded soldiers": the state is said inside the group counted; "five hurt":
  // the one word counted is the state itself, which the tagger may take for a noun.
  if (countedEnd !== null) {
    const from = tokenAt(ts, q.span.end)
    const single = (ts[from + 1]?.start ?? Number.POSITIVE_INFINITY) >= countedEnd
    for (let k = from; k < ts.length && (ts[k]?.end ?? 0) <= countedEnd; k++) {
      const t = ts[k] as Token
      const state = t.pos === "ADJ" || t.pos === "VERB" || (single && t.pos === "NOUN" && stating.has(lower(t)))
      if (state && has(stating, t)) {
        e.inner = t
        if (e.predicate === null || !has(stating, e.predicate)) e.predicate = t
        break
      }
    }
  }
  if (e.predicate === null) e.predicate = fallback

  // Before: "killed 12", "cut another 300 jobs", "rose 5% to $3bn", "a death toll of 40", "Ford's 1,200 jobs".
  // "cutting 11% of its workforce, or 889 employees": a figure that restates the one before it, after ", or",
  // is read from before that one, whose verb states both.
  // Only a count: a share keeps its own reading ("or about a tenth of its staff" is a share of the staff), and
  // a sum restated is most often the same sum in another currency ("€850m, or roughly 920 million dollars").
  const restated = q.unit === null ? restatedFrom(ts, first) : first
  let j = restated - 1
  let preposition = ""
  // A length of time ("for 48 hours"), which a preposition of catalogue.span ties to the word before it.
  const span = q.unit !== null && DURATIONS.has(q.unit)
  // "fell 2% to $30": this figure is the level reached after a change, which the verb does not name.
  let level = false
  // "cut off 4,200 people": a particle that makes the verb before it no change of an amount.
  let notChange = false
  // "a staggering 6 million euros": an article and an adjective that weighs the figure were passed over.
  let weighed = false
  for (let skipped = 0; j >= 0 && skipped < 6; j--, skipped++) {
    const t = ts[j] as Token
    if (has(INCREMENT_BEFORE, t)) {
      e.increment = true
      continue
    }
    if (t.pos === "DET" || t.pos === "ADV") continue
    // "cost taxpayers a staggering 6 million euros", "a mere 12": an adjective after "a" only weighs the figure.
    if (t.pos === "ADJ" && preposition === "" && /^an?$/i.test(ts[j - 1]?.text ?? "")) {
      weighed = true
      continue
    }
    // "a jaw-dropping 30 million euros", "an eye-watering $2bn": a participle hyphened to the word before
    // it is one adjective with it, no verb stating the figure.
    const hyphen = ts[j - 1]
    if (
      /(?:ing|ed)$/.test(t.text) &&
      hyphen?.text === "-" &&
      hyphen.end === t.start &&
      ts[j - 2]?.end === hyphen.start &&
      /^\p{L}/u.test(ts[j - 2]?.text ?? "")
    ) {
      j -= 2
      continue
    }
    // "costing it 800,000 euros", "gave Ukraine $5bn": a verb's indirect object before the figure.
    if (preposition === "" && skipped === 0 && (t.pos === "PRON" || t.pos === "PROPN") && isVerbal(ts[j - 1])) continue
    // "cost the city 9 million euros", "left her home village 4.2 million euros": one of several words.
    if (preposition === "" && (skipped === 0 || (weighed && ts[j + 1]?.pos === "DET"))) {
      const verb = indirectObjectVerb(ts, j)
      if (verb >= 0) {
        j = verb + 1
        continue
      }
    }
    // "laid off 240", "handed out $5m", "edged up to 4.4%": the verb's particle.
    if ((preposition === "" || preposition === "to") && /^(?:off|out|up|down)$/i.test(t.text) && isVerbal(ts[j - 1])) {
      notChange ||= has(NOT_CHANGE_PARTICLES, t)
      continue
    }
    // "by an average of 12 percent": back over "an average of" to the words before it.
    if (preposition === "" && lower(t) === "of" && has(TRANSPARENT, ts[j - 1]) && ts[j - 2]?.pos === "DET") {
      j -= 2
      continue
    }
    if ((t.pos === "ADP" || t.pos === "PART") && /^(?:by|to|of|at|from|for)$/i.test(t.text) && preposition === "") {
      preposition = lower(t)
      continue
    }
    if (t.pos === "ADP" && preposition === "" && span && has(SPAN_PREPOSITIONS, t)) {
      preposition = lower(t)
      continue
    }
    // "rose 5% to $3bn": another figure between the verb and this one.
    if (preposition === "to" && (t.pos === "NUM" || t.pos === "SYM" || /^(?:%|percent|per|cent|by)$/i.test(t.text))) {
      level = true
      continue
    }
    // "cut the fare from 208 pounds to 193": the figure before the change, then its object and verb.
    if (preposition === "to" && level && lower(t) === "from") continue
    break
  }
  const before = ts[j]
  // "will stay closed for 48 hours", "hoped to reopen the street within two days": back over the verb's
  // object to the verb or adjective whose duration the figure is; one that names a class wins over the fallback.
  if (span && SPAN_PREPOSITIONS.has(preposition)) {
    // "reopen part of the site within a month": an object may hold an "of".
    let v = j
    while (
      v > j - 6 &&
      (ts[v]?.pos === "DET" ||
        (ts[v]?.pos === "ADJ" && !has(stating, ts[v])) ||
        isNoun(ts[v]) ||
        (lower(ts[v] as Token) === "of" && isNoun(ts[v - 1])))
    )
      v--
    const stated = ts[v]
    if (stated && (isVerbal(stated) || stated.pos === "ADJ") && (e.predicate === null || has(stating, stated)))
      e.predicate = stated
  }
  // "puts the cost of the attack so far at 11 million euros", "police put the number of protesters at
  // 10,000": the object of a verb of estimating (catalogue.estimating) names the figure after "at".
  if (preposition === "at") {
    for (let v = j; v >= Math.max(0, j - ESTIMATE_WINDOW); v--) {
      if (!has(ESTIMATING, ts[v]) || !isVerbal(ts[v])) continue
      let n = v + 1
      if (ts[n]?.pos === "DET" || ts[n]?.pos === "PRON") n++
      while (isNoun(ts[n + 1]) || (ts[n]?.pos === "ADJ" && isNoun(ts[n + 1]))) n++
      if (!isNoun(ts[n])) break
      e.nouns.push(...nounsAt(ts, n))
      // "the number of protesters": what is counted names it too.
      if (lower(ts[n + 1] as Token) === "of") {
        let m = ts[n + 2]?.pos === "DET" ? n + 3 : n + 2
        while (isNoun(ts[m + 1])) m++
        if (isNoun(ts[m])) e.nouns.push(...nounsAt(ts, m))
      }
      break
    }
  }
  // "a magnitude 6.1 earthquake", "measured at magnitude 6.1": a noun right before the figure names it;
  // not a verb the tagger made a noun ("The bridge cost $9m"), which states the figure below.
  if (preposition === "" && j === first - 1 && isNoun(before) && !has(stating, before)) e.nouns.push(...nounsAt(ts, j))
  // "the bodies of 22 women, 23 men and six children": a later figure of the list is named as the first.
  const head = preposition === "" ? listHeadBefore(ts, first) : -1
  if (head >= 0) e.nouns.push(...nounsAt(ts, head))
  // "holds about 600,000 salmon in twelve pens", "employs 300 staff across 12 sites": a count of what holds
  // the stock a verb of having gives a figure of is, like that figure, a whole there is.
  if (preposition === "" && /^(?:in|across)$/i.test(before?.text ?? "") && isNoun(ts[j - 1]) && q.unit === null) {
    let v = j - 1
    while (v > j - 4 && (isNoun(ts[v]) || ts[v]?.pos === "ADJ")) v--
    let w = v - 1
    while (w > v - 4 && /^(?:ADV|ADP|ADJ|DET)$/.test(ts[w]?.pos ?? "")) w--
    if (ts[v]?.pos === "NUM" && isVerbal(ts[w]) && has(STOCK, ts[w])) e.stock = true
  }
  // "beds for about 560 guests", "seats for 40,000": the noun before "for" names the figure with it.
  if (preposition === "for" && isNoun(before))
    e.nouns.push(`${(before as Token).lemma} for`, `${lower(before as Token)} for`)
  // "sold to an investment fund for about 60 million euros": the price a verb of sale states.
  if (preposition === "for" && isCurrency(q.unit) && (e.predicate === null || !has(stating, e.predicate))) {
    const verb = exchangeVerb(ts, j)
    if (verb >= 0) {
      e.predicate = ts[verb] as Token
      e.sale = true
    }
  }
  // "lost by fewer than 900 votes": the gap between two sides.
  if (preposition === "by" && has(MARGIN, before)) e.nouns.push("margin")
  if (before && (lower(before) === "'s" || lower(before) === "’s")) {
    e.possessor = properBefore(text, ts, j - 1) ?? (isNoun(ts[j - 1]) ? lower(ts[j - 1] as Token) : null)
  } else if (before && (isNoun(before) || before.pos === "ADJ") && preposition === "of") {
    // "a death toll of 40", "a fine of $5m": the noun names the figure; "an increase of 300" makes it a change.
    e.nouns.push(...nounsAt(ts, j))
    if (has(CHANGE_NOUNS, before)) e.change = true
    if (ts[j - 1] && /^['’]s$/.test(ts[j - 1]?.text ?? "")) e.possessor = properBefore(text, ts, j - 2)
    // "demanded a ransom of €4m", "set up a fund of $1m": the verb whose object the named figure is states it.
    let v = j - 1
    while (v > j - 4 && (ts[v]?.pos === "DET" || ts[v]?.pos === "ADJ" || isNoun(ts[v]))) v--
    const opens = ts[v + 1]?.pos === "DET"
    if (/^(?:up|out|aside)$/i.test(ts[v]?.text ?? "") && isVerbal(ts[v - 1])) v--
    if (ts[v]?.pos === "VERB" && opens) e.predicate ??= ts[v] as Token
  } else if (before && isNoun(before) && !has(LINKING, before) && /^(?:by|to|at)$/.test(preposition)) {
    // "cut emissions by 40%", "bringing the toll to 31", "put the damage at $50m": a verb, its object, then the
    // figure. "raised the price of the Skerran Head lighthouse to 2.6 million euros": the object's head
    // is the noun before its "of", which names the figure too.
    let v = j - 1
    let limit = j - 4
    let head = -1
    for (;;) {
      const t = ts[v]
      if (v > limit && (t?.pos === "DET" || t?.pos === "ADJ" || isNoun(t) || t?.pos === "PRON")) v--
      else if (v >= limit && head < 0 && lower(t) === "of" && isNoun(ts[v - 1])) {
        head = v - 1
        limit = v - 4
        v--
      } else break
    }
    const verb = ts[v]
    if (verb?.pos === "VERB" && (has(CHANGE, verb) || has(BRINGING, verb))) {
      e.nouns.push(...nounsAt(ts, j))
      if (head >= 0) e.nouns.push(...nounsAt(ts, head))
      // "raised fares to 3 euros": the level the object is brought to, which the noun names; the verb that
      // brings it there names no class of its own (a fare raised is no sum raised), so it is tried only
      // after the noun.
      if (preposition === "to") e.before ??= verb
      else e.predicate ??= verb
      if (preposition === "by" && has(CHANGE, verb)) e.change = true
      e.object = properOrNoun(text, ts, j)
    } else if (preposition === "to" && lower(verb) === "in" && has(CHANGE_NOUNS, ts[v - 1])) {
      // "an increase in the death toll to 92": a change noun's level, named by what it is in.
      e.nouns.push(...nounsAt(ts, j))
      e.object = properOrNoun(text, ts, j)
    }
  } else if (
    before &&
    (isVerbal(before) ||
      (has(stating, before) && preposition === "") ||
      (has(LINKING, before) && preposition !== "of" && preposition !== "at"))
  ) {
    // wink tags some verbs before a number as nouns ("The bridge cost $9m", "Crews rescued 112",
    // "the number of dead rose to 40").
    const active = before
    // "visited two injured fans": some of the injured, not their count (catalogue actedOn).
    if (e.inner !== null && e.predicate === e.inner && has(ACTED_ON, active)) {
      e.inner = null
      e.predicate = active
      e.nouns = e.nouns.filter((n) => !n.startsWith("in "))
    }
    // "have raised more than 400,000 euros to buy their shop": a verb after "to" past the figure says what
    // the sum is for; a stating verb before the figure says what it is.
    const at = e.predicate ? tokenAt(ts, e.predicate.start) : -1
    const purpose = at > first && lower(ts[at - 1]) === "to" && ts[at - 1]?.pos === "PART"
    if (
      !level &&
      (e.predicate === null ||
        (!has(stating, e.predicate) && has(stating, active)) ||
        (purpose && has(stating, active)))
    )
      e.predicate = active
    else if (!level && has(stating, active) && active !== e.predicate) e.before = active
    // "The lane has 22 shops", "which houses 160 inmates": what a thing has, not what happened.
    // wink tags the verb after a relative pronoun as a noun ("which/DET houses/NOUN 160 inmates").
    const relativeVerb = active.pos === "NOUN" && has(RELATIVE, ts[j - 1])
    e.stock = preposition === "" && q.unit === null && (isVerbal(active) || relativeVerb) && has(STOCK, active)
    // "rose 5%", "fell by 300"; not "rose to 40", nor a range "dropped from 208 to 193".
    const opened = /^(?:from|between)\b/i.test(text.slice(q.span.start, q.span.start + 8))
    if ((preposition === "by" || preposition === "") && !opened && !notChange && has(CHANGE, active)) e.change = true
    // Back over the verb's auxiliaries to its subject.
    let s = j - 1
    for (; s >= 0 && first - s < 10; s--) {
      const t = ts[s] as Token
      if (NEGATIONS.has(t.lemma) || NEGATIONS.has(lower(t))) {
        if (e.predicate === active) e.negated = true
        continue
      }
      if (t.pos === "AUX" || t.pos === "ADV" || t.pos === "PART" || (t.pos === "VERB" && s === j - 1)) continue
      break
    }
    // "The pier, which opened in 1879, is 420 metres long": back over a relative clause set off by commas.
    if (ts[s]?.text === ",") {
      let open = s - 1
      while (open > 0 && s - open < ASIDE_WINDOW && !CLAUSE_END.has(ts[open]?.text ?? "")) open--
      if (ts[open]?.text === "," && has(RELATIVE, ts[open + 1]) && isNoun(ts[open - 1])) s = open - 1
    }
    // "The death toll in Gaza rose", "Sales in May reached": the place or time is not the subject.
    if ((ts[s]?.pos === "PROPN" || TIME_NAMES.test(ts[s]?.text ?? "")) && has(LINKING, active)) {
      let m = s
      while (ts[m - 1]?.pos === "PROPN" && s - m < 3) m--
      if (/^(?:in|at|across)$/i.test(ts[m - 1]?.text ?? "") && isNoun(ts[m - 2])) {
        e.place ??= placeAfter(text, ts, m - 1)
        s = m - 2
      }
    }
    // "The number of dead rose to 40": an adjective standing for people.
    if (isNoun(ts[s]) || (ts[s]?.pos === "ADJ" && /^(?:of|the)$/i.test(ts[s - 1]?.text ?? ""))) {
      if (has(LINKING, active) || has(CHANGE, active) || active.pos === "AUX") {
        e.nouns.push(...nounsAt(ts, s))
        // "The correct figure is 68": a word for the value itself (catalogue valueNouns) is whose value nothing.
        if (!has(VALUE_NOUNS, ts[s])) e.object = properOrNoun(text, ts, s)
        e.nouns.push(...subjectHeads(ts, s), ...openingHead(ts, s))
        // "Gaza's death toll rose", "the death toll in Gaza rose".
        let m = s
        while (isNoun(ts[m - 1]) || ts[m - 1]?.pos === "ADJ") m--
        if (/^['’]s$/.test(ts[m - 1]?.text ?? "")) e.possessor = properBefore(text, ts, m - 2)
        // "The number of injured workers has risen to 11": the state said inside the subject.
        for (let i = s - 1; i >= Math.max(0, s - 4) && e.inner === null; i--) {
          const t = ts[i]
          if (!t || t.pos === "ADP" || t.pos === "DET") break
          if (has(stating, t) && t.pos !== "NOUN") e.inner = t
        }
      }
    }
  }

  // "identified 14 of the victims": a part of a named group; "admitted 22 people to hospital": where
  // the verb before the figure takes it. Either names the figure.
  const next2 = ts[after]
  if (next2 && (/^of$/i.test(next2.text) ? !q.counted : /^(?:to|into)$/i.test(next2.text) && before !== undefined)) {
    const noun = ts[after + 1]?.pos === "DET" || ts[after + 1]?.pos === "PRON" ? after + 2 : after + 1
    let head = noun
    while (isNoun(ts[head + 1]) || (ts[head]?.pos === "ADJ" && isNoun(ts[head + 1]))) head++
    if (isNoun(ts[head])) e.nouns.push(...nounsAt(ts, head))
  }
  // The nearest cue of modality before the figure, within its clause, decides; not for a figure that
  // describes its noun (measures.json modality.attributive).
  if (e.modality === "fact" && !attributive) {
    // "will build a factory ..., creating about 1,800 jobs": a participle's clause after a comma says what
    // the main clause does, in its tense; the scan goes on into the main clause.
    // A restated figure's tense is the one it restates ("will be cutting 11% of its workforce, or 889").
    let reach = MODAL_REACH + first - restated
    let crossed = false
    for (let k = first - 1; k >= 0 && first - k <= reach; k--) {
      if (k >= restated) continue
      const t = ts[k] as Token
      const participle = ts[k + 1]
      if (!crossed && t.text === "," && k + 1 < first && participle?.pos === "VERB" && /ing$/i.test(participle.text)) {
        crossed = true
        reach = first - k + MAIN_CLAUSE_REACH
        continue
      }
      if (CLAUSE_END.has(t.text)) break
      // "will reopen after a restoration that cost about 12 million euros": a relative clause after its noun
      // has a tense of its own; a modal before it is the main clause's.
      if (has(RELATIVE, t) && isNoun(ts[k - 1]) && (isVerbal(ts[k + 1]) || ts[k + 1] === e.predicate)) break
      // "plans to", "a target of", "aims to": a plan's noun only with what it aims at ("the budget plan" is none).
      const aimed = t.pos === "VERB" || /^(?:to|of|is|was|for)$/i.test(ts[k + 1]?.text ?? "")
      if (aimed && has(TARGET, t)) {
        e.modality = "target"
        break
      }
      // "If a third of the cups are not coming back": a figure its clause sets as a condition is not stated
      // as a fact; like a forecast, it is what may be (lexicon.json conditionals, read as a conjunction).
      if (Lexicon.isConditional(t) && (t.pos === "SCONJ" || t.lower === "if" || t.lower === "unless")) {
        e.modality = "forecast"
        break
      }
      // A modal counts only as an auxiliary: "in May", "the will of voters" are no forecasts.
      const forecast = Lexicon.isModal(t) ? t.pos === "AUX" && has(FORECAST, t) : t.pos !== "PROPN" && has(FORECAST, t)
      if (forecast && guessesPast(ts, k)) break
      if (forecast) {
        e.modality = "forecast"
        break
      }
    }
  }
  if (q.unit !== null && LENGTHS.has(q.unit))
    readReference(text, ts, tokenAt(ts, q.span.end), e, has(NEAR, ts[first - 1]))
  e.predicate = complementOf(ts, e.predicate, stating) ?? e.predicate
  e.place ??= openingPlace(text, ts, first) ?? elsewhere(text, ts, after)
  // "About 900 of the 1,450 schools closed": the verb after the whole states the part, unless another
  // verb follows it ("one of the 52 people detained had a lawyer": "detained" is said of the whole).
  // Opening the sentence ("Of the 52 people detained on Tuesday, 24 ..."), the whole's clause is its own.
  const form = wholeForm(ts, first)
  if (form !== null) {
    e.whole = true
    const at = e.predicate ? ts.indexOf(e.predicate) : -1
    const said = at > first && (ts[at + 1]?.pos === "AUX" || ts[at + 1]?.pos === "VERB")
    if (form === "after-part" && !said) {
      e.predicate = null
      e.inner = null
    }
    e.change = false
  }
  // "were seriously injured", "were very badly hurt": the adverbs of degree the predicate carries.
  if (e.predicate)
    for (let i = ts.indexOf(e.predicate) - 1; i >= 0 && ts[i]?.pos === "ADV"; i--) e.degrees.push(lower(ts[i] as Token))
  return e
}

/**
 * "150 men, women and children believed trapped": past the nouns coordinated with what is counted ("men")
 * to the verb after them, from `at`, the token after the counted noun. `at` itself when nothing was counted
 * or no such list follows.
 */
const coordinatedEnd = (ts: ReadonlyArray<Token>, at: number, counted: boolean): number => {
  if (!counted) return at
  let k = at
  for (let items = 0; items < 4; items++) {
    if (!(ts[k]?.text === "," || ts[k]?.pos === "CCONJ")) break
    let n = ts[k + 1]?.pos === "CCONJ" ? k + 2 : k + 1
    if (!isNoun(ts[n])) break
    while (isNoun(ts[n + 1])) n++
    k = n + 1
  }
  return k
}

/**
 * "the bodies of 22 women, 23 men and six children", "a fine of $2m, $3m and $5m": the noun before "of" that
 * opens a list the figure at `first` ends an item of, back over up to six items ("23 men", "and", ","),
 * or -1 when the figure is not a later item of such a list.
 */
const listHeadBefore = (ts: ReadonlyArray<Token>, first: number): number => {
  let k = first - 1
  for (let items = 0; items < 6; items++) {
    if (!(ts[k]?.text === "," || ts[k]?.pos === "CCONJ")) return -1
    k--
    if (ts[k]?.text === ",") k--
    while (k >= 0 && (isNoun(ts[k]) || ts[k]?.pos === "ADJ")) k--
    if (ts[k]?.pos !== "NUM") return -1
    while (k >= 0 && ts[k]?.pos === "NUM") k--
    if (ts[k] !== undefined && lower(ts[k] as Token) === "of") return isNoun(ts[k - 1]) ? k - 1 : -1
  }
  return -1
}

/**
 * "12 were found dead", "eight were pulled out alive", "40 were reported missing", "150 believed trapped":
 * an adjective or participle completing the verb (after at most two particles or adverbs, "out", "still") says what the
 * figure counts; the verb only says how it became known. Null when the verb has no such complement.
 */
const complementOf = (ts: ReadonlyArray<Token>, verb: Token | null, stating: ReadonlySet<string>): Token | null => {
  if (verb === null || verb.pos !== "VERB") return null
  let k = ts.indexOf(verb) + 1
  for (
    let skipped = 0;
    skipped < 2 && (ts[k]?.pos === "ADV" || ts[k]?.pos === "ADP" || ts[k]?.pos === "PART");
    skipped++
  )
    k++
  const t = ts[k]
  if (t === undefined || !has(stating, t)) return null
  // A participle completes a verb that states no class itself ("believed trapped", "feared killed"), not one
  // that does ("found" of bodies): "were found injured" is read by its adjective's tag alone.
  return t.pos === "ADJ" || (t.pos === "VERB" && !has(stating, verb)) ? t : null
}

/**
 * "42 km west of Carmen", "20 km from the epicentre", "33 km below the town", "within 5 km of the
 * town" (`near`: the word before the figure is one of reference.near): the reference point after a
 * length, or that it is a depth. Marks the figure with the noun a rule names it by.
 */
const readReference = (text: string, ts: ReadonlyArray<Token>, k0: number, e: Evidence, near: boolean): void => {
  let k = k0
  // "42 km (26 miles) west of Carmen": over the conversion in brackets.
  if (ts[k]?.text === "(") {
    const close = ts.findIndex((t, n) => n > k && t.text === ")")
    if (close < 0 || close > k + 5) return
    k = close + 1
  }
  // "500 kilometres, north of Pell", closing a restatement ("300 miles, or 500 kilometres, north of Pell").
  if (ts[k]?.text === "," && has(DIRECTIONS, ts[k + 1])) k++
  let i = k
  // "south-east" may come as three tokens.
  while (i < k + 5 && (has(DIRECTIONS, ts[i]) || (i > k && /^[-–]$/.test(ts[i]?.text ?? "")))) i++
  const word = ts[i]
  if (!word) return
  const depth = has(DEPTH, word)
  if (!depth && !(has(FROM, word) && (i > k || near || has(FROM_ALONE, word) || has(DIRECTIONS, ts[k - 1])))) return
  e.nouns.push(depth ? "depth" : "distance")
  let j = i + 1
  if (ts[j]?.pos === "DET" || ts[j]?.pos === "PRON") j++
  let last = j - 1
  for (let m = j; m < j + 4 && (isNoun(ts[m]) || ts[m]?.pos === "ADJ"); m++) if (isNoun(ts[m])) last = m
  // "the town of Soto", "the state capital, Tarnow": the name, not the kind of place, so that two
  // distances from one city written with other descriptions ("the national capital", "the Indian capital")
  // are from one point, and distances from two capitals are not.
  const named = /^(?:of|,)$/i.test(ts[last + 1]?.text ?? "") && ts[last + 2]?.pos === "PROPN"
  if (named) {
    j = last + 2
    last = j
    while (ts[last + 1]?.pos === "PROPN" && last - j < 3) last++
  } else if (ts[last]?.pos === "PROPN" && ts[j]?.pos !== "PROPN") {
    // "the state capital Tarnow": the name after the description.
    let first = last
    while (first > j && ts[first - 1]?.pos === "PROPN") first--
    j = first
  }
  const a = ts[j]
  const b = ts[last]
  if (last >= j && a && b) e.reference = span(text, a, b)
}

/** "In Cebu, 9 have died": a place the sentence opens with, before the figure. */
const openingPlace = (text: string, ts: ReadonlyArray<Token>, first: number): string | null => {
  if (!has(OPENING, ts[0])) return null
  let i = 1
  if (ts[i]?.pos === "DET") i++
  let j = i
  while (ts[j]?.pos === "PROPN" && j - i < 4) j++
  const a = ts[i]
  const b = ts[j - 1]
  if (j === i || ts[j]?.text !== "," || j >= first || !a || !b || TIME_NAMES.test(a.text)) return null
  return span(text, a, b)
}

/** "Hundreds died elsewhere", "in other parts of the country": counted apart from any named place. */
const elsewhere = (text: string, ts: ReadonlyArray<Token>, after: number): string | null => {
  if (ELSEWHERE.test(ts[0]?.text ?? "")) return "elsewhere"
  for (let k = after; k < Math.min(ts.length, after + AFTER_WINDOW + 4); k++) {
    const t = ts[k] as Token
    if (CLAUSE_END.has(t.text)) break
    if (ELSEWHERE.test(text.slice(t.start, t.start + 20))) return "elsewhere"
  }
  return null
}

/** What the rules read of a quantity: where it is, its unit, and whether it is a share ("one in five users"). */
export type Figure = Pick<Quantity.Quantity, "unit" | "span" | "counted"> & { readonly share?: boolean }

/** Whether a quantity is of the kind a rule's `needs` names. */
const isKind = (needs: string, q: Figure, e: Evidence, text: string): boolean => {
  const u = q.unit
  switch (needs) {
    case "count":
      return u === null
    case "money":
      return isCurrency(u)
    case "percent":
      return u !== null && PERCENTS.has(u)
    case "change":
      return u !== null && (PERCENTS.has(u) || u === "proportion") && e.change
    case "share":
      // "20 per cent of users", "a third of the fund"; or a count out of a count ("one in five users").
      return (
        ((u === "percent" || u === "proportion") && /^[ \t]+of\b/.test(text.slice(q.span.end, q.span.end + 4))) ||
        q.share === true
      )
    case "area":
      return u !== null && AREAS.has(u)
    case "duration":
      // "three weeks before the blast" is a point in time; "stopped for 25 minutes after fans ran on" a length.
      return (
        u !== null &&
        DURATIONS.has(u) &&
        (!SPAN_POINTS.test(text.slice(q.span.end, q.span.end + 16)) || FOR_BEFORE.test(text.slice(0, q.span.start)))
      )
    // A length of time a verb says went by ("lasted six hours before he gave up"): "before" after it
    // ends the span, it does not make the figure a point in time.
    case "elapsed":
      return u !== null && DURATIONS.has(u)
    case "length":
      return u !== null && LENGTHS.has(u)
    case "mass":
      return Units.dimensionOf(u) === "mass"
    default:
      return false
  }
}

/** A rule with its word lists as sets. */
interface Compiled {
  readonly rule: Rule
  readonly predicates: ReadonlySet<string> | null
  readonly counted: ReadonlySet<string> | null
  readonly countedAmong: ReadonlySet<string> | null
  readonly nouns: ReadonlySet<string> | null
  readonly units: ReadonlySet<string> | null
  readonly degrees: ReadonlySet<string> | null
  readonly after: RegExp | null
  readonly objects: RegExp | null
  /** `objects` past the figure and up to three words of what it counts, for a verb before the figure. */
  readonly objectsPastFigure: RegExp | null
  readonly opening: RegExp | null
  readonly before: RegExp | null
  readonly clause: RegExp | null
  readonly notStatedBy: ReadonlySet<string> | null
}
/** How far into the figure's clause a rule's `clause` words are looked for, in characters. */
const CLAUSE_CHARS = 60
const optionalSet = (words: ReadonlyArray<string> | undefined): ReadonlySet<string> | null =>
  words ? new Set(words) : null
const compiled: ReadonlyArray<Compiled> = rules.map((rule) => ({
  rule,
  predicates: optionalSet(rule.predicates),
  counted: optionalSet(rule.counted),
  countedAmong: optionalSet(rule.countedAmong),
  nouns: optionalSet(rule.nouns),
  units: optionalSet(rule.units),
  degrees: optionalSet(rule.degrees),
  // Not a word that opens a phrase after it ("flung stones up to 800 metres across the village"): "12 metres
  // across" ends there.
  after: rule.after
    ? new RegExp(`^\\s+(?:${phrases(rule.after)})\\b(?!\\s+(?:the|a|an|this|that|its|his|her|their|our)\\b)`, "i")
    : null,
  objects: rule.objects ? new RegExp(`^\\s+(?:${phrases(rule.objects)})\\b`, "i") : null,
  // "Paramedics treated 14 passengers at the scene": the verb's words after what it acts on, in its clause.
  objectsPastFigure: rule.objects
    ? new RegExp(`^(?:\\s+[\\p{L}'-]+){1,3}?\\s+(?:${phrases(rule.objects)})\\b`, "iu")
    : null,
  opening: rule.opening ? new RegExp(`^(?:${phrases(rule.opening)})\\b`, "i") : null,
  before: rule.before ? new RegExp(`\\b(?:${phrases(rule.before)})\\s+$`, "i") : null,
  clause: rule.clause ? new RegExp(`^[^,;:.!?]{0,${CLAUSE_CHARS}}?\\b(?:${phrases(rule.clause)})\\b`, "i") : null,
  notStatedBy: optionalSet(rule.notStatedBy),
}))

/**
 * The rules a word or unit can satisfy, by position in the catalogue, so that a quantity is tested
 * against the few rules its words name rather than all of them; `always` holds rules that need no word.
 */
const byKey = new Map<string, number[]>()
const always: number[] = []
compiled.forEach((c, i) => {
  const keys = [...(c.predicates ?? []), ...(c.nouns ?? []), ...[...(c.units ?? [])].map((u) => `unit:${u}`)]
  if (keys.length === 0) always.push(i)
  for (const k of new Set(keys)) byKey.set(k, [...(byKey.get(k) ?? []), i])
})

/** Adds to `out` the rules filed under `key`. */
const addKeyed = (out: number[], key: string): void => {
  const found = byKey.get(key)
  if (found) out.push(...found)
}

const candidates = (e: Evidence, unit: string | null): number[] => {
  const out = [...always]
  if (e.predicate) {
    addKeyed(out, e.predicate.lemma)
    if (e.predicate.text !== e.predicate.lemma) addKeyed(out, lower(e.predicate))
  }
  for (const n of e.nouns) addKeyed(out, n)
  if (unit !== null) addKeyed(out, `unit:${unit}`)
  return out.length > 1 ? [...new Set(out)].sort((a, b) => a - b) : out
}

/**
 * Whether a rule's `objects` follow its verb: right after it ("14 people treated at the scene"), or, for a
 * verb before the figure, after the figure and what it counts ("treated 14 passengers at the scene").
 */
const objectsFollow = (c: Compiled, predicate: Token, q: Pick<Quantity.Quantity, "span">, text: string): boolean =>
  (c.objects?.test(text.slice(predicate.end, predicate.end + 32)) ?? false) ||
  (predicate.end <= q.span.start &&
    !/[,;:.!?]/.test(text.slice(predicate.end, q.span.start)) &&
    (c.objectsPastFigure?.test(text.slice(q.span.end, q.span.end + 48)) ?? false))

const matches = (c: Compiled, q: Figure, e: Evidence, text: string): boolean => {
  if (c.rule.needs !== undefined && !isKind(c.rule.needs, q, e, text)) return false
  if (c.units && !(q.unit !== null && c.units.has(q.unit))) return false
  if (c.predicates && !(e.predicate && (c.predicates.has(e.predicate.lemma) || c.predicates.has(lower(e.predicate)))))
    return false
  if (c.counted && !(e.countedHead && c.counted.has(e.countedHead))) return false
  if (c.countedAmong && e.countedHead && !c.countedAmong.has(e.countedHead)) return false
  if (c.degrees && !e.degrees.some((d) => c.degrees?.has(d))) return false
  if (c.after && !c.after.test(text.slice(q.span.end, q.span.end + 24))) return false
  if (c.objects && !(e.predicate && objectsFollow(c, e.predicate, q, text))) return false
  if (c.opening && !c.opening.test(text.slice(q.span.start, q.span.end))) return false
  if (c.clause && !c.clause.test(text.slice(q.span.end, q.span.end + CLAUSE_CHARS + 40))) return false
  if (c.before && !(e.predicate && c.before.test(text.slice(Math.max(0, e.predicate.start - 16), e.predicate.start))))
    return false
  if (c.notStatedBy && e.predicate && (c.notStatedBy.has(e.predicate.lemma) || c.notStatedBy.has(lower(e.predicate))))
    return false
  if (c.rule.described && e.described === null) return false
  if (c.nouns && !e.nouns.some((n) => c.nouns?.has(n) && !(c.rule.notCounted && e.countedNouns.includes(n))))
    return false
  return true
}

/** How many tokens back a restated figure's "or" may find the figure it restates ("11% of its workforce"). */
const RESTATED_REACH = 8

/**
 * The first token of the figure that the figure at `first` restates after ", or" ("cutting 11% of its
 * workforce, or 889 employees": the token of "11"), else `first`.
 */
const restatedFrom = (ts: ReadonlyArray<Token>, first: number): number => {
  if (lower(ts[first - 1]) !== "or" || ts[first - 2]?.text !== ",") return first
  for (let k = first - 3; k >= Math.max(0, first - 2 - RESTATED_REACH); k--) {
    const t = ts[k] as Token
    if (t.pos === "PUNCT" && t.text !== "%") return first
    if (t.pos === "VERB" || t.pos === "AUX") return first
    if (t.pos === "NUM") {
      // Back over a currency sign that opens that figure ("$5m").
      return ts[k - 1]?.pos === "SYM" ? k - 1 : k
    }
  }
  return first
}

/** The first rule of the catalogue the quantity satisfies, or null. */
const ruleFor = (q: Figure, e: Evidence, text: string): Rule | null => {
  for (const i of candidates(e, q.unit)) {
    const c = compiled[i] as Compiled
    if (matches(c, q, e, text)) return c.rule
  }
  return null
}

const isNameWord = (t: Token | undefined): boolean => t?.pos === "PROPN" && startsUpper(t.text)

/**
 * Whether token `j` ends a name: a capitalised proper noun, or a capitalised word right after one, which
 * wink may read as something else ("Ripon Das, 25,": "Das" as a verb).
 */
export const endsName = (ts: ReadonlyArray<Token>, j: number): boolean =>
  isNameWord(ts[j]) || (/^\p{Lu}\p{Ll}/u.test(ts[j]?.text ?? "") && isNameWord(ts[j - 1]))

/** The name just before an age ("Priya Lamb, 44", "Sam Tulley, aged 29"): the run of proper nouns before the comma. */
const agedPerson = (text: string, ts: ReadonlyArray<Token>, start: number): string | null => {
  let k = tokenAt(ts, start) - 1
  if (ts[k]?.text.toLowerCase() === "aged") k -= 1
  if (ts[k]?.text === ",") k -= 1
  const last = k
  if (!endsName(ts, last)) return null
  k -= 1
  // A hyphen inside a name ("Vane-Ruiz") joins two of its words written without a space.
  const joins = (j: number) =>
    ts[j]?.text === "-" && isNameWord(ts[j - 1]) && ts[j - 1]?.end === ts[j]?.start && ts[j]?.end === ts[j + 1]?.start
  while (k >= 0 && (isNameWord(ts[k]) || (k < last && joins(k)))) k -= 1
  const first = ts[k + 1]
  const end = ts[last]
  return first && end ? text.slice(first.start, end.end) : null
}

/**
 * Whether the verb stating a sum, before it, has one item for its subject (catalogue unitPrice): back
 * from the verb over adverbs and auxiliaries ("now", "is"), then the noun group ("single ticket", "50-litre
 * tank of diesel"), to the determiner that opens it: one of `determiners`, or "a" with one of
 * `indefiniteWith` in the group.
 */
const oneItemSubject = (ts: ReadonlyArray<Token>, predicate: Token | null, q: Figure): boolean => {
  if (!predicate || predicate.end > q.span.start) return false
  let k = tokenAt(ts, predicate.start) - 1
  while (k >= 0 && (ts[k]?.pos === "ADV" || ts[k]?.pos === "AUX")) k--
  const head = k
  while (
    k >= 0 &&
    head - k < 8 &&
    (isNoun(ts[k]) || ts[k]?.pos === "ADJ" || ts[k]?.pos === "NUM" || lower(ts[k]) === "-" || lower(ts[k]) === "of")
  )
    k--
  const opener = k >= 0 ? lower(ts[k] as Token) : ""
  if (k >= head || !isNoun(ts[head])) return false
  if (UNIT_PRICE_DETERMINERS.has(opener)) return true
  // "a single ticket", "a 50-litre tank of diesel": an indefinite item is one of many only so written
  // ("a new roof would cost" is one thing's cost).
  const group = ts.slice(k + 1, head + 1).map(lower)
  return (opener === "a" || opener === "an") && group.some((w) => UNIT_PRICE_ONE_OF.has(w))
}

/**
 * The measure of a quantity in a sentence's tokens. `countedEnd` is where the group of what is
 * counted ends ("5,000 Ukrainian soldiers"), when there is one.
 */
export const measure = (
  text: string,
  ts: ReadonlyArray<Token>,
  q: Figure,
  countedEnd: number | null,
): Quantity.Measure => {
  const gathered = gather(text, ts, q, countedEnd)
  // "1,800 evacuated residents spent the night": the state inside the group counted names the class
  // when the verb after it ("spend") does not; a rule by a verb beats one by a noun ("residents").
  const first = ruleFor(q, gathered, text)
  const retried =
    gathered.inner && gathered.inner !== gathered.predicate && !first?.predicates
      ? ruleFor(q, { ...gathered, predicate: gathered.inner }, text)
      : null
  const useInner = retried?.predicates !== undefined
  // "a boat carrying 60 people sank": the verb before the figure, when the one after names no class for it.
  const viaBefore =
    !useInner && first === null && gathered.before
      ? ruleFor(q, { ...gathered, predicate: gathered.before }, text)
      : null
  const useBefore = viaBefore?.predicates !== undefined
  // "The number of people checked for contamination has risen to 31": with no class either way, the
  // count's own participle says what was done, where a linking verb ("rise", "reach", "be") says only
  // that the figure is the count's value.
  const linkedOnly =
    !useInner &&
    !useBefore &&
    first === null &&
    gathered.done !== null &&
    gathered.done !== gathered.predicate &&
    has(LINKING, gathered.predicate ?? undefined)
  const e = useInner
    ? { ...gathered, predicate: gathered.inner }
    : linkedOnly
      ? { ...gathered, predicate: gathered.done }
      : useBefore
        ? { ...gathered, predicate: gathered.before }
        : gathered
  const read = useInner ? retried : useBefore ? viaBefore : first
  // "A single ticket costs 2.40 euros": one item's price, not a total cost (catalogue unitPrice).
  const unitPrice = read !== null && UNIT_PRICE_CLASSES.has(read.class) && oneItemSubject(ts, e.predicate, q)
  // "sold to a fund for 60 million euros": what was paid, a price, not a deal's value (catalogue exchange).
  const salePrice = read !== null && e.sale && EXCHANGE_CLASSES.has(read.class)
  // "a fund paid 96 million euros for it": what was bought for the sum, a price (catalogue exchange.paying).
  const paidFor =
    read === null &&
    isCurrency(q.unit) &&
    has(PAYING, e.predicate ?? undefined) &&
    PAID_FOR.test(text.slice(q.span.end, q.span.end + 24))
  // Read by the rule that read the verb, renamed so that reports say which rule decided.
  const rule: Rule | null =
    unitPrice && read
      ? { ...read, name: catalogue.unitPrice.name, class: "money-price" }
      : salePrice && read
        ? { ...read, name: catalogue.exchange.name, class: "money-price" }
        : paidFor
          ? { name: catalogue.exchange.paying.name, class: "money-price" }
          : read
  const cls = rule?.class ?? MeasureClass.UNKNOWN
  // Whose figure: a possessor ("Ford's"), the group counted when the verb names the class
  // ("5,000 Ukrainian soldiers were killed"), else a place ("in Gaza"). Not the subject of an active
  // verb: "Pyongyang deployed" and "North Korea sent" name one holder in words that share nothing.
  // "Dressa's 80-bed hospital": the beds are the hospital's (the possessor's hospital).
  let of = e.described ? [e.possessor, e.described].filter(Boolean).join(" ") : e.possessor
  const countedText =
    q.counted && countedEnd !== null && countedEnd > q.span.end
      ? text
          .slice(q.span.end, countedEnd)
          .trim()
          .replace(/^of\s+(?:the\s+)?/i, "")
          .replace(INCREMENT_WORDS, "")
      : null
  const namedByCounted = rule?.nouns?.some((n) => n === e.countedHead || n === q.counted?.toLowerCase()) ?? false
  if (of === null && countedText && e.countedHead && !GENERIC.has(e.countedHead)) {
    if (!namedByCounted && rule !== null && !rule.counted) of = countedText
    else {
      // "5,000 North Korean troops": the words before the head name the group.
      const words = countedText.split(/\s+/)
      if (words.length > 1 && /^[A-Z]/.test(words[0] ?? "")) of = words.slice(0, -1).join(" ")
    }
  }
  // "cut emissions by 40%": a change says what changed. Not a size's subject: "the slab was 300 metres
  // wide" and "the avalanche was 150 metres wide" name one thing in two words.
  if (of === null && e.object && (cls === "percent-change" || cls === "rate" || cls === MeasureClass.UNKNOWN))
    of = e.object
  // "60 percent of the city": a share names its base.
  if (of === null && cls === "share") of = baseAfter(text, ts, q.span.end)
  // "a section about 25 metres wide": a size right after a noun for a part is the part's. Not any noun's:
  // "the crater, about 40 metres wide" and "a sinkhole some 15 metres across" name one thing in two words.
  if (of === null && MeasureClass.isDimension(cls)) {
    const noun = ts[tokenAt(ts, q.span.start) - 1]
    if (noun && isNoun(noun) && MeasureClass.isPartNoun(lower(noun))) of = lower(noun)
  }
  // "42 km west of Carmen": a distance belongs to the point it is measured from.
  const located = MeasureClass.isLocated(cls)
  if (located) of = e.reference ?? of
  // "Priya Lamb, 44," or "Sam Tulley, aged 29": an age is the age of the person named just before it, so
  // two people's ages in two articles are two holders, never one figure given twice.
  if (q.unit === AGE_UNIT) of = agedPerson(text, ts, q.span.start) ?? of
  of ??= e.place
  // A change by an amount adds to an earlier figure ("the toll rose by 12"), unless the verb itself names the class.
  // A distance or depth says where something is ("sank 5.6 miles off the cape"), never how much it moved by.
  const increment =
    e.increment ||
    (e.change && !rule?.predicates && cls !== "percent-change" && q.unit !== "percent" && !located) ||
    (!located && addedToTotalAfter(text, q.span.end))
  const where = located ? null : e.place
  return {
    class: cls,
    of: of !== null && of.length > 60 ? of.slice(0, 60) : of,
    where: where !== null && where.length > 60 ? where.slice(0, 60) : where,
    predicate: e.predicate ? e.predicate.lemma : null,
    negated: e.negated,
    scope: increment ? "increment" : "total",
    modality: e.modality,
    // "The 23-coach train", "an 80-bed hospital": a count hyphened to the thing it is of is all that thing
    // has, as "the hospital has 80 beds" is; "12 coaches derailed" is a part of it.
    ...(e.whole || ((e.stock || (e.described !== null && q.unit === null)) && cls === MeasureClass.UNKNOWN)
      ? { whole: true }
      : {}),
    rule: rule?.name ?? null,
  }
}
