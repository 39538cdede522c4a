/**
 * Reads one written number at a position in the text: digits with separators, decimals and scale
 * ("3.2 million", "1.2bn", "35m"), number words ("twenty-five", "a dozen", "half a billion"),
 * fractions ("two-thirds", "a third") and vague magnitudes ("tens of thousands of").
 */
import {
  approximatorAfter,
  denominators,
  frequencyWords,
  lengthArticleOpener,
  lengthArticleUnits,
  moneySpacedSuffixes,
  multiplicatives,
  scales,
  shares,
  small,
  suffixScales,
  unitNamed,
  vague,
} from "./Catalogue.js"

export interface Numeral {
  readonly start: number
  readonly end: number
  readonly low: number
  readonly high: number
  /** share: "one in five", a count out of a count, as the proportion (numbers.json shares). */
  readonly kind: "digits" | "words" | "fraction" | "vague" | "fold" | "share"
  /** Scale factor applied ("million"), 1 when none. */
  readonly scale: number
  /** A share's noun between its counts ("one child in five"): what it counts. */
  readonly noun?: { readonly start: number; readonly end: number }
  /** The digits as written, when the number is digits ("2018", "25,000"). */
  readonly raw: string
}

const DIGITS = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/y
const SUFFIX_SCALE = /(bn|mn|mln|tn|trn|k|K|M|B|m)(?![A-Za-z])/y
// "3.2 million", "5 crore", "2 lakhs": every scale word of numbers.json, singular or plural; hyphened to the
// digits in a compound ("a 2-million-euro fund", "a $4.5-billion deal"), the word only.
const SCALE_WORDS = Object.keys(scales).join("|")
const SPACED_SCALE = new RegExp(`(?:[ \\t]+(?:(${SCALE_WORDS})s?|(bn|mn|tn|B|M))|-(${SCALE_WORDS}))(?![A-Za-z])`, "y")
// "$ 4.5 m": a suffix split off by a space, after money only (numbers.json moneySpacedSuffixes).
const MONEY_SPACED_SUFFIX = new RegExp(`[ \\t]+(${moneySpacedSuffixes.join("|")})(?![A-Za-z])`, "y")
const WORD = /[A-Za-z]+/y
const SEPARATOR = /[ \t]*-[ \t]*|[ \t]+/y

const wordAt = (text: string, at: number): { word: string; end: number } | null => {
  WORD.lastIndex = at
  const m = WORD.exec(text)
  return m ? { word: m[0].toLowerCase(), end: at + m[0].length } : null
}

/** The next word after a separator (space or hyphen), or null. */
const nextWord = (text: string, at: number): { word: string; start: number; end: number } | null => {
  SEPARATOR.lastIndex = at
  const sep = SEPARATOR.exec(text)
  if (!sep) return null
  const w = wordAt(text, at + sep[0].length)
  return w ? { word: w.word, start: at + sep[0].length, end: w.end } : null
}

/** A scale word or suffix right after digits: its factor and where it ends. */
const scaleAfter = (text: string, at: number, decimal: boolean, money: boolean): { factor: number; end: number } => {
  SUFFIX_SCALE.lastIndex = at
  const suffix = SUFFIX_SCALE.exec(text)
  if (suffix?.[1]) {
    const s = suffix[1]
    // "35m" is millions only for money, decimals ("2.7m") or "35m of ..."; otherwise metres.
    if (s === "m") {
      // "35m users", "35m of": millions; "100m sprint": metres.
      if (money || decimal || /^ (?:of\b|[a-z]+s\b)/.test(text.slice(at + 1, at + 24)))
        return { factor: 1_000_000, end: at + 1 }
    } else return { factor: suffixScales[s] ?? 1, end: at + s.length }
  }
  SPACED_SCALE.lastIndex = at
  const spaced = SPACED_SCALE.exec(text)
  if (spaced) {
    const word = (spaced[1] ?? spaced[2] ?? spaced[3] ?? "").toLowerCase()
    const factor = scales[word] ?? suffixScales[spaced[2] ?? ""] ?? 1
    if (factor > 1) return { factor, end: at + spaced[0].length }
  }
  MONEY_SPACED_SUFFIX.lastIndex = at
  const moneySuffix = money ? MONEY_SPACED_SUFFIX.exec(text) : null
  if (moneySuffix?.[1]) {
    const factor = moneySuffix[1] === "m" ? 1_000_000 : (suffixScales[moneySuffix[1]] ?? 1)
    if (factor > 1) return { factor, end: at + moneySuffix[0].length }
  }
  return { factor: 1, end: at }
}

// "1.99×10−30", "6.02 x 10^23": scientific notation.
const TIMES_TEN = /[ \t]?[×x][ \t]?10(?:\^|\*\*)?([-−]?\d{1,3})(?!\d)/y

// "2.700.000": two or more groups of three after points are thousands, as many European outlets write them.
const POINT_GROUPS = /\d{1,3}(?:\.\d{3}){2,}(?![\d.,]?\d)/y
// "3 500", "12 000 000": groups of three after a no-break, thin or plain space.
const SPACE_GROUPS = /\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+(?![\d.,]?\d)/y
// A plain space groups only before a word or a percent sign ("3 500 people"), never before a digit,
// a hyphen or the sentence's end ("in 3 500-seat halls", "rounds 3 100.").
const SPACE_GROUPS_END = /^(?:[ \t]+[A-Za-z]|[ \t]?%)/

// "1,20,000", "12,34,567": Indian grouping, pairs of digits before the last three.
const INDIAN_GROUPS = /\d{1,2}(?:,\d{2})+,\d{3}(?![\d.,]?\d)/y
// "36,9 %", "148,5 million": a comma before one or two digits cannot group thousands, so it is a decimal
// comma, read as such before a percent sign or a scale word (where a list "1,2 and 3" cannot stand).
const DECIMAL_COMMA = new RegExp(
  `\\d{1,3},\\d{1,2}(?=[ \\t\u00A0]?%|[ \\t]+(?:per[ \\t]?cent|percent|${SCALE_WORDS})s?\\b)`,
  "y",
)

const isDigit = (c: number): boolean => c >= 48 && c <= 57
/** What may stand between groups of digits in the patterns above (and a decimal comma). */
const GROUP_SEPARATORS = ",. \u00A0\u202F\u2009"

/** Digits grouped by points, spaces or Indian commas, or with a decimal comma: the text and its value, or null. */
const grouped = (text: string, at: number): { raw: string; value: number } | null => {
  if (/[\d.,]/.test(text[at - 1] ?? "")) return null
  // Every pattern below opens with one to three digits, a separator and a digit: most numbers have
  // none, and this test is far cheaper than the four patterns.
  let n = at
  while (n < at + 4 && isDigit(text.charCodeAt(n))) n++
  if (n === at || n === at + 4 || !GROUP_SEPARATORS.includes(text[n] ?? "x") || !isDigit(text.charCodeAt(n + 1)))
    return null
  INDIAN_GROUPS.lastIndex = at
  const indian = INDIAN_GROUPS.exec(text)
  if (indian) return { raw: indian[0], value: Number(indian[0].replace(/,/g, "")) }
  DECIMAL_COMMA.lastIndex = at
  const comma = DECIMAL_COMMA.exec(text)
  if (comma) return { raw: comma[0], value: Number(comma[0].replace(",", ".")) }
  POINT_GROUPS.lastIndex = at
  const p = POINT_GROUPS.exec(text)
  if (p) return { raw: p[0], value: Number(p[0].replace(/\./g, "")) }
  SPACE_GROUPS.lastIndex = at
  const s = SPACE_GROUPS.exec(text)
  if (!s) return null
  const end = at + s[0].length
  if (/ \d/.test(s[0]) && !SPACE_GROUPS_END.test(text.slice(end, end + 3))) return null
  return { raw: s[0], value: Number(s[0].replace(/\D/g, "")) }
}

/**
 * "2.700 people": one group of three digits after a point is a thousands point when what follows is
 * counted in whole things (a plural noun), since 2.7 people cannot be. The caller knows what is counted.
 */
export const thousandsPoint = (n: Numeral): number | null =>
  n.kind === "digits" && n.scale === 1 && /^[1-9]\d{0,2}\.\d{3}$/.test(n.raw) ? Number(n.raw.replace(".", "")) : null

const fromDigits = (text: string, at: number, money: boolean): Numeral | null => {
  const g = grouped(text, at)
  if (g) {
    const end = at + g.raw.length
    const scale = scaleAfter(text, end, false, money)
    const value = g.value * scale.factor
    return { start: at, end: scale.end, low: value, high: value, kind: "digits", scale: scale.factor, raw: g.raw }
  }
  DIGITS.lastIndex = at
  const m = DIGITS.exec(text)
  if (!m) return null
  // ".500": a decimal written without its leading zero, after a space.
  const bare = text[at - 1] === "." && /^\s?$/.test(text.slice(Math.max(0, at - 2), at - 1))
  const raw = bare ? `0.${m[0]}` : m[0]
  const start = bare ? at - 1 : at
  const end = at + m[0].length
  TIMES_TEN.lastIndex = end
  const exp = raw.includes(".") && !raw.includes(",") ? TIMES_TEN.exec(text) : null
  if (exp?.[1]) {
    const v = Number(`${raw}e${exp[1].replace("−", "-")}`)
    return { start, end: end + exp[0].length, low: v, high: v, kind: "digits", scale: 1, raw }
  }
  const n = Number(raw.replace(/,/g, ""))
  const scale = scaleAfter(text, end, raw.includes("."), money)
  const value = n * scale.factor
  return { start, end: scale.end, low: value, high: value, kind: "digits", scale: scale.factor, raw }
}

const AND_A_HALF = new RegExp(`and[ \\t]+a[ \\t]+half(?:[ \\t]+(${SCALE_WORDS})s?)?(?![A-Za-z])`, "iy")

const isArticle = (w: string): boolean => w === "a" || w === "an"

/** "of a million" after a fraction ("a quarter of a million", "three quarters of a billion"): that much of the scale. */
const OF_A_SCALE = new RegExp(`[ \\t]+of[ \\t]+an?[ \\t]+(${SCALE_WORDS})(?![A-Za-z])`, "iy")
/** A fraction `v` read from `start` to `end`, or that much of the scale when "of a million" follows it. */
const fractionAt = (text: string, start: number, end: number, v: number): Numeral => {
  OF_A_SCALE.lastIndex = end
  const m = OF_A_SCALE.exec(text)
  const factor = m?.[1] ? scales[m[1].toLowerCase()] : undefined
  if (m && factor) {
    const n = v * factor
    return { start, end: end + m[0].length, low: n, high: n, kind: "words", scale: factor, raw: "" }
  }
  return { start, end, low: v, high: v, kind: "fraction", scale: 1, raw: "" }
}

/** Where "a"/"an" right before `at` starts, as in "a third", "a dozen", "a million". */
const articleBefore = (text: string, at: number): number | null => {
  const from = Math.max(0, at - 4)
  const m = /(?<![A-Za-z])(an?)[ \t]+$/i.exec(text.slice(from, at))
  return m ? from + m.index : null
}

// Longest first, so "tens of thousands" wins over "tens"; sorted once, not for every word read.
const VAGUE_LONGEST_FIRST = Object.keys(vague).sort((a, b) => b.length - a.length)

const HALF_AFTER_UNIT = /[ \t]+and[ \t]+a[ \t]+half(?![A-Za-z])(?![ \t]+of\b)/iy

/**
 * "a year and a half", "an hour and a half": the length of " and a half" right after a unit of time that
 * an article makes one of (a length, not a period, whatever comes before it), or 0.
 */
export const halfAfterUnit = (text: string, at: number): number => {
  HALF_AFTER_UNIT.lastIndex = at
  return HALF_AFTER_UNIT.exec(text)?.[0].length ?? 0
}

const SMALLER_AFTER_UNIT =
  /[ \t]+and[ \t]+(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[ \t]+(?:seconds?|minutes?|hours?|days?|weeks?|months?)(?![A-Za-z])/iy

/**
 * "an hour and 35 minutes", "a year and six months": whether a figure in a smaller unit of time follows the
 * unit an article makes one of (Quantities reads it as one length, and checks that the unit is smaller).
 */
const smallerAfterUnit = (text: string, at: number): boolean => {
  SMALLER_AFTER_UNIT.lastIndex = at
  return SMALLER_AFTER_UNIT.test(text)
}

const fromWords = (text: string, at: number): Numeral | null => {
  const first = wordAt(text, at)
  if (!first) return null
  const w0 = first.word

  // "at least a week", "up to a year": one of a unit of time, after a word that opens a length, or before
  // a bound after its unit ("for a year or more", "for a fortnight at least"), a half ("a year and a half")
  // or a smaller length ("an hour and 35 minutes").
  if (isArticle(w0)) {
    const unit = nextWord(text, first.end)
    const one =
      unit !== null &&
      lengthArticleUnits.has(unit.word) &&
      (lengthArticleOpener.test(text.slice(Math.max(0, at - 16), at)) ||
        (approximatorAfter(text, unit.end)?.kind ?? "exact") !== "exact" ||
        halfAfterUnit(text, unit.end) > 0 ||
        smallerAfterUnit(text, unit.end))
    return one ? { start: at, end: first.end, low: 1, high: 1, kind: "words", scale: 1, raw: "" } : null
  }

  // Vague magnitudes need "of": "thousands of", "tens of thousands of".
  for (const phrase of VAGUE_LONGEST_FIRST) {
    if (!phrase.startsWith(w0)) continue
    const slice = text.slice(at, at + phrase.length + 4).toLowerCase()
    if (slice.startsWith(phrase) && /^[ \t]+of\b/.test(text.slice(at + phrase.length, at + phrase.length + 4))) {
      const bounds = vague[phrase] ?? [0, 0]
      return {
        start: at,
        end:
          at +
          phrase.length +
          (/^[ \t]+of/.exec(text.slice(at + phrase.length, at + phrase.length + 8))?.[0].length ?? 0),
        low: bounds[0] ?? 0,
        high: bounds[1] ?? 0,
        kind: "vague",
        scale: 1,
        raw: "",
      }
    }
  }

  // "twice": a number of times, as "twofold" is a multiplier; "twice a month" is how often, no count.
  const times = multiplicatives[w0]
  if (times !== undefined) {
    const next = nextWord(text, first.end)
    const unit = next && frequencyWords.has(next.word) ? nextWord(text, next.end) : null
    if (unit && lengthArticleUnits.has(unit.word.replace(/s$/, ""))) return null
    return { start: at, end: first.end, low: times, high: times, kind: "fold", scale: 1, raw: "" }
  }

  // "sixfold": a multiplier.
  if (w0.endsWith("fold")) {
    const n = small[w0.slice(0, -4)] ?? scales[w0.slice(0, -4)]
    return n === undefined ? null : { start: at, end: first.end, low: n, high: n, kind: "fold", scale: 1, raw: "" }
  }

  // Bare fraction words and scale words need an article or numerator before them.
  const article = articleBefore(text, at)
  if (denominators[w0] !== undefined) {
    if (w0 === "half" || w0 === "halves") {
      const next = nextWord(text, first.end)
      if (next && isArticle(next.word)) {
        const after = nextWord(text, next.end)
        const factor = after ? (scales[after.word] ?? (after.word === "dozen" ? 12 : undefined)) : undefined
        if (after && factor) {
          const v = 0.5 * factor
          return { start: article ?? at, end: after.end, low: v, high: v, kind: "words", scale: factor, raw: "" }
        }
      }
      return { start: article ?? at, end: first.end, low: 0.5, high: 0.5, kind: "fraction", scale: 1, raw: "" }
    }
    if (article === null) return null
    return fractionAt(text, article, first.end, 1 / (denominators[w0] ?? 1))
  }
  if ((scales[w0] !== undefined || w0 === "dozen") && article === null) return null

  // Cardinal words: "twenty-five", "three thousand", "one hundred and fifty", "a dozen".
  let total = 0
  let current = 0
  let lastSmall = -1
  let end = at
  let scale = 1
  let cursor: { word: string; start: number; end: number } | null = { word: w0, start: at, end: first.end }
  while (cursor) {
    const w = cursor.word
    const v = small[w]
    if (v !== undefined && w !== "dozen") {
      // "twenty five" joins; "five five" or "twelve twenty" do not.
      if (lastSmall >= 0 && !(lastSmall >= 20 && lastSmall % 10 === 0 && v < 10)) break
      if (lastSmall < 0 && current % 100 !== 0) break
      current += v
      lastSmall = v
    } else if (w === "dozen") {
      current = (current || 1) * 12
      lastSmall = -1
    } else if (w === "hundred") {
      if (current >= 100) break
      current = (current || 1) * 100
      lastSmall = -1
      scale = Math.max(scale, 100)
    } else if (scales[w] !== undefined) {
      total += (current || 1) * (scales[w] ?? 1)
      current = 0
      lastSmall = -1
      scale = Math.max(scale, scales[w] ?? 1)
    } else if (w === "and" && lastSmall < 0 && (total > 0 || current >= 100)) {
      const peek = nextWord(text, cursor.end)
      if (!peek || small[peek.word] === undefined) break
      cursor = peek
      continue
    } else if (w === "point" && total === 0 && lastSmall >= 0 && current < 100) {
      // "six point four million euros", "two point five kilometres": a decimal said digit by digit, then
      // the scale if one follows. "six points" and "point" with no digit after stay words.
      let digits = ""
      let to = cursor.end
      let after = nextWord(text, cursor.end)
      while (after && digits.length < 3 && (small[after.word] ?? 10) < 10) {
        digits += String(small[after.word])
        to = after.end
        after = nextWord(text, after.end)
      }
      if (digits === "") break
      const factor = after && scales[after.word] !== undefined ? (scales[after.word] ?? 1) : 1
      if (factor > 1 && after) to = after.end
      const v = (current + Number(`0.${digits}`)) * factor
      return { start: at, end: to, low: v, high: v, kind: "words", scale: factor, raw: "" }
    } else if (w === "and" && total === 0 && current > 0 && current < 100) {
      // "two and a half billion", "one and a half years": a half more, then the scale if one follows.
      AND_A_HALF.lastIndex = cursor.start
      const half = AND_A_HALF.exec(text)
      if (!half) break
      const factor = half[1] ? (scales[half[1].toLowerCase()] ?? 1) : 1
      const v = (current + 0.5) * factor
      const to = cursor.start + half[0].length
      return { start: at, end: to, low: v, high: v, kind: "words", scale: factor, raw: "" }
    } else break
    end = cursor.end
    cursor = nextWord(text, cursor.end)
  }
  const startsWithScale = w0 === "dozen" || scales[w0] !== undefined
  if (end === at) return null
  const value = total + current
  // "two-thirds", "three quarters", "one fourth": a numerator of a fraction.
  const denominator = nextWord(text, end)
  if (denominator && value >= 1 && value <= 10 && denominators[denominator.word] !== undefined) {
    const d = denominators[denominator.word] ?? 1
    const plural = denominator.word.endsWith("s")
    if (d > 2 && (plural === value > 1 || denominator.word === "fourth" || denominator.word === "third")) {
      return fractionAt(text, at, denominator.end, value / d)
    }
  }
  return { start: startsWithScale ? (article ?? at) : at, end, low: value, high: value, kind: "words", scale, raw: "" }
}

const plain = (text: string, at: number, money: boolean): Numeral | null => {
  const c = text.charCodeAt(at)
  return c >= 48 && c <= 57 ? fromDigits(text, at, money) : fromWords(text, at)
}

// Longest first: "out of every four" is not "out of" before a word that is no number.
const JOINERS = [...shares.joiners].sort((a, b) => b.length - a.length).map((j) => j.replace(/ /g, "[ \\t]+"))
const SHARE_JOINER = new RegExp(`[ \\t]+(?:${JOINERS.join("|")})[ \\t]+`, "iy")
/** A whole count, as a share's numerator or denominator is written: no scale, no fraction. */
const isCount = (n: Numeral | null): n is Numeral =>
  n !== null && (n.kind === "digits" || n.kind === "words") && n.scale === 1 && Number.isInteger(n.low) && n.low >= 1

/** "one in five users", "three out of every four": the share a count out of a count gives (numbers.json shares). */
const shareAfter = (text: string, n: Numeral): Numeral | null => {
  SHARE_JOINER.lastIndex = n.end
  const joiner = SHARE_JOINER.exec(text)
  if (!joiner) return null
  const d = plain(text, n.end + joiner[0].length, false)
  if (!isCount(d) || d.low <= n.low || d.low > shares.maxDenominator) return null
  // "one in 10 minutes", "two in 100 km": a unit after it makes a rate or a place, no share.
  const next = nextWord(text, d.end)
  if (next && unitNamed(next.word) !== null) return null
  const v = n.low / d.low
  return { start: n.start, end: d.end, low: v, high: v, kind: "share", scale: 1, raw: "" }
}

const SPLIT_FOLLOWERS: ReadonlySet<string> = new Set(shares.splitFollowers)
const SPLIT_NOUN = /[ \t]+([a-z]+)(?=[ \t])/y

/**
 * "one child in five is poor", "one hour in every six that crews work": a share whose noun stands between
 * its counts, when the denominator closes the phrase (punctuation, or a word of numbers.json
 * shares.splitFollowers after it): "two injured in three crashes" is no share of anything.
 */
const splitShareAfter = (text: string, n: Numeral): Numeral | null => {
  SPLIT_NOUN.lastIndex = n.end
  const noun = SPLIT_NOUN.exec(text)
  if (!noun?.[1] || shares.joiners.includes(noun[1]) || SPLIT_FOLLOWERS.has(noun[1])) return null
  const nounEnd = n.end + noun[0].length
  const share = shareAfter(text, { ...n, end: nounEnd })
  if (!share) return null
  const rest = text.slice(share.end, share.end + 24)
  const next = /^[ \t]*([A-Za-z]+)/.exec(rest)?.[1]?.toLowerCase()
  if (next ? !SPLIT_FOLLOWERS.has(next) : !/^[ \t]*(?:[.,;:!?)]|$)/.test(rest)) return null
  return { ...share, noun: { start: nounEnd - noun[1].length, end: nounEnd } }
}

/** The number starting at `at` (a digit or a number word, or a share: "one in five"), or null. */
export const read = (text: string, at: number, money = false): Numeral | null => {
  const n = plain(text, at, money)
  return !money && isCount(n) ? (shareAfter(text, n) ?? splitShareAfter(text, n) ?? n) : n
}
