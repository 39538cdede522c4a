/**
 * What the story stage keeps between runs, as plain JSON: term statistics and each story's centroid,
 * so a store can place new documents without reading (or tokenising) the documents placed before.
 */
import { Schema } from "effect"

export type Representation = "body" | "names" | "title"
const REPRESENTATIONS: ReadonlySet<unknown> = new Set<Representation>(["body", "names", "title"])

/**
 * One term: representation, folded key, document frequency, and how it was first written when that is
 * not the key itself (names: "Marlow Springs" for "marlow spring"), for story labels.
 */
export type TermRecord = readonly [Representation, string, number] | readonly [Representation, string, number, string]

// The two large arrays are checked by plain loops: element by element through Schema, reading a
// saved state took as long as re-reading the documents it stands for.
const isNumbers = (u: unknown): u is ReadonlyArray<number> =>
  Array.isArray(u) && u.every((x) => typeof x === "number" && Number.isFinite(x))
const isTerms = (u: unknown): u is ReadonlyArray<TermRecord> =>
  Array.isArray(u) &&
  u.every(
    (t) =>
      Array.isArray(t) &&
      (t.length === 3 || (t.length === 4 && typeof t[3] === "string")) &&
      REPRESENTATIONS.has(t[0]) &&
      typeof t[1] === "string" &&
      Number.isInteger(t[2]) &&
      t[2] >= 0,
  )

const Numbers = Schema.declare(isNumbers, { identifier: "Numbers", description: "an array of finite numbers" })
const Terms = Schema.declare(isTerms, {
  identifier: "Terms",
  description: "[representation, key, document frequency, written?] tuples",
})

/** A sparse vector as parallel arrays: term numbers (indexing `State.terms`) and their weights. */
const Sparse = Schema.Struct({ ids: Numbers, weights: Numbers }).pipe(
  Schema.filter((v) => v.ids.length === v.weights.length || "ids and weights differ in length"),
)

export const StoryRecord = Schema.Struct({
  id: Schema.String,
  /** First and last publication dates (ISO) of its dated articles. */
  start: Schema.NullOr(Schema.String),
  end: Schema.NullOr(Schema.String),
  /**
   * The distinct days (since 1970) its dated articles were published on, ascending: an article is near a
   * story when near one of its articles, not anywhere inside a span a follow-up stretched. A state saved
   * before this was kept reads as its first and last day.
   */
  days: Schema.optional(Numbers),
  outlets: Schema.Array(Schema.String),
  documentIds: Schema.Array(Schema.String),
  /**
   * Sum of its documents' unit TF-IDF vectors in millionths (whole numbers), per representation, and
   * that sum's squared length in the same units.
   */
  centroid: Schema.Struct({ body: Sparse, names: Sparse, title: Sparse }),
  norm2: Schema.Struct({ body: Schema.Number, names: Schema.Number, title: Schema.Number }),
}).annotations({ identifier: "StoryRecord" })
export type StoryRecord = typeof StoryRecord.Type

/** Every centroid's term numbers index the term table, and a document is in one story only. */
const consistent = (state: {
  readonly terms: ReadonlyArray<unknown>
  readonly stories: ReadonlyArray<StoryRecord>
}): string | true => {
  const placed = new Set<string>()
  for (const s of state.stories) {
    for (const { ids } of [s.centroid.body, s.centroid.names, s.centroid.title])
      for (const id of ids)
        if (!Number.isInteger(id) || id < 0 || id >= state.terms.length)
          return `story ${s.id} refers to term ${id}, not in the table of ${state.terms.length}`
    for (const d of s.documentIds) {
      if (placed.has(d)) return `document ${d} is in two stories`
      placed.add(d)
    }
  }
  return true
}

export const State = Schema.Struct({
  version: Schema.Literal(1),
  /** Documents counted into the document frequencies. */
  seen: Schema.NonNegativeInt,
  /** Every term in the order it was first seen. */
  terms: Terms,
  /** Stories in the order they were started. */
  stories: Schema.Array(StoryRecord),
})
  .pipe(Schema.filter(consistent))
  .annotations({ identifier: "StoryState" })
export type State = typeof State.Type

/** A state read back from storage (e.g. `JSON.parse` of a saved one); throws a ParseError when malformed. */
export const decode = Schema.decodeUnknownSync(State)
export const decodeEither = Schema.decodeUnknownEither(State)

export const empty: State = { version: 1, seen: 0, terms: [], stories: [] }
