import { Extractor } from "@crosscheck/extractor"
import { Store } from "@crosscheck/store"
import { expect, layer } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { Ingest, Pipeline } from "../src/index.js"
import { folder, tempDb } from "./articles.js"

/** What a store holds of claims and current findings, comparable across stores, and what is stale in it. */
const content = (db: string) =>
  Effect.gen(function* () {
    const store = yield* Store.Store
    const snapshot = yield* store.snapshot()
    const byId = <A extends { readonly id: string }>(xs: ReadonlyArray<A>) =>
      [...xs].sort((a, b) => (a.id < b.id ? -1 : 1))
    return {
      claims: byId(snapshot.claims),
      findings: byId(snapshot.findings).map((f) => ({ id: f.id, verdict: f.verdict, claims: f.claimIds })),
      staleNow: (yield* store.stale(Extractor.VERSION)).length,
      staleBefore: (yield* store.stale("extractor-0")).length,
    }
  }).pipe(Effect.provide(Ingest.storeLayer({ db })))

layer(Pipeline.layer())("a store written by an older extractor", (it) => {
  it.effect("is brought up to date on the next run: stale documents extracted again, their stories judged again", () =>
    Effect.gen(function* () {
      const articles = folder("alpha", "beta", "gamma")
      const current = yield* Extractor.Extractor
      // The "older extractor": the same, but before it learnt to read figures (it keeps statements only).
      const older = Layer.succeed(Extractor.Extractor, {
        extract: (d) => current.extract(d).filter((c) => c.quantities.length === 0),
      })
      const old = tempDb()
      yield* Ingest.paths([articles], { extractorVersion: "extractor-0" }).pipe(
        Effect.provide(Layer.merge(older, Ingest.storeLayer({ db: old }))),
      )
      const before = yield* content(old)
      expect([before.staleNow, before.staleBefore]).toEqual([3, 0])

      const reference = tempDb()
      yield* Ingest.paths([articles]).pipe(Effect.provide(Ingest.storeLayer({ db: reference })))
      const expected = yield* content(reference)
      expect(expected.claims.length).toBeGreaterThan(before.claims.length)

      // The next run, with nothing new to add, brings the old store up to date, with progress.
      const progress: Array<[string, number]> = []
      const run = yield* Ingest.paths([articles], { onPhase: (phase, n) => progress.push([phase, n]) }).pipe(
        Effect.provide(Ingest.storeLayer({ db: old })),
      )
      expect(run.documentsAdded).toBe(0)
      expect(progress).toContainEqual(["extracting", 3])
      const after = yield* content(old)
      expect([after.staleNow, after.staleBefore]).toEqual([0, 3])
      expect(after.claims).toEqual(expected.claims)
      expect(after.findings).toEqual(expected.findings)
      // And then it is current: the run after extracts nothing again.
      const again: Array<[string, number]> = []
      yield* Ingest.paths([articles], { onPhase: (phase, n) => again.push([phase, n]) }).pipe(
        Effect.provide(Ingest.storeLayer({ db: old })),
      )
      expect(again).toContainEqual(["extracting", 0])
    }),
  )
})
