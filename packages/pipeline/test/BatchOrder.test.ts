/**
 * Batches into a store give the findings of one batch with the same articles: the gold stories' articles
 * all at once and story by story. Each is named by its own file path both ways, since a document's id
 * (and so its claims' ids) derives from where it was read. Not yet in any order: a batch places its
 * articles among candidate stories with term statistics of those stories alone, so backwards, or one
 * article at a time, a story's third article can start a story of its own (the story stage's saved
 * state, with the whole store's statistics, is what would close that).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { expect, layer } from "@effect/vitest"
import { Effect } from "effect"
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

/** The stored findings after ingesting the batches in order, comparable across stores. */
const findingsAfter = (batches: ReadonlyArray<ReadonlyArray<string>>) =>
  Effect.gen(function* () {
    const db = tempDb()
    for (const paths of batches) yield* Ingest.paths(paths).pipe(Effect.provide(Ingest.storeLayer({ db })))
    const report = yield* Ingest.report().pipe(Effect.provide(Ingest.storeLayer({ db, access: "read" })))
    return report.findings.map((f) => `${f.id} ${f.verdict} ${[...f.claimIds].sort().join(",")}`).sort()
  })

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
})
