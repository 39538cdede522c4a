/**
 * Ingest throughput: documents per second stored into a fresh SQLite file store (extraction,
 * writing, and aligning against everything stored) against extraction alone, as a ratio.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Document } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import { Ingest } from "@crosscheck/pipeline"
import { Inputs } from "@crosscheck/sources"
import { Effect, Layer } from "effect"
import { basil } from "../data.js"
import { asDocument, time } from "./timing.js"

/** How many BASIL articles one ingest stores: enough for many aligned groups, quick enough to repeat. */
const BASIL_DOCS = 120

const compare = (
  nlp: ReturnType<typeof Extractor.loadModel>,
  label: string,
  documents: ReadonlyArray<Document.Document>,
): ReadonlyArray<string> => {
  const extractor = Layer.succeed(Extractor.Extractor, { extract: (d) => Extractor.extractWith(nlp, d) })
  const read: Inputs.Result = { documents, errors: [] }
  const dir = mkdtempSync(join(tmpdir(), "crosscheck-bench-ingest-"))
  let n = 0
  const ingest = (db: string) =>
    Effect.runSync(
      Ingest.documents(read, ["bench"]).pipe(Effect.provide(Layer.merge(extractor, Ingest.storeLayer({ db })))),
    )
  const extract = time(() => {
    for (const d of documents) Extractor.extractWith(nlp, d)
  })
  // A fresh store file each time, so every document is new and really written.
  const fresh = time(() => {
    ingest(join(dir, `fresh-${n++}.db`))
  })
  const stored = join(dir, "stored.db")
  ingest(stored)
  const rerun = time(() => {
    ingest(stored)
  })
  rmSync(dir, { recursive: true, force: true })
  const dps = (ms: number) => ((documents.length * 1000) / ms).toFixed(1)
  return [
    `ingest     ${label.padEnd(26)} ${(extract / fresh).toFixed(2)}x extract throughput  (ingest ${dps(fresh)} docs/s, extract alone ${dps(extract)} docs/s, ${documents.length} docs into a new store)`,
    `ingest     ${`${label}, rerun`.padEnd(26)} ${(extract / rerun).toFixed(2)}x extract throughput  (${dps(rerun)} docs/s, all already stored: nothing extracted, everything re-aligned)`,
  ]
}

export const run = async (): Promise<ReadonlyArray<string>> => {
  const nlp = Extractor.loadModel()
  const seed = new URL("../../seeds/000_e79dfb977574f8ce.txt", import.meta.url).pathname
  const lines = [...compare(nlp, "seed page", Inputs.readText(seed, readFileSync(seed, "utf8")).documents)]
  const articles = basil().slice(0, BASIL_DOCS)
  if (articles.length === 0) lines.push("ingest     BASIL skipped: ../shared/data/basil not found")
  else
    lines.push(
      ...compare(
        nlp,
        `BASIL, ${articles.length} articles`,
        articles.map((a, i) => ({ ...asDocument(a.text, i, a.source), publishedAt: a.date })),
      ),
    )
  return lines
}
