/**
 * A batch into an archive: `crosscheck run` of 10 new articles into a store of about 5,000 and 10,000
 * distinct articles, against the same 10 into an empty store, as a ratio measured in one run; peak memory.
 */
import { execFileSync } from "node:child_process"
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { basil } from "../data.js"
import { corpus, crosscheck, megabytes, resourcesOf, seconds } from "./scale.js"

const root = new URL("../../", import.meta.url).pathname
const SIZES = (process.env.CROSSCHECK_INCREMENTAL_SIZES ?? "5000,10000").split(",").map(Number)
const NEW = 10
/** Variants 40 days apart, as `pnpm bench stories` has them: each a new event, so the archive's articles are distinct stories. */
const DAYS_APART = 40

const show = (line: string): void => {
  if (process.stderr.isTTY || process.env.CROSSCHECK_PROGRESS) process.stderr.write(`${line}\n`)
}

const jsonl = (path: string, records: ReadonlyArray<unknown>): string => {
  writeFileSync(path, `${records.map((r) => JSON.stringify(r)).join("\n")}\n`)
  return path
}

/** One `run` as a child process; fails the bench loudly rather than measuring a failed run. */
const timedRun = async (input: string, db: string, out: string) => {
  const r = await crosscheck(["run", input, "--db", db, "--out", out, "--json"])
  if (r.code !== 0) throw new Error(`crosscheck run ${input} --db ${db} exited ${r.code}: ${r.stderr.slice(-800)}`)
  const resources = resourcesOf(r.stderr)
  return { ms: r.ms, peak: resources?.maxRssBytes ?? 0, summary: JSON.parse(r.stdout) as { documents?: number } }
}

export const run = async (): Promise<ReadonlyArray<string>> => {
  const articles = basil()
  if (articles.length === 0) return ["incremental BASIL skipped: ../shared/data/basil not found"]
  execFileSync(process.execPath, [join(root, "packages/cli/bundle.mjs")], { stdio: "inherit" })
  const largest = Math.max(...SIZES)
  // The archive is documents 0..n-1; the 10 new ones come after all of them, so they are new at every size.
  const all = corpus(largest + NEW, articles, DAYS_APART)
  const fresh = all.slice(largest)
  const dir = mkdtempSync(join(tmpdir(), "crosscheck-bench-incremental-"))
  const lines: string[] = []
  try {
    const newPath = jsonl(join(dir, "new.jsonl"), fresh)
    const archive = join(dir, "archive.db")
    let stored = 0
    for (const n of SIZES) {
      // The archive grows batch by batch to each size, as a desk's would.
      const grow = await timedRun(jsonl(join(dir, `grow-${n}.jsonl`), all.slice(stored, n)), archive, join(dir, "r"))
      show(`incremental archive grown from ${stored} to ${n} documents in ${seconds(grow.ms)}`)
      stored = n
      const into = join(dir, `into-${n}.db`)
      copyFileSync(archive, into)
      const alone1 = await timedRun(newPath, join(dir, `alone-${n}-1.db`), join(dir, "r1"))
      const batch = await timedRun(newPath, into, join(dir, "r2"))
      const alone2 = await timedRun(newPath, join(dir, `alone-${n}-2.db`), join(dir, "r3"))
      const alone = (alone1.ms + alone2.ms) / 2
      rmSync(into, { force: true })
      const line = `incremental ${NEW} new into ${String(n).padStart(5)} stored: ${(batch.ms / alone).toFixed(2)}x the same ${NEW} alone  (into the archive ${seconds(batch.ms)}, peak ${megabytes(batch.peak)}; alone ${seconds(alone1.ms)} and ${seconds(alone2.ms)}, peak ${megabytes(Math.max(alone1.peak, alone2.peak))}; bar <= 3x)`
      lines.push(line)
      show(line)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return lines
}
