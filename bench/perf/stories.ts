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

/** CPU milliseconds (this process: steadier than wall time on a shared machine) spent in `f`. */
const cpuMs = (f: () => void): number => {
  const before = process.cpuUsage()
  f()
  const used = process.cpuUsage(before)
  return (used.user + used.system) / 1000
}

/**
 * CPU milliseconds per document (and per 1,000 characters: slices in date order differ in article length,
 * and scanning is most of the cost) over consecutive slices of the feed, with the stories that existed by then.
 */
const bySlice = (documents: ReadonlyArray<Document.Document>, slice: number) => {
  const clusterer = Clustering.make()
  const ordered = Clustering.canonicalOrder(documents)
  const out: Array<{ upTo: number; stories: number; msPerDoc: number; msPerKChar: number }> = []
  for (let from = 0; from < ordered.length; from += slice) {
    const part = ordered.slice(from, from + slice)
    // Each slice a batch, as a store places it: added online, then settled.
    const ms = cpuMs(() => {
      for (const d of part) clusterer.add(d)
      clusterer.settle()
    })
    const chars = part.reduce((sum, d) => sum + d.text.length, 0)
    out.push({
      upTo: from + part.length,
      stories: clusterer.stories().length,
      msPerDoc: ms / part.length,
      msPerKChar: (1000 * ms) / chars,
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
  const perDoc: Array<{ n: number; ms: number; stories: number }> = []
  for (const n of sizes) {
    const documents = toDocuments(corpus(n, articles, DAYS_APART))
    let stories = 0
    const started = performance.now()
    const cpu = cpuMs(() => {
      stories = Clustering.assign(documents).stories.length
    })
    const seconds = (performance.now() - started) / 1000
    perDoc.push({ n, ms: cpu / n, stories })
    const slices = bySlice(documents, Math.max(100, Math.floor(n / 5)))
    const [first, last] = [slices[0], slices.at(-1)]
    lines.push(
      `stories    ${n} docs: ${seconds.toFixed(2)} s wall, ${(cpu / n).toFixed(2)} ms CPU per document, ${stories} stories`,
      `stories    ${n} docs: ms CPU per document (per 1,000 characters) as stories accumulate: ${slices.map((s) => `${s.msPerDoc.toFixed(2)} (${s.msPerKChar.toFixed(3)}) with ${s.stories} stories by doc ${s.upTo}`).join(", ")}`,
    )
    if (first && last)
      lines.push(
        `stories    ${n} docs: last slice / first slice ${(last.msPerDoc / first.msPerDoc).toFixed(2)} per document, ${(last.msPerKChar / first.msPerKChar).toFixed(2)} per character, with ${(last.stories / first.stories).toFixed(1)}× the stories (want ≈ 1: flat)`,
      )
    if (withRun.has(n)) {
      const total = runSeconds(n, articles)
      lines.push(
        `stories    ${n} docs: crosscheck run ${total.toFixed(1)} s; the story stage is ${((100 * seconds) / total).toFixed(1)}% of it (want ≤ 10%)`,
      )
    }
  }
  const [small, large] = [perDoc[0], perDoc.at(-1)]
  if (small && large && large.n !== small.n)
    lines.push(
      `stories    per document ${small.ms.toFixed(2)} ms at ${small.n} docs (${small.stories} stories), ${large.ms.toFixed(2)} ms at ${large.n} (${large.stories} stories): ratio ${(large.ms / small.ms).toFixed(2)} (want ≈ 1)`,
    )
  return lines
}
