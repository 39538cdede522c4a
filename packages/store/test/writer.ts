/**
 * A separate process writing runs into one store, for the concurrency and crash tests:
 * `tsx writer.ts <db> <name> <runs>` commits <runs> runs of one new document each.
 */
import { Effect } from "effect"
import { Store } from "../src/index.js"
import { analyse, extracted, input } from "./fixtures.js"

const [db = "", name = "w", runs = "10"] = process.argv.slice(2)

const program = Effect.gen(function* () {
  const store = yield* Store.Store
  for (let i = 0; i < Number(runs); i++) {
    // Half the things are shared between writers, so their runs re-analyse each other's claims.
    const thing = i % 2 === 0 ? `shared-${i}` : `${name}-${i}`
    yield* store.commit(input([extracted(`${name}-${i}`, thing, i)], [name]), analyse)
  }
})

Effect.runPromise(program.pipe(Effect.provide(Store.layer({ path: db, busyTimeoutMs: 60_000 })))).then(
  () => process.stdout.write("done\n"),
  (error) => {
    process.stderr.write(`${String(error?.message ?? error)}\n`)
    process.exitCode = 1
  },
)
