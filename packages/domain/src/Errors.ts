/**
 * The failure domains shared across packages. Each carries a literal `reason` for code to match on
 * and a message a user can act on, naming the file and place where there is one (docs/design.md, house style 3).
 */
import { Data } from "effect"

/** An input that could not be read; the run goes on and lists it in the report's `errors`. */
export class SourceError extends Data.TaggedError("SourceError")<{
  readonly reason:
    | "not-found"
    | "empty"
    | "binary"
    | "encoding"
    | "too-large"
    | "front-matter"
    | "no-article"
    | "json"
    | "missing-text"
    | "unreadable"
  readonly path: string
  readonly message: string
}> {}

/** The command line was used wrongly (exit code 2). */
export class UsageError extends Data.TaggedError("UsageError")<{
  readonly reason: "no-input" | "bad-option" | "bad-value" | "not-found"
  readonly message: string
}> {}

/** The store could not be opened or written. */
export class StoreError extends Data.TaggedError("StoreError")<{
  readonly reason: "not-sqlite" | "newer-version" | "older-version" | "read-only" | "io"
  readonly path: string
  readonly message: string
}> {}
