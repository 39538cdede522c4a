/**
 * The facade on a PostgreSQL store: `createCrosscheck({ db: "postgres://…" })` behaves as on SQLite, and
 * two facades (two processes, say) share one store.
 */
import { afterAll, describe, expect, it } from "vitest"
import * as PostgresServer from "../../store/test/PostgresServer.js"
import { createCrosscheck } from "../src/index.js"
import { folder, tempDb } from "./articles.js"

const server = PostgresServer.perFile()
afterAll(() => server.stop())

/** What must not depend on the engine: verdicts and cited claims, and what a claims query finds. */
const picture = async (db: string, first: string, second: string) => {
  const crosscheck = await createCrosscheck({ db })
  try {
    await crosscheck.ingest(first)
    const later = await crosscheck.ingest(second)
    const report = await crosscheck.report()
    return {
      changes: later.changes.map((c) => [c.kind, c.finding.verdict]),
      findings: report.findings.map((f) => `${f.verdict} ${[...f.claimIds].sort().join(",")}`).sort(),
      kursk: (await crosscheck.claims({ entity: "kursk" })).map((c) => c.outlet),
      stories: (await crosscheck.stories()).length,
    }
  } finally {
    await crosscheck.close()
  }
}

describe.skipIf(PostgresServer.skip)(`createCrosscheck on PostgreSQL${PostgresServer.skip ? " (SKIPPED)" : ""}`, () => {
  it("gives what it gives on SQLite", async () => {
    const url = await server.createDatabase()
    // The same folders for both: a document's id (and so its claims') comes from its path.
    const [first, second] = [folder("alpha", "beta"), folder("gamma", "delta")]
    const onPostgres = await picture(url, first, second)
    expect(onPostgres).toEqual(await picture(tempDb(), first, second))
    expect(onPostgres.findings.length).toBeGreaterThan(1)
    expect(onPostgres.kursk).toEqual(["Alpha News", "Gamma Wire"])
  })

  it("two facades on one store see each other's articles", async () => {
    const url = await server.createDatabase()
    const [a, b] = await Promise.all([createCrosscheck({ db: url }), createCrosscheck({ db: url })])
    try {
      await Promise.all([a.ingest(folder("alpha")), b.ingest(folder("beta"))])
      expect((await a.report()).documents.map((d) => d.outlet).sort()).toEqual(["Alpha News", "Beta Times"])
      expect((await b.claims({ entity: "troops" })).map((c) => c.outlet).sort()).toEqual(["Alpha News", "Beta Times"])
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })
})
