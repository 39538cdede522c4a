/**
 * A separate process writing runs into one store, for the concurrency and crash tests:
 * `tsx writer.ts <db> <name> <runs> [<go-file>]` commits <runs> runs of one new document each; with a
 * go-file it prints "ready" once the store is open and waits for that file, so writers start together.
 */
import { existsSync } from "node:fs"
import { Effect } from "effect"
import { Store } from "../src/index.js"
import { extracted, incremental, input } from "./fixtures.js"

const [db = "", name = "w", runs = "10", go] = process.argv.slice(2)

const waitForGo = Effect.promise(
  () =>
    new Promise<void>((resolve) => {
      if (!go) return resolve()
      process.stdout.write("ready\n")
      const poll = setInterval(() => {
        if (existsSync(go)) {
          clearInterval(poll)
          resolve()
        }
      }, 5)
    }),
)

const program = Effect.gen(function* () {
  const store = yield* Store.Store
  yield* waitForGo
  for (let i = 0; i < Number(runs); i++) {
    // Half the things are shared between writers, so their runs re-analyse each other's claims.
    const thing = i % 2 === 0 ? `shared-${i}` : `${name}-${i}`
    yield* store.commit(input([extracted(`${name}-${i}`, thing, i)], [name]), incremental())
    // A pause between runs, as between a desk's articles: without it one writer can take the lock for
    // all its runs while the other's busy handler is backing off, and nothing would overlap.
    if (go) yield* Effect.sleep("3 millis")
  }
})

Effect.runPromise(program.pipe(Effect.provide(Store.layer({ path: db, busyTimeoutMs: 60_000 })))).then(
  () => process.stdout.write("done\n"),
  (error) => {
    process.stderr.write(`${String(error?.message ?? error)}\n`)
    process.exitCode = 1
  },
)
