/**
 * Crash safety end to end: `crosscheck run --db` killed with SIGKILL at several points, then run
 * again, leaves a store that opens, holds each run whole or not at all, and ends as an uninterrupted run.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import Database from "better-sqlite3"
import { beforeAll, describe, expect, it } from "vitest"
import { crosscheck, type Result, root, start } from "./Cli.js"

/**
 * 72 short articles: every gold story's articles, then each again under another outlet name (a
 * syndicated copy). Enough that the write transaction re-analyses for a second or more.
 */
const articles = (dir: string): string => {
  const folder = join(dir, "articles")
  mkdirSync(folder)
  const stories = join(root, "fixtures/stories")
  for (const copy of ["", " Wire"])
    for (const story of readdirSync(stories).sort())
      for (const file of readdirSync(join(stories, story)).sort()) {
        if (!file.endsWith(".md")) continue
        const text = readFileSync(join(stories, story, file), "utf8").replace(/^outlet: (.*)$/m, `outlet: $1${copy}`)
        writeFileSync(join(folder, `${story}${copy ? "-wire" : ""}-${file}`), text)
      }
  return folder
}

/** What a store holds, without row numbers or times: two stores with the same content compare equal. */
interface Content {
  readonly documents: ReadonlyArray<unknown>
  readonly claims: ReadonlyArray<unknown>
  readonly groups: ReadonlyArray<unknown>
  readonly findings: ReadonlyArray<unknown>
}

const emptyContent: Content = { documents: [], claims: [], groups: [], findings: [] }

interface Inspection {
  readonly integrity: string
  readonly foreignKeys: ReadonlyArray<unknown>
  /** Each run's counts as recorded and as found: a run written whole has them equal. */
  readonly runs: ReadonlyArray<{ id: number; said: [number, number]; found: [number, number] }>
  /** Rows minus distinct ids and distinct contents, per table: 0 when nothing is stored twice. */
  readonly duplicates: Record<string, number>
  /** Claims minus rows of the full-text index, which a trigger fills in the same transaction. */
  readonly unindexed: number
  readonly content: Content
}

/** Read-only, so it never checkpoints: what the killed run left in the WAL is still there for the next `run`. */
const inspect = (path: string): Inspection => {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  const one = (sql: string) => db.prepare(sql).pluck().get() as number
  try {
    return {
      integrity: db.pragma("integrity_check", { simple: true }) as string,
      foreignKeys: db.pragma("foreign_key_check") as unknown[],
      runs: (
        db
          .prepare(
            `SELECT r.id, r.documents_added AS d, r.claims_added AS c,
               (SELECT count(*) FROM documents WHERE run_id = r.id) AS fd,
               (SELECT count(*) FROM claims JOIN documents ON documents.id = claims.document_id WHERE run_id = r.id) AS fc
             FROM runs r ORDER BY r.id`,
          )
          .all() as Array<{ id: number; d: number; c: number; fd: number; fc: number }>
      ).map((r) => ({ id: r.id, said: [r.d, r.c], found: [r.fd, r.fc] })),
      duplicates: {
        documentIds: one("SELECT count(*) - count(DISTINCT id) FROM documents"),
        documentContents: one("SELECT count(*) - count(DISTINCT content_hash) FROM documents"),
        claimIds: one("SELECT count(*) - count(DISTINCT id) FROM claims"),
        claimContents: one("SELECT count(*) - count(DISTINCT document_id || json_remove(body, '$.id')) FROM claims"),
        // One claim pair may hold two findings, one per figure it states ("2.5bn dollars", "two years"):
        // a finding is stored twice when its claims and what it says both repeat.
        currentFindings: one("SELECT count(*) - count(DISTINCT claim_ids || summary) FROM findings WHERE current = 1"),
      },
      unindexed: one("SELECT (SELECT count(*) FROM claims) - (SELECT count(*) FROM claims_fts)"),
      content: {
        documents: db
          .prepare(
            `SELECT id, content_hash, outlet, title, published_at, url, origin_path, origin_index, syndication_group, text
             FROM documents ORDER BY id`,
          )
          .all(),
        claims: db
          .prepare("SELECT id, document_id, kind, text, subject, object, source, body FROM claims ORDER BY id")
          .all(),
        groups: db
          .prepare("SELECT id, key, kind, reasons, members FROM aligned_groups WHERE current = 1 ORDER BY id")
          .all(),
        findings: db
          .prepare(
            `SELECT id, group_id, verdict, claim_ids, independent_sources, summary, explanation, position
             FROM findings WHERE current = 1 ORDER BY position`,
          )
          .all(),
      },
    }
  } finally {
    db.close()
  }
}

/** The test's own view of a running store, opened only once extraction has begun (after migrating). */
class Probe {
  #db: Database.Database | undefined
  constructor(readonly path: string) {}
  get #open(): Database.Database {
    this.#db ??= new Database(this.path, { fileMustExist: true, timeout: 0 })
    return this.#db
  }
  /** Whether another process holds the write lock, i.e. is inside its write transaction. */
  writing(): boolean {
    try {
      this.#open.exec("BEGIN IMMEDIATE")
      this.#open.exec("ROLLBACK")
      return false
    } catch (e) {
      if (String((e as { code?: unknown }).code).startsWith("SQLITE_BUSY")) return true
      throw e
    }
  }
  /** Committed runs. */
  runs(): number {
    return this.#open.prepare("SELECT count(*) FROM runs").pluck().get() as number
  }
  /** Changes whenever SQLite writes frames to the WAL: the commit of a transaction, or a spill before it. */
  wal(): string {
    const s = statSync(`${this.path}-wal`, { throwIfNoEntry: false })
    return s ? `${s.size} ${s.mtimeMs}` : "none"
  }
  /** Closed before the kill: the writer still holds its connection, so closing does not checkpoint. */
  close(): void {
    this.#db?.close()
    this.#db = undefined
  }
}

interface Step extends Result {
  /** False when the run finished before the moment came (then it must have exited normally). */
  readonly killed: boolean
  /** The store right after the process ended, before anything else opened it. */
  readonly after: Inspection
}

/**
 * `run --db` with progress on stderr: polls `when` every millisecond (and on each stderr write) and sends
 * SIGKILL as soon as it holds. With `extracting`, polling waits for extraction to begin, so the store
 * has been opened and migrated (itself a write transaction) and the next write is the run's commit.
 */
const runAndKill = async (
  db: string,
  folder: string,
  out: string,
  when: (probe: Probe) => boolean,
  { extracting = false } = {},
): Promise<Step> => {
  const { child, result } = start(["run", folder, "--db", db, "--out", out, "--progress"])
  const probe = new Probe(db)
  let waiting = extracting
  let killed = false
  const tick = () => {
    if (waiting || killed) return
    if (when(probe)) {
      probe.close()
      killed = child.kill("SIGKILL")
    }
  }
  child.stderr.on("data", (d: string) => {
    // The bar's first line is written once the first document is extracted.
    if (d.includes("extracting")) waiting = false
    tick()
  })
  const timer = setInterval(tick, 1)
  const r = await result.finally(() => {
    clearInterval(timer)
    probe.close()
  })
  return { ...r, killed, after: inspect(db) }
}

/** Kills in the write transaction once SQLite starts writing its frames: the kill lands in the write or just after it. */
const inTheWrite = () => {
  let before: string | undefined
  return (probe: Probe) => {
    if (before === undefined) {
      if (probe.writing()) before = probe.wal()
      return false
    }
    return probe.wal() !== before
  }
}

const documentCount = (i: Inspection) => i.content.documents.length

/** The temporary report files in a folder: a run writes each file to one, then renames it. */
const partials = (folder: string): string[] => {
  try {
    return readdirSync(folder).filter((f) => f.endsWith(".partial"))
  } catch {
    return []
  }
}

describe("run --db killed with SIGKILL and run again", () => {
  const dir = mkdtempSync(join(tmpdir(), "crosscheck-crash-"))
  const folder = articles(dir)
  const b = join(dir, "b.db")
  let reference: Result
  let a: Inspection
  const steps: Record<string, Step> = {}
  let rerun: Result
  let final: Inspection
  let leftBehind: ReadonlyArray<string> = []

  beforeAll(async () => {
    // The uninterrupted run goes on beside the killed ones; the kills wait on what they observe, not on time.
    const uninterrupted = crosscheck(["run", folder, "--db", join(dir, "a.db"), "--out", join(dir, "a"), "--json"])
    // 1: once the first document is extracted, long before the write transaction begins.
    steps.extracting = await runAndKill(b, folder, join(dir, "b1"), () => true, { extracting: true })
    // 2: as soon as the write transaction holds the lock: documents being inserted, or the re-analysis.
    steps.transaction = await runAndKill(b, folder, join(dir, "b2"), (p) => p.writing(), { extracting: true })
    // 3: while SQLite appends the run's frames to the WAL, or within a millisecond after the commit.
    steps.write = await runAndKill(b, folder, join(dir, "b3"), inTheWrite(), { extracting: true })
    // 4: as soon as a run is committed, before the report is written. If the run got that far in step 3,
    // this is a rerun with nothing to extract (so no progress to wait for), killed just after its own commit.
    const committed = steps.write.after.runs.length
    steps.committed = await runAndKill(b, folder, join(dir, "b4"), (p) => p.runs() > committed)
    // 5: while the report files are written: as soon as a temporary one appears in the report folder.
    steps.reporting = await runAndKill(b, folder, join(dir, "b"), () => partials(join(dir, "b")).length > 0)
    leftBehind = partials(join(dir, "b"))
    rerun = await crosscheck(["run", folder, "--db", b, "--out", join(dir, "b"), "--json"])
    final = inspect(b)
    reference = await uninterrupted
    a = inspect(join(dir, "a.db"))
  }, 180_000)

  it("the uninterrupted run stores every article", () => {
    expect(reference.code).toBe(0)
    expect(JSON.parse(reference.stdout).added.documents).toBe(72)
    expect(documentCount(a)).toBe(72)
  })

  it("every kill leaves a store that opens whole: only complete runs, nothing twice", () => {
    for (const [name, step] of Object.entries(steps)) {
      // A run that finished before its moment came exits normally; both are fine here.
      if (step.killed) expect(step.signal, name).toBe("SIGKILL")
      else expect(step.code, name).toBe(0)
      expect(step.after.integrity, name).toBe("ok")
      expect(step.after.foreignKeys, name).toEqual([])
      for (const run of step.after.runs) expect(run.found, `${name}: run ${run.id}`).toEqual(run.said)
      expect(Object.values(step.after.duplicates), name).toEqual([0, 0, 0, 0, 0])
      expect(step.after.unindexed, name).toBe(0)
      // All or nothing: either no run and nothing stored, or everything an uninterrupted run stores.
      if (step.after.runs.length === 0) expect(step.after.content, name).toEqual(emptyContent)
      else expect(step.after.content, name).toEqual(a.content)
    }
  })

  it("kills before the commit land part-way: nothing of the run is stored", () => {
    // Both are sent at least a whole re-analysis (over a second here) before the commit could end.
    for (const name of ["extracting", "transaction"]) {
      expect(steps[name]?.killed, name).toBe(true)
      expect(steps[name]?.after.runs, name).toEqual([])
    }
  })

  it("a kill just after the commit keeps the committed run", () => {
    const { write, committed } = steps
    // Sent within a millisecond or two of the commit, while the report (a tenth of a second) is being written.
    expect(committed?.killed).toBe(true)
    expect(committed?.after.runs).toHaveLength((write?.after.runs.length ?? 0) + 1)
    expect(committed?.after.content).toEqual(a.content)
  })

  it("the rerun exits normally, adds nothing the killed runs committed, and ends with the uninterrupted run's content", () => {
    // After a kill while the report was written, the rerun says where that run's changes are.
    if (steps.reporting?.killed)
      expect(rerun.stderr).toMatch(
        /^crosscheck: run \d+ was stopped while writing its report; this report holds what it stored, and `crosscheck report --db .* --since \S+` lists the stories changed since it began\n$/,
      )
    else expect(rerun.stderr).toBe("")
    expect(rerun.code).toBe(0)
    const summary = JSON.parse(rerun.stdout)
    expect(summary.added).toEqual({ documents: 0, claims: 0 })
    expect(summary.alreadyStored).toBe(72)
    expect(final.integrity).toBe("ok")
    expect(final.foreignKeys).toEqual([])
    expect(Object.values(final.duplicates)).toEqual([0, 0, 0, 0, 0])
    for (const run of final.runs) expect(run.found).toEqual(run.said)
    expect(final.content).toEqual(a.content)
  })

  it("a kill while the report is written leaves no half report, and the next run removes what it left", () => {
    const { reporting } = steps
    if (reporting?.killed) expect(leftBehind.length).toBeGreaterThan(0)
    expect(partials(join(dir, "b"))).toEqual([])
    for (const name of ["report.json", "report.md", "report.html"])
      expect(statSync(join(dir, "b", name)).size, name).toBeGreaterThan(0)
  })

  it("writes the same report as the uninterrupted run", () => {
    const report = (out: string) => {
      const { generatedAt: _, ...rest } = JSON.parse(readFileSync(join(dir, out, "report.json"), "utf8"))
      return rest
    }
    expect(report("b")).toEqual(report("a"))
  })
})
