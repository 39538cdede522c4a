import { join } from "node:path"
import { Extractor } from "@crosscheck/extractor"
import { describe, expect, it, layer } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { Ingest, Pipeline } from "../src/index.js"
import { folder, tempDb } from "./articles.js"

/** Runs `ingest` against its own store, opened for this call only, with the shared extractor. */
const into = (db: string, paths: ReadonlyArray<string>) =>
  Ingest.paths(paths).pipe(Effect.provide(Ingest.storeLayer({ db })))

const sameContent = (r: {
  documents: ReadonlyArray<unknown>
  claims: ReadonlyArray<unknown>
  findings: ReadonlyArray<unknown>
}) => ({
  documents: r.documents,
  claims: r.claims,
  findings: r.findings,
})

layer(Pipeline.layer())("ingesting into a store", (it) => {
  it.effect("the same folder twice adds nothing the second time", () =>
    Effect.gen(function* () {
      const db = tempDb()
      const dir = folder("alpha", "beta", "gamma")
      const first = yield* into(db, [dir])
      const second = yield* into(db, [dir])
      expect(first.documentsAdded).toBe(3)
      expect(first.claimsAdded).toBeGreaterThan(0)
      expect(second.documentsAdded).toBe(0)
      expect(second.claimsAdded).toBe(0)
      expect(second.documentsSkipped).toBe(3)
      expect(second.changes).toEqual([])
      expect(sameContent(second.report)).toEqual(sameContent(first.report))
    }),
  )

  it.effect("a later article yields exactly the findings it causes", () =>
    Effect.gen(function* () {
      const db = tempDb()
      const first = yield* into(db, [folder("alpha", "beta")])
      expect(first.report.findings.map((f) => f.verdict)).toEqual(["agree"])
      expect(first.report.findings[0]?.summary).toMatch(/troop.*(Alpha News.*Beta Times|Beta Times.*Alpha News)/)

      // Gamma's shells meet Alpha's two days later, neither dated in its text: the figure changed (a timeline,
      // not a contradiction); one new finding, and the troop finding is untouched.
      const gamma = yield* into(db, [folder("gamma")])
      expect(gamma.documentsAdded).toBe(1)
      expect(gamma.changes.map((c) => [c.kind, c.finding.verdict])).toEqual([["new", "changed"]])
      expect(gamma.changes[0]?.finding.timeline?.map((e) => [e.outlet, e.value, e.time, e.defaulted])).toEqual([
        ["Alpha News", "5,000", "2025-08-10", true],
        ["Gamma Wire", "20,000", "2025-08-12", true],
      ])
      expect(gamma.changes[0]?.finding.summary).toMatch(/shell.*(Alpha News.*Gamma Wire|Gamma Wire.*Alpha News)/)
      expect(gamma.report.findings).toHaveLength(2)

      // Delta's troop count, a day later, moves the figure: the two that gave 11,000 on two days still agree
      // (held-figure), so that finding is untouched and the change is one new finding.
      const delta = yield* into(db, [folder("delta")])
      expect(delta.changes.map((c) => [c.kind, c.previous?.verdict, c.finding.verdict])).toEqual([
        ["new", undefined, "changed"],
      ])
      const troops = delta.changes[0]?.finding
      expect(troops?.claimIds).toHaveLength(3)
    }),
  )

  it.effect("checking articles as they arrive gives the same picture as checking them all at once", () =>
    Effect.gen(function* () {
      const db = tempDb()
      yield* into(db, [folder("beta", "delta")])
      yield* into(db, [folder("alpha")])
      const incremental = yield* into(db, [folder("gamma")])
      const batch = yield* Pipeline.run([folder("alpha", "beta", "gamma", "delta")])
      const verdicts = (r: typeof batch) => r.findings.map((f) => `${f.verdict} ${f.claimIds.length}`).sort()
      expect(verdicts(incremental.report)).toEqual(verdicts(batch))
      expect(incremental.report.claims.length).toBe(batch.claims.length)
    }),
  )

  it.effect("writes the report of what is stored, whole or since a date (the stories changed since, whole)", () =>
    Effect.gen(function* () {
      const db = tempDb()
      yield* into(db, [folder("alpha", "beta")])
      const cut = new Date().toISOString()
      yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 5)))
      yield* into(db, [folder("gamma")])
      const whole = yield* Ingest.report().pipe(Effect.provide(Ingest.storeLayer({ db, access: "read" })))
      const since = yield* Ingest.report({ since: cut }).pipe(Effect.provide(Ingest.storeLayer({ db, access: "read" })))
      expect(whole.documents).toHaveLength(3)
      expect(whole.findings).toHaveLength(2)
      // Gamma joined the one story: it is reported whole, its unchanged agreement beside the changed figure.
      expect(since.stories).toHaveLength(1)
      expect(since.findings.map((f) => f.verdict).sort()).toEqual(["agree", "changed"])
      expect(since.findings.every((f) => f.storyId === since.stories?.[0]?.id)).toBe(true)
      expect(since.documents.map((d) => d.outlet)).toEqual(whole.documents.map((d) => d.outlet))
      // Only what the findings cite, in both.
      for (const r of [whole, since])
        expect(new Set(r.claims.map((c) => c.id))).toEqual(new Set(r.findings.flatMap((f) => f.claimIds)))
    }),
  )
})

describe("ingesting when a document cannot be extracted", () => {
  it.effect("lists it among the errors, stores the others, and tries it again next run", () =>
    Effect.gen(function* () {
      const db = tempDb()
      const dir = folder("alpha", "beta", "gamma")
      const standard = yield* Effect.provide(Extractor.Extractor, Pipeline.layer())
      const failing = Layer.succeed(Extractor.Extractor, {
        extract: (d) => {
          if (d.outlet === "Gamma Wire") throw new Error("out of stack")
          return standard.extract(d)
        },
      })
      const first = yield* into(db, [dir]).pipe(Effect.provide(failing))
      expect(first.documentsAdded).toBe(2)
      expect(first.report.documents.map((d) => d.outlet)).toEqual(["Alpha News", "Beta Times"])
      expect(first.report.errors).toEqual([
        {
          path: join(dir, "gamma.md"),
          message: `extractor: expected claims from the article, instead extraction failed: out of stack (${join(dir, "gamma.md")}#0)`,
        },
      ])
      const second = yield* into(db, [dir]).pipe(Effect.provide(Pipeline.layer()))
      expect(second.documentsAdded).toBe(1)
      expect(second.report.errors).toEqual([])
    }),
  )
})
