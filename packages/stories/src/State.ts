/**
 * What the story stage keeps between runs, as plain JSON: term statistics and each story's centroid,
 * so a store can place new documents without reading (or tokenising) the documents placed before.
 */
import { Schema } from "effect"

const Representation = Schema.Literal("body", "names", "title")

/** A centroid: [term number, weight] pairs, term numbers indexing `State.terms`. */
const Centroid = Schema.Array(Schema.Tuple(Schema.Number, Schema.Number))

export const StoryRecord = Schema.Struct({
  id: Schema.String,
  /** First and last publication dates (ISO) of its dated articles. */
  start: Schema.NullOr(Schema.String),
  end: Schema.NullOr(Schema.String),
  outlets: Schema.Array(Schema.String),
  documentIds: Schema.Array(Schema.String),
  /** Sum of its documents' unit TF-IDF vectors, per representation, and that sum's squared length. */
  centroid: Schema.Struct({ body: Centroid, names: Centroid, title: Centroid }),
  norm2: Schema.Struct({ body: Schema.Number, names: Schema.Number, title: Schema.Number }),
}).annotations({ identifier: "StoryRecord" })
export type StoryRecord = typeof StoryRecord.Type

export const State = Schema.Struct({
  version: Schema.Literal(1),
  /** Documents counted into the document frequencies. */
  seen: Schema.Number,
  /** Every term in the order it was first seen: representation, folded key, first written form, document frequency. */
  terms: Schema.Array(Schema.Tuple(Representation, Schema.String, Schema.String, Schema.Number)),
  /** Stories in the order they were started. */
  stories: Schema.Array(StoryRecord),
}).annotations({ identifier: "StoryState" })
export type State = typeof State.Type

/** A state read back from storage (e.g. `JSON.parse` of a saved one); throws a ParseError when malformed. */
export const decode = Schema.decodeUnknownSync(State)
export const decodeEither = Schema.decodeUnknownEither(State)

export const empty: State = { version: 1, seen: 0, terms: [], stories: [] }
