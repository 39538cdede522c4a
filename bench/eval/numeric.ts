/**
 * NewsQuant (CQE, EMNLP 2023), scored as ../shared/data/README.md says: a gold quantity is found when an
 * unused prediction in the same sentence has the same value (a range only by a range with both ends
 * equal, relative tolerance 1e-5); value+unit also needs the unit in the paper's vocabulary. The peer,
 * Microsoft Recognizers-Text, runs on the same sentences and is scored by the same code.
 */
import { readFileSync } from "node:fs"
import { Ids, Quantity } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import * as Recognizers from "@microsoft/recognizers-text-suite"
import { locate } from "../data.js"
import { type Counts, line } from "./metrics.js"

interface Gold {
  readonly text: string
  readonly quantities: ReadonlyArray<{ value: string; normalized_unit: string }>
}

/** What the scorer needs of a prediction: its interval and its unit in the paper's vocabulary. */
export interface Prediction {
  readonly low: number
  readonly high: number
  readonly unit: string
}

// ISO 4217 codes and our unit names, as the paper names them.
const PAPER_NAMES: Record<string, string> = {
  USD: "dollar",
  EUR: "euro",
  GBP: "pound sterling",
  JPY: "japanese yen",
  CNY: "chinese yuan",
  HKD: "hong kong dollar",
  MYR: "malaysian ringgit",
  INR: "indian rupee",
  ILS: "shekel",
  HRK: "croatian kuna",
  CHF: "swiss franc",
  ZAR: "south african rand",
  TRY: "turkish lira",
  KRW: "south korean won",
  AUD: "australian dollar",
  CAD: "canadian dollar",
  percent: "percentage",
  "degree Celsius": "celsius",
  "degree Fahrenheit": "fahrenheit",
  time: "count",
  pound: "pound-mass",
  "part per billion": "parts-per-billion",
  "revolution per minute": "revolutions per minute",
  "metric horsepower": "horsepower",
}

/** The paper's singular: plurals made singular the same way on both sides of the comparison. */
export const singular = (unit: string): string =>
  unit
    .trim()
    .toLowerCase()
    .replace(/\bfeet$/, "foot")
    .replace(/ies$/, "y")
    .replace(/(?<=[a-z]{3})s$/, "")

const STOP = new Set(["and", "&", "of", "the", "a", "an"])

/**
 * Our quantity's unit in the paper's vocabulary. The paper annotates what a bare count counts as its
 * unit ("13000 workers": worker), so a count takes `counted`; with `countedAsUnit` false a count is
 * "-" whatever it counts (the stricter reading of the README). A rate appends "per <denominator>".
 */
export const paperUnit = (q: Quantity.Quantity, countedAsUnit = true): string => {
  // The paper writes a part of a whole as "% <the whole>" ("half the condos": "% condo").
  if (q.unit === "proportion") return `% ${q.counted?.toLowerCase() ?? "-"}`
  let base = "-"
  if (q.unit !== null) base = PAPER_NAMES[q.unit] ?? q.unit.toLowerCase()
  else if (countedAsUnit && q.counted !== null)
    base = q.counted
      .split(/\s+/)
      .filter((w) => !STOP.has(w.toLowerCase()))
      .join(" ")
      .toLowerCase()
  return base !== "-" && q.per !== null ? `${base} per ${q.per}` : base
}

/** Gold values: a number, or "lo-hi" for a range (the paper's reading: "E" and a leading "-" are no range). */
/**
 * A quantity's value as the paper annotates it: a change "from A to B" as the span of its two ends
 * ("dropping from 208 pounds to 193" is 208-193), where crosscheck reads the figure now (193, from 208).
 */
export const paperValue = (q: Quantity.Quantity): { low: number; high: number } =>
  q.from === undefined ? { low: q.low, high: q.high } : { low: Math.min(q.from, q.low), high: Math.max(q.from, q.high) }

export const parseGold = (value: string): [number, number] => {
  const v = value.trim()
  if (!/e/i.test(v) && !v.startsWith("-") && v.includes("-")) {
    const [a, b] = v.split("-")
    return [Number(a), Number(b)]
  }
  const n = Number(v)
  return [n, n]
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-8 + 1e-5 * Math.abs(b)

/** Same value: a single value against a single value, a range against a range with both ends equal. */
export const sameValue = (gold: [number, number], p: Prediction): boolean => {
  const goldRange = gold[0] !== gold[1]
  const ourRange = p.low !== p.high
  if (goldRange !== ourRange) return false
  const lo = Math.min(gold[0], gold[1])
  const hi = Math.max(gold[0], gold[1])
  return close(p.low, lo) && close(p.high, hi)
}

export interface Score {
  readonly value: Counts
  readonly valueUnit: Counts
  readonly sentences: number
  readonly seconds: number
}

/** Scores any quantity finder on the set; used for crosscheck and for the peer library alike. */
export const score = (sentences: ReadonlyArray<Gold>, find: (text: string) => ReadonlyArray<Prediction>): Score => {
  const value = { tp: 0, fp: 0, fn: 0 }
  const valueUnit = { tp: 0, fp: 0, fn: 0 }
  const started = performance.now()
  const predictions = sentences.map((s) => find(s.text))
  const seconds = (performance.now() - started) / 1000
  sentences.forEach((s, i) => {
    const predicted = predictions[i] ?? []
    for (const [counts, withUnit] of [
      [value, false],
      [valueUnit, true],
    ] as const) {
      const used = new Set<number>()
      for (const g of s.quantities) {
        const gv = parseGold(g.value)
        const k = predicted.findIndex(
          (p, j) => !used.has(j) && sameValue(gv, p) && (!withUnit || singular(p.unit) === singular(g.normalized_unit)),
        )
        if (k >= 0) {
          used.add(k)
          counts.tp++
        } else counts.fn++
      }
      counts.fp += predicted.length - used.size
    }
  })
  return { value, valueUnit, sentences: sentences.length, seconds }
}

/**
 * Of the gold quantities found (same value, as `score` matches them), the share whose prediction names a
 * measure class other than "unknown". Not a target: the gold's `referred_concepts` are free text, so
 * this only says how often the catalogue names anything.
 */
export const classified = (
  sentences: ReadonlyArray<Gold>,
  find: (text: string) => ReadonlyArray<Quantity.Quantity>,
): { found: number; classed: number; byClass: Map<string, number> } => {
  let found = 0
  let classed = 0
  const byClass = new Map<string, number>()
  for (const s of sentences) {
    const predicted = find(s.text)
    const used = new Set<number>()
    for (const g of s.quantities) {
      const gv = parseGold(g.value)
      const k = predicted.findIndex((p, j) => !used.has(j) && sameValue(gv, { low: p.low, high: p.high, unit: "" }))
      if (k < 0) continue
      used.add(k)
      found++
      const c = Quantity.measureOf(predicted[k] as Quantity.Quantity).class
      if (c !== "unknown") classed++
      byClass.set(c, (byClass.get(c) ?? 0) + 1)
    }
  }
  return { found, classed, byClass }
}

export const load = (): ReadonlyArray<Gold> | null => {
  const path = locate("newsquant/dev.json")
  return path ? (JSON.parse(readFileSync(path, "utf8")) as Gold[]) : null
}

// Recognizers-Text names units in US spelling and title case; this is the paper's own mapping.
const PEER_UNITS: Record<string, string> = {
  liter: "litre",
  kilometer: "kilometre",
  milliliter: "millilitre",
  millimeter: "millimetre",
  centimeter: "centimetre",
  "square meter": "square metre",
  meter: "metre",
  c: "celsius",
  f: "fahrenheit",
  "british pound": "pound sterling",
  "kilometer per hour": "kilometre per hour",
  decimeter: "decimetre",
  picometer: "picometre",
  micrometer: "micrometre",
  "square kilometer": "square kilometre",
  franc: "swiss franc",
  "united states dollar": "dollar",
}

/**
 * Recognizers-Text as the CQE evaluation runs it: currency, dimension, temperature, percentage and age
 * models, then bare numbers whose value no other model found. Ages are named "<unit> of age".
 */
export const recognizers = (text: string): ReadonlyArray<Prediction> => {
  const out: Prediction[] = []
  const culture = Recognizers.Culture.English
  const withUnit = [
    ["currency", Recognizers.recognizeCurrency],
    ["dimension", Recognizers.recognizeDimension],
    ["temperature", Recognizers.recognizeTemperature],
  ] as const
  const push = (value: unknown, unit: string) => {
    const n = Number(String(value).replace(/,/g, "").replace(/%$/, ""))
    if (value !== null && value !== undefined && Number.isFinite(n)) out.push({ low: n, high: n, unit })
  }
  for (const [, recognise] of withUnit)
    for (const r of recognise(text, culture)) {
      const unit = String(r.resolution?.unit ?? "")
        .trim()
        .toLowerCase()
      push(r.resolution?.value, PEER_UNITS[unit] ?? unit)
    }
  for (const r of Recognizers.recognizePercentage(text, culture)) push(r.resolution?.value, "percentage")
  for (const r of Recognizers.recognizeAge(text, culture)) {
    const unit = String(r.resolution?.unit ?? "")
      .trim()
      .toLowerCase()
    push(r.resolution?.value, `${unit} of age`)
  }
  const seen = new Set(out.map((p) => p.low))
  for (const r of Recognizers.recognizeNumber(text, culture)) {
    const n = Number(String(r.resolution?.value ?? "").replace(/,/g, ""))
    if (!seen.has(n)) push(n, "-")
  }
  return out
}

export const run = async (): Promise<ReadonlyArray<string>> => {
  const gold = load()
  if (!gold) return ["newsquant  skipped: ../shared/data/newsquant/dev.json not found"]
  const nlp = Extractor.loadModel()
  const quantities = (text: string): ReadonlyArray<Quantity.Quantity> =>
    Extractor.extractWith(nlp, {
      id: Ids.documentId("newsquant", text),
      outlet: "newsquant",
      title: null,
      publishedAt: null,
      url: null,
      origin: { path: "newsquant", index: 0 },
      syndicationGroup: null,
      text,
    }).flatMap((c) => c.quantities)
  const ours = score(gold, (text) => quantities(text).map((q) => ({ ...paperValue(q), unit: paperUnit(q) })))
  const strict = score(gold, (text) => quantities(text).map((q) => ({ ...paperValue(q), unit: paperUnit(q, false) })))
  // Warm the peer's lazily built models so its rate measures recognition, not start-up.
  recognizers("warm up 5 km, $5, 5%")
  const peer = score(gold, recognizers)
  const measured = classified(gold, quantities)
  const top = [...measured.byClass.entries()]
    .filter(([c]) => c !== "unknown")
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([c, n]) => `${c} ${n}`)
    .join(", ")
  const rate = (s: Score) => `${(s.sentences / s.seconds).toFixed(0)} sentences/s`
  return [
    line("newsquant", "value", ours.value, `(CQE 92.0; ${rate(ours)})`),
    line("newsquant", "value+unit", ours.valueUnit, "(CQE 85.6; a count's unit is what it counts)"),
    line("newsquant", "value+unit, counts as '-'", strict.valueUnit, "(stricter: what is counted ignored)"),
    `newsquant  measure class named          ${((100 * measured.classed) / Math.max(1, measured.found)).toFixed(1)}% of ${measured.found} gold quantities found  (not a target; most: ${top})`,
    line("newsquant", "Recognizers-Text value", peer.value, `(published 69.1; ${rate(peer)})`),
    line("newsquant", "Recognizers-Text value+unit", peer.valueUnit, "(published 34.2)"),
  ]
}
