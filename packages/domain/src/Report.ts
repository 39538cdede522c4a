/**
 * The report file, `report.json` (docs/report-format.md, `schemaVersion: 5`), and the JSON Schema that
 * `crosscheck schema` prints, generated from this Schema rather than written by hand.
 */
import { JSONSchema, Schema } from "effect"
import { Claim } from "./Claim.js"
import { Document } from "./Document.js"
import { Finding } from "./Finding.js"
import { Story } from "./Story.js"

/**
 * 2: quantities carry `measure`, times `defaulted`, the verdict `changed` with its timeline, stories.
 * 3: `outdatedStore`, what of a store an older crosscheck made, when a report shows it as it is.
 * 4: `Finding.sides`, a contradiction's positions and a dispute's claim and denial.
 */
export const SCHEMA_VERSION = 5 as const

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

/**
 * A report read from a store that an older crosscheck left (`crosscheck report --db` never extracts or
 * judges): what in it is older than this crosscheck, counted, so the report says so wherever it is read.
 */
export const OutdatedStore = Schema.Struct({
  /** Documents in the store. */
  documents: Schema.Number,
  /** Of them, those another extractor version read: their claims are not what this crosscheck would find. */
  staleDocuments: Schema.Number,
  /** The analysis version the findings were judged with; null for a store from before versions were kept. */
  analysisVersion: Schema.NullOr(Schema.String),
  /** This crosscheck's analysis version. */
  analysisNow: Schema.String,
}).annotations({ identifier: "OutdatedStore" })
export type OutdatedStore = typeof OutdatedStore.Type

export const Report = Schema.Struct({
  /** Written as SCHEMA_VERSION; a report of version 2, 3 or 4 reads as it is (3, 4 and 5 only added fields). */
  schemaVersion: Schema.Literal(2, 3, 4, SCHEMA_VERSION),
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
  /** What of the store is older than this crosscheck; absent when the report is not read from a store, or it is current. */
  outdatedStore: Schema.optional(OutdatedStore),
}).annotations({ identifier: "Report", title: "crosscheck report" })
export type Report = typeof Report.Type

export const decode = Schema.decodeUnknownSync(Report)
export const decodeEither = Schema.decodeUnknownEither(Report)

export const jsonSchema = (): object => JSONSchema.make(Report)
