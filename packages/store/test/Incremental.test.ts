import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { Store } from "../src/index.js"
import { BACKENDS, rows, value } from "./backends.js"
import { analyse, extracted, type FixtureState, incremental, input, threeStories as reports } from "./fixtures.js"
import { findingsOf, withStore } from "./open.js"

describe.each(BACKENDS)("incremental batches ($name)", ({ fresh }) => {
  it.effect("a batch re-judges only the stories it touches; the others' findings stay as they were", () =>
    Effect.gen(function* () {
      const path = yield* fresh()
      const first = yield* withStore(path, (s) => s.commit(input(reports), incremental()))
      // The store's first batch analyses everything.
      expect(first.scope).toBe("all")
      const shellsQuery = "SELECT id, first_run FROM findings WHERE current = 1 AND summary LIKE '%shell'"
      const shells = yield* Effect.promise(() => rows(path, shellsQuery))
      const second = yield* withStore(path, (s) =>
        s.commit(input([extracted("Epsilon", "troop alpha", 120)]), incremental()),
      )
      expect(second.scope).toBe("touched")
      // The touched story, and the one its claims share a key with; not the shells.
      expect(new Set(second.claims.map((c) => c.quantities[0]?.counted))).toEqual(
        new Set(["troop alpha", "troop beta"]),
      )
      expect(second.changes.map((c) => [c.kind, c.finding.summary])).toEqual([
        ["verdict-changed", "contradict: troop alpha"],
      ])
      expect(yield* Effect.promise(() => rows(path, shellsQuery))).toEqual(shells)
      expect(
        yield* Effect.promise(() => value(path, "SELECT CAST(count(*) AS INTEGER) FROM findings WHERE current = 1")),
      ).toBe(3)
    }),
  )

  it.effect("a store's first batch, analysed whole, looks up no keys to place its documents; the next batch does", () =>
    Effect.gen(function* () {
      const path = yield* fresh()
      const asked: string[] = []
      const counting = (): Store.Incremental => {
        const base = incremental()
        return {
          ...base,
          storyKeys: (d) => {
            asked.push(`story ${d.outlet}`)
            return base.storyKeys(d)
          },
          stateKeys: (d) => {
            asked.push(`state ${d.outlet}`)
            return base.stateKeys(d)
          },
        }
      }
      const first = yield* withStore(path, (s) => s.commit(input(reports), counting()))
      expect(first.scope).toBe("all")
      // Filing the stored documents under their keys reads them once each, after the analysis.
      expect(asked.filter((a) => a.startsWith("state"))).toEqual([])
      expect(asked.filter((a) => a.startsWith("story"))).toHaveLength(reports.length)
      asked.length = 0
      const second = yield* withStore(path, (s) =>
        s.commit(input([extracted("Epsilon", "troop alpha", 120)]), counting()),
      )
      expect(second.scope).toBe("touched")
      expect(asked).toContain("state Epsilon")
      expect(asked).toContain("story Epsilon")
    }),
  )

  it.effect("a report since a run or a date holds the stories changed after it, whole, and nothing else", () =>
    Effect.gen(function* () {
      const path = yield* fresh()
      const first = yield* withStore(path, (s) => s.commit(input(reports), incremental()))
      yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 5)))
      const cut = new Date().toISOString()
      yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 5)))
      const second = yield* withStore(path, (s) =>
        s.commit(input([extracted("Epsilon", "troop alpha", 120)]), incremental()),
      )
      const byRun = yield* withStore(path, (s) => s.snapshot({ since: first.run.id }))
      const byDate = yield* withStore(path, (s) => s.snapshot({ since: cut }))
      for (const since of [byRun, byDate]) {
        expect(since.stories.map((st) => st.id)).toEqual(["st-troop alpha"])
        // The story whole: its one finding (changed), and every one of its articles, the unchanged too.
        expect(since.findings.map((f) => f.summary)).toEqual(["contradict: troop alpha"])
        expect(since.documents.map((d) => d.outlet)).toEqual(["Alpha", "Beta", "Epsilon"])
        expect(since.claims.map((c) => c.documentId).sort()).toEqual(since.documents.map((d) => d.id as string).sort())
      }
      const none = yield* withStore(path, (s) => s.snapshot({ since: second.run.id }))
      expect([none.stories, none.findings, none.documents, none.claims]).toEqual([[], [], [], []])
      const all = yield* withStore(path, (s) => s.snapshot({ since: 0 }))
      expect(all.stories.map((st) => st.id).sort()).toEqual(["st-shell", "st-troop alpha", "st-troop beta"])
      expect(all.findings).toHaveLength(3)
    }),
  )

  it.effect("the same input in any batch order gives the same findings", () =>
    Effect.gen(function* () {
      const orders = [
        [reports],
        reports.map((r) => [r]),
        [...reports].reverse().map((r) => [r]),
        [[reports[4], reports[0]], [reports[2], reports[5], reports[3]], [reports[1]]],
      ]
      const results = []
      for (const batches of orders) {
        const path = yield* fresh()
        for (const batch of batches)
          yield* withStore(path, (s) => s.commit(input(batch.filter((b) => b !== undefined)), incremental()))
        results.push(yield* findingsOf(path))
      }
      expect(results[0]?.length).toBe(3)
      for (const r of results.slice(1)) expect(r).toEqual(results[0])
    }),
  )

  it.effect("the same findings as analysing the whole store at once", () =>
    Effect.gen(function* () {
      const one = yield* fresh()
      yield* withStore(one, (s) => s.commit(input(reports), analyse))
      const batched = yield* fresh()
      for (const r of reports) yield* withStore(batched, (s) => s.commit(input([r]), incremental()))
      expect(yield* findingsOf(batched)).toEqual(yield* findingsOf(one))
    }),
  )

  it.effect("stories linked through claim keys beyond the cap are counted as left out, not dropped in silence", () =>
    Effect.gen(function* () {
      const path = yield* fresh()
      const many = Array.from({ length: Store.MAX_LINKED_STORIES + 5 }, (_, i) => extracted(`O${i}`, `troop t${i}`, i))
      yield* withStore(path, (s) => s.commit(input(many), incremental()))
      const next = yield* withStore(path, (s) => s.commit(input([extracted("New", "troop t0", 0)]), incremental()))
      expect(next.scope).toBe("touched")
      expect(next.leftOut).toBe(5)
      expect(new Set(next.documents.map((d) => d.storyId)).size).toBe(Store.MAX_LINKED_STORIES + 1)
    }),
  )

  it.effect("a store analysed by another version is analysed whole again, every finding stamped with the new one", () =>
    Effect.gen(function* () {
      const path = yield* fresh()
      yield* withStore(path, (s) => s.commit(input(reports), incremental("v1")))
      const same = yield* withStore(path, (s) => s.commit(input([extracted("Zeta", "shell", 40)]), incremental("v1")))
      expect(same.scope).toBe("touched")
      const newer = yield* withStore(path, (s) => s.commit(input([extracted("Eta", "shell", 40)]), incremental("v2")))
      expect(newer.scope).toBe("all")
      const versions = yield* Effect.promise(() =>
        rows(path, "SELECT DISTINCT analysis_version FROM findings WHERE current = 1"),
      )
      expect(versions.map((r) => r.analysis_version)).toEqual(["v2"])
      expect(yield* Effect.promise(() => value(path, "SELECT value FROM meta WHERE key = 'analysis_version'"))).toBe(
        "v2",
      )
    }),
  )

  it.effect("each batch writes the story state with its documents and the next batch places from it", () =>
    Effect.gen(function* () {
      const path = yield* fresh()
      const seen: FixtureState[] = []
      const given: number[] = []
      const first = yield* withStore(path, (s) => s.commit(input(reports.slice(0, 2)), incremental("test-1")))
      const placedQuery = "SELECT substr(key, 8) AS id FROM story_counters ORDER BY seq"
      const stored = () => Effect.promise(() => rows(path, placedQuery).then((r) => r.map((x) => x.id)))
      expect(yield* stored()).toEqual(first.documents.map((d) => d.id))
      const second = yield* withStore(path, (s) =>
        s.commit(
          input([extracted("Gamma", "troop alpha", 100)]),
          incremental("test-1", (state, stored) => {
            seen.push(state)
            given.push(stored)
          }),
        ),
      )
      expect(second.scope).toBe("touched")
      // The state places the new document: the stored ones of its story are not read for it.
      expect(given).toEqual([0])
      // The placement started from the first batch's state: the record of the story filed under its
      // document's key, read without that story's documents (and no other part of the state).
      expect(seen.map((st) => st.stories.map((x) => x.documentIds))).toEqual([[first.documents.map((d) => d.id)]])
      expect(seen.map((st) => st.placed)).toEqual([[]])
      expect(yield* stored()).toEqual([...first.documents.map((d) => d.id), second.inputDocumentIds[0]])
    }),
  )

  it.effect("a store without a story state is analysed whole once, which writes one; later batches go on from it", () =>
    Effect.gen(function* () {
      const path = yield* fresh()
      yield* withStore(path, (s) => s.commit(input(reports.slice(0, 3)), incremental()))
      // A batch analysed without the story stage (or a store from before it) leaves no state behind.
      yield* withStore(path, (s) => s.commit(input(reports.slice(3, 4)), analyse))
      const count = () =>
        Effect.promise(() => value(path, "SELECT CAST(count(*) AS INTEGER) FROM meta WHERE key = 'story_state'"))
      expect(yield* count()).toBe(0)
      const seen: FixtureState[] = []
      const track = incremental("test-1", (state) => seen.push(state))
      const whole = yield* withStore(path, (s) => s.commit(input(reports.slice(4, 5)), track))
      expect(whole.scope).toBe("all")
      expect(yield* count()).toBe(1)
      const next = yield* withStore(path, (s) => s.commit(input(reports.slice(5)), track))
      expect(next.scope).toBe("touched")
      // It went on from the state the whole analysis wrote: the story its document joins, as that left it.
      expect(seen.at(-1)?.stories.map((st) => [st.id, st.documentIds.length])).toEqual([["st-shell", 1]])
    }),
  )

  it.effect("documents extracted again replace their claims, and only their stories are judged again", () =>
    Effect.gen(function* () {
      const path = yield* fresh()
      yield* withStore(path, (s) => s.commit({ ...input(reports), extractorVersion: "x1" }, incremental()))
      const stale = yield* withStore(path, (s) => s.stale("x2"))
      expect(stale.length).toBe(reports.length)
      // The newer extractor reads Beta's shells as 40, as Alpha has them.
      const beta = stale.find((d) => d.outlet === "Beta" && d.text.includes("shell"))
      expect(beta).toBeDefined()
      const document = beta as (typeof stale)[number]
      const again = extracted("Beta", "shell", 40).claims.map((c) => ({ ...c, documentId: document.id }))
      const run = yield* withStore(path, (s) =>
        s.commit({ ...input([]), extractorVersion: "x2", reextracted: [{ document, claims: again }] }, incremental()),
      )
      expect(run.scope).toBe("touched")
      expect(run.changes.map((c) => [c.kind, c.finding.summary])).toEqual([["verdict-changed", "agree: shell"]])
      expect((yield* withStore(path, (s) => s.stale("x2"))).length).toBe(reports.length - 1)
      // Ids are hex digests: safe to write into the query.
      const own = `FROM claims WHERE document_id = '${document.id}'`
      expect(yield* Effect.promise(() => value(path, `SELECT CAST(count(*) AS INTEGER) ${own}`))).toBe(1)
      expect(yield* Effect.promise(() => value(path, `SELECT extractor_version ${own}`))).toBe("x2")
    }),
  )

  it.effect("a document that could not be extracted again keeps its claims stored but out of every finding", () =>
    Effect.gen(function* () {
      const path = yield* fresh()
      yield* withStore(path, (s) => s.commit({ ...input(reports), extractorVersion: "x1" }, incremental()))
      const stale = yield* withStore(path, (s) => s.stale("x2"))
      const beta = stale.filter((d) => d.outlet === "Beta" && d.text.includes("shell"))
      const run = yield* withStore(path, (s) =>
        s.commit({ ...input([]), extractorVersion: "x2", notReextracted: beta }, incremental()),
      )
      // Alpha's shells alone are no finding: the old claim is not judged with claims of the newer version.
      expect(run.changes.map((c) => [c.kind, c.finding.summary])).toEqual([["gone", "contradict: shell"]])
      expect((yield* withStore(path, (s) => s.stale("x2"))).length).toBe(reports.length)
      const own = `SELECT CAST(count(*) AS INTEGER) FROM claims WHERE document_id = '${beta[0]?.id}'`
      expect(yield* Effect.promise(() => value(path, own))).toBe(1)
    }),
  )
})
