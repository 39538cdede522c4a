/**
 * NewsQuant (CQE, EMNLP 2023), scored as the paper's evaluate script does: a gold quantity is found
 * when an unused prediction in the same sentence has the same value (ranges need both ends, relative
 * tolerance 1e-5); value+unit also needs the unit, mapped to the paper's unit names.
 */
import { readFileSync } from "node:fs"
import { Ids, type Quantity } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import { locate } from "../data.js"
import { type Counts, line } from "./metrics.js"

interface Gold {
  readonly text: string
  readonly quantities: ReadonlyArray<{ value: string; normalized_unit: string }>
}

const CURRENCY: Record<string, string> = { USD: "dollar", EUR: "euro", GBP: "pound sterling", JPY: "japanese yen" }

const singular = (unit: string): string => unit.replace(/(?<=[a-z]{3})s$/, "").replace(/ies$/, "y")

/** Our unit in the paper's vocabulary. */
export const paperUnit = (unit: string | null): string => {
  if (unit === null) return "-"
  if (CURRENCY[unit]) return CURRENCY[unit] ?? unit
  if (unit === "percent") return "percentage"
  return singular(unit.toLowerCase())
}

const parseGold = (value: string): [number, number] => {
  const m = /^(-?[\d.e+]+)-(-?[\d.e+]+)$/.exec(value)
  if (m) return [Number(m[1]), Number(m[2])]
  const n = Number(value)
  return [n, n]
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-5 * Math.max(Math.abs(a), Math.abs(b), 1e-9)

const sameValue = (gold: [number, number], q: Quantity.Quantity): boolean => {
  const goldRange = gold[0] !== gold[1]
  const ourRange = q.low !== q.high
  if (goldRange !== ourRange) return false
  return close(gold[0], q.low) && close(gold[1], q.high)
}

export interface Score {
  readonly value: Counts
  readonly valueUnit: Counts
  readonly sentences: number
  readonly seconds: number
}

/** Scores any quantity finder on the set; used for crosscheck and for the peer library alike. */
export const score = (
  sentences: ReadonlyArray<Gold>,
  find: (text: string) => ReadonlyArray<Quantity.Quantity>,
): Score => {
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
          (q, j) =>
            !used.has(j) &&
            sameValue(gv, q) &&
            (!withUnit || paperUnit(q.unit) === singular(g.normalized_unit.toLowerCase())),
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

export const load = (): ReadonlyArray<Gold> | null => {
  const path = locate("newsquant/dev.json")
  return path ? (JSON.parse(readFileSync(path, "utf8")) as Gold[]) : null
}

export const run = async (): Promise<ReadonlyArray<string>> => {
  const gold = load()
  if (!gold) return ["newsquant  skipped: ../shared/data/newsquant/dev.json not found"]
  const nlp = Extractor.loadModel()
  const ours = score(gold, (text) =>
    Extractor.extractWith(nlp, {
      id: Ids.documentId("newsquant", text),
      outlet: "newsquant",
      title: null,
      publishedAt: null,
      url: null,
      origin: { path: "newsquant", index: 0 },
      syndicationGroup: null,
      text,
    }).flatMap((c) => c.quantities),
  )
  const rate = `${(ours.sentences / ours.seconds).toFixed(0)} sentences/s`
  return [
    line("newsquant", "value", ours.value, `(CQE 92.0; ${rate})`),
    line("newsquant", "value+unit", ours.valueUnit, "(CQE 85.6)"),
  ]
}
