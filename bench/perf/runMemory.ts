/**
 * Memory of `crosscheck run` on a large input (BASIL repeated as `scale` builds it, stored in parts): peak
 * RSS and each phase's peak so far, over runs of the same input into fresh stores, and whether they agree.
 */
import { execFileSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { BasilArticle } from "../data.js"
import { crosscheck, megabytes, resourcesOf, seconds, writeCorpus } from "./scale.js"
import { runStoreScript } from "./storeScript.js"

const root = new URL("../../", import.meta.url).pathname

/** Sizes run (CROSSCHECK_MEMORY_RUN_DOCS=a,b; 0 runs none) and runs of each (CROSSCHECK_MEMORY_RUNS). */
export const SIZES: ReadonlyArray<number> = (process.env.CROSSCHECK_MEMORY_RUN_DOCS ?? "10000")
  .split(",")
  .map(Number)
  .filter((n) => n > 0)
const RUNS = Math.max(1, Number(process.env.CROSSCHECK_MEMORY_RUNS ?? 2))
/** The bar for 40,000 articles. */
const BAR_BYTES = 1.5 * 1024 ** 3

/**
 * What a store holds, for comparing runs: counts, and a hash of its current findings by id, verdict and
 * the claims they cite (read with the driver, in the store package where it is installed).
 */
const FINGERPRINT = `
const { createHash } = require("node:crypto")
const Database = require("better-sqlite3")
const db = new Database(process.argv[1], { readonly: true })
const count = (table) => db.prepare("SELECT count(*) FROM " + table).pluck().get()
const hash = createHash("sha256")
for (const [id, verdict, claims] of db.prepare("SELECT id, verdict, claim_ids FROM findings WHERE current = 1 ORDER BY id").raw().iterate())
  hash.update(id + " " + verdict + " " + JSON.parse(claims).sort().join(",") + "\\n")
process.stdout.write(JSON.stringify({ documents: count("documents"), claims: count("claims"), stories: count("stories"),
  findings: db.prepare("SELECT count(*) FROM findings WHERE current = 1").pluck().get(), hash: hash.digest("hex").slice(0, 16) }))
`

export interface Fingerprint {
  readonly documents: number
  readonly claims: number
  readonly stories: number
  readonly findings: number
  readonly hash: string
}

export const fingerprint = async (db: string): Promise<Fingerprint> =>
  (await runStoreScript<Fingerprint>(FINGERPRINT, db, "reading the fingerprint")).value

const show = (line: string): void => {
  if (process.stderr.isTTY || process.env.CROSSCHECK_PROGRESS) process.stderr.write(`${line}\n`)
}

export const run = async (articles: ReadonlyArray<BasilArticle>): Promise<ReadonlyArray<string>> => {
  if (SIZES.length === 0) return []
  execFileSync(process.execPath, [join(root, "packages/cli/bundle.mjs")], { stdio: "inherit" })
  const dir = mkdtempSync(join(tmpdir(), "crosscheck-bench-run-memory-"))
  const lines: string[] = []
  try {
    for (const n of SIZES) {
      const input = join(dir, `basil-${n}.jsonl`)
      writeCorpus(input, n, articles)
      const prints: string[] = []
      // One after another, never side by side: each run's peak is its own.
      for (let k = 1; k <= RUNS; k++) {
        const db = join(dir, `store-${n}-${k}.db`)
        const out = await crosscheck(["run", input, "--db", db, "--out", join(dir, `report-${n}-${k}`), "--json"])
        const resources = resourcesOf(out.stderr)
        const label = `memory     run ${k} of ${String(n).padStart(6)} documents`
        if (out.code !== 0 || !resources) {
          lines.push(`${label}  FAILED (exit ${out.code ?? out.signal}): ${out.stderr.trim().slice(-400)}`)
          show(lines[lines.length - 1] ?? "")
          break
        }
        const f = await fingerprint(db)
        prints.push(JSON.stringify(f))
        // Each phase's peak so far, and what was resident (of it, heap) as it ended: a part's mark comes
        // after the collection between parts, so it says what the part leaves held for the next.
        const held = (p: { rssBytes?: number; heapBytes?: number }) =>
          p.rssBytes === undefined ? "" : ` (${megabytes(p.rssBytes)}/${megabytes(p.heapBytes ?? 0)} heap)`
        const phases = resources.phases
          .map((p) => `${p.name} ${seconds(p.ms)} ≤${megabytes(p.maxRssBytes)}${held(p)}`)
          .join(", ")
        const bar = resources.maxRssBytes <= BAR_BYTES ? "within" : "OVER"
        lines.push(
          `${label}  peak ${megabytes(resources.maxRssBytes)} (${bar} 1.5 GB)  ${seconds(out.ms)}  (${f.documents} documents, ${f.claims} claims, ${f.stories} stories, ${f.findings} findings ${f.hash}; ${phases})`,
        )
        show(lines[lines.length - 1] ?? "")
        rmSync(join(dir, `report-${n}-${k}`), { recursive: true, force: true })
      }
      if (prints.length >= 2)
        lines.push(
          `memory     ${String(n).padStart(6)} documents: ${prints.length} runs' findings ${new Set(prints).size === 1 ? "MATCH (same documents, claims, stories and findings by id, verdict and claims)" : "DIFFER"}`,
        )
      for (let k = 1; k <= RUNS; k++) rmSync(join(dir, `store-${n}-${k}.db`), { force: true })
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return lines
}
