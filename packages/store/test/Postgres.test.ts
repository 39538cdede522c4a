import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import pg from "pg"
import { Location, Migrations, Postgres, PostgresMigrations, Store } from "../src/index.js"
import { analyse, extracted, input } from "./fixtures.js"
import { openError, withStore } from "./open.js"
import * as PostgresServer from "./PostgresServer.js"

describe("which engine a --db value names", () => {
  it.each([
    ["postgres://desk@db.example:5432/archive", "postgres"],
    ["postgresql://desk@localhost/archive", "postgres"],
    ["POSTGRES://desk@localhost/archive", "postgres"],
    ["desk.db", "sqlite"],
    [":memory:", "sqlite"],
    ["postgres.db", "sqlite"],
    ["./postgres://not-a-url", "sqlite"],
    ["mysql://desk@localhost/archive", "sqlite"],
  ])("%s is %s", (given, engine) => {
    expect(Location.parse(given).engine).toBe(engine)
  })

  it.each([
    ["postgres://desk:secret@db.example:5432/archive", "postgres://desk:***@db.example:5432/archive"],
    ["postgres://desk@db.example/archive", "postgres://desk@db.example/archive"],
    ["desk.db", "desk.db"],
  ])("%s is shown as %s", (given, shown) => {
    expect(Location.display(given)).toBe(shown)
  })
})

describe("migrations", () => {
  it("every SQLite migration has its PostgreSQL translation, in the same order", () => {
    expect(PostgresMigrations.store.map((m) => [m.version, m.why])).toEqual(
      Migrations.all.map((m) => [m.version, m.why]),
    )
    expect(PostgresMigrations.LATEST_STORE).toBe(Migrations.LATEST)
  })
})

const server = PostgresServer.perFile()
afterAll(() => server.stop())

const withClient = async <A>(url: string, f: (c: pg.Client) => Promise<A>): Promise<A> => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await f(client)
  } finally {
    await client.end()
  }
}

/** The tables of a database and their row counts, to show a refused database was left as it was. */
const tables = (url: string) =>
  withClient(url, async (c) =>
    (
      await c.query<{ t: string }>(
        "SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename",
      )
    ).rows.map((r) => r.t),
  )

describe.skipIf(PostgresServer.skip)(
  `PostgreSQL store${PostgresServer.skip ? " (SKIPPED: no PostgreSQL)" : ""}`,
  () => {
    it("opens a store from an older migration, upgrades it and keeps its data", async () => {
      const url = await server.createDatabase()
      const { document: d, claims } = extracted("Alpha", "North Korean troop", 11000)
      const c = claims[0]
      await withClient(url, async (client) => {
        await client.query("BEGIN")
        await Postgres.migrate(client, 1)
        await client.query(
          "INSERT INTO runs (started_at, finished_at, inputs, errors) VALUES ('2025-01-01', '2025-01-01', '[]', '[]')",
        )
        await client.query(
          "INSERT INTO documents (id, content_hash, outlet, origin_path, origin_index, text, run_id) VALUES ($1, $2, $3, $4, 0, $5, 1)",
          [d.id, Store.contentHash(d), d.outlet, d.origin.path, d.text],
        )
        await client.query(
          "INSERT INTO claims (id, document_id, kind, text, subject, object, body) VALUES ($1, $2, $3, $4, $5, $6, $7)",
          [c?.id, d.id, "numeric", c?.text, c?.subject, c?.object, JSON.stringify(c)],
        )
        await client.query("COMMIT")
      })
      // A reader leaves an old store as it was, for a writer to upgrade.
      const old = await openError(url, "read")
      expect(old.reason).toBe("older-version")
      expect(old.message).toMatch(/instead found version 1, written by an older crosscheck/)
      expect(await tables(url)).toEqual([
        "alignments",
        "claims",
        "crosscheck_schema",
        "documents",
        "jobs",
        "queued_documents",
        "reextractions",
        "runs",
      ])

      const version = await Effect.runPromise(withStore(url, (s) => Effect.succeed(s.version)))
      expect(version).toBe(Migrations.LATEST)
      // The full-text index added by a later migration covers the claim stored before it.
      const found = await Effect.runPromise(withStore(url, (s) => s.claims({ entity: "North Korean" })))
      expect(found.map((x) => x.claim.id)).toEqual([c?.id])
      // The first run after the upgrade analyses the old claims too.
      const run = await Effect.runPromise(
        withStore(url, (s) => s.commit(input([extracted("Beta", "North Korean troop", 11000)]), analyse)),
      )
      expect(run.changes.map((x) => [x.kind, x.finding.summary])).toEqual([["new", "agree: North Korean troop"]])
      const both = await Effect.runPromise(withStore(url, (s) => s.claims({ entity: "north korean" }), "read"))
      expect(both.map((x) => x.outlet)).toEqual(["Alpha", "Beta"])
    })

    it("finds an entity's words in one column, never across two", async () => {
      const url = await server.createDatabase()
      // The claim's object ends in "troop" and its text starts with "Alpha": "troop Alpha" spans two columns.
      await Effect.runPromise(withStore(url, (s) => s.commit(input([extracted("Alpha", "troop", 1)]), analyse)))
      const across = await Effect.runPromise(withStore(url, (s) => s.claims({ entity: "troop Alpha" })))
      expect(across).toEqual([])
      const within = await Effect.runPromise(withStore(url, (s) => s.claims({ entity: "ALPHA reports" })))
      expect(within).toHaveLength(1)
    })

    it("an article with a NUL character is stored, the character as U+FFFD at the same offset", async () => {
      const url = await server.createDatabase()
      const a = extracted("Alpha", "troop", 11000)
      const text = `${a.document.text} Nothing\u0000more.`
      const nul = { document: { ...a.document, text }, claims: a.claims }
      await Effect.runPromise(withStore(url, (s) => s.commit(input([nul, extracted("Beta", "troop", 11000)]), analyse)))
      const stored = await Effect.runPromise(withStore(url, (s) => s.snapshot(), "read"))
      expect(stored.documents[0]?.text).toBe(text.replace("\u0000", "\ufffd"))
      expect(stored.findings.map((f) => f.verdict)).toEqual(["agree"])
    })

    it("several processes opening a new store at once migrate it once", async () => {
      const url = await server.createDatabase()
      const versions = await Promise.all(
        Array.from({ length: 4 }, () => Effect.runPromise(withStore(url, (s) => Effect.succeed(s.version)))),
      )
      expect(versions).toEqual([Migrations.LATEST, Migrations.LATEST, Migrations.LATEST, Migrations.LATEST])
      const rows = await withClient(url, (c) => c.query("SELECT component, version FROM crosscheck_schema ORDER BY 1"))
      expect(rows.rows).toEqual([
        { component: "queue", version: PostgresMigrations.LATEST_QUEUE },
        { component: "store", version: Migrations.LATEST },
      ])
    })

    it("a database of another program is refused and left as it was", async () => {
      const url = await server.createDatabase()
      await withClient(url, (c) => c.query("CREATE TABLE invoices (id integer)"))
      const error = await openError(url)
      expect(error.reason).toBe("not-sqlite")
      expect(error.message).toMatch(/^store: expected a crosscheck store, instead found a database of another program/)
      expect(await tables(url)).toEqual(["invoices"])
    })

    it("a store written by a newer crosscheck is refused and left as it was", async () => {
      const url = await server.createDatabase()
      await Effect.runPromise(withStore(url, () => Effect.void))
      await withClient(url, (c) =>
        c.query("UPDATE crosscheck_schema SET version = $1 WHERE component = 'store'", [Migrations.LATEST + 1]),
      )
      const error = await openError(url)
      expect(error.reason).toBe("newer-version")
      expect(error.message).toMatch(
        new RegExp(`instead found version ${Migrations.LATEST + 1}, written by a newer crosscheck`),
      )
    })

    it("an empty database is a new store for a writer, and no store for a reader", async () => {
      const url = await server.createDatabase()
      const error = await openError(url, "read")
      expect(error.message).toMatch(/expected a crosscheck store, instead found an empty database/)
      expect(await tables(url)).toEqual([])
    })

    it("a missing database and a server that is not there say so, without the password", async () => {
      const url = await server.createDatabase()
      const missing = await openError(url.replace(/\/[^/]+$/, "/nosuchdb"))
      expect(missing.message).toMatch(/expected the database to exist, instead found .*nosuchdb.* create it first/)
      const port = new URL(url).port
      // Nothing listens on port 1; the password must not be shown.
      const absent = await openError(url.replace(`postgres@127.0.0.1:${port}`, "desk:hunter2@127.0.0.1:1"))
      expect(absent.message).toMatch(/expected a PostgreSQL server accepting connections, instead found ECONNREFUSED/)
      expect(absent.message).toContain("desk:***@127.0.0.1:1")
      expect(absent.message).not.toContain("hunter2")
    })
  },
)
