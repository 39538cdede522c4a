/**
 * `pnpm bench reportdb`: `crosscheck report --db` on a store of 10,000 articles, into a new folder and
 * again into the same one, against reading the same rows raw (a process of its own) in the same run.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { basil } from "../data.js"
import { corpus, crosscheck, megabytes, resourcesOf } from "./scale.js"
import { runStoreScript } from "./storeScript.js"

/** A store built already (`crosscheck run` of 10,000 articles takes many minutes): used as it is, read only. */
const GIVEN = process.env.CROSSCHECK_REPORT_DB
const SIZE = Number(process.env.CROSSCHECK_REPORT_DB_SIZE ?? 10_000)
/** The bar for `report --db` at 10,000 articles. */
const BAR_MS = 3_000

/**
 * The baseline: the rows the report is made of, read with the driver and nothing done with them (every
 * document, the current findings, the stories, the claims the findings cite), in a process of its own.
 */
const RAW = `
const Database = require("better-sqlite3")
const db = new Database(process.argv[1], { readonly: true })
const documents = db.prepare("SELECT * FROM documents ORDER BY seq").raw().all()
const findings = db.prepare("SELECT * FROM findings WHERE current = 1 ORDER BY position").raw().all()
const stories = db.prepare("SELECT * FROM stories ORDER BY position").raw().all()
const cited = [...new Set(db.prepare("SELECT claim_ids FROM findings WHERE current = 1").pluck().all().flatMap((x) => JSON.parse(x)))]
const claims = db.prepare("SELECT c.body FROM json_each(?) j JOIN claims c ON c.id = j.value").pluck().all(JSON.stringify(cited))
process.stdout.write(JSON.stringify({ documents: documents.length, findings: findings.length, stories: stories.length, claims: claims.length }))
`

const raw = async (db: string): Promise<{ ms: number; counts: Record<string, number> }> => {
  const { value, ms } = await runStoreScript<Record<string, number>>(RAW, db, "reading the rows raw")
  return { ms, counts: value }
}

const report = async (db: string, out: string) => {
  const r = await crosscheck(["report", "--db", db, "--out", out, "--json"])
  if (r.code !== 0) throw new Error(`crosscheck report --db ${db} exited ${r.code}: ${r.stderr.slice(-800)}`)
  const resources = resourcesOf(r.stderr)
  const summary = JSON.parse(r.stdout) as {
    storyPages: { written: number; kept: number; bySecondThread?: number }
    layout: string
  }
  return {
    ms: r.ms,
    cpuMs: resources ? resources.userMs + resources.systemMs : Number.NaN,
    systemMs: resources?.systemMs ?? Number.NaN,
    resources,
    summary,
  }
}

/** Whether `report --db` shared its pages with a second thread (PagesPartner.wanted), and how many it took. */
const secondThread = (pages: { bySecondThread?: number }): string =>
  pages.bySecondThread === undefined ? "one thread" : `${pages.bySecondThread} of them by a second thread`

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

/** The machine's load averages (1, 5, 15 min): on a shared machine a figure means little without them. */
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")

/**
 * Where the reports go (TMPDIR): making thousands of files there may cost more than the work. On ext4
 * without a journal, a new file skips every inode freed in the last five minutes, so a report written
 * just after another folder of pages was deleted (this bench deletes its own when done) spent some 3 s
 * more of system time than one written after a pause; system time is given apart for that reason.
 */
const cpu = (r: { cpuMs: number; systemMs: number }) => `CPU ${seconds(r.cpuMs)}, system ${seconds(r.systemMs)}`

export const run = async (): Promise<ReadonlyArray<string>> => {
  const dir = mkdtempSync(join(tmpdir(), "crosscheck-bench-reportdb-"))
  try {
    let db = GIVEN ?? ""
    if (!GIVEN) {
      const articles = basil()
      if (articles.length === 0) return ["reportdb   skipped: BASIL not found in the data folder"]
      const feed = join(dir, "feed.jsonl")
      // As `incremental` builds its archive: variants 40 days apart, so stories are many and distinct.
      writeFileSync(
        feed,
        `${corpus(SIZE, articles, 40)
          .map((a) => JSON.stringify(a))
          .join("\n")}\n`,
      )
      db = join(dir, "store.db")
      const built = await crosscheck(["run", feed, "--db", db, "--out", join(dir, "built"), "--json"])
      if (built.code !== 0) throw new Error(`crosscheck run exited ${built.code}: ${built.stderr.slice(-800)}`)
    } else if (!existsSync(GIVEN)) return [`reportdb   skipped: CROSSCHECK_REPORT_DB ${GIVEN} not found`]
    const out = join(dir, "report")
    const loads = [load()]
    const baseline = await raw(db)
    const fresh = await report(db, out)
    loads.push(load())
    const again = await report(db, out)
    loads.push(load())
    const baseline2 = await raw(db)
    const base = (baseline.ms + baseline2.ms) / 2
    const c = baseline.counts
    return [
      `reportdb   ${c.documents} articles, ${c.findings} findings, ${c.stories} stories, ${c.claims} claims cited: ` +
        `report --db into a new folder under ${tmpdir()} ${seconds(fresh.ms)} (${cpu(fresh)}, ${fresh.summary.storyPages.written} story pages, ${secondThread(fresh.summary.storyPages)}, peak ${megabytes(fresh.resources?.maxRssBytes ?? 0)}), ` +
        `again into it ${seconds(again.ms)} (${cpu(again)}, ${again.summary.storyPages.written} pages rewritten); ` +
        `reading the same rows raw ${seconds(baseline.ms)} and ${seconds(baseline2.ms)}: ` +
        `${(fresh.ms / base).toFixed(2)}x and ${(again.ms / base).toFixed(2)}x the raw read (bar: report --db <= ${seconds(BAR_MS)}); ` +
        `load average before, between and after: ${loads.join(" / ")}`,
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
