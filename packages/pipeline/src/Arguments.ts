/**
 * The Promise facade's arguments, decoded with Schema at the edge: a wrong argument rejects with a
 * UsageError naming it, never a raw TypeError from deep inside. Dates are checked for real (no 30 February).
 */
import { UsageError } from "@crosscheck/domain"
import { Either, ParseResult, Schema } from "effect"

/** Whether the text starts with a date that exists (no 30 February) and parses whole. */
export const isRealDate = (value: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const day = new Date(Date.UTC(y, mo - 1, d))
  return (
    day.getUTCFullYear() === y &&
    day.getUTCMonth() === mo - 1 &&
    day.getUTCDate() === d &&
    !Number.isNaN(Date.parse(value))
  )
}

const RealDate = Schema.String.pipe(
  Schema.filter((s) => isRealDate(s) || "an ISO date that exists, such as 2025-08-15"),
)
const NonEmpty = Schema.String.pipe(Schema.filter((s) => s.trim() !== "" || "a non-empty string"))
const Callback = Schema.declare((u: unknown): u is (...args: never[]) => unknown => typeof u === "function", {
  identifier: "a function",
})

export const Options = Schema.Struct({
  db: Schema.optional(NonEmpty),
  asOf: Schema.optional(Schema.NullOr(RealDate)),
  busyTimeoutMs: Schema.optional(Schema.NonNegativeInt),
})

/** Articles are checked one by one as JSON lines are (sources' Jsonl.Record), so only the list is decoded here. */
export const Input = Schema.Union(
  NonEmpty,
  Schema.Array(NonEmpty),
  Schema.Struct({ articles: Schema.Array(Schema.Unknown) }),
)

export const IngestOptions = Schema.Struct({ onProgress: Schema.optional(Callback) })
const RunId = Schema.Int.pipe(Schema.filter((n) => n >= 0 || "a run's id: a whole number, 0 or more"))
export const ReportOptions = Schema.Struct({ since: Schema.optional(Schema.NullOr(Schema.Union(RealDate, RunId))) })
export const Claim = NonEmpty
export const VerifyOptions = Schema.Struct({ sources: Schema.optional(Schema.Array(NonEmpty)) })
export const ClaimQuery = Schema.Struct({
  entity: Schema.optional(Schema.NullOr(Schema.String)),
  outlet: Schema.optional(Schema.NullOr(Schema.String)),
})

/**
 * The argument decoded, or a UsageError saying which argument of which method was wrong and how:
 * "crosscheck: expected ingest's first argument to be ..., instead found ...".
 */
export const decode = <A, I>(schema: Schema.Schema<A, I>, value: unknown, what: string): A => {
  const result = Schema.decodeUnknownEither(schema, { onExcessProperty: "ignore" })(value)
  if (Either.isRight(result)) return result.right
  const issue = ParseResult.TreeFormatter.formatErrorSync(result.left).replace(/\s+/g, " ")
  throw new UsageError({ reason: "bad-value", message: `crosscheck: expected ${what} to be valid, instead: ${issue}` })
}
