/**
 * Finds the quantities of one sentence: values (digits, words, scales), ranges, approximators,
 * units and currencies, what is counted and the denominator of a rate. Catalogues are in units.json.
 */
import type { Quantity } from "@crosscheck/domain"
import type { Token } from "./Analysis.js"
import catalogue from "./units.json" with { type: "json" }

type Approximate = Quantity.Approximate

const scales: Record<string, number> = catalogue.scales
const numberWords: Record<string, number> = catalogue.numberWords
const currencySymbols: Record<string, string> = catalogue.currencySymbols
const currencyWords: Record<string, string> = catalogue.currencyWords
const units: Record<string, string> = catalogue.units
const approximators: Record<string, string> = catalogue.approximators
const vague: Record<string, ReadonlyArray<number>> = catalogue.vague
const rates: Record<string, string> = catalogue.rates

const MONTHS =
  /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?$/i
const DIGITS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/
const RANGE_IN_TOKEN = /^(\d[\d,]*(?:\.\d+)?)[-–](\d[\d,]*(?:\.\d+)?)$/
const SCALED_IN_TOKEN = /^(\d+(?:\.\d+)?)(bn|mn|m|k|tn)$/i

const lower = (t: Token | undefined): string => (t ? t.text.toLowerCase() : "")
const parseDigits = (s: string): number => Number(s.replace(/,/g, ""))

interface Value {
  readonly low: number
  readonly high: number
  readonly first: number
  /** Index after the last token of the value. */
  readonly next: number
  readonly currency: string | null
  readonly vagueMagnitude: boolean
  readonly digits: boolean
  /** The scale word's factor ("billion"), 1 when there is none. */
  readonly scale: number
}

/** Reads one number (with an optional currency symbol and scale word) starting at token i. */
const readValue = (ts: ReadonlyArray<Token>, i: number): Value | null => {
  let j = i
  let currency: string | null = null
  const symbol = currencySymbols[ts[j]?.text ?? ""]
  if (symbol) {
    currency = symbol
    j++
  }
  const tok = ts[j]
  if (!tok) return null
  const word = tok.text.toLowerCase()
  let low: number
  let high: number
  let digits = false
  const range = RANGE_IN_TOKEN.exec(tok.text)
  const scaled = SCALED_IN_TOKEN.exec(tok.text)
  if (DIGITS.test(tok.text)) {
    low = high = parseDigits(tok.text)
    digits = true
  } else if (range) {
    low = parseDigits(range[1] ?? "")
    high = parseDigits(range[2] ?? "")
    digits = true
  } else if (scaled) {
    low = high = Number(scaled[1]) * (scales[(scaled[2] ?? "").toLowerCase()] ?? 1)
    const scale = scales[(scaled[2] ?? "").toLowerCase()] ?? 1
    return { low, high, first: i, next: j + 1, currency, vagueMagnitude: false, digits: true, scale }
  } else if (word === "a" && lower(ts[j + 1]) === "dozen") {
    low = high = 12
    j++
  } else if (numberWords[word] !== undefined && !(word === "one" && tok.pos === "PRON")) {
    low = high = numberWords[word] ?? 0
    // "twenty-five" arrives as one token or as twenty / - / five
    const unit = numberWords[lower(ts[j + 2])]
    if (ts[j + 1]?.text === "-" && unit !== undefined && unit < 10) {
      low = high = low + unit
      j += 2
    }
    if (word === "half" && lower(ts[j + 1]) === "a" && scales[lower(ts[j + 2])]) j++
  } else {
    return null
  }
  j++
  // "m" and "k" as separate words are scales only after digits ("5 m" is more often metres).
  const scale = (lower(ts[j]).length > 2 || digits ? scales[lower(ts[j])] : undefined) ?? 1
  if (scale > 1) {
    low *= scale
    high *= scale
    j++
  }
  return { low, high, first: i, next: j, currency, vagueMagnitude: false, digits, scale }
}

/** "thousands of", "tens of thousands of", "dozens of", "several". */
const readVague = (ts: ReadonlyArray<Token>, i: number): Value | null => {
  for (const words of [3, 2, 1]) {
    const phrase = ts
      .slice(i, i + words)
      .map((t) => t.text.toLowerCase())
      .join(" ")
    const bounds = vague[phrase]
    if (bounds && ts.length >= i + words) {
      const single = phrase === "several" || phrase === "a few"
      if (!single && lower(ts[i + words]) !== "of") continue
      return {
        low: bounds[0] ?? 0,
        high: bounds[1] ?? 0,
        first: i,
        next: i + words + (single ? 0 : 1),
        currency: null,
        vagueMagnitude: true,
        digits: false,
        scale: 1,
      }
    }
  }
  return null
}

const approximatorBefore = (ts: ReadonlyArray<Token>, first: number): { kind: Approximate; first: number } | null => {
  for (const words of [3, 2, 1]) {
    if (first - words < 0) continue
    const phrase = ts
      .slice(first - words, first)
      .map((t) => t.text.toLowerCase())
      .join(" ")
    const kind = approximators[phrase]
    if (kind) return { kind: kind as Approximate, first: first - words }
  }
  return null
}

const isYearLike = (ts: ReadonlyArray<Token>, v: Value): boolean => {
  const tok = ts[v.first]
  if (!tok || v.currency || !/^\d{4}$/.test(tok.text)) return false
  const n = Number(tok.text)
  if (n < 1000 || n > 2199) return false
  // "1500 hectares" or "2000 troops" are quantities; "2022 invasion" and a bare year are dates.
  const after = ts[v.next]
  const pluralNoun = after?.pos === "NOUN" && after.text.toLowerCase() !== after.lemma
  return !(after && (units[after.text.toLowerCase()] || units[after.lemma] || pluralNoun))
}

const isDatePart = (ts: ReadonlyArray<Token>, v: Value): boolean => {
  const before = ts[v.first - 1]
  const after = ts[v.next]
  if (before && MONTHS.test(before.text) && v.digits && v.high <= 31) return true
  if (after && MONTHS.test(after.text) && v.digits && v.high <= 31) return true
  if (after && /^(a\.m\.|p\.m\.|am|pm|GMT|BST|ET)$/i.test(after.text)) return true
  return false
}

const NOUNISH = new Set(["NOUN", "PROPN", "ADJ"])

/** The noun group after a quantity: "North Korean troops" gives counted "North Korean troop". */
const countedAfter = (ts: ReadonlyArray<Token>, j: number): { counted: string | null; next: number } => {
  let k = j
  if (lower(ts[k]) === "of" && NOUNISH.has(ts[k + 1]?.pos ?? "")) k++
  const words: Token[] = []
  while (k < ts.length && NOUNISH.has(ts[k]?.pos ?? "") && words.length < 5) {
    const t = ts[k]
    if (!t || /^\d/.test(t.text)) break
    words.push(t)
    k++
  }
  // A group must end in a noun; trailing adjectives are predicates ("is large").
  while (words.length > 0 && words[words.length - 1]?.pos === "ADJ") words.pop()
  if (words.length === 0) return { counted: null, next: j }
  const head = words[words.length - 1]
  const parts = words.slice(0, -1).map((t) => t.text)
  parts.push(head?.lemma ?? "")
  return { counted: parts.join(" "), next: j + words.length }
}

const unitAfter = (ts: ReadonlyArray<Token>, j: number): { unit: string; currency: boolean; next: number } | null => {
  for (const words of [3, 2, 1]) {
    const slice = ts.slice(j, j + words)
    if (slice.length < words) continue
    const text = slice.map((t) => t.text.toLowerCase()).join(" ")
    const lemma = [...slice.slice(0, -1).map((t) => t.text.toLowerCase()), slice[words - 1]?.lemma ?? ""].join(" ")
    const currency = currencyWords[text] ?? currencyWords[lemma] ?? currencyWords[text.replace(/s$/, "")]
    if (currency) return { unit: currency, currency: true, next: j + words }
    const unit = units[text] ?? units[lemma] ?? units[text.replace(/s$/, "")]
    if (unit) return { unit, currency: false, next: j + words }
  }
  return null
}

const perAfter = (ts: ReadonlyArray<Token>, j: number): { per: string; next: number } | null => {
  const w = lower(ts[j])
  if (rates[w]) return { per: rates[w] ?? w, next: j + 1 }
  if ((w === "per" || w === "a" || w === "an" || w === "each") && ts[j + 1]?.pos === "NOUN") {
    const lemma = ts[j + 1]?.lemma ?? ""
    if (w !== "per" && !units[lemma]) return null
    return { per: units[lemma] ?? lemma, next: j + 2 }
  }
  return null
}

/** Every quantity in a sentence's tokens, with spans into the document text. */
export const find = (text: string, ts: ReadonlyArray<Token>): ReadonlyArray<Quantity.Quantity> => {
  const out: Quantity.Quantity[] = []
  let i = 0
  while (i < ts.length) {
    const v = readVague(ts, i) ?? readValue(ts, i)
    if (!v || isYearLike(ts, v) || isDatePart(ts, v)) {
      i++
      continue
    }
    let { low, high, currency } = v
    let next = v.next
    let approximate: Approximate = v.vagueMagnitude ? "vague" : "exact"
    let first = v.first
    const approx = approximatorBefore(ts, first)
    const rangeStart = lower(ts[first - 1])
    if (rangeStart === "between" || rangeStart === "from") {
      if (rangeStart === "from" && lower(ts[first - 2]) === "anywhere") first -= 2
      else first -= 1
    }
    // "X to Y", "X-Y", "between X and Y"
    const joiner = lower(ts[next])
    if (joiner === "to" || joiner === "-" || joiner === "–" || (joiner === "and" && rangeStart === "between")) {
      const second = readValue(ts, next + 1)
      if (second && !isYearLike(ts, second)) {
        // "between 40 and 45 million": the first end takes the second's scale.
        if (v.scale === 1 && second.scale > 1 && low * second.scale <= second.low) low *= second.scale
        high = second.high
        currency = currency ?? second.currency
        next = second.next
      }
    } else if (approx && approximate === "exact") {
      approximate = approx.kind
      first = approx.first
    }
    let unit: string | null = currency
    const u = unitAfter(ts, next)
    if (u && !unit) {
      unit = u.unit
      next = u.next
    } else if (u?.currency) {
      next = u.next
    }
    // The span covers the value and its unit; what is counted and the rate are read after it.
    const counted = countedAfter(ts, next)
    const per = perAfter(ts, next) ?? perAfter(ts, counted.next)
    out.push(build(text, ts, first, next, low, high, approximate, unit, counted.counted, per?.per ?? null))
    i = Math.max(next, i + 1)
  }
  return out
}

const build = (
  text: string,
  ts: ReadonlyArray<Token>,
  first: number,
  next: number,
  low: number,
  high: number,
  approximate: Approximate,
  unit: string | null,
  counted: string | null,
  per: string | null,
): Quantity.Quantity => {
  const start = ts[first]?.start ?? 0
  const end = ts[next - 1]?.end ?? start
  return {
    text: text.slice(start, end),
    span: { start, end },
    low: Math.min(low, high),
    high: Math.max(low, high),
    approximate,
    unit,
    counted,
    per,
  }
}
