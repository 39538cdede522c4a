/**
 * The job queue on PostgreSQL: each document queued once, jobs taken oldest first with an analyse job
 * only after the extractions before it, leases that run out and are taken again, and results refused
 * from a worker whose lease was taken.
 */
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { Queue, Store } from "../src/index.js"
import { extracted } from "./fixtures.js"
import * as PostgresServer from "./PostgresServer.js"

const server = PostgresServer.perFile()
afterAll(() => server.stop())

const queued = (outlet: string) => {
  const { document } = extracted(outlet, "troop", 1)
  return { document, hash: Store.contentHash(document), input: '["test"]', asOf: null }
}

// it.live: the lease test waits on the real clock (it.effect's is a test clock that never moves).

/** A queue (and its store, created on first open) on a fresh database, for one test. */
const withQueue = <A, E>(use: (queue: Queue.Service) => Effect.Effect<A, E>) =>
  Effect.flatMap(
    Effect.promise(() => server.createDatabase()),
    (url) => Effect.scoped(Effect.flatMap(Queue.make({ url, busyTimeoutMs: 10_000 }), use)),
  )

describe.skipIf(PostgresServer.skip)(`job queue${PostgresServer.skip ? " (SKIPPED: no PostgreSQL)" : ""}`, () => {
  it.live("queues each document once, extract jobs first, the analyse job only after them", () =>
    withQueue((queue) =>
      Effect.gen(function* () {
        expect(yield* queue.enqueue([queued("Alpha"), queued("Beta"), queued("Alpha")])).toEqual({ queued: 2 })
        expect(yield* queue.enqueue([queued("Beta")])).toEqual({ queued: 0 })
        const first = yield* queue.take(60_000)
        const second = yield* queue.take(60_000)
        expect([first?.kind, second?.kind]).toEqual(["extract", "extract"])
        // Both extractions are held, not done: the analyse job waits for them.
        expect(yield* queue.take(60_000)).toBeNull()
        expect(yield* queue.counts()).toEqual({ queued: 3, done: 0, failed: 0 })
        for (const job of [first, second]) if (job) expect(yield* queue.extracted(job, { claims: [] })).toBe(true)
        expect((yield* queue.take(60_000))?.kind).toBe("analyse")
        expect((yield* queue.ready()).map((r) => r.document.outlet)).toEqual(["Alpha", "Beta"])
      }),
    ),
  )

  it.live("a job whose lease ran out is taken again, and its first holder's result is refused", () =>
    withQueue((queue) =>
      Effect.gen(function* () {
        yield* queue.enqueue([queued("Alpha")])
        const held = yield* queue.take(200)
        expect(held?.attempts).toBe(1)
        expect(yield* queue.take(200)).toBeNull()
        yield* Effect.sleep("300 millis")
        const retaken = yield* queue.take(60_000)
        expect([retaken?.id, retaken?.attempts]).toEqual([held?.id, 2])
        if (!held || !retaken) throw new Error("expected the job twice")
        expect(yield* queue.extend(held, 60_000)).toBe(false)
        expect(yield* queue.extracted(held, { claims: [] })).toBe(false)
        expect(yield* queue.extracted(retaken, { claims: [] })).toBe(true)
      }),
    ),
  )

  it.live("a failed job is free to take at once, even if its worker's lease renewal lands after the failure", () =>
    withQueue((queue) =>
      Effect.gen(function* () {
        yield* queue.enqueue([queued("Alpha")])
        const job = yield* queue.take(60_000)
        if (!job) throw new Error("expected a job")
        yield* queue.failed(job, "broken")
        // The renewal a worker forks beside each job, its query still in flight when the job failed: it
        // must not hold the job for another lease (a worker with --exit-when-idle waited it out, or was killed).
        expect(yield* queue.extend(job, 60_000)).toBe(false)
        const again = yield* queue.take(60_000)
        expect([again?.id, again?.attempts]).toEqual([job.id, 2])
      }),
    ),
  )

  it.live("a job whose worker stops on each of its takes is given up, its article named, not taken forever", () =>
    withQueue((queue) =>
      Effect.gen(function* () {
        const doomed = queued("Alpha")
        yield* queue.enqueue([doomed])
        // Taken with leases that run out unrenewed, as by workers killed while holding it.
        for (let i = 0; i < Queue.MAX_ATTEMPTS; i++) {
          expect((yield* queue.take(100))?.kind).toBe("extract")
          yield* Effect.sleep("200 millis")
        }
        // Its last lease ran out: given up, and the analyse job after it goes.
        expect((yield* queue.take(60_000))?.kind).toBe("analyse")
        expect(yield* queue.counts()).toEqual({ queued: 1, done: 0, failed: 1 })
        expect((yield* queue.ready()).map((r) => r.outcome)).toEqual([
          {
            error: {
              path: doomed.document.origin.path,
              message: expect.stringMatching(/taken 3 times and its worker stopped each time .*\(.*#0\)$/),
            },
          },
        ])
      }),
    ),
  )

  it.live("a job that keeps failing is given up after Queue.MAX_ATTEMPTS, with its error", () =>
    withQueue((queue) =>
      Effect.gen(function* () {
        yield* queue.enqueue([queued("Alpha")])
        for (let i = 0; i < Queue.MAX_ATTEMPTS; i++) {
          const job = yield* queue.take(60_000)
          expect(job?.kind).toBe("extract")
          if (job) yield* queue.failed(job, `broken ${i}`)
        }
        // The extraction is given up; the analyse job after it can go.
        expect((yield* queue.take(60_000))?.kind).toBe("analyse")
        expect(yield* queue.counts()).toEqual({ queued: 1, done: 0, failed: 1 })
      }),
    ),
  )

  it.live("an extract job given up is its article's error, named with its file, and the queue then empties", () =>
    withQueue((queue) =>
      Effect.gen(function* () {
        const broken = queued("Alpha")
        yield* queue.enqueue([broken])
        for (let i = 0; i < Queue.MAX_ATTEMPTS; i++) {
          const job = yield* queue.take(60_000)
          if (job) yield* queue.failed(job, `TypeError: text is undefined\n    at extract ${i}`)
        }
        const analyse = yield* queue.take(60_000)
        expect(analyse?.kind).toBe("analyse")
        // The analyse job sees the article as one that could not be extracted, as a run would.
        const ready = yield* queue.ready()
        expect(ready.map((r) => r.outcome)).toEqual([
          {
            error: {
              path: broken.document.origin.path,
              message: expect.stringMatching(/failed 3 times.*TypeError: text is undefined \(.*#0\)$/),
            },
          },
        ])
        // Its commit drops it from the queue: no analyse job follows to wait for it, and enqueueing it again tries it again.
        if (analyse) expect(yield* queue.analysed(analyse, [broken.hash])).toBe(true)
        expect(yield* queue.take(60_000)).toBeNull()
        expect(yield* queue.counts()).toEqual({ queued: 0, done: 1, failed: 1 })
        expect(yield* queue.enqueue([broken])).toEqual({ queued: 1 })
      }),
    ),
  )
})
