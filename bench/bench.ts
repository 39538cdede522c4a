/**
 * `pnpm bench`: speed measured as ratios against a baseline timed in the same run on the same
 * text (a bare wink-nlp `readDoc`), so figures mean the same on a busy or an idle machine.
 */
import { readFileSync } from "node:fs"
import { Ids } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import { basil } from "./data.js"

const nlp = Extractor.loadModel()

const time = (fn: () => void, minMs = 1500): number => {
  fn() // warm up
  let runs = 0
  const started = performance.now()
  while (performance.now() - started < minMs) {
    fn()
    runs++
  }
  return (performance.now() - started) / runs
}

const asDocument = (text: string, i: number) => ({
  id: Ids.documentId("bench", i, text),
  outlet: "bench",
  title: null,
  publishedAt: null,
  url: null,
  origin: { path: "bench", index: i },
  syndicationGroup: null,
  text,
})

const compare = (label: string, texts: ReadonlyArray<string>) => {
  const docs = texts.map(asDocument)
  const chars = texts.reduce((n, t) => n + t.length, 0)
  const readDoc = time(() => {
    for (const t of texts) nlp.readDoc(t)
  })
  const extract = time(() => {
    for (const d of docs) Extractor.extractWith(nlp, d)
  })
  const kcps = (ms: number) => ((chars / ms) * 1000) / 1000
  console.log(
    `extract    ${label.padEnd(26)} ${(readDoc / extract).toFixed(2)}x readDoc throughput  (extract ${kcps(extract).toFixed(0)} kchar/s, readDoc ${kcps(readDoc).toFixed(0)} kchar/s, ${texts.length} docs, ${chars} chars)`,
  )
}

const seed = readFileSync(new URL("../seeds/000_e79dfb977574f8ce.txt", import.meta.url), "utf8")
compare("seed page", [seed])
const articles = basil()
if (articles.length === 0) console.log("extract    BASIL skipped: ../shared/data/basil not found")
else
  compare(
    "BASIL articles",
    articles.map((a) => a.text),
  )
