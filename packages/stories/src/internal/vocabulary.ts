/**
 * The story stage's term table: each representation's terms numbered as first seen, their document
 * frequencies counted online, and a document's unit TF-IDF vector per representation from them.
 */

import type { Representation, TermRecord } from "../State.js"

export type { Representation } from "../State.js"
export const REPRESENTATIONS: ReadonlyArray<Representation> = ["body", "names", "title"]

/** A sparse unit vector, strongest term first (ties by term number), as parallel arrays. */
export interface Vector {
  readonly ids: ReadonlyArray<number>
  readonly weights: ReadonlyArray<number>
}

export const EMPTY: Vector = { ids: [], weights: [] }

export interface Vocabulary {
  readonly intern: (r: Representation, key: string, written: string) => number
  /** Counts one document whose distinct terms are `ids` into the document frequencies. */
  readonly count: (ids: Iterable<number>) => void
  readonly vector: (counts: ReadonlyMap<number, number>, keep: number) => Vector
  /** How a term was first written (for labels). */
  readonly surface: (id: number) => string
  /** A term's folded key. */
  readonly key: (id: number) => string
  readonly records: () => { readonly seen: number; readonly terms: ReadonlyArray<TermRecord> }
}

/**
 * `prior`: IDF as if that many more documents without the term had been seen. In a feed of four
 * articles on one event, the event's own words are in every article, and plain IDF would count them
 * for nothing. `from` restores a table saved by `records`, numbering its terms as they were.
 */
export const make = (
  prior: number,
  from: { readonly seen: number; readonly terms: ReadonlyArray<TermRecord> } = { seen: 0, terms: [] },
): Vocabulary => {
  const ids: Record<Representation, Map<string, number>> = { body: new Map(), names: new Map(), title: new Map() }
  const reps: Representation[] = []
  const keys: string[] = []
  const written: string[] = []
  const df: number[] = []
  let seen = from.seen

  const intern = (r: Representation, key: string, surface: string): number => {
    let id = ids[r].get(key)
    if (id === undefined) {
      id = keys.length
      ids[r].set(key, id)
      reps.push(r)
      keys.push(key)
      written.push(surface)
      df.push(0)
    }
    return id
  }
  for (const [r, key, n, surface] of from.terms) df[intern(r, key, surface ?? key)] = n

  // Incremental: a document's terms are counted once, when it is placed, so no earlier weight changes.
  const idf = (id: number): number => Math.log((seen + prior) / Math.max(1, df[id] ?? 0))

  const vector = (counts: ReadonlyMap<number, number>, keep: number): Vector => {
    const weighted: Array<readonly [number, number]> = []
    for (const [id, n] of counts) weighted.push([id, (1 + Math.log(n)) * idf(id)])
    weighted.sort((a, b) => b[1] - a[1] || a[0] - b[0])
    const kept = weighted.length > keep ? weighted.slice(0, keep) : weighted
    let norm2 = 0
    for (const [, w] of kept) norm2 += w * w
    if (norm2 <= 0) return EMPTY
    const norm = Math.sqrt(norm2)
    return { ids: kept.map(([id]) => id), weights: kept.map(([, w]) => w / norm) }
  }

  return {
    intern,
    count: (terms) => {
      for (const id of terms) df[id] = (df[id] ?? 0) + 1
      seen++
    },
    vector,
    surface: (id) => written[id] ?? "",
    key: (id) => keys[id] ?? "",
    records: () => ({
      seen,
      terms: keys.map((key, id): TermRecord => {
        const [r, n, surface] = [reps[id] ?? "body", df[id] ?? 0, written[id] ?? key]
        return surface === key ? [r, key, n] : [r, key, n, surface]
      }),
    }),
  }
}
