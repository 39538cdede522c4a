/**
 * Two writers committing into one store at once: a batch's write checks only the stories it relied on,
 * so one on other stories lands without reading again, and one on the same story reads again and lands.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { Store } from "../src/index.js"
import { BACKENDS, rows, value } from "./backends.js"
import { extracted, incremental, input, threeStories as reports } from "./fixtures.js"
import { findingsOf, withStore } from "./open.js"

/**
 * A store whose first write runs `between` before it, after the batch has read and analysed: another
 * writer committing in that window, as a second process would.
 */
const withRacedStore = <A, E>(
  path: string,
  between: Effect.Effect<unknown, unknown>,
  use: (store: Store.Service) => Effect.Effect<A, E>,
) =>
  Effect.scoped(
    Effect.flatMap(Store.openBackend({ path }), (backend) => {
      let raced = false
      const write: Store.Backend["write"] = (batch) => {
        if (raced) return backend.write(batch)
        raced = true
        return Effect.zipRight(Effect.orDie(between), backend.write(batch))
      }
      return use(Store.fromBackend({ ...backend, write }))
    }),
  )

const count = (path: string, table: string) =>
  Effect.promise(() => value(path, `SELECT CAST(count(*) AS INTEGER) FROM ${table}`))

describe.each(BACKENDS)("two writers at once ($name)", ({ fresh }) => {
  /** Seeds a store, races `mine` against `theirs`, and the same two batches one after the other elsewhere. */
  const race = (mine: Store.Extracted, theirs: Store.Extracted) =>
    Effect.gen(function* () {
      const path = yield* fresh()
      yield* withStore(path, (s) => s.commit(input(reports), incremental()))
      let other: Store.RunResult | undefined
      const between = Effect.map(
        withStore(path, (s) => s.commit(input([theirs]), incremental())),
        (r) => {
          other = r
        },
      )
      const result = yield* withRacedStore(path, between, (s) => s.commit(input([mine]), incremental()))
      const sequential = yield* fresh()
      for (const batch of [reports, [theirs], [mine]])
        yield* withStore(sequential, (s) => s.commit(input(batch), incremental()))
      return { path, result, other, expected: yield* findingsOf(sequential) }
    })

  it.effect("on different stories: both land, neither reads again", () =>
    Effect.gen(function* () {
      const { path, result, other, expected } = yield* race(
        extracted("Zeta", "shell", 40),
        extracted("Eta", "troop beta", 7),
      )
      expect(other?.attempts).toBe(1)
      expect(result.attempts).toBe(1)
      expect(result.scope).toBe("touched")
      expect(yield* count(path, "documents")).toBe(reports.length + 2)
      expect(yield* count(path, "claims")).toBe(reports.length + 2)
      // Both batches' counts are in the story state: each added its own, neither overwrote the other's.
      expect(yield* count(path, "story_counters")).toBe(reports.length + 2)
      expect(yield* findingsOf(path)).toEqual(expected)
    }),
  )

  it.effect("on the same story: the later write reads again, both land, nothing lost or twice", () =>
    Effect.gen(function* () {
      const { path, result, other, expected } = yield* race(
        extracted("Zeta", "shell", 40),
        extracted("Eta", "shell", 41),
      )
      expect(other?.attempts).toBe(1)
      expect(result.attempts).toBe(2)
      expect(yield* count(path, "documents")).toBe(reports.length + 2)
      expect(yield* count(path, "claims")).toBe(reports.length + 2)
      const shells = yield* findingsOf(path)
      expect(shells).toEqual(expected)
      // The shell finding cites all four shell reports, each once.
      const shell = yield* Effect.promise(() => rows(path, "SELECT document_ids FROM stories WHERE label = 'shell'"))
      expect(JSON.parse(String(shell[0]?.document_ids)).length).toBe(4)
    }),
  )

  it.effect("the same article from both: stored once, the later write reads again and finds it stored", () =>
    Effect.gen(function* () {
      const same = extracted("Zeta", "rocket", 3)
      const { path, result } = yield* race(same, same)
      expect(result.attempts).toBe(2)
      expect(result.run.documentsAdded).toBe(0)
      expect(yield* count(path, "documents")).toBe(reports.length + 1)
    }),
  )

  it.effect("a new story another writer started under the same story key: read again, joined, not a second story", () =>
    Effect.gen(function* () {
      const { path, result } = yield* race(extracted("Zeta", "rocket", 3), extracted("Eta", "rocket", 3))
      expect(result.attempts).toBe(2)
      expect(yield* count(path, "stories")).toBe(4)
    }),
  )
})
