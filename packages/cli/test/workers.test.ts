/**
 * `crosscheck enqueue` and `crosscheck worker` on a PostgreSQL store, end to end: two workers give the
 * findings `run` gives on SQLite, and a killed worker's job is taken again once its lease runs out.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { hostname, tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import * as PostgresServer from "../../store/test/PostgresServer.js"
import { crosscheck, start } from "./Cli.js"

const server = PostgresServer.perFile()
afterAll(() => server.stop())

/** The findings of a report folder as verdict and cited claims, in a fixed order: what must agree across engines. */
const findingsOf = (out: string): string[] => {
  const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as {
    findings: Array<{ verdict: string; claimIds: string[] }>
  }
  return report.findings.map((f) => `${f.verdict} ${[...f.claimIds].sort().join(",")}`).sort()
}

const temp = (name: string) => mkdtempSync(join(tmpdir(), `crosscheck-${name}-`))

/** `run` on SQLite: the findings the workers must reproduce. */
const viaRun = async (...inputs: string[]): Promise<string[]> => {
  const out = temp("run")
  const r = await crosscheck(["run", ...inputs, "--out", out])
  expect(r.stderr).toBe("")
  expect(r.code).toBe(0)
  return findingsOf(out)
}

const viaReport = async (url: string): Promise<string[]> => {
  const out = temp("report")
  const r = await crosscheck(["report", "--db", url, "--out", out])
  expect(r.code).toBe(0)
  return findingsOf(out)
}

/**
 * Made-up articles on one made-up event, long enough that extracting one takes a while: outlets that
 * agree on the stranded containers, one that does not, and a quoted denial.
 */
const articles = (): string => {
  const dir = temp("articles")
  const filler =
    "Dock workers described long queues of lorries along the coast road, and shipping agents said the delays would ripple through the week. "
  const outlets = ["Coastline Herald", "Velin Post", "Harbor Daily", "Northern Wire", "Bay Courier", "Port Ledger"]
  outlets.forEach((outlet, i) => {
    const containers = i === 3 ? "2,900" : "1,200"
    const body = [
      `The Velin Harbor Authority said ${containers} containers were stranded at Port Velin on Tuesday after a crane failure.`,
      `About ${40 + (i % 2) * 5} ships waited offshore, according to the harbor master.`,
      i === 5
        ? `Transport minister Ada Morrow denied that the port would close, saying "the terminals stay open".`
        : `Officials said the port would close one terminal for repairs.`,
      filler.repeat(12),
    ].join(" ")
    writeFileSync(
      join(dir, `${String(i).padStart(2, "0")}.md`),
      `---\noutlet: ${outlet}\ntitle: Containers stranded at Port Velin\npublished: 2026-03-0${3 + (i % 3)}T09:00:00Z\n---\n\n${body}\n`,
    )
  })
  return dir
}

describe.skipIf(PostgresServer.skip)(
  `workers on PostgreSQL${PostgresServer.skip ? " (SKIPPED: no PostgreSQL)" : ""}`,
  () => {
    it("enqueue and two workers give the findings run gives on SQLite: same verdicts, same claims", async () => {
      const url = await server.createDatabase()
      const inputs = ["seeds/", articles()]
      const expected = await viaRun(...inputs)
      expect(expected.length).toBeGreaterThan(10)

      const queued = await crosscheck(["enqueue", ...inputs, "--db", url, "--json"])
      expect(queued.code).toBe(0)
      expect(JSON.parse(queued.stdout)).toEqual({ queued: 10, skipped: 0, errors: [] })
      // Enqueueing the same input again queues nothing twice.
      const again = await crosscheck(["enqueue", ...inputs, "--db", url, "--json"])
      expect(JSON.parse(again.stdout)).toMatchObject({ queued: 0, skipped: 10 })

      const workers = [0, 1].map(() => start(["worker", "--db", url, "--exit-when-idle", "--json"]))
      const results = await Promise.all(workers.map((w) => w.result))
      for (const r of results) expect(r.code).toBe(0)
      const summaries = results.map((r) => JSON.parse(r.stdout) as { done: number; lost: number; failed: number })
      // Ten extract jobs, one plan, an align job per story it aligns, one commit: all done, none failed.
      const jobs = await PostgresServer.query<{ kind: string; state: string; n: number }>(
        url,
        "SELECT kind, state, count(*)::int AS n FROM jobs GROUP BY kind, state ORDER BY kind",
      )
      const align = jobs.find((j) => j.kind === "align")?.n ?? 0
      expect(align).toBeGreaterThanOrEqual(2)
      expect(jobs).toEqual([
        { kind: "align", state: "done", n: align },
        { kind: "analyse", state: "done", n: 1 },
        { kind: "commit", state: "done", n: 1 },
        { kind: "extract", state: "done", n: 10 },
      ])
      expect(summaries.reduce((n, s) => n + s.done, 0)).toBe(12 + align)
      expect(summaries.map((s) => s.failed)).toEqual([0, 0])

      expect(await viaReport(url)).toEqual(expected)
      const [counts] = await PostgresServer.query<{ documents: number; hashes: number; runs: number; queued: number }>(
        url,
        `SELECT (SELECT count(*)::int FROM documents) AS documents, (SELECT count(DISTINCT content_hash)::int FROM documents) AS hashes,
         (SELECT count(*)::int FROM runs) AS runs, (SELECT count(*)::int FROM queued_documents) AS queued`,
      )
      expect(counts).toEqual({ documents: 10, hashes: 10, runs: 1, queued: 0 })
    }, 120_000)

    it("a killed worker's job is taken again after its lease, and nothing is done twice", async () => {
      const url = await server.createDatabase()
      const input = articles()
      const expected = await viaRun(input)
      expect((await crosscheck(["enqueue", input, "--db", url])).code).toBe(0)

      const doomed = start(["worker", "--db", url, "--lease-ms", "1500"])
      const holder = `${hostname()}:${doomed.child.pid}`
      // Freeze the worker, and kill it only if it holds a job at that moment (it may be between two).
      let held: string | null = null
      while (held === null) {
        await new Promise((resolve) => setTimeout(resolve, 20))
        doomed.child.kill("SIGSTOP")
        const rows = await PostgresServer.query<{ id: string }>(
          url,
          "SELECT id::text FROM jobs WHERE leased_by = $1 AND state = 'queued' AND leased_until > clock_timestamp()",
          [holder],
        )
        if (rows[0]) held = rows[0].id
        else doomed.child.kill("SIGCONT")
      }
      doomed.child.kill("SIGKILL")
      expect((await doomed.result).signal).toBe("SIGKILL")

      const rescuer = await crosscheck(["worker", "--db", url, "--exit-when-idle", "--lease-ms", "1500", "--json"])
      expect(rescuer.code).toBe(0)
      const [job] = await PostgresServer.query<{ state: string; attempts: number; leased_by: string }>(
        url,
        "SELECT state, attempts, leased_by FROM jobs WHERE id = $1",
        [held],
      )
      expect(job?.state).toBe("done")
      expect(job?.attempts).toBe(2)
      expect(job?.leased_by).not.toBe(holder)

      expect(await viaReport(url)).toEqual(expected)
      const [counts] = await PostgresServer.query<{
        documents: number
        hashes: number
        claims: number
        distinct: number
      }>(
        url,
        `SELECT (SELECT count(*)::int FROM documents) AS documents, (SELECT count(DISTINCT content_hash)::int FROM documents) AS hashes,
         (SELECT count(*)::int FROM claims) AS claims, (SELECT count(DISTINCT id)::int FROM claims) AS distinct`,
      )
      expect(counts?.documents).toBe(6)
      expect(counts?.hashes).toBe(6)
      expect(counts?.claims).toBe(counts?.distinct)
    }, 120_000)

    it("a store an older extractor filled is extracted again by workers, a job per document; a killed worker's share resumes", async () => {
      const url = await server.createDatabase()
      const input = articles()
      const expected = await viaRun(input)
      expect((await crosscheck(["enqueue", input, "--db", url])).code).toBe(0)
      expect((await crosscheck(["worker", "--db", url, "--exit-when-idle"])).code).toBe(0)
      // As if an older crosscheck had extracted every stored article.
      await PostgresServer.query(url, "UPDATE documents SET extractor_version = 'older'")
      await PostgresServer.query(url, "UPDATE claims SET extractor_version = 'older'")

      const doomed = start(["worker", "--db", url, "--lease-ms", "1500"])
      // Killed once it has extracted some of the six again, not all.
      let recorded = 0
      while (recorded === 0) {
        await new Promise((resolve) => setTimeout(resolve, 20))
        doomed.child.kill("SIGSTOP")
        const [row] = await PostgresServer.query<{ n: number }>(url, "SELECT count(*)::int AS n FROM reextractions")
        recorded = row?.n ?? 0
        if (recorded === 0) doomed.child.kill("SIGCONT")
      }
      doomed.child.kill("SIGKILL")
      const killed = await doomed.result
      expect(recorded).toBeLessThan(6)
      expect(killed.stderr).toMatch(/6 stored documents were extracted by an older extractor; queued to extract again/)

      const rescuer = await crosscheck(["worker", "--db", url, "--exit-when-idle", "--lease-ms", "1500"])
      expect(rescuer.code).toBe(0)
      expect(rescuer.stderr).toMatch(/0 stored documents left to extract again/)
      // One reextract job per document, each done once: those the killed worker finished were not done again.
      const jobs = await PostgresServer.query<{ n: number; keys: number; done: number }>(
        url,
        "SELECT count(*)::int AS n, count(DISTINCT key)::int AS keys, count(*) FILTER (WHERE state = 'done')::int AS done FROM jobs WHERE kind = 'reextract'",
      )
      expect(jobs).toEqual([{ n: 6, keys: 6, done: 6 }])
      const [stale] = await PostgresServer.query<{ documents: number; claims: number; waiting: number }>(
        url,
        `SELECT (SELECT count(*)::int FROM documents WHERE extractor_version = 'older') AS documents,
         (SELECT count(*)::int FROM claims WHERE extractor_version = 'older') AS claims,
         (SELECT count(*)::int FROM reextractions) AS waiting`,
      )
      expect(stale).toEqual({ documents: 0, claims: 0, waiting: 0 })
      expect(await viaReport(url)).toEqual(expected)
    }, 180_000)

    it("an article whose extraction keeps throwing is given up and named with its file; the rest is stored and the worker exits 3", async () => {
      const url = await server.createDatabase()
      const input = articles()
      expect((await crosscheck(["enqueue", input, "--db", url])).code).toBe(0)
      // An article the extractor throws on every time (its text gone), as a bug in the extractor would.
      const broken = join(input, "02.md")
      await PostgresServer.query(
        url,
        "UPDATE queued_documents SET document = (document::jsonb - 'text')::text WHERE document::jsonb->'origin'->>'path' = $1",
        [broken],
      )

      const worker = start(["worker", "--db", url, "--exit-when-idle", "--json"])
      // Stopped if it has not exited by then, so a worker that spins fails the test instead of hanging it.
      const spinning = setTimeout(() => worker.child.kill("SIGKILL"), 60_000)
      const r = await worker.result
      clearTimeout(spinning)
      expect(r.signal).toBeNull()
      // Done, but its batch left an input out: exit 3, as `run` (the first test's clean workers exit 0).
      expect(r.code).toBe(3)
      expect(JSON.parse(r.stdout)).toMatchObject({ failed: 3 })
      expect(r.stderr).toContain(`crosscheck: could not read ${broken}: `)

      const [run] = await PostgresServer.query<{ errors: string }>(url, "SELECT errors FROM runs")
      expect(JSON.parse(run?.errors ?? "[]")).toEqual([
        { path: broken, message: expect.stringMatching(/extract job failed 3 times/) },
      ])
      const [counts] = await PostgresServer.query<{ documents: number; queued: number; jobs: number }>(
        url,
        `SELECT (SELECT count(*)::int FROM documents) AS documents, (SELECT count(*)::int FROM queued_documents) AS queued,
         (SELECT count(*)::int FROM jobs WHERE state = 'queued') AS jobs`,
      )
      expect(counts).toEqual({ documents: 5, queued: 0, jobs: 0 })
    }, 120_000)

    it("report --json names the store with its password hidden, as every other message does", async () => {
      // The test server trusts local connections, so the password is carried but not checked.
      const url = (await server.createDatabase()).replace("postgres@", "postgres:s3cret@")
      expect((await crosscheck(["run", articles(), "--db", url, "--out", temp("run")])).code).toBe(0)
      const r = await crosscheck(["report", "--db", url, "--out", temp("report"), "--json"])
      expect(r.code).toBe(0)
      expect(JSON.parse(r.stdout).db).toBe(url.replace(":s3cret@", ":***@"))
      expect(r.stdout + r.stderr).not.toContain("s3cret")
    }, 120_000)

    it("enqueue and worker refuse a SQLite store with what to do instead", async () => {
      const r = await crosscheck(["worker", "--db", join(temp("db"), "desk.db"), "--exit-when-idle"])
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/expected --db to be a PostgreSQL database \(postgres:\/\/user@host:port\/name\)/)
    })
  },
)
