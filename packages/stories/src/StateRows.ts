/**
 * The story state as a store keeps it, row by row: counters every story shares (documents seen, each
 * term's document frequency) and one record per story, so a batch writes only what it changed.
 */
import type * as Clustering from "./Clustering.js"
import * as State from "./State.js"

/** [key, count, note]: a counter, and for a term how it was first written when that is not its key. */
export type Counter = readonly [key: string, count: number, note: string | null]

/**
 * The rows of a state, or of one batch's change to it: in a change each count is what the batch adds
 * (so two batches on different stories add up instead of one overwriting the other) and each story
 * record replaces the stored one. Counters are in the order first written; stories in the order started.
 */
export interface Rows {
  readonly counters: ReadonlyArray<Counter>
  /** [story id, record]; in part of a state, a story read by id only has a null record. */
  readonly stories: ReadonlyArray<readonly [string, unknown]>
  /**
   * [term key, story id]: the story's centroid has the term, so a document with it looks the story up
   * there. The whole state's, or a change's new ones; in part of a state, those of the keys `read`.
   */
  readonly postings?: ReadonlyArray<readonly [string, string]>
  /**
   * Only in part of a state: the keys whose stories were read (every one filed under the key, or the
   * newest Clustering.READ_POSTINGS); a key read without postings has none.
   */
  readonly read?: ReadonlyArray<string>
}

/** A story's record with its centroid's terms by key, not by number: numbers are one process's own. */
interface KeyedRecord extends Omit<State.StoryRecord, "id" | "centroid"> {
  readonly centroid: Record<
    State.Representation,
    { readonly keys: ReadonlyArray<string>; readonly weights: ReadonlyArray<number> }
  >
}

const SEEN = "#seen"
const PREFIX: Readonly<Record<State.Representation, string>> = { body: "b:", names: "n:", title: "t:" }
const REPRESENTATION_OF: Readonly<Record<string, State.Representation>> = { "b:": "body", "n:": "names", "t:": "title" }

const counterOf = (t: State.TermRecord): Counter => [`${PREFIX[t[0]]}${t[1]}`, t[2], t[3] ?? null]

const keyed = (state: State.State, s: State.StoryRecord): readonly [string, KeyedRecord] => {
  const keyOf = (id: number) => {
    const t = state.terms[id]
    return t ? t[1] : ""
  }
  const centroid = (r: State.Representation) => ({
    keys: s.centroid[r].ids.map(keyOf),
    weights: s.centroid[r].weights,
  })
  const { id, centroid: _, ...rest } = s
  return [id, { ...rest, centroid: { body: centroid("body"), names: centroid("names"), title: centroid("title") } }]
}

const REPRESENTATIONS: ReadonlyArray<State.Representation> = ["body", "names", "title"]

/** The keys a story is filed under: every term of its centroid, with its representation's prefix. */
const filingsOf = (id: string, record: KeyedRecord): Array<readonly [string, string]> =>
  REPRESENTATIONS.flatMap((r) => record.centroid[r].keys.map((k) => [`${PREFIX[r]}${k}`, id] as const))

/** The whole state as rows. */
export const toRows = (state: State.State): Rows => {
  const stories = state.stories.map((s) => keyed(state, s))
  return {
    counters: [[SEEN, state.seen, null], ...state.terms.map(counterOf)],
    stories,
    postings: stories.flatMap(([id, record]) => filingsOf(id, record)),
  }
}

/** The counter keys placing a document reads: documents seen, and each of its terms. */
export const keysOf = (terms: ReadonlyArray<readonly [State.Representation, string]>): ReadonlyArray<string> => [
  SEEN,
  ...terms.map(([r, k]) => `${PREFIX[r]}${k}`),
]

/**
 * Part of a state read back from its rows, for `Clustering.assign`: the counters read numbered first
 * (in their order), then the other terms the stories' centroids have, numbered without counts.
 */
export const fromPart = (rows: Rows): { readonly state: State.State; readonly part: Clustering.Part } => {
  // Each term's number, as `build` numbered them (not made again: hundreds of thousands of keys).
  const { state, counted, numbers } = build(rows, true)
  const number = (key: string): number | undefined => {
    const r = REPRESENTATION_OF[key.slice(0, 2)]
    return r ? numbers[r].get(key.slice(2)) : undefined
  }
  const filed = new Map<string, string[]>()
  for (const key of rows.read ?? []) filed.set(key, [])
  for (const [key, id] of rows.postings ?? []) filed.get(key)?.push(id)
  const postings = [...filed].flatMap(([key, ids]) => {
    const id = number(key)
    return id === undefined ? [] : [[id, ids] as const]
  })
  return { state, part: { order: rows.stories.map(([id]) => id), postings, counted } }
}

/** What placing from part of a state still needs, by key: a store reads these and places again. */
export const needsOf = (
  state: State.State,
  needs: Clustering.Needs,
): {
  readonly keys: ReadonlyArray<string>
  readonly stories: ReadonlyArray<string>
  readonly counters: ReadonlyArray<string>
} => {
  const keyOf = (id: number) => {
    const t = state.terms[id]
    return t ? [`${PREFIX[t[0]]}${t[1]}`] : []
  }
  return { keys: needs.postings.flatMap(keyOf), stories: needs.stories, counters: needs.counters.flatMap(keyOf) }
}

/** The state back from its rows, terms numbered in the order of their rows; throws a ParseError when malformed. */
export const fromRows = (rows: Rows): State.State => build(rows, false).state

/**
 * The state from rows; with `uncounted`, a centroid's term missing from the counters is numbered after
 * them without a count (part of a state), else it is refused. `counted`: how many terms the counters gave.
 */
const build = (
  rows: Rows,
  uncounted: boolean,
): {
  readonly state: State.State
  readonly counted: number
  readonly numbers: Readonly<Record<State.Representation, ReadonlyMap<string, number>>>
} => {
  let seen = 0
  const terms: State.TermRecord[] = []
  // By representation, then term: a prefixed key made for each centroid term was most of building's garbage.
  const numbers: Record<State.Representation, Map<string, number>> = {
    body: new Map(),
    names: new Map(),
    title: new Map(),
  }
  for (const [key, count, note] of rows.counters) {
    if (key === SEEN) {
      seen = count
      continue
    }
    const r = REPRESENTATION_OF[key.slice(0, 2)]
    if (!r) continue
    const term = key.slice(2)
    numbers[r].set(term, terms.length)
    terms.push(note === null || note === term ? [r, term, count] : [r, term, count, note])
  }
  const counted = terms.length
  const numberOf = (r: State.Representation, k: string): number => {
    const id = numbers[r].get(k)
    if (id !== undefined || !uncounted) return id ?? -1
    numbers[r].set(k, terms.length)
    terms.push([r, k, 0])
    return terms.length - 1
  }
  const records = rows.stories.filter(([, value]) => value !== null || !uncounted)
  const stories = records.map(([id, value]) => {
    const record = value as KeyedRecord
    const centroid = (r: State.Representation) => ({
      // A key missing from the counters becomes -1 (unless uncounted), which the decoding below refuses.
      ids: record.centroid[r].keys.map((k) => numberOf(r, k)),
      weights: record.centroid[r].weights,
    })
    return {
      ...record,
      id,
      centroid: { body: centroid("body"), names: centroid("names"), title: centroid("title") },
    }
  })
  return { state: State.decode({ version: 1, seen, terms, stories }), counted, numbers }
}

/**
 * What placing a batch changed, from the state it started from (`before`) to the one it ended in: counts
 * as amounts added, new terms with their notes, and the records of the stories that took a document.
 */
export const change = (before: State.State, after: State.State): Rows => {
  const counters: Counter[] = []
  if (after.seen !== before.seen) counters.push([SEEN, after.seen - before.seen, null])
  after.terms.forEach((t, i) => {
    const was = before.terms[i]
    if (!was) counters.push(counterOf(t))
    else if (was[2] !== t[2]) counters.push([counterOf(t)[0], t[2] - was[2], null])
  })
  // A story changed when its documents did: the settling pass may move a document out of a story that
  // took another one in the same batch, so the count alone can stay the same.
  const documentsBefore = new Map(before.stories.map((s) => [s.id, s.documentIds]))
  const same = (a: ReadonlyArray<string> | undefined, b: ReadonlyArray<string>) =>
    a !== undefined && a.length === b.length && a.every((x, i) => x === b[i])
  const stories = after.stories
    .filter((s) => !same(documentsBefore.get(s.id), s.documentIds))
    .map((s) => keyed(after, s))
  // The keys each changed story is newly filed under: terms its centroid took up in this batch.
  const was = new Map(before.stories.map((s) => [s.id, s]))
  const postings = stories.flatMap(([id, record]) => {
    const old = was.get(id)
    const had = new Set(old ? filingsOf(id, keyed(before, old)[1]).map(([key]) => key) : [])
    return filingsOf(id, record).filter(([key]) => !had.has(key))
  })
  return { counters, stories, postings }
}

/** Adds a change to rows, as a store writing it does (for tests and for callers keeping rows in memory). */
export const apply = (rows: Rows, delta: Rows): Rows => {
  const counters = new Map(rows.counters.map((c) => [c[0], c]))
  for (const [key, add, note] of delta.counters) {
    const was = counters.get(key)
    counters.set(key, was ? [key, was[1] + add, was[2]] : [key, add, note])
  }
  const stories = new Map(rows.stories)
  for (const [id, record] of delta.stories) stories.set(id, record)
  const postings = [...(rows.postings ?? [])]
  const filed = new Set(postings.map(([key, id]) => `${key}\u0000${id}`))
  for (const [key, id] of delta.postings ?? []) if (!filed.has(`${key}\u0000${id}`)) postings.push([key, id])
  return { counters: [...counters.values()], stories: [...stories], postings }
}
