import { type ChildProcess, spawn } from "node:child_process"
import { createHash } from "node:crypto"
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Finding } from "@crosscheck/domain"
import { describe, expect, it } from "@effect/vitest"
import Database from "better-sqlite3"
import { Effect, Schema } from "effect"
import { Migrations, Store } from "../src/index.js"
import { BACKENDS, execute, rows, tempDb, value } from "./backends.js"
import { analyse, extracted, incremental, input, ruled, threeStories } from "./fixtures.js"
import { openError, withStore } from "./open.js"

const root = new URL("../../../", import.meta.url).pathname
const writer = new URL("./writer.ts", import.meta.url).pathname
/** One node process per writer (no tsx wrapper), so SIGKILL kills the writer itself. */
const write = (path: string, name: string, runs: number, go?: string) =>
  spawn(process.execPath, ["--import", "tsx", writer, path, name, String(runs), ...(go ? [go] : [])], {
    cwd: root,
    stdio: "pipe",
  })

/**
 * Resolves once the writer has opened the store and waits for its go-file; rejects with its stderr when
 * it exits first (a writer that cannot open the store would otherwise leave the test waiting forever).
 */
const ready = (child: ChildProcess) =>
  new Promise<void>((resolve, reject) => {
    let out = ""
    let err = ""
    child.stdout?.on("data", (d) => {
      out += d
      if (out.includes("ready")) resolve()
    })
    child.stderr?.on("data", (d) => {
      err += d
    })
    child.on("exit", (code) => reject(new Error(`writer exited (${code}) before it was ready: ${err}`)))
  })

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex")

describe.each(BACKENDS)("runs ($name)", ({ fresh }) => {
  it.effect("stores the same documents twice only once, and the second run changes nothing", () =>
    Effect.gen(function* () {
      const path = yield* fresh()
      const batch = [extracted("Alpha", "troop", 11000), extracted("Beta", "troop", 11000)]
      const first = yield* withStore(path, (s) => s.commit(input(batch), analyse))
      const second = yield* withStore(path, (s) => s.commit(input(batch), analyse))
      expect(first.run.documentsAdded).toBe(2)
      expect(first.run.claimsAdded).toBe(2)
      expect(first.changes.map((c) => c.kind)).toEqual(["new"])
      expect(second.run.documentsAdded).toBe(0)
      expect(second.run.claimsAdded).toBe(0)
      expect(second.changes).toEqual([])
      expect(second.inputDocumentIds).toEqual(first.inputDocumentIds)
      expect(second.findings).toEqual(first.findings)
      const snapshot = yield* withStore(path, (s) => s.snapshot())
      expect(snapshot.documents).toHaveLength(2)
      expect(snapshot.claims).toHaveLength(2)
    }),
  )

  it.effect("gives back from a run exactly what it gives back from the store afterwards", () =>
    Effect.gen(function* () {
      const path = yield* fresh()
      yield* withStore(path, (s) => s.commit(input([extracted("Alpha", "troop", 1)]), analyse))
      const odd = extracted("Beta", "troop", Number.POSITIVE_INFINITY)
      const surrogate = extracted("Gamma", "shell \ud800", 2)
      const run = yield* withStore(path, (s) =>
        s.commit(input([odd, surrogate, extracted("Alpha", "troop", 1), extracted("Delta", "shell", 2)]), analyse),
      )
      const stored = yield* withStore(path, (s) => s.snapshot())
      expect(run.documents.map((d) => d.outlet)).toEqual(["Alpha", "Beta", "Gamma", "Delta"])
      // Byte for byte: JSON turns Infinity into null, and SQLite cannot keep a lone surrogate.
      expect(JSON.stringify(run.documents)).toBe(JSON.stringify(stored.documents))
      expect(JSON.stringify(run.claims)).toBe(JSON.stringify(stored.claims))
      expect(run.claims).toStrictEqual(stored.claims)
      expect(run.claims[1]?.quantities[0]?.low).toBeNull()
    }),
  )

  it.effect("keys documents by outlet and text, whatever path they come from", () =>
    Effect.gen(function* () {
      const path = yield* fresh()
      const a = extracted("Alpha", "troop", 1)
      const moved = { ...a, document: { ...a.document, id: "d-other" as never, origin: { path: "x/y.md", index: 3 } } }
      yield* withStore(path, (s) => s.commit(input([a]), analyse))
      const again = yield* withStore(path, (s) => s.commit(input([moved]), analyse))
      expect(again.run.documentsAdded).toBe(0)
      expect(again.inputDocumentIds).toEqual([a.document.id])
    }),
  )

  it.effect("reports exactly the findings a later document causes: new, and verdicts it changes", () =>
    Effect.gen(function* () {
      const path = yield* fresh()
      yield* withStore(path, (s) =>
        s.commit(input([extracted("Alpha", "troop", 11000), extracted("Beta", "troop", 11000)]), analyse),
      )
      const shells = yield* withStore(path, (s) =>
        s.commit(input([extracted("Gamma", "shell", 5000), extracted("Delta", "shell", 5000)]), analyse),
      )
      expect(shells.changes.map((c) => [c.kind, c.finding.summary])).toEqual([["new", "agree: shell"]])
      const later = yield* withStore(path, (s) => s.commit(input([extracted("Epsilon", "troop", 3000)]), analyse))
      expect(later.changes.map((c) => [c.kind, c.finding.summary, c.previous?.verdict])).toEqual([
        ["verdict-changed", "contradict: troop", "agree"],
      ])
      expect(later.findings.map((f) => f.summary)).toEqual(["agree: shell", "contradict: troop"])
    }),
  )

  it.effect("gives findings by id, a replaced one as it was stored, in the order asked, unknown ids left out", () =>
    Effect.gen(function* () {
      const path = yield* fresh()
      const first = yield* withStore(path, (s) =>
        s.commit(input([extracted("Alpha", "troop", 11000), extracted("Beta", "troop", 11000)]), analyse),
      )
      const later = yield* withStore(path, (s) => s.commit(input([extracted("Epsilon", "troop", 3000)]), analyse))
      const [replaced] = first.findings
      const [current] = later.findings
      expect(replaced && current && replaced.id !== current.id).toBe(true)
      const found = yield* withStore(path, (s) => s.findings([current?.id ?? "", "f-unknown", replaced?.id ?? ""]))
      expect(found.map((f) => [f.summary, f.verdict])).toEqual([
        ["contradict: troop", "contradict"],
        ["agree: troop", "agree"],
      ])
      expect(found[1]).toEqual(replaced)
    }),
  )

  it.effect("reports since a date only what was new or changed since then", () =>
    Effect.gen(function* () {
      const path = yield* fresh()
      yield* withStore(path, (s) =>
        s.commit(input([extracted("Alpha", "troop", 1), extracted("Beta", "troop", 1)]), analyse),
      )
      const cut = new Date().toISOString()
      yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 5)))
      yield* withStore(path, (s) =>
        s.commit(input([extracted("Gamma", "shell", 2), extracted("Delta", "shell", 2)]), analyse),
      )
      const since = yield* withStore(path, (s) => s.snapshot({ since: cut }))
      expect(since.findings.map((f) => f.summary)).toEqual(["agree: shell"])
      expect(since.documents.map((d) => d.outlet)).toEqual(["Gamma", "Delta"])
      const all = yield* withStore(path, (s) => s.snapshot())
      expect(all.findings).toHaveLength(2)
    }),
  )

  it.effect("a snapshot carries its runs' input errors: since a run, those after it; else those still standing", () =>
    Effect.gen(function* () {
      const path = yield* fresh()
      const unreadable = { path: "empty.md", message: "sources: expected text, instead found an empty file" }
      const gamma = { path: "Gamma.md", message: "extractor: expected claims, instead extraction failed" }
      const cut = { path: "Alpha.md", message: "budget: claims past the cap were dropped", dropped: 3 }
      const first = yield* withStore(path, (s) =>
        s.commit({ ...input([extracted("Alpha", "troop", 1)]), errors: [unreadable, gamma, cut] }, analyse),
      )
      // Gamma is read and stored by the next run; the empty file fails again, listed once.
      yield* withStore(path, (s) =>
        s.commit({ ...input([extracted("Gamma", "shell", 2)]), errors: [unreadable] }, analyse),
      )
      const all = yield* withStore(path, (s) => s.snapshot())
      expect(all.errors).toEqual([unreadable, cut])
      const after = yield* withStore(path, (s) => s.snapshot({ since: first.run.id }))
      expect(after.errors).toEqual([unreadable])
      const both = yield* withStore(path, (s) => s.snapshot({ since: first.run.id - 1, claims: "cited" }))
      expect(both.errors).toEqual([unreadable, gamma, cut])
    }),
  )

  it.effect("a document extracted again has its claims replaced and is no longer stale", () =>
    Effect.gen(function* () {
      const path = yield* fresh()
      const alpha = extracted("Alpha", "troop", 11000)
      const beta = extracted("Beta", "troop", 11000)
      yield* withStore(path, (s) => s.commit({ ...input([alpha, beta]), extractorVersion: "v0" }, analyse))
      const stale = yield* withStore(path, (s) => s.stale("v1"))
      expect(stale.map((d) => d.outlet)).toEqual(["Alpha", "Beta"])
      // The newer extractor reads another figure in Alpha's text: the finding turns to a contradiction.
      const [first] = alpha.claims
      if (!first) throw new Error("expected a claim")
      const again = { ...first, quantities: first.quantities.map((q) => ({ ...q, low: 12000, high: 12000 })) }
      const run = yield* withStore(path, (s) =>
        s.commit(
          {
            ...input([]),
            extractorVersion: "v1",
            reextracted: [
              { document: { ...alpha.document, storyId: stale[0]?.storyId }, claims: [again] },
              { document: { ...beta.document, storyId: stale[1]?.storyId }, claims: beta.claims },
            ],
          },
          analyse,
        ),
      )
      expect(run.run.claimsAdded).toBe(0)
      expect(run.findings.map((f) => f.verdict)).toEqual(["contradict"])
      expect((yield* withStore(path, (s) => s.stale("v1"))).length).toBe(0)
      const claims = yield* withStore(path, (s) => s.claims({ outlet: "alpha" }))
      expect(claims.map((c) => c.claim.quantities[0]?.low)).toEqual([12000])
    }),
  )

  it.effect("finds stale documents of an older, newer or unknown extractor version, and only those", () =>
    Effect.gen(function* () {
      const path = yield* fresh()
      yield* withStore(path, (s) =>
        s.commit({ ...input([extracted("Alpha", "troop", 1)]), extractorVersion: "v1" }, analyse),
      )
      yield* withStore(path, (s) =>
        s.commit({ ...input([extracted("Beta", "troop", 1)]), extractorVersion: "v2" }, analyse),
      )
      yield* withStore(path, (s) =>
        s.commit({ ...input([extracted("Gamma", "troop", 1)]), extractorVersion: "v3" }, analyse),
      )
      yield* withStore(path, (s) => s.commit(input([extracted("Delta", "troop", 1)]), analyse))
      const stale = yield* withStore(path, (s) => s.stale("v2"))
      expect(stale.map((d) => d.outlet)).toEqual(["Alpha", "Gamma", "Delta"])
      // A reader counts them without reading them, to say the store is not current.
      const versions = yield* withStore(path, (s) => s.versions("v2"))
      expect([versions.documents, versions.staleDocuments]).toEqual([4, 3])
      expect((yield* withStore(path, (s) => s.versions("v9"))).staleDocuments).toBe(4)
    }),
  )

  it.effect(
    "lists a run stored in parts once, from its first part's start to its last part's end, with all they added",
    () =>
      Effect.gen(function* () {
        const path = yield* fresh()
        const before = yield* withStore(path, (s) => s.commit(input([extracted("Alpha", "troop", 1)]), analyse))
        const first = yield* withStore(path, (s) => s.commit(input([extracted("Beta", "troop", 1)], ["big"]), analyse))
        const second = yield* withStore(path, (s) =>
          s.commit(
            {
              ...input([extracted("Gamma", "shell", 2), extracted("Delta", "shell", 3)], ["big"]),
              partOf: first.run.id,
            },
            analyse,
          ),
        )
        const runs = yield* withStore(path, (s) => s.runs())
        expect(runs.map((r) => [r.id, r.documentsAdded, r.parts ?? 1])).toEqual([
          [before.run.id, 1, 1],
          [first.run.id, 3, 2],
        ])
        expect(runs[1]?.startedAt).toBe(first.run.startedAt)
        expect(runs[1]?.finishedAt).toBe(second.run.finishedAt)
        // What changed since the run is what came after all its parts: nothing yet.
        const since = yield* withStore(path, (s) => s.snapshot({ since: first.run.id }))
        expect(since.documents).toEqual([])
        const sinceBefore = yield* withStore(path, (s) => s.snapshot({ since: before.run.id }))
        // Since the run before: both parts, each story they touched whole (Beta's troop story holds Alpha).
        expect(sinceBefore.documents.map((d) => d.outlet).sort()).toEqual(["Alpha", "Beta", "Delta", "Gamma"])
      }),
  )

  it.effect("keeps each finding's rule and timeline, and gives them back from the store", () =>
    Effect.gen(function* () {
      const path = yield* fresh()
      const run = yield* withStore(path, (s) =>
        s.commit(input([extracted("Alpha", "troop", 11000), extracted("Beta", "troop", 12000)]), ruled("first")),
      )
      const [troops] = run.findings
      expect(troops?.timeline?.map((e) => [e.time, e.written])).toEqual([
        ["2025-03-01", "weeks later"],
        [null, undefined],
      ])
      expect(troops?.timeline?.map((e) => e.value).sort()).toEqual(["11000", "12000"])
      const stored = yield* withStore(path, (s) => s.snapshot())
      expect(stored.findings).toStrictEqual(run.findings)
      expect(yield* withStore(path, (s) => s.findings([troops?.id ?? ""]))).toStrictEqual(run.findings)
      const since = yield* withStore(path, (s) => s.snapshot({ since: run.run.id - 1, claims: "cited" }))
      expect(since.findings).toStrictEqual(run.findings)
      // A later analysis that decides the same finding by another rule replaces the stored one.
      const later = yield* withStore(path, (s) =>
        s.commit(input([extracted("Gamma", "shell", 5), extracted("Delta", "shell", 5)]), ruled("second")),
      )
      const again = yield* withStore(path, (s) => s.snapshot())
      expect(again.findings.map((f) => [f.verdict, f.rule, f.timeline?.length])).toEqual([
        ["agree", "second", undefined],
        ["contradict", "second", 2],
      ])
      expect(again.findings).toStrictEqual(later.findings)
    }),
  )

  it.effect("keeps the rules of the findings of stories a batch did not touch, and writes those it analysed", () =>
    Effect.gen(function* () {
      const path = yield* fresh()
      yield* withStore(path, (s) =>
        s.commit(
          input(threeStories.slice(0, 4)),
          incremental("v", () => {}, ruled("old")),
        ),
      )
      const next = yield* withStore(path, (s) =>
        s.commit(
          input(threeStories.slice(4)),
          incremental("v", () => {}, ruled("new")),
        ),
      )
      expect(next.scope).toBe("touched")
      const stored = yield* withStore(path, (s) => s.snapshot())
      expect(stored.findings.map((f) => [f.summary, f.rule, f.timeline?.length]).sort()).toEqual([
        ["agree: troop alpha", "old", undefined],
        ["contradict: shell", "new", 2],
        ["contradict: troop beta", "old", 2],
      ])
      const byId = new Map(stored.findings.map((f) => [f.id as string, f]))
      for (const f of next.findings) expect(byId.get(f.id)).toStrictEqual(f)
    }),
  )

  it.effect("reads a finding stored without a rule or timeline (as before migration 10) as one without them", () =>
    Effect.gen(function* () {
      const path = yield* fresh()
      yield* withStore(path, (s) =>
        s.commit(input([extracted("Alpha", "troop", 1), extracted("Beta", "troop", 2)]), ruled("first")),
      )
      yield* Effect.promise(() => execute(path, "UPDATE findings SET rule = NULL, timeline = NULL"))
      const [finding, ...rest] = (yield* withStore(path, (s) => s.snapshot())).findings
      expect(rest).toEqual([])
      expect(finding?.verdict).toBe("contradict")
      expect(finding && Object.keys(finding)).not.toContain("rule")
      expect(finding && Object.keys(finding)).not.toContain("timeline")
      expect(Schema.decodeUnknownSync(Finding.Finding)(finding)).toEqual(finding)
    }),
  )

  it.effect("finds claims by entity (whole words, any case) and by outlet", () =>
    Effect.gen(function* () {
      const path = yield* fresh()
      yield* withStore(path, (s) =>
        s.commit(input([extracted("Alpha", "North Korean troop", 1), extracted("Beta", "shell", 2)]), analyse),
      )
      const found = yield* withStore(path, (s) => s.claims({ entity: "north korean" }))
      expect(found.map((c) => c.outlet)).toEqual(["Alpha"])
      expect((yield* withStore(path, (s) => s.claims({ entity: "Kor" }))).length).toBe(0)
      expect((yield* withStore(path, (s) => s.claims({ outlet: "beta" }))).map((c) => c.claim.text)).toEqual([
        "Beta reports 2 shell.",
      ])
      expect((yield* withStore(path, (s) => s.claims({ entity: '"*' }))).length).toBe(0)
    }),
  )
})

describe("diff", () => {
  const f = (id: string, verdict: "agree" | "contradict", ...claimIds: string[]) =>
    ({ id, verdict, claimIds, independentSources: 2, summary: id, explanation: "" }) as never
  it.each([
    ["new", [], [f("f1", "agree", "a", "b")], [["new", "f1", null]]],
    ["unchanged", [f("f1", "agree", "a", "b")], [f("f1", "agree", "a", "b")], []],
    ["grown", [f("f1", "agree", "a", "b")], [f("f2", "agree", "a", "b", "c")], [["grown", "f2", "agree"]]],
    [
      "verdict changed",
      [f("f1", "agree", "a", "b")],
      [f("f2", "contradict", "a", "b", "c")],
      [["verdict-changed", "f2", "agree"]],
    ],
    ["gone", [f("f1", "agree", "a", "b")], [], [["gone", "f1", "agree"]]],
  ])("%s", (_, previous, next, expected) => {
    expect(Store.diff(previous, next).map((c) => [c.kind, c.finding.id, c.previous?.verdict ?? null])).toEqual(expected)
  })
})

describe("migrations", () => {
  it.effect("opens a store from an older migration, upgrades it and keeps its data", () =>
    Effect.gen(function* () {
      const path = tempDb()
      const old = new Database(path)
      Migrations.migrate(old, 1)
      old
        .prepare(
          "INSERT INTO runs (started_at, finished_at, inputs, errors) VALUES ('2025-01-01', '2025-01-01', '[]', '[]')",
        )
        .run()
      const { document: d, claims } = extracted("Alpha", "North Korean troop", 11000)
      old
        .prepare(
          "INSERT INTO documents (id, content_hash, outlet, origin_path, origin_index, text, run_id) VALUES (?, ?, ?, ?, 0, ?, 1)",
        )
        .run(d.id, Store.contentHash(d), d.outlet, d.origin.path, d.text)
      const c = claims[0]
      old
        .prepare("INSERT INTO claims (id, document_id, kind, text, subject, object, body) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .run(c?.id, d.id, "numeric", c?.text, c?.subject, c?.object, JSON.stringify(c))
      expect(Migrations.versionOf(old)).toBe(1)
      old.close()

      const version = yield* withStore(path, (s) => Effect.succeed(s.version))
      expect(version).toBe(Migrations.LATEST)
      // The full-text index added by a later migration covers the claim stored before it.
      const found = yield* withStore(path, (s) => s.claims({ entity: "North Korean" }))
      expect(found.map((x) => x.claim.id)).toEqual([c?.id])
      // The first run after the upgrade analyses the old claims too.
      const run = yield* withStore(path, (s) =>
        s.commit(input([extracted("Beta", "North Korean troop", 11000)]), analyse),
      )
      expect(run.changes.map((x) => [x.kind, x.finding.summary])).toEqual([["new", "agree: North Korean troop"]])
      // And its claims are indexed too, by the run itself now that no trigger does it.
      const both = yield* withStore(path, (s) => s.claims({ entity: "north korean" }))
      expect(both.map((x) => x.outlet)).toEqual(["Alpha", "Beta"])
    }),
  )

  it.effect(
    "a store from before findings kept their rule reads its findings without one, and is analysed whole once",
    () =>
      Effect.gen(function* () {
        const path = tempDb()
        yield* withStore(path, (s) => s.commit(input(threeStories.slice(0, 4)), incremental()))
        // Back to what migration 9 left: no rule or timeline columns.
        yield* Effect.promise(() =>
          execute(
            path,
            "ALTER TABLE findings DROP COLUMN rule; ALTER TABLE findings DROP COLUMN timeline; ALTER TABLE findings DROP COLUMN sides; PRAGMA user_version = 9;",
          ),
        )
        const before = yield* withStore(path, (s) => s.snapshot())
        expect(before.findings.map((f) => [f.verdict, "rule" in f, "timeline" in f])).toEqual([
          ["agree", false, false],
          ["contradict", false, false],
        ])
        expect(yield* Effect.promise(() => value(path, "PRAGMA user_version"))).toBe(Migrations.LATEST)
        // The next batch re-analyses the whole store, so the findings stored before are written with their rules.
        const next = yield* withStore(path, (s) => s.commit(input(threeStories.slice(4)), incremental()))
        expect(next.scope).toBe("all")
      }),
  )

  it.effect(
    "a store from before findings kept their sides reads its contradiction without them, and is analysed whole once, which writes them",
    () =>
      Effect.gen(function* () {
        const path = tempDb()
        const judge = incremental("test-1", () => {}, ruled("r"))
        yield* withStore(path, (s) => s.commit(input(threeStories.slice(0, 4)), judge))
        const sided = yield* withStore(path, (s) => s.snapshot())
        const conflict = sided.findings.find((f) => f.verdict === "contradict")
        expect(conflict?.sides?.length).toBe(2)
        // Back to what migration 10 left: no sides column.
        yield* Effect.promise(() => execute(path, "ALTER TABLE findings DROP COLUMN sides; PRAGMA user_version = 10;"))
        const before = yield* withStore(path, (s) => s.snapshot())
        expect(before.findings.map((f) => [f.verdict, "sides" in f])).toEqual([
          ["agree", false],
          ["contradict", false],
        ])
        const next = yield* withStore(path, (s) => s.commit(input(threeStories.slice(4)), judge))
        expect(next.scope).toBe("all")
        const after = yield* withStore(path, (s) => s.snapshot())
        expect(after.findings.find((f) => f.id === conflict?.id)?.sides).toEqual(conflict?.sides)
      }),
  )

  it.effect(
    "a store whose story state has no postings (before migration 9) is analysed whole once, which files them",
    () =>
      Effect.gen(function* () {
        const path = tempDb()
        yield* withStore(path, (s) => s.commit(input(threeStories.slice(0, 3)), incremental()))
        // Back to what migration 8 left: a story state, no postings, no index of extractor versions.
        yield* Effect.promise(() =>
          execute(
            path,
            `DROP TABLE story_postings; DROP INDEX documents_extractor_version;
        ALTER TABLE runs DROP COLUMN part_of; ALTER TABLE findings DROP COLUMN rule;
        ALTER TABLE findings DROP COLUMN timeline; ALTER TABLE findings DROP COLUMN sides; PRAGMA user_version = 8;`,
          ),
        )
        const whole = yield* withStore(path, (s) => s.commit(input(threeStories.slice(3, 4)), incremental()))
        expect(whole.scope).toBe("all")
        const filed = yield* Effect.promise(() => rows(path, "SELECT key, story_id FROM story_postings ORDER BY key"))
        expect(filed).toEqual([
          { key: "thing:troop alpha", story_id: "st-troop alpha" },
          { key: "thing:troop beta", story_id: "st-troop beta" },
        ])
        const next = yield* withStore(path, (s) => s.commit(input(threeStories.slice(4)), incremental()))
        expect(next.scope).toBe("touched")
        // Stale documents are found through the index, not by reading every document.
        const plan = yield* Effect.promise(() =>
          rows(
            path,
            "EXPLAIN QUERY PLAN SELECT * FROM documents WHERE extractor_version IS NULL OR extractor_version < 'v' OR extractor_version > 'v'",
          ),
        )
        expect(plan.map((r) => String(r.detail)).join(" ")).toContain("documents_extractor_version")
      }),
  )
})

describe("a store that cannot be used is refused, clearly and without damage", () => {
  it("a file that is not SQLite", async () => {
    const path = tempDb()
    writeFileSync(path, "reporter's notes, not a database\n".repeat(200))
    const before = sha(path)
    const error = await openError(path)
    expect(error.reason).toBe("not-sqlite")
    expect(error.message).toMatch(
      /^store: expected a crosscheck store \(a SQLite database\), instead found some other file/,
    )
    expect(sha(path)).toBe(before)
    expect(existsSync(`${path}-wal`)).toBe(false)
  })

  it("a SQLite database of another program", async () => {
    const path = tempDb()
    const other = new Database(path)
    other.exec("CREATE TABLE invoices (id INTEGER)")
    other.close()
    const before = sha(path)
    const error = await openError(path)
    expect(error.reason).toBe("not-sqlite")
    expect(error.message).toMatch(/SQLite database of another program/)
    expect(sha(path)).toBe(before)
  })

  it("a store written by a newer crosscheck", async () => {
    const path = tempDb()
    const newer = new Database(path)
    Migrations.migrate(newer)
    newer.pragma(`user_version = ${Migrations.LATEST + 1}`)
    newer.close()
    const before = sha(path)
    const error = await openError(path)
    expect(error.reason).toBe("newer-version")
    expect(error.message).toMatch(
      new RegExp(
        `expected a store of version ${Migrations.LATEST} or older, instead found version ${Migrations.LATEST + 1}`,
      ),
    )
    expect(sha(path)).toBe(before)
    expect(existsSync(`${path}-wal`)).toBe(false)
  })

  it("a store from an older crosscheck, opened only to read: left as it was for a writer to upgrade", async () => {
    const path = tempDb()
    const old = new Database(path)
    Migrations.migrate(old, 2)
    old.close()
    const before = sha(path)
    const error = await openError(path, "read")
    expect(error.reason).toBe("older-version")
    expect(error.message).toMatch(/run `crosscheck run --db` on it once to upgrade it/)
    expect(sha(path)).toBe(before)
    const version = await Effect.runPromise(withStore(path, (s) => Effect.succeed(s.version)))
    expect(version).toBe(Migrations.LATEST)
  })

  it("a read-only store file: refused for writing, still readable", async () => {
    const path = tempDb()
    await Effect.runPromise(withStore(path, (s) => s.commit(input([extracted("Alpha", "troop", 1)]), analyse)))
    chmodSync(path, 0o444)
    const before = sha(path)
    const error = await openError(path)
    expect(error.reason).toBe("read-only")
    expect(error.message).toMatch(/read-only/)
    expect(sha(path)).toBe(before)
    const claims = await Effect.runPromise(withStore(path, (s) => s.claims(), "read"))
    expect(claims).toHaveLength(1)
    expect(sha(path)).toBe(before)
  })

  it("a read-only folder, and a place nothing can be created", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crosscheck-store-"))
    const locked = join(dir, "locked")
    mkdirSync(locked)
    chmodSync(locked, 0o555)
    expect((await openError(join(locked, "store.db"))).reason).toBe("read-only")
    expect(existsSync(join(locked, "store.db"))).toBe(false)
    expect((await openError("/proc/crosscheck/store.db")).reason).toBe("read-only")
  })

  it("a missing store, when only reading", async () => {
    const error = await openError(tempDb(), "read")
    expect(error.message).toMatch(/expected a crosscheck store, instead found no file/)
  })
})

const finished = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    let stderr = ""
    child.stderr?.on("data", (d) => {
      stderr += d
    })
    child.on("exit", (code, signal) => resolve({ code, signal, stderr }))
  })

describe.each(BACKENDS)("processes ($name)", ({ name, fresh }) => {
  it("two processes writing one store at once both finish, nothing lost, never 'database is locked'", async () => {
    const path = await Effect.runPromise(fresh())
    const runs = 120
    // Both writers open the store first and start on one signal: on a loaded machine one could
    // otherwise finish before the other has even started, and nothing would be concurrent.
    const go = `${tempDb()}.go`
    const writers = ["A", "B"].map((name) => write(path, name, runs, go))
    const done = writers.map(finished)
    await Promise.all(writers.map(ready))
    writeFileSync(go, "")
    const [a, b] = await Promise.all(done)
    expect(a?.stderr).toBe("")
    expect(b?.stderr).toBe("")
    expect([a?.code, b?.code]).toEqual([0, 0])
    const byWriter = (await rows(
      path,
      "SELECT inputs, CAST(count(*) AS INTEGER) AS n, min(id) AS first, max(id) AS last FROM runs GROUP BY inputs ORDER BY inputs",
    )) as Array<{ inputs: string; n: number; first: number; last: number }>
    expect(byWriter.map((r) => [r.inputs, r.n])).toEqual([
      ['["A"]', runs],
      ['["B"]', runs],
    ])
    // The writers' runs interleave, so they really did write at the same time.
    const [ra, rb] = byWriter
    expect((ra?.first ?? 0) < (rb?.last ?? 0) && (rb?.first ?? 0) < (ra?.last ?? 0)).toBe(true)
    expect(await value(path, "SELECT CAST(count(*) AS INTEGER) FROM documents")).toBe(2 * runs)
    expect(await value(path, "SELECT CAST(count(*) AS INTEGER) FROM claims")).toBe(2 * runs)
    // Every shared thing was written by both, and its finding saw both claims.
    expect(await value(path, "SELECT CAST(count(*) AS INTEGER) FROM findings WHERE current = 1")).toBe(runs / 2)
  }, 180_000)

  it("four processes creating one new store at the same moment all open it and write", async () => {
    for (let round = 0; round < 3; round++) {
      const path = await Effect.runPromise(fresh())
      const exits = await Promise.all(["P", "Q", "R", "S"].map((name) => finished(write(path, name, 1))))
      expect(exits.map((e) => e.stderr)).toEqual(["", "", "", ""])
      expect(exits.map((e) => e.code)).toEqual([0, 0, 0, 0])
      expect(await value(path, "SELECT CAST(count(*) AS INTEGER) FROM runs")).toBe(4)
    }
  }, 180_000)

  it("a writer killed mid-way leaves only whole runs, and a rerun completes the store", async () => {
    const path = await Effect.runPromise(fresh())
    const child = write(path, "K", 100_000)
    // Wait until it has committed some runs, then kill it without warning.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        value(path, "SELECT CAST(count(*) AS INTEGER) FROM runs").then(
          (n) => {
            if (Number(n) >= 20) {
              clearInterval(poll)
              resolve()
            }
          },
          () => {},
        )
      }, 100)
    })
    child.kill("SIGKILL")
    const exit = await finished(child)
    expect(exit.signal).toBe("SIGKILL")
    if (name === "SQLite") {
      const db = new Database(path)
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok")
      db.close()
    }
    const half = await value(
      path,
      "SELECT CAST(count(*) AS INTEGER) FROM runs r WHERE r.documents_added <> (SELECT count(*) FROM documents d WHERE d.run_id = r.id)",
    )
    expect(half).toBe(0)
    const runs = (await value(path, "SELECT CAST(count(*) AS INTEGER) FROM runs")) as number
    expect(await value(path, "SELECT CAST(count(*) AS INTEGER) FROM documents")).toBe(runs)
    // Rerunning the same input adds only what the killed run did not commit.
    const again = await finished(write(path, "K", runs + 5))
    expect(again.code).toBe(0)
    expect(await value(path, "SELECT CAST(count(*) AS INTEGER) FROM documents")).toBe(runs + 5)
    expect(await value(path, "SELECT CAST(count(DISTINCT content_hash) AS INTEGER) FROM documents")).toBe(runs + 5)
  }, 180_000)
})
