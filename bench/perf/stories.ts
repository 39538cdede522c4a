/**
 * `pnpm bench stories`: the story stage's time per document at 1,000 and 10,000 documents, how it moves
 * as stories accumulate, and its share of a whole `crosscheck run` of the same feed.
 */
import { execFileSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Document } from "@crosscheck/domain"
import { Inputs } from "@crosscheck/sources"
import { Clustering } from "@crosscheck/stories"
import { type BasilArticle, basil } from "../data.js"
import { corpus, writeCorpus } from "./scale.js"

const root = new URL("../../", import.meta.url).pathname
/** Variants 40 days apart: each a new event, so stories keep accumulating as the feed grows. */
const DAYS_APART = 40

const toDocuments = (records: ReturnType<typeof corpus>): Document.Document[] =>
  records.map((r, i) => Inputs.toDocument("feed.jsonl", i, r, r.text))

/** Milliseconds per document over consecutive slices of the feed, with the stories that existed by then. */
const bySlice = (documents: ReadonlyArray<Document.Document>, slice: number) => {
  const clusterer = Clustering.make()
  for (const d of documents) clusterer.observe(d)
  const ordered = Clustering.canonicalOrder(documents)
  const out: Array<{ upTo: number; stories: number; msPerDoc: number }> = []
  for (let from = 0; from < ordered.length; from += slice) {
    const started = performance.now()
    for (const d of ordered.slice(from, from + slice)) clusterer.add(d)
    const ms = performance.now() - started
    out.push({
      upTo: Math.min(from + slice, ordered.length),
      stories: clusterer.stories().length,
      msPerDoc: ms / slice,
    })
  }
  return out
}

/** Wall time of `crosscheck run` over the feed, in a fresh store. */
const runSeconds = (n: number, articles: ReadonlyArray<BasilArticle>): number => {
  const dir = mkdtempSync(join(tmpdir(), "crosscheck-bench-stories-"))
  try {
    const path = join(dir, "feed.jsonl")
    writeCorpus(path, n, articles, DAYS_APART)
    execFileSync("node", [join(root, "packages/cli/bundle.mjs")], { cwd: root })
    const started = performance.now()
    execFileSync("node", [join(root, "packages/cli/dist/bin.js"), "run", path, "--out", join(dir, "out")], {
      cwd: root,
      stdio: "ignore",
      maxBuffer: 1 << 26,
    })
    return (performance.now() - started) / 1000
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export const run = async (): Promise<ReadonlyArray<string>> => {
  const articles = basil()
  if (articles.length === 0) return ["stories    skipped: ../shared/data/basil not found"]
  const sizes = (process.env.CROSSCHECK_STORIES_SIZES ?? "1000,10000").split(",").map(Number)
  const withRun = new Set((process.env.CROSSCHECK_STORIES_RUN ?? "1000,10000").split(",").map(Number))
  const lines: string[] = []
  for (const n of sizes) {
    const documents = toDocuments(corpus(n, articles, DAYS_APART))
    const started = performance.now()
    const { stories } = Clustering.assign(documents)
    const seconds = (performance.now() - started) / 1000
    const slices = bySlice(documents, Math.max(100, Math.floor(n / 5)))
    lines.push(
      `stories    ${n} docs: ${seconds.toFixed(2)} s, ${((1000 * seconds) / n).toFixed(2)} ms per document, ${stories.length} stories`,
      `stories    ${n} docs: ms per document as stories accumulate: ${slices.map((s) => `${s.msPerDoc.toFixed(2)} (${s.stories} stories by doc ${s.upTo})`).join(", ")}`,
    )
    if (withRun.has(n)) {
      const total = runSeconds(n, articles)
      lines.push(
        `stories    ${n} docs: crosscheck run ${total.toFixed(1)} s; the story stage is ${((100 * seconds) / total).toFixed(1)}% of it (want ≤ 10%)`,
      )
    }
  }
  return lines
}
