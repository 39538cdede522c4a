/**
 * The one place errors become messages and exit codes (docs/report-format.md): 0 done, 1 `--fail-on`
 * matched, 2 bad usage, 3 done but some inputs could not be read or were cut to their budget.
 */
export const OK = 0
export const FAIL_ON = 1
export const USAGE = 2
export const INPUT_ERRORS = 3
/** An unexpected failure inside crosscheck itself. */
export const INTERNAL = 70

/** Every exit code and what it means, for `--help` and the README. */
export const MEANINGS: ReadonlyArray<readonly [number, string]> = [
  [OK, "done"],
  [FAIL_ON, "done, and a finding has the verdict --fail-on names"],
  [USAGE, "bad usage: a flag, a date (no 30 February), a path, or a store that cannot be used"],
  [
    INPUT_ERRORS,
    "done, but some inputs were skipped, could not be read, or were stopped or cut at their budget (listed in errors)",
  ],
  [INTERNAL, "an internal error in crosscheck"],
]

export interface Outcome {
  readonly code: number
  readonly message: string | null
}

/** Effect's runPromise rejects with a FiberFailure; the typed error is its cause. */
const unwrap = (error: unknown): unknown => {
  if (error && typeof error === "object") {
    const cause = (error as Record<symbol, unknown>)[Symbol.for("effect/Runtime/FiberFailure/Cause")] as
      | { _tag?: string; error?: unknown; defect?: unknown }
      | undefined
    if (cause?._tag === "Fail") return cause.error
    if (cause?._tag === "Die") return cause.defect
  }
  return error
}

export const fromError = (thrown: unknown): Outcome => {
  const error = unwrap(thrown)
  if (error && typeof error === "object" && "_tag" in error) {
    const tagged = error as { _tag: string; message?: string }
    if (tagged._tag === "UsageError") return { code: USAGE, message: tagged.message ?? "crosscheck: bad usage" }
    // A store that cannot be used is the store the user pointed at: fix the --db argument or the file.
    if (tagged._tag === "StoreError") return { code: USAGE, message: `crosscheck: ${tagged.message ?? "store error"}` }
  }
  if (
    error &&
    typeof error === "object" &&
    "code" in error &&
    String((error as { code: unknown }).code).startsWith("commander.")
  ) {
    const message = String((error as { message?: unknown }).message ?? "").replace(/^error: /, "")
    return { code: USAGE, message: `crosscheck: ${message}` }
  }
  const message = error instanceof Error ? error.message : String(error)
  return { code: INTERNAL, message: `crosscheck: internal error: ${message}` }
}
