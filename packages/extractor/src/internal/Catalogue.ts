/**
 * The quantity catalogues (numbers.json, units.json, currencies.json, approximators.json) compiled
 * once into lookup maps and sticky or end-anchored regular expressions, so scanning stays linear.
 */
import approximators from "../approximators.json" with { type: "json" }
import currencies from "../currencies.json" with { type: "json" }
import numbers from "../numbers.json" with { type: "json" }
import units from "../units.json" with { type: "json" }

export type Approximate = "exact" | "about" | "at-least" | "at-most" | "vague"

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")
/** Longest first, so that an alternation prefers "miles per hour" to "miles". */
const alternation = (forms: Iterable<string>): string =>
  [...new Set(forms)]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|")

/** The name of the rule of `kind` in a catalogue's `rules` (`file` names the catalogue in the error). */
export const ruleOfKind = (
  rules: ReadonlyArray<{ readonly name: string; readonly kind: string }>,
  file: string,
  kind: string,
): string => {
  const rule = rules.find((r) => r.kind === kind)
  if (!rule) throw new Error(`${file} has no rule of kind ${kind}`)
  return rule.name
}

/** Word lists as one alternation for a regular expression: longest first, escaped, any run of space between words. */
export const phrases = (words: Iterable<string>): string =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegExp(w).replace(/ /g, "\\s+"))
    .join("|")

/** The unit (units.json) of an age: "a 44-year-old", and the reader's ages without one ("Senard, 65,", "aged 25"). */
export const AGE_UNIT = "year of age"
export const small: Record<string, number> = numbers.small
export const scales: Record<string, number> = numbers.scales
export const suffixScales: Record<string, number> = numbers.suffixScales
export const moneySpacedSuffixes: ReadonlyArray<string> = numbers.moneySpacedSuffixes
export const denominators: Record<string, number> = numbers.denominators
export const shares: {
  readonly joiners: ReadonlyArray<string>
  readonly maxDenominator: number
  readonly splitFollowers: ReadonlyArray<string>
} = numbers.shares
export const vague: Record<string, ReadonlyArray<number>> = numbers.vague
/** Nouns a number after which names one of many ("flight 370", "article 5"), never counts. */
export const identifiers: ReadonlySet<string> = new Set(numbers.identifiers)
/** Determiners after which "N of" names the group a count is part of ("two of the plant's lines"). */
export const partitiveDeterminers: ReadonlySet<string> = new Set(numbers.partitive.determiners)
/** Collective nouns whose "members of" a count counts as the group itself ("58 members of staff"). */
export const membersOf: ReadonlySet<string> = new Set(numbers.membersOf.nouns)
/** Participles after a plural noun that end the group counted ("ballots cast"), though tagged as nouns. */
export const postnominalParticiples: ReadonlySet<string> = new Set(numbers.postnominalParticiples.words)
/** "for a week", "within a month": units of time an article before is one of (numbers.json lengthArticle). */
export const lengthArticleUnits: ReadonlySet<string> = new Set(numbers.lengthArticle.units)
/** The words that, right before "a"/"an" and a unit of time, open a length ("for", "up to", "at least"). */
export const lengthArticleOpener = new RegExp(
  `(?:^|[^A-Za-z])(?:${numbers.lengthArticle.after.map((w) => w.replace(/ /g, "[ \\t]+")).join("|")})[ \\t]+$`,
  "i",
)

/** "twice", "thrice": a number of times written as one word (numbers.json multiplicatives). */
export const multiplicatives: Record<string, number> = numbers.multiplicatives.words
/** Words between a number of times and a unit of time that make it how often ("twice a week"). */
export const frequencyWords: ReadonlySet<string> = new Set(numbers.multiplicatives.frequency)

const numberWords = new Set([
  ...Object.keys(multiplicatives),
  ...Object.keys(small),
  ...Object.keys(scales),
  ...Object.keys(denominators),
  ...Object.keys(vague).map((phrase) => phrase.split(" ")[0] ?? phrase),
])

/** The first letters (lower case) of every number word, so most tokens are rejected before lower-casing. */
const firstCodes = [...numberWords].map((w) => w.charCodeAt(0))
const firstLetters = new Uint8Array(Math.max(...firstCodes) + 1)
for (const c of firstCodes) firstLetters[c] = 1

/**
 * Whether a token is a word a number may start with ("Eighty", "thousands", "sixfold", "lakh"); `lowerCase`
 * is the word in lower case when the caller has it made already (Token.lower).
 */
export const isNumberWord = (word: string, lowerCase?: string): boolean => {
  if (word.length < 3 || word.length > 11 || firstLetters[word.charCodeAt(0) | 32] !== 1) return false
  const lower = lowerCase ?? word.toLowerCase()
  return numberWords.has(lower) || (lower.endsWith("fold") && numberWords.has(lower.slice(0, -4)))
}

const unitWords = new Map<string, string>()
for (const [name, forms] of Object.entries(units.words)) for (const f of forms) unitWords.set(f.toLowerCase(), name)
const unitSymbols = new Map<string, string>(Object.entries(units.symbols))
const currencyNames = new Map<string, string>(Object.entries(currencies.names))
const minorNames = new Map<string, string>(Object.entries(currencies.minor))
const currencyPrefixes = new Map<string, string>(Object.entries(currencies.prefixes))
const perWords = new Map<string, string>(Object.entries(units.perWords))

/** A unit, currency name or minor currency written after a number, in any case, after a space or hyphen or none. */
const WORD_UNIT = new RegExp(
  `[ \\t]?-?[ \\t]?(${alternation([...unitWords.keys(), ...currencyNames.keys(), ...minorNames.keys(), "pounds", "pound"])})(?![A-Za-z0-9])`,
  "iy",
)
/** Unit symbols ("W", "kW", "C", "'"), exact case, right after digits. */
const SYMBOL_UNIT = new RegExp(`[ \\t]?(${alternation([...unitSymbols.keys(), "p"])})(?![A-Za-z0-9])`, "y")

export interface UnitMatch {
  readonly unit: string
  /** An ISO 4217 code when the unit is money. */
  readonly currency: boolean
  readonly end: number
  readonly form: string
}

export const unitAt = (text: string, at: number, afterDigits: boolean): UnitMatch | null => {
  WORD_UNIT.lastIndex = at
  const w = WORD_UNIT.exec(text)
  if (w?.[1]) {
    const form = w[1].toLowerCase()
    const end = at + w[0].length
    const currency = currencyNames.get(form)
    if (currency) return { unit: currency, currency: true, end, form }
    const minor = minorNames.get(form)
    if (minor) return { unit: minor, currency: false, end, form }
    if (form === "pound" || form === "pounds") {
      // "pounds sterling" and "5 million pounds" are money; "208 pounds" is a weight.
      return { unit: "pound", currency: false, end, form }
    }
    const unit = unitWords.get(form)
    if (unit) return { unit, currency: false, end, form }
  }
  if (!afterDigits) return null
  SYMBOL_UNIT.lastIndex = at
  const s = SYMBOL_UNIT.exec(text)
  if (s?.[1]) {
    const attached = s[0] === s[1]
    if ((s[1] === "'" || s[1] === "p" || s[1] === "′" || s[1] === "″") && !attached) return null
    // A closing quote after a number is a quote, not feet, when text follows it directly.
    if (s[1] === "'" && /[A-Za-z]/.test(text[at + 1] ?? "")) return null
    const unit = s[1] === "p" ? "penny" : (unitSymbols.get(s[1]) ?? null)
    return unit ? { unit, currency: false, end: at + s[0].length, form: s[1] } : null
  }
  return null
}

/** A currency written before a number ("US$", "HK $", "RM", "PS" for £ after transliteration). */
const CURRENCY_BEFORE = new RegExp(`(?<![A-Za-z])(${alternation(currencyPrefixes.keys())})[ \\t]?$`)
export const currencyBefore = (before: string): { code: string; length: number } | null => {
  const m = CURRENCY_BEFORE.exec(before)
  if (!m?.[1]) return null
  const code = currencyPrefixes.get(m[1])
  return code ? { code, length: m[0].length } : null
}

const CURRENCY_AT = new RegExp(`(${alternation(currencyPrefixes.keys())})[ \\t]?(?=[-−]?\\d)`, "y")
export const currencyAt = (text: string, at: number): { code: string; end: number } | null => {
  CURRENCY_AT.lastIndex = at
  const m = CURRENCY_AT.exec(text)
  const code = m?.[1] ? currencyPrefixes.get(m[1]) : undefined
  return m && code ? { code, end: at + m[0].length } : null
}

const approxBefore = new Map<string, string>(Object.entries(approximators.before))
const movedUpTo: ReadonlySet<string> = new Set(approximators.movedUpTo.verbs)
const APPROX_BEFORE = new RegExp(`(?:^|[^a-z])(${alternation(approxBefore.keys())})[ \\t]*$`, "i")
/** The approximator ending `before`, and how many characters back it starts. */
export const approximatorBefore = (before: string): { kind: Approximate; back: number } | null => {
  const m = APPROX_BEFORE.exec(before)
  if (!m?.[1]) return null
  const word = m[1].toLowerCase()
  const at = m.index + m[0].indexOf(m[1])
  // "will go up to £2.10", "the wages add up to about 18 million": the figure moves to a new value or is a
  // sum, not a bound; an approximator after "up to" still holds ("about").
  const verb = /([A-Za-z]+)[ \t]*$/.exec(before.slice(0, at))?.[1]?.toLowerCase()
  if (word.startsWith("up to") && verb !== undefined && movedUpTo.has(verb)) {
    const rest = word.slice("up to".length).trim()
    const kind = rest ? (approxBefore.get(rest) as Approximate | undefined) : undefined
    return kind ? { kind, back: before.length - (at + m[1].length - rest.length) } : null
  }
  const kind = approxBefore.get(word) as Approximate | undefined
  return kind ? { kind, back: before.length - at } : null
}

const approxAfter = new Map<string, string>(Object.entries(approximators.after))
const APPROX_AFTER = new RegExp(`[ \\t]*(${alternation(approxAfter.keys())})(?![A-Za-z])`, "iy")
export const approximatorAfter = (text: string, at: number): { kind: Approximate; end: number } | null => {
  APPROX_AFTER.lastIndex = at
  const m = APPROX_AFTER.exec(text)
  const kind = m?.[1] ? (approxAfter.get(m[1].toLowerCase()) as Approximate | undefined) : undefined
  return m && kind ? { kind, end: at + m[0].length } : null
}

export const changeVerbs: ReadonlySet<string> = new Set(approximators.changeVerbs)

/** Words of change before "from A to B" that make it a change to B, not a range (approximators.changedFrom). */
export const changedFromWords: ReadonlySet<string> = new Set(approximators.changedFrom.words)

const PER = new RegExp(
  `[ \\t]*,?[ \\t]*(${alternation(perWords.keys())}|(?:(?:per|a|an|each|every)[ \\t]+|/[ \\t]*)([A-Za-z]+))(?![A-Za-z])`,
  "iy",
)
/** A time word after "a year", "a day": a time, not a rate (units.json notARate); "into" a place is a rate's. */
const NOT_A_RATE = new RegExp(
  `^[ \\t]+(?:(?:${units.notARate.times.map((w) => w.replace(/ /g, "[ \\t]+")).join("|")})(?![ \\t]+(?:the[ \\t]+)?(?:local[ \\t]+)?(?:${units.notARate.intoPlaces.join("|")})\\b)|(?:before|after)(?![ \\t]+(?:${units.notARate.amounts.join("|")})\\b)|from[ \\t]+(?:${units.notARate.fromTimes.join("|")}))\\b`,
  "i",
)
/** A noun after "annual", "monthly" that makes the word a kind of thing counted (units.json notARate.kinds). */
const KIND_AFTER = new RegExp(`^[ \\t]+(?:${units.notARate.kinds.join("|")})\\b`, "i")
const timeUnits = new Set([
  "second",
  "minute",
  "hour",
  "day",
  "week",
  "fortnight",
  "month",
  "year",
  "decade",
  "century",
  "quarter",
])

/**
 * "for each hen", "for every laying hen", "to each evacuated household" (units.json perEach): a participle
 * before the noun describes it.
 */
const PER_EACH = new RegExp(
  `[ \\t]+(?:${units.perEach.openers.map((w) => w.replace(/ /g, "[ \\t]+")).join("|")})[ \\t]+(?:[A-Za-z]+(?:ing|ed)[ \\t]+(?=[A-Za-z]))?([A-Za-z]+)(?:([ \\t]+)([A-Za-z]+))?(?![A-Za-z])`,
  "iy",
)

/** Words after "for each" that are not the thing a rate is for ("to each of them", "for every one"). */
const NOT_EACH_NOUN: ReadonlySet<string> = new Set(units.perEach.notNouns)

const POUND_MONEY = new RegExp(`\\b(?:${currencies.poundMoney.money.join("|")})\\b`, "i")
const POUND_WEIGHT = new RegExp(`\\b(?:${currencies.poundMoney.weight.join("|")})\\b`, "i")

/**
 * Whether "pounds" written at `at`…`end` is money by a word of money just before or after it in its
 * clause ("a payment of 500 pounds"), with no word of weight there (currencies.json poundMoney).
 */
export const poundsAsMoney = (text: string, at: number, end: number): boolean => {
  const before =
    text
      .slice(Math.max(0, at - currencies.poundMoney.before), at)
      .split(/[;.!?]/)
      .pop() ?? ""
  const after = text.slice(end, end + currencies.poundMoney.after).split(/[;.!?,]/)[0] ?? ""
  // "40 pounds of cocaine": a weight of something.
  if (/^[ \t]+of\b/i.test(after)) return false
  const near = `${before} ${after}`
  return POUND_MONEY.test(near) && !POUND_WEIGHT.test(near)
}

/** Whether a word (any case) names a unit. */
const isUnitWord = (w: string | undefined): boolean => w !== undefined && unitWords.has(w.toLowerCase())

/**
 * The denominator of a rate written after a quantity: "per day", "a year", "annually", "/km", "for each hen";
 * after a sum of money (`money`), "a litre", "a tonne" too: a price of so much of a thing.
 */
export const perAt = (text: string, at: number, money = false): { per: string; end: number } | null => {
  PER_EACH.lastIndex = at
  const each = PER_EACH.exec(text)
  // A thing counted only: "for each day", "for every full year" are left to the rules of units below.
  if (each?.[1] && !isUnitWord(each[1]) && !isUnitWord(each[3]) && !NOT_EACH_NOUN.has(each[1].toLowerCase())) {
    const past = (each[2]?.length ?? 0) + (each[3]?.length ?? 0)
    return { per: singular(each[1].toLowerCase()), end: at + each[0].length - past }
  }
  PER.lastIndex = at
  const m = PER.exec(text)
  if (!m?.[1]) return null
  const end = at + m[0].length
  // "a year earlier", "a day ago" are times, not rates; "annually from" is still a rate.
  if (/^(?:a|an|per)\b/i.test(m[1]) && NOT_A_RATE.test(text.slice(end, end + 40))) return null
  const fixed = perWords.get(m[1].toLowerCase().replace(/\s+/g, " "))
  // "41,000 annual members": members of a kind, not members a year.
  if (fixed && KIND_AFTER.test(text.slice(end, end + 30))) return null
  if (fixed) return { per: fixed, end }
  const word = (m[2] ?? "").toLowerCase()
  const named = unitWords.get(word) ?? (word.endsWith("s") ? unitWords.get(word.slice(0, -1)) : undefined)
  const lead = m[1].slice(0, 3).toLowerCase()
  if (lead === "per" || m[1].startsWith("/")) {
    if (named) return { per: named, end }
    return word.length > 1 ? { per: singular(word), end } : null
  }
  // "a"/"an" only make a rate with a unit of time ("a month"), or of measure after money ("1.89 euros a
  // litre"): "3 km a day" is a rate, "3 km a litre" no count of anything; "each"/"every" with any unit.
  if (named && (timeUnits.has(named) || lead === "eac" || lead === "eve" || money)) return { per: named, end }
  return null
}

const spacedWords = (words: Iterable<string>): string => alternation(words).replace(/ /g, "[ \\t]+")
const RATE_PERIODS = new Map<string, string>([
  ...units.clauseRate.units.map((u): [string, string] => [u, u]),
  ...Object.entries(units.clauseRate.days.periods),
])
const TYPICAL = `(?:(?:${spacedWords(units.clauseRate.typical.adjectives)})[ \\t]+)`
/**
 * "every year", "each night", "every typical weekday"; "on a typical day", "in an average week"; "on a weekday",
 * "on weekdays" (units.json clauseRate): the period is the last group.
 */
const CLAUSE_RATE = new RegExp(
  `\\b(?:(?:${units.clauseRate.openers.join("|")})[ \\t]+${TYPICAL}?(${spacedWords(RATE_PERIODS.keys())})` +
    `|(?:${spacedWords(units.clauseRate.typical.openers)})[ \\t]+${TYPICAL}(${spacedWords(RATE_PERIODS.keys())})` +
    `|on[ \\t]+(?:an?[ \\t]+)?${TYPICAL}?(${spacedWords(units.clauseRate.days.onDays)}))\\b`,
  "i",
)
/** The period a rate's word names: "weekdays" and "night" are per day (units.json clauseRate.days). */
const ratePeriod = (word: string): string => {
  const w = word.toLowerCase().replace(/\s+/g, " ")
  return RATE_PERIODS.get(w) ?? RATE_PERIODS.get(w.replace(/s$/, "")) ?? w
}

const CLAUSE_END = /[.;:!?,\u2014()]|\d/g

/**
 * A rate told later in the figure's clause (units.json clauseRate): "thousands of people die in accidents
 * every year" is per year. Read from `from` up to the clause's end or `limit`, never past another figure.
 */
export const clauseRateAt = (text: string, from: number, limit: number): { per: string } | null => {
  // The clause ends at the first stop or figure after `from`, found in place: no copy of the rest of the sentence.
  CLAUSE_END.lastIndex = from
  const stop = CLAUSE_END.exec(text)
  const clause = text.slice(from, stop && stop.index < limit ? stop.index : limit)
  const m = CLAUSE_RATE.exec(clause)
  const period = m?.[1] ?? m?.[2] ?? m?.[3]
  if (!m || !period) return null
  const after = clause.slice((m.index ?? 0) + m[0].length)
  return NOT_A_RATE.test(after.slice(0, 40)) ? null : { per: ratePeriod(period) }
}

export const singular = (word: string): string => {
  if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`
  if (/(?:ss|us|is)$/.test(word)) return word
  if (/(?:ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2)
  if (/s$/.test(word) && word.length > 3) return word.slice(0, -1)
  return word
}

/** The unit a word names on its own ("yards": yard), or null. */
export const unitNamed = (word: string): string | null => unitWords.get(word.toLowerCase()) ?? null
