/**
 * Two `crosscheck run`s into one store at once, as two ingest jobs of a desk would: both finish, the
 * store holds both batches, and `crosscheck report --db` run meanwhile returns without waiting for them.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import Database from "better-sqlite3"
import { describe, expect, it } from "vitest"
import { crosscheck, type Result, root, start } from "./Cli.js"

/** The gold stories' articles, split into two folders of six stories each. */
const folders = (dir: string): [string, string] => {
  const stories = join(root, "fixtures/stories")
  const names = readdirSync(stories).sort()
  const out: [string, string] = [join(dir, "a"), join(dir, "b")]
  names.forEach((story, i) => {
    const folder = out[i % 2] as string
    mkdirSync(folder, { recursive: true })
    for (const file of readdirSync(join(stories, story)))
      if (file.endsWith(".md")) copyFileSync(join(stories, story, file), join(folder, `${story}-${file}`))
  })
  return out
}

const markdownIn = (folder: string): number => readdirSync(folder).filter((f) => f.endsWith(".md")).length

/** The store's schema version, or 0 before the first writer has created it. */
const versionOf = (path: string): number => {
  if (!existsSync(path)) return 0
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true })
    try {
      return db.pragma("user_version", { simple: true }) as number
    } finally {
      db.close()
    }
  } catch {
    return 0
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe("two runs into one store at once", () => {
  it("both exit 0, the store holds both batches, and report --db during them returns", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crosscheck-concurrent-"))
    const [a, b] = folders(dir)
    const db = join(dir, "desk.db")
    const runs = [a, b].map((folder, i) => start(["run", folder, "--db", db, "--out", join(dir, `out-${i}`), "--json"]))
    let finished = 0
    const results = runs.map((r) =>
      r.result.then((x) => {
        finished++
        return x
      }),
    )
    const reports: Array<{ result: Result; duringRuns: boolean; ms: number }> = []
    while (finished < 2) {
      // A report once a writer has created the store; before that there is nothing to read.
      if (versionOf(db) === 0) {
        await sleep(20)
        continue
      }
      const started = performance.now()
      const result = await crosscheck(["report", "--db", db, "--out", join(dir, "report"), "--json"])
      reports.push({ result, duringRuns: finished < 2, ms: performance.now() - started })
    }
    const [ra, rb] = await Promise.all(results)
    expect(ra?.stderr).toBe("")
    expect(rb?.stderr).toBe("")
    expect([ra?.code, rb?.code]).toEqual([0, 0])
    expect(JSON.parse(ra?.stdout ?? "{}").added.documents).toBe(markdownIn(a))
    expect(JSON.parse(rb?.stdout ?? "{}").added.documents).toBe(markdownIn(b))
    // Reports ran while the runs did, and each returned normally.
    expect(reports.filter((r) => r.duringRuns).length).toBeGreaterThan(0)
    for (const r of reports) expect(r.result.code, r.result.stderr).toBe(0)
    const store = new Database(db, { readonly: true })
    expect(store.prepare("SELECT count(*) FROM runs").pluck().get()).toBe(2)
    expect(store.prepare("SELECT count(*) FROM documents").pluck().get()).toBe(markdownIn(a) + markdownIn(b))
    expect(store.prepare("SELECT count(DISTINCT content_hash) FROM documents").pluck().get()).toBe(
      markdownIn(a) + markdownIn(b),
    )
    store.close()
    // A reader never takes the write lock: a report returns while another process holds it.
    const writer = new Database(db)
    writer.exec("BEGIN IMMEDIATE")
    try {
      const final = await crosscheck(["report", "--db", db, "--out", join(dir, "final"), "--json"])
      expect(final.code, final.stderr).toBe(0)
      expect(JSON.parse(final.stdout).documents).toBe(markdownIn(a) + markdownIn(b))
    } finally {
      writer.exec("ROLLBACK")
      writer.close()
    }
  }, 180_000)
})
