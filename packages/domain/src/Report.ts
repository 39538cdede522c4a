/**
 * The report file, `report.json` (docs/report-format.md, `schemaVersion: 2`), and the JSON Schema that
 * `crosscheck schema` prints, generated from this Schema rather than written by hand.
 */
import { JSONSchema, Schema } from "effect"
import { Claim } from "./Claim.js"
import { Document } from "./Document.js"
import { Finding } from "./Finding.js"
import { Story } from "./Story.js"

/** 2: quantities carry `measure`, times `defaulted`, the verdict `changed` with its timeline, stories. */
export const SCHEMA_VERSION = 2 as const

export const InputError = Schema.Struct({
  path: Schema.String,
  message: Schema.String,
  /** Claims found in the article but not kept, past its budget's caps; absent when none were dropped. */
  dropped: Schema.optional(Schema.Number),
}).annotations({ identifier: "InputError" })
export type InputError = typeof InputError.Type

/** What the analysis left out, counted, so that nothing is skipped in silence; present when anything was. */
export const Coverage = Schema.Struct({
  /** Blocks of candidate claims over the alignment's cap even when split by a finer key: their pairs were not compared. */
  skippedBlocks: Schema.Number,
  /** Stories linked to this run's by the cross-story rule but not analysed with them (over the store's cap). */
  storiesLeftOut: Schema.Number,
}).annotations({ identifier: "Coverage" })
export type Coverage = typeof Coverage.Type

export const Report = Schema.Struct({
  schemaVersion: Schema.Literal(SCHEMA_VERSION),
  generatedAt: Schema.String,
  asOf: Schema.NullOr(Schema.String),
  documents: Schema.Array(Document),
  claims: Schema.Array(Claim),
  findings: Schema.Array(Finding),
  /** The stories the documents were grouped into; absent in schemaVersion 1. */
  stories: Schema.optional(Schema.Array(Story)),
  errors: Schema.Array(InputError),
  /** What the analysis left out; absent when nothing was. */
  coverage: Schema.optional(Coverage),
}).annotations({ identifier: "Report", title: "crosscheck report" })
export type Report = typeof Report.Type

export const decode = Schema.decodeUnknownSync(Report)
export const decodeEither = Schema.decodeUnknownEither(Report)

export const jsonSchema = (): object => JSONSchema.make(Report)
