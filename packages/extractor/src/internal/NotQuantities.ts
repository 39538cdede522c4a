/**
 * Numbers that are not quantities: years and dates, times of day, phone numbers, ordinals, names
 * with numbers ("COVID-19", "S&P 500", "Game 6"), sports scores, and "one" or "half" used as pronouns.
 */
import type { Token } from "../Analysis.js"
import approximators from "../approximators.json" with { type: "json" }
import * as Cues from "../Cues.js"
import { identifiers, phrases, small } from "./Catalogue.js"
import type { Numeral } from "./Numerals.js"

interface Reading {
  readonly numeral: Numeral
  readonly start: number
  readonly end: number
  readonly currency: string | null
  readonly unit: { readonly unit: string } | null
}

/** Character ranges holding phone numbers, ISO dates, clock times ("10:30", "6:00am"), versions, addresses and "24/7". */
const MASK =
  /(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?|\b\d{3}[ .-])\d{3}[ .-]\d{4}\b|\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b|\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b|\b\d{1,2}:\d{2}(?::\d{2})?(?![\d:])|\b(?!\d{1,3}(?:\.\d{3}){2,}\b)\d+(?:\.\d+){2,}\b/g
const ADDRESS = /\bhttps?:\/\/[^\s]{1,2000}|[\w.+-]{1,64}@[\w-]{1,63}\.\w{1,24}/g

export const masked = (text: string, from: number, to: number): ReadonlyArray<readonly [number, number]> => {
  const out: Array<readonly [number, number]> = []
  const slice = text.slice(from, to)
  if (!/\d[ .:/()-]?\d|https?:|@/.test(slice)) return out
  MASK.lastIndex = 0
  for (let m = MASK.exec(slice); m !== null; m = MASK.exec(slice))
    out.push([from + m.index, from + m.index + m[0].length])
  if (slice.includes("@") || slice.includes("http")) {
    ADDRESS.lastIndex = 0
    for (let m = ADDRESS.exec(slice); m !== null; m = ADDRESS.exec(slice))
      out.push([from + m.index, from + m.index + m[0].length])
  }
  return out
}

const MONTH =
  "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
const MONTH_BEFORE = new RegExp(`(?<![A-Za-z])(?:${MONTH})\\.?,?[ \\t]+(?:the[ \\t]+)?$`)
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?,?[ \\t]+(?:of[ \\t]+)?(?:${MONTH})(?![a-z])`)
const CLOCK_AFTER =
  /^[ \t]?(?:a\.m\.?|p\.m\.?|am|pm|AM|PM|A\.M\.|P\.M\.|GMT|UTC|EDT|EST|BST|CET|CEST|PDT|PST|ET|PT|CT|o'clock)(?![A-Za-z])/
/** Number words (numbers.json small) up to `most`, longest first, as a regex alternation. */
const wordsUpTo = (most: number): string =>
  Object.keys(small)
    .filter((w) => (small[w] ?? 0) >= 1 && (small[w] ?? 0) <= most && w !== "dozen")
    .sort((a, b) => b.length - a.length)
    .join("|")
/**
 * A time of day told in words: the hour after "half past", "quarter to" or "ten past", the minutes before
 * "past" and an hour, or an hour before "o'clock" or "pm" (CLOCK_AFTER, as for digits: "leaves at half past
 * five", "ten past six", "five o'clock"). "five to ten" stays a range: "to" alone does not say a clock.
 */
const CLOCK_HOUR_BEFORE = new RegExp(
  `(?:^|[^A-Za-z])(?:half|quarter|(?:${wordsUpTo(30)}|twenty-five)(?:[ \\t]+minutes)?)[ \\t]+past[ \\t]+$|(?:^|[^A-Za-z])(?:a[ \\t]+)?quarter[ \\t]+to[ \\t]+$`,
  "i",
)
const CLOCK_MINUTES_AFTER = new RegExp(
  `^(?:[ \\t]+minutes)?[ \\t]+past[ \\t]+(?:${wordsUpTo(12)}|noon|midnight)(?![A-Za-z])`,
  "i",
)
const ORDINAL_AFTER = /^(?:st|nd|rd|th)(?![A-Za-z])/i
const YEAR_CUE_BEFORE = /\b(?:in|since|by|until|till|from|after|before|circa|c\.|during|A\.D\.|AD)[ \t]+$/i
const ERA_AFTER = /^[ \t]*(?:A\.?D\.?|B\.?C\.?E?\.?|CE)(?![A-Za-z])/
const YEAR_CONTINUES = /^(?:[ \t]*(?:-|–|—|to|and|or|through)[ \t]*)(\d{4}|\d{2})(?!\d)/
const NAME_GLUE_BEFORE = /[A-Z][A-Za-z]*[-.]$|(?<![A-Za-z])[A-Z]{2,}[ \t]+-$/
const NOT_GLUE = /(?:minus|sub|mid|pre|post|over|under|than|to)[-.]$/i
const PRONOUN_BEFORE = new Set([
  "the",
  "this",
  "that",
  "which",
  "each",
  "every",
  "no",
  "any",
  "some",
  "another",
  "only",
  "a",
  "an",
  "new",
  "last",
  "first",
  "little",
  "big",
  "right",
  "wrong",
  "such",
  "same",
  "other",
  "any",
  "one",
])
const PRONOUN_AFTER = new Set(["of", "another", "who", "whom", "which", "that", "where", "'s", "’s", "another's"])
const HALF_BEFORE = new Set([
  "the",
  "first",
  "second",
  "third",
  "last",
  "next",
  "this",
  "that",
  "other",
  "one",
  "a",
  "an",
  "better",
])
const PARTITIVE_AFTER = new Set([
  "of",
  "the",
  "a",
  "an",
  "its",
  "his",
  "her",
  "their",
  "our",
  "my",
  "your",
  "those",
  "these",
  "that",
  "this",
  "all",
])

/** "by", then perhaps an approximator ("by more than", "by almost"), right before a figure. */
const BY_BEFORE = new RegExp(
  `\\bby\\s+(?:(?:${phrases(Object.keys(approximators.before).filter((p) => /^[a-z]/i.test(p)))})\\s+)?$`,
  "i",
)
const plainWordBefore = (text: string, at: number): string => {
  const m = /([A-Za-z']+)[ \t]*$/.exec(text.slice(Math.max(0, at - 20), at))
  return m?.[1]?.toLowerCase() ?? ""
}
const plainWordAfter = (text: string, at: number): string => {
  const m = /^[ \t]*([A-Za-z']+)/.exec(text.slice(at, at + 20))
  return m?.[1]?.toLowerCase() ?? ""
}

/** Whether the reading is not a quantity, and where scanning should resume. */
export const isNotQuantity = (
  text: string,
  ts: ReadonlyArray<Token>,
  tokenFrom: (ts: ReadonlyArray<Token>, offset: number) => number,
  r: Reading,
  limit: number,
): { not: boolean; skipTo: number } => {
  const n = r.numeral
  const no = { not: true, skipTo: r.end }
  const yes = { not: false, skipTo: 0 }
  const after = text.slice(n.end, Math.min(limit, n.end + 12))
  const before = text.slice(Math.max(0, n.start - 16), n.start)

  if (n.kind === "digits") {
    const rawEnd = n.start + n.raw.length
    // Glued to letters: "Daily8", "COVID-19", "ID.3", "1990s", "5G", "22nd".
    if (!r.currency && /[A-Za-z]$/.test(before)) return no
    if (!r.currency && NAME_GLUE_BEFORE.test(before) && !NOT_GLUE.test(before)) return no
    if (ORDINAL_AFTER.test(text.slice(rawEnd, rawEnd + 3))) return { not: true, skipTo: rawEnd + 2 }
    if (r.end === n.end && /^[A-Za-z]/.test(after)) return no
    if (CLOCK_AFTER.test(after)) return no
    const integer = !n.raw.includes(".") && !n.raw.includes(",")
    if (integer && n.scale === 1 && !r.currency && !r.unit) {
      const v = Number(n.raw)
      if (v >= 1 && v <= 31 && (MONTH_BEFORE.test(before) || MONTH_AFTER.test(text.slice(rawEnd, rawEnd + 16))))
        return no
      if (n.raw.length === 4 && isYear(text, ts, tokenFrom, n, v, before)) {
        const more = YEAR_CONTINUES.exec(text.slice(rawEnd, rawEnd + 12))
        return { not: true, skipTo: more ? rawEnd + more[0].length : rawEnd }
      }
      // A number right after a name is part of it: "S&P 500", "Game 6", "iPhone 11", "Charlton 2-1".
      const k = tokenFrom(ts, n.start)
      const prev = ts[k - 1]
      const next = ts[tokenFrom(ts, r.end)]
      if (prev?.pos === "PROPN" && prev.end === n.start - 1 && !/^(?:No|Nos|Number)\.?$/.test(prev.text)) {
        const looksLikeAge = /^[A-Z][a-z]/.test(prev.text) && v <= 119 && (next?.pos === "AUX" || next?.pos === "VERB")
        const score = /^[-–][ \t]?\d+/.exec(text.slice(n.end, n.end + 6))
        if (!looksLikeAge) return { not: true, skipTo: n.end + (score ? score[0].length : 0) }
      }
      if (prev && /^(?:No\.?|#|Nos\.?)$/.test(prev.text)) return no
      // "the 12506 North East Express", "Jan Shatabdi Express (15125)": five or more digits with no separator
      // before a name of three words, or alone in brackets after a name, are a train's, a form's or a case's
      // number; a count that large is written "12,506" (or "12.506", "12 506").
      if (n.raw.length >= 5 && /^\d+$/.test(n.raw) && !r.unit) {
        // A name of three words or more: "250000 Syrians", "250000 Rohingya refugees" count people, and
        // "27000 Model S and Model X vehicles" the cars of a model.
        const at = tokenFrom(ts, r.end)
        // Capitalised words, whatever their tags: wink reads "Express" in "North East Express" as a verb.
        const capital = (t: Token | undefined) => t !== undefined && /^[A-Z][a-z]/.test(t.text)
        const name = ts[at]?.pos === "PROPN" && capital(ts[at]) && capital(ts[at + 1]) && capital(ts[at + 2])
        if (name && next?.start === rawEnd + 1) return no
        if (/[A-Za-z][ \t]*\(\s*$/.test(before) && /^\s*\)/.test(after)) return no
      }
      // "flight 370", "article 5", "chapter 11", "bus 42": a number naming one of many, not a count.
      if (prev && prev.end >= n.start - 1 && identifiers.has(prev.lower)) return no
    }
    return yes
  }

  const word = text.slice(n.start, n.end).toLowerCase()
  if (n.kind === "words" && r.currency === null) {
    if (CLOCK_HOUR_BEFORE.test(text.slice(Math.max(0, n.start - 40), n.start))) return no
    if (CLOCK_AFTER.test(text.slice(n.end, n.end + 12))) return no
    const minutes = CLOCK_MINUTES_AFTER.exec(text.slice(n.end, n.end + 40))
    if (minutes) return { not: true, skipTo: n.end + minutes[0].length }
  }
  // "Kick Six", "BBC One": a number word right after a name is part of it.
  const prevTok = ts[tokenFrom(ts, n.start) - 1]
  if (
    n.kind === "words" &&
    prevTok?.pos === "PROPN" &&
    prevTok.end === n.start - 1 &&
    /^[A-Z]/.test(text[n.start] ?? "")
  )
    return no
  // "the Table for Ten clubs", "Ocean's Eleven", "the Big Four": a capitalised number word inside a
  // sentence, right after a word, is a name's; a count opening a sentence, a quote or a clause after
  // punctuation is written so too ("Ten people died", ', "Ten of us', "- Ten"), and stays.
  if (
    n.kind === "words" &&
    /^[A-Z][a-z]/.test(text.slice(n.start, n.start + 2)) &&
    /[A-Za-z][ \t]+$/.test(text.slice(Math.max(0, n.start - 8), n.start))
  )
    return no
  if (n.kind === "words" && word === "one" && r.unit === null && r.currency === null) {
    const k = tokenFrom(ts, n.start)
    const tok = ts[k]
    if (tok?.pos === "PRON") return no
    if (PRONOUN_BEFORE.has(plainWordBefore(text, n.start))) return no
    const next = ts[k + 1]
    if (PRONOUN_AFTER.has(plainWordAfter(text, n.end))) return no
    if (next && (next.pos === "AUX" || next.pos === "VERB" || (next.pos === "ADP" && next.lower !== "to"))) return no
    if (!next || next.pos === "PUNCT") return no
    // "One passenger told reporters", "one survivor said": one person who speaks, not a count; so is "One
    // lifeguard, still soaked to the waist, told the paper", past a phrase set off by commas.
    const after = ts[afterApposition(ts, k + 2)]
    if ((next.pos === "NOUN" || next.pos === "PROPN") && after && (after.pos === "VERB" || after.pos === "AUX"))
      if (Cues.verb(after.lemma) !== undefined) return no
    // "just one 52,000 barrel-a-day refinery": the count is of the noun after the second number.
    if (/^[ \t]+\d/.test(text.slice(n.end, n.end + 3))) return no
  }
  // "six-speed", "two-way", "one-time": a number word compounded with a word that is no unit names a kind.
  if (n.kind === "words" && r.unit === null && r.end === n.end && /^-[A-Za-z]/.test(text.slice(n.end, n.end + 2)))
    return no
  if (n.kind === "fraction") {
    const following = plainWordAfter(text, n.end)
    if (word.startsWith("half") && HALF_BEFORE.has(plainWordBefore(text, n.start))) return no
    if (text[n.end] === "-") return no
    // A fraction is a part of something named after it, or a change: "fell by a third", "cut by more
    // than half" (an approximator of approximators.json between "by" and the fraction).
    if (!PARTITIVE_AFTER.has(following) && !BY_BEFORE.test(text.slice(Math.max(0, n.start - 40), n.start))) return no
  }
  return yes
}

/** The token after a phrase set off by commas that opens at `at` ("One lifeguard, still soaked, told"), else `at`. */
const afterApposition = (ts: ReadonlyArray<Token>, at: number): number => {
  if (ts[at]?.text !== ",") return at
  for (let j = at + 1; j < at + 16 && j < ts.length; j++) {
    const t = ts[j]
    if (t?.text === ",") return j + 1
    if (t?.pos === "PUNCT" && t.text !== "-" && t.text !== "'") return at
  }
  return at
}

const isYear = (
  text: string,
  ts: ReadonlyArray<Token>,
  tokenFrom: (ts: ReadonlyArray<Token>, offset: number) => number,
  n: Numeral,
  v: number,
  before: string,
): boolean => {
  const cued = YEAR_CUE_BEFORE.test(before) || ERA_AFTER.test(text.slice(n.end, n.end + 8))
  if (!(v >= 1800 && v <= 2100) && !(cued && v >= 1000 && v <= 2200)) return false
  // "2000 troops", "1500 hectares" are counts; a year is followed by anything else.
  const next = ts[tokenFrom(ts, n.end)]
  const plural = next?.pos === "NOUN" && next.lower !== next.lemma && next.start <= n.end + 1
  return !plural
}
