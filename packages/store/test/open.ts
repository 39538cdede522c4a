/** Opening a store for one use in a test, and the error a refused store gives, on either engine. */
import { StoreError } from "@crosscheck/domain"
import { Effect, Exit } from "effect"
import { expect } from "vitest"
import { Store } from "../src/index.js"

/** Opens the store (a SQLite file or a PostgreSQL URL) for one use, closing it after. */
export const withStore = <A, E>(
  path: string,
  use: (store: Store.Service) => Effect.Effect<A, E>,
  access?: "read" | "write",
) => Effect.scoped(Effect.flatMap(Store.make({ path, ...(access ? { access } : {}) }), use))

/** The StoreError opening the store fails with; the test fails if it opens. */
export const openError = (path: string, access: "read" | "write" = "write") =>
  Effect.runPromiseExit(withStore(path, () => Effect.void, access)).then((exit) => {
    if (Exit.isSuccess(exit)) throw new Error("expected the store to be refused")
    const error = exit.cause._tag === "Fail" ? exit.cause.error : null
    expect(error).toBeInstanceOf(StoreError)
    return error as StoreError
  })

/** The current findings as comparable rows, whatever order they were stored in. */
export const findingsOf = (path: string) =>
  Effect.map(
    withStore(path, (s) => s.snapshot()),
    (snapshot) =>
      snapshot.findings
        .map((f) => ({ id: f.id, verdict: f.verdict, claims: [...f.claimIds].sort() }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
  )
