/**
 * One article as crosscheck reads it: text plus the metadata its input gave (docs/report-format.md `Document`).
 * `origin.index` tells articles of one aggregated file apart.
 */
import { Schema } from "effect"
import { DocumentId } from "./Ids.js"

export const Origin = Schema.Struct({
  path: Schema.String,
  index: Schema.NonNegativeInt,
}).annotations({ identifier: "Origin" })
export type Origin = typeof Origin.Type

export const Document = Schema.Struct({
  id: DocumentId,
  outlet: Schema.String,
  title: Schema.NullOr(Schema.String),
  publishedAt: Schema.NullOr(Schema.String),
  url: Schema.NullOr(Schema.String),
  origin: Origin,
  syndicationGroup: Schema.NullOr(Schema.String),
  /** The outlet under its canonical name ("NYT" and "nytimes.com" are "The New York Times"); absent before schemaVersion 2. */
  canonicalOutlet: Schema.optional(Schema.String),
  /** The story (event) the document reports, once the story stage has run. */
  storyId: Schema.optional(Schema.NullOr(Schema.String)),
  text: Schema.String,
}).annotations({ identifier: "Document" })
export type Document = typeof Document.Type
