/**
 * Batches into a store give the stories and findings of one batch with the same articles: the gold
 * stories' articles all at once, story by story, and one article at a time in the order one batch places
 * them (on both engines). Each is named by its own file path every way, since a document's id (and so its
 * claims' ids) derives from where it was read. One article at a time holds because each batch places its
 * article from the story stage's saved state, with the whole store's term statistics.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Inputs } from "@crosscheck/sources"
import { Store } from "@crosscheck/store"
import { Clustering } from "@crosscheck/stories"
import { expect, layer } from "@effect/vitest"
import { Effect } from "effect"
import { BACKENDS, rows, value } from "../../store/test/backends.js"
import { Ingest, Pipeline } from "../src/index.js"
import { tempDb } from "./articles.js"

const stories = new URL("../../../fixtures/stories/", import.meta.url).pathname

/** Each gold story's articles copied into a folder of its own, in name order. */
const storyFolders = (): string[] => {
  const root = mkdtempSync(join(tmpdir(), "crosscheck-order-"))
  return readdirSync(stories)
    .sort()
    .map((story) => {
      const dir = join(root, story)
      mkdirSync(dir)
      for (const f of readdirSync(join(stories, story)))
        if (f.endsWith(".md")) copyFileSync(join(stories, story, f), join(dir, f))
      return dir
    })
}

const filesOf = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .map((f) => join(dir, f))

/** The files in the order one batch places their articles (by date, then document id). */
const placementOrder = (paths: ReadonlyArray<string>) =>
  Effect.map(Inputs.read(paths), ({ documents }) => Clustering.canonicalOrder(documents).map((d) => d.origin.path))

/** The stored stories and findings after ingesting the batches in order, comparable across stores. */
const storedAfter = (batches: ReadonlyArray<ReadonlyArray<string>>, db: string = tempDb()) =>
  Effect.gen(function* () {
    for (const paths of batches) yield* Ingest.paths(paths).pipe(Effect.provide(Ingest.storeLayer({ db })))
    const report = yield* Ingest.report().pipe(Effect.provide(Ingest.storeLayer({ db, access: "read" })))
    // What the next batch would place from, row by row: equal states go on placing alike.
    const counters = yield* Effect.promise(() => rows(db, "SELECT key, count, note FROM story_counters ORDER BY seq"))
    const records = yield* Effect.promise(() => rows(db, "SELECT id, state FROM stories ORDER BY position"))
    return {
      state: { counters, records: records.map((r) => ({ id: r.id, state: JSON.parse(String(r.state)) as unknown })) },
      stories: (report.stories ?? []).map((s) => `${s.id} ${s.label}: ${[...s.documentIds].sort().join(",")}`).sort(),
      findings: report.findings.map((f) => `${f.id} ${f.verdict} ${[...f.claimIds].sort().join(",")}`).sort(),
    }
  })

const findingsAfter = (batches: ReadonlyArray<ReadonlyArray<string>>) =>
  Effect.map(storedAfter(batches), (s) => s.findings)

layer(Pipeline.layer())("batches into a store", (it) => {
  it.effect("the same articles all at once and story by story give the same findings", () =>
    Effect.gen(function* () {
      const folders = storyFolders()
      const all = yield* findingsAfter([folders.flatMap(filesOf)])
      const byStory = yield* findingsAfter(folders.map(filesOf))
      expect(all.length).toBeGreaterThan(10)
      expect(byStory).toEqual(all)
    }),
  )

  it.effect(
    "a large input stored in parts gives the stories and findings of one batch, its report the whole store's",
    () =>
      Effect.gen(function* () {
        const files = storyFolders().flatMap(filesOf)
        const db = tempDb()
        const all = yield* storedAfter([files])
        const read = yield* Inputs.read(files)
        const ingested = yield* Ingest.documents(read, files, { partDocuments: 7 }).pipe(
          Effect.provide(Ingest.storeLayer({ db })),
        )
        const runs = yield* Effect.promise(() => value(db, "SELECT CAST(count(*) AS INTEGER) FROM runs"))
        expect(runs).toBe(Math.ceil(read.documents.length / 7))
        expect(ingested.documentsAdded).toBe(read.documents.length)
        // One run to the user: listed once, under its first part's id, with what every part added.
        const listed = yield* Effect.flatMap(Store.Store, (s) => s.runs()).pipe(
          Effect.provide(Ingest.storeLayer({ db, access: "read" })),
        )
        expect(listed.map((r) => [r.id, r.documentsAdded, r.parts])).toEqual([
          [ingested.runId, read.documents.length, Math.ceil(read.documents.length / 7)],
        ])
        const parts = yield* storedAfter([], db)
        expect(parts).toEqual(all)
        // The run's report is the store's, every finding and the claims they cite.
        expect(ingested.report.findings.map((f) => f.id).sort()).toEqual(
          (yield* Ingest.report().pipe(Effect.provide(Ingest.storeLayer({ db, access: "read" })))).findings
            .map((f) => f.id)
            .sort(),
        )
        expect(ingested.report.findings.length).toBe(all.findings.length)
        // Its changes are each part's, in order, as runs of those parts one after another give them: kept
        // by id between parts and given back whole, a finding a later part replaced as it was stored.
        const separate = tempDb()
        const expected: Ingest.Change[] = []
        const ordered = Clustering.canonicalOrder(read.documents)
        for (let i = 0; i < ordered.length; i += 7) {
          const part = yield* Ingest.documents({ documents: ordered.slice(i, i + 7), errors: [] }, files).pipe(
            Effect.provide(Ingest.storeLayer({ db: separate })),
          )
          expected.push(...part.changes)
        }
        const shown = (changes: ReadonlyArray<Ingest.Change>) =>
          changes.map((c) => [
            c.kind,
            c.finding.id,
            c.finding.verdict,
            c.finding.rule,
            c.finding.timeline,
            c.finding.summary,
            c.previous,
          ])
        expect(expected.some((c) => c.kind !== "new")).toBe(true)
        // Given back from the store, each still says which rule decided it, as the parts' own runs do.
        expect(ingested.changes.every((c) => c.finding.rule !== undefined)).toBe(true)
        expect(shown(ingested.changes)).toEqual(shown(expected))
      }),
  )

  it.effect("a large input listed without its texts, each part's read again when it comes, gives the same", () =>
    Effect.gen(function* () {
      const files = storyFolders().flatMap(filesOf)
      const db = tempDb()
      const all = yield* storedAfter([files])
      let letGo = 0
      const ingested = yield* Ingest.paths(files, {
        partDocuments: 7,
        keepChars: 0,
        betweenParts: () => {
          letGo += 1
        },
      }).pipe(Effect.provide(Ingest.storeLayer({ db })))
      expect(ingested.report.errors).toEqual([])
      // Once as each part is let go, the last before the store is read for the report.
      expect(letGo).toBe(Math.ceil(files.length / 7))
      expect(ingested.documentsAdded).toBe(files.length)
      expect(yield* storedAfter([], db)).toEqual(all)
    }),
  )

  // Only in the order one batch places them: term statistics are counted as articles are placed, so in
  // another order (file order, backwards) an article can still be scored differently.
  for (const { name, fresh } of BACKENDS)
    it.effect(`one article at a time gives the stories and findings of all at once (${name})`, () =>
      Effect.gen(function* () {
        const files = storyFolders().flatMap(filesOf)
        const all = yield* storedAfter([files], yield* fresh())
        const ordered = yield* placementOrder(files)
        const oneByOne = yield* storedAfter(
          ordered.map((f) => [f]),
          yield* fresh(),
        )
        expect(all.stories.length).toBeGreaterThan(10)
        expect(oneByOne).toEqual(all)
      }),
    )
})
