/**
 * JSON Lines input: one article per line, `{"id"?, "outlet"?, "title"?, "publishedAt"?, "url"?, "text"}`.
 * A bad line is an error naming the file and line; the other lines are still read.
 */
import { SourceError } from "@crosscheck/domain"
import { Either, Schema } from "effect"

export const Record = Schema.Struct({
  id: Schema.optional(Schema.NullOr(Schema.Union(Schema.String, Schema.Number))),
  outlet: Schema.optional(Schema.NullOr(Schema.String)),
  title: Schema.optional(Schema.NullOr(Schema.String)),
  publishedAt: Schema.optional(Schema.NullOr(Schema.String)),
  url: Schema.optional(Schema.NullOr(Schema.String)),
  text: Schema.String,
})
export type Record = typeof Record.Type

const decodeRecord = Schema.decodeUnknownEither(Record)

/** One line is one article: a line longer than this is not one, whatever the feed's size. */
export const MAX_RECORD_CHARS = 10 * 1024 * 1024

export interface Line {
  readonly line: number
  readonly record: Either.Either<Record, SourceError>
  /** The id the line carries, when it parsed far enough to have one. */
  readonly id: string | null
}

const idOf = (value: unknown): string | null => {
  if (value && typeof value === "object" && "id" in value) {
    const id = (value as { id: unknown }).id
    if (typeof id === "string" || typeof id === "number") return String(id)
  }
  return null
}

/** Parses one line; `where` names it in messages ("feed.jsonl line 3" or "stdin line 3"). */
export const parseLine = (path: string, where: string, line: string): Either.Either<Record, SourceError> => {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (e) {
    return Either.left(
      new SourceError({
        reason: "json",
        path,
        message: `sources: expected a JSON object, instead found invalid JSON: ${(e as Error).message} (${where})`,
      }),
    )
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const found = value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`
    return Either.left(
      new SourceError({
        reason: "json",
        path,
        message: `sources: expected a JSON object with a "text" field, instead found ${found} (${where})`,
      }),
    )
  }
  return Either.mapLeft(decodeRecord(value), () => {
    const hasText =
      value !== null && typeof value === "object" && typeof (value as { text?: unknown }).text === "string"
    return new SourceError({
      reason: hasText ? "json" : "missing-text",
      path,
      message: hasText
        ? `sources: expected fields id, outlet, title, publishedAt, url as strings, instead found other types (${where})`
        : `sources: expected a "text" string in the record, instead found none (${where})`,
    })
  })
}

/** One line of a feed by its number (1-based), already known not to be blank. */
export const parseNumbered = (path: string, number: number, line: string): Line => {
  if (line.length > MAX_RECORD_CHARS) {
    const message = `sources: expected a record of at most ${MAX_RECORD_CHARS / 1024 / 1024} M characters, instead found ${(line.length / 1024 / 1024).toFixed(1)} M (${path} line ${number})`
    return { line: number, record: Either.left(new SourceError({ reason: "too-large", path, message })), id: null }
  }
  const record = parseLine(path, `${path} line ${number}`, line)
  let id: string | null = null
  if (Either.isRight(record)) id = record.right.id == null ? null : String(record.right.id)
  else {
    try {
      id = idOf(JSON.parse(line))
    } catch {
      id = null
    }
  }
  return { line: number, record, id }
}

/** Whether a line holds nothing: skipped, as no article. */
export const isBlank = (line: string): boolean => line.trim() === ""

/** Every non-blank line of a JSONL text, in order. */
export const parse = (path: string, text: string): ReadonlyArray<Line> => {
  const out: Line[] = []
  text.split("\n").forEach((raw, i) => {
    const line = raw.replace(/\r$/, "")
    if (!isBlank(line)) out.push(parseNumbered(path, i + 1, line))
  })
  return out
}
