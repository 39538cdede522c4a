/**
 * Extraction speed: our `extract` against a bare wink-nlp `readDoc` of the same text, as a ratio
 * of throughputs, on the seed page and on BASIL articles. The baseline is wink as a user loads it
 * (`winkNLP(model)`, its default pipeline); extraction runs the steps it reads (Extractor.PIPE).
 */
import { readFileSync } from "node:fs"
import { Extractor } from "@crosscheck/extractor"
import model from "wink-eng-lite-web-model"
import winkNLP, { type WinkMethods } from "wink-nlp"
import { basil } from "../data.js"
import { asDocument } from "./timing.js"

/** Milliseconds for one call. */
const once = (fn: () => void): number => {
  const started = performance.now()
  fn()
  return performance.now() - started
}

/**
 * Throughput of extraction against readDoc, timed in alternating rounds so that a change in the
 * machine's load affects both alike; the median of the per-round ratios is reported.
 */
const compare = (nlp: WinkMethods, bare: WinkMethods, label: string, texts: ReadonlyArray<string>): string => {
  const docs = texts.map((t, i) => asDocument(t, i))
  const chars = texts.reduce((n, t) => n + t.length, 0)
  const readDoc = () => {
    for (const t of texts) bare.readDoc(t)
  }
  const extract = () => {
    for (const d of docs) Extractor.extractWith(nlp, d)
  }
  // Two untimed rounds each: the first timed round after a single warm-up was always slow (V8 still
  // optimising, and the first renewal of wink's instance falls in it), which swung a 5-round median.
  for (let w = 0; w < 2; w++) {
    readDoc()
    extract()
  }
  const ratios: number[] = []
  let readMs = 0
  let extractMs = 0
  const started = performance.now()
  while (ratios.length < 9 || (performance.now() - started < 6000 && ratios.length < 41)) {
    const r = once(readDoc)
    const e = once(extract)
    readMs += r
    extractMs += e
    ratios.push(r / e)
  }
  const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)] ?? 0
  const kcps = (ms: number) => (chars * ratios.length) / ms
  return `extract    ${label.padEnd(26)} ${median.toFixed(2)}x readDoc throughput  (median of ${ratios.length} alternating rounds; extract ${kcps(extractMs).toFixed(0)} kchar/s, readDoc ${kcps(readMs).toFixed(0)} kchar/s, ${texts.length} docs, ${chars} chars)`
}

export const run = async (): Promise<ReadonlyArray<string>> => {
  const nlp = Extractor.loadModel()
  const bare = winkNLP(model)
  const seed = readFileSync(new URL("../../seeds/000_e79dfb977574f8ce.txt", import.meta.url), "utf8")
  const lines = [compare(nlp, bare, "seed page", [seed])]
  const articles = basil()
  lines.push(
    articles.length === 0
      ? "extract    BASIL skipped: ../shared/data/basil not found"
      : compare(
          nlp,
          bare,
          "BASIL articles",
          articles.map((a) => a.text),
        ),
  )
  return lines
}
