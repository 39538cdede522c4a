/**
 * Memory of a long-running extractor: one model extracts BASIL articles, each copy with other made-up
 * names (so every copy brings words the model has not met), and heap and RSS are read after 1k, 5k, 10k;
 * then `crosscheck run`'s peak on a large input, twice, and whether both runs' findings match (runMemory).
 */
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import { Extractor } from "@crosscheck/extractor"
import { basil } from "../data.js"
import { renamer } from "./alignment.js"
import * as RunMemory from "./runMemory.js"
import { asDocument, leastSquaresSlope } from "./timing.js"

/** Where memory is read; CROSSCHECK_MEMORY_DOCS=a,b,c reads it elsewhere (a shorter trial run; 0 skips it). */
const SIZES: ReadonlyArray<number> = (process.env.CROSSCHECK_MEMORY_DOCS ?? "1000,5000,10000")
  .split(",")
  .map(Number)
  .filter((n) => n > 0)
  .sort((a, b) => a - b)

/** V8's collector, enabled here so that a reading counts live memory rather than garbage not yet collected. */
const collector = (): (() => void) => {
  setFlagsFromString("--expose-gc")
  return runInNewContext("gc") as () => void
}

const MB = 1024 * 1024

export const run = async (): Promise<ReadonlyArray<string>> => {
  const articles = basil()
  if (articles.length === 0) return ["memory     BASIL skipped: ../shared/data/basil not found"]
  if (SIZES.length === 0) return RunMemory.run(articles)
  const gc = collector()
  const nlp = Extractor.loadModel()
  const lines: string[] = []
  const heaps: number[] = []
  const rss: number[] = []
  let claims = 0
  let done = 0
  for (const n of SIZES) {
    for (; done < n; done++) {
      const k = Math.floor(done / articles.length)
      const text = renamer(k)(articles[done % articles.length]?.text ?? "")
      claims += Extractor.extractWith(nlp, asDocument(text, done)).length
    }
    gc()
    gc()
    const m = process.memoryUsage()
    heaps.push(m.heapUsed)
    rss.push(m.rss)
    const line = `memory     ${String(n).padStart(6)} documents  heap ${(m.heapUsed / MB).toFixed(1).padStart(6)} MB  RSS ${(m.rss / MB).toFixed(1).padStart(6)} MB  (${claims} claims)`
    lines.push(line)
    // The run takes minutes: show each reading as it is taken (stderr, so stdout stays the result).
    if (process.stderr.isTTY || process.env.CROSSCHECK_PROGRESS) process.stderr.write(`${line}\n`)
  }
  const perThousand = (ys: ReadonlyArray<number>) => ((leastSquaresSlope(SIZES, ys) * 1000) / 1024).toFixed(0)
  lines.push(
    `memory     slope over ${SIZES[0]}–${SIZES[SIZES.length - 1]} documents: heap ${perThousand(heaps)} KB, RSS ${perThousand(rss)} KB per 1,000 documents (${articles.length} BASIL articles, each copy with other made-up names)`,
  )
  return [...lines, ...(await RunMemory.run(articles))]
}
