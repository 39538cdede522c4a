/**
 * Extraction speed: our `extract` against a bare wink-nlp `readDoc` of the same text, as a ratio
 * of throughputs, on the seed page and on BASIL articles.
 */
import { readFileSync } from "node:fs"
import { Extractor } from "@crosscheck/extractor"
import { basil } from "../data.js"
import { asDocument, time } from "./timing.js"

const compare = (nlp: ReturnType<typeof Extractor.loadModel>, label: string, texts: ReadonlyArray<string>): string => {
  const docs = texts.map((t, i) => asDocument(t, i))
  const chars = texts.reduce((n, t) => n + t.length, 0)
  const readDoc = time(() => {
    for (const t of texts) nlp.readDoc(t)
  })
  const extract = time(() => {
    for (const d of docs) Extractor.extractWith(nlp, d)
  })
  const kcps = (ms: number) => chars / ms
  return `extract    ${label.padEnd(26)} ${(readDoc / extract).toFixed(2)}x readDoc throughput  (extract ${kcps(extract).toFixed(0)} kchar/s, readDoc ${kcps(readDoc).toFixed(0)} kchar/s, ${texts.length} docs, ${chars} chars)`
}

export const run = async (): Promise<ReadonlyArray<string>> => {
  const nlp = Extractor.loadModel()
  const seed = readFileSync(new URL("../../seeds/000_e79dfb977574f8ce.txt", import.meta.url), "utf8")
  const lines = [compare(nlp, "seed page", [seed])]
  const articles = basil()
  lines.push(
    articles.length === 0
      ? "extract    BASIL skipped: ../shared/data/basil not found"
      : compare(
          nlp,
          "BASIL articles",
          articles.map((a) => a.text),
        ),
  )
  return lines
}
