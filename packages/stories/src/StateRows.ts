/**
 * The story state as a store keeps it, row by row: counters every story shares (documents seen, each
 * term's document frequency) and one record per story, so a batch writes only what it changed.
 */
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
  readonly stories: ReadonlyArray<readonly [string, unknown]>
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

/** The whole state as rows. */
export const toRows = (state: State.State): Rows => ({
  counters: [[SEEN, state.seen, null], ...state.terms.map(counterOf)],
  stories: state.stories.map((s) => keyed(state, s)),
})

/** The state back from its rows, terms numbered in the order of their rows; throws a ParseError when malformed. */
export const fromRows = (rows: Rows): State.State => {
  let seen = 0
  const terms: State.TermRecord[] = []
  const number = new Map<string, number>()
  for (const [key, count, note] of rows.counters) {
    if (key === SEEN) {
      seen = count
      continue
    }
    const r = REPRESENTATION_OF[key.slice(0, 2)]
    if (!r) continue
    number.set(key, terms.length)
    const term = key.slice(2)
    terms.push(note === null || note === term ? [r, term, count] : [r, term, count, note])
  }
  const stories = rows.stories.map(([id, value]) => {
    const record = value as KeyedRecord
    const centroid = (r: State.Representation) => ({
      // A key missing from the counters becomes -1, which the decoding below refuses.
      ids: record.centroid[r].keys.map((k) => number.get(`${PREFIX[r]}${k}`) ?? -1),
      weights: record.centroid[r].weights,
    })
    return {
      ...record,
      id,
      centroid: { body: centroid("body"), names: centroid("names"), title: centroid("title") },
    }
  })
  return State.decode({ version: 1, seen, terms, stories })
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
  const sizeBefore = new Map(before.stories.map((s) => [s.id, s.documentIds.length]))
  const stories = after.stories.filter((s) => sizeBefore.get(s.id) !== s.documentIds.length).map((s) => keyed(after, s))
  return { counters, stories }
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
  return { counters: [...counters.values()], stories: [...stories] }
}
