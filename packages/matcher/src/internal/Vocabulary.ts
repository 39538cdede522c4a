/**
 * Numbers for the strings one alignment meets again and again: lemma sets, concept keys and entity
 * ids. Claims are then kept as small integer arrays rather than as maps of strings, and words relate
 * through sorted arrays of concept numbers. One vocabulary lives as long as one `align` call.
 */
import type * as Lexicon from "../Lexicon.js"

export interface Vocabulary {
  /** The number of a set of lemmas (a word's base forms); the same lemmas give the same number. */
  readonly set: (lemmas: ReadonlyArray<string>) => number
  readonly lemmas: (set: number) => ReadonlyArray<string>
  /** The concept keys of a lemma set's lemmas (Lexicon.concepts), as ascending numbers. */
  readonly concepts: (set: number) => Int32Array
  /** The number of one concept key ("d:area", "w:troop"). */
  readonly concept: (key: string) => number
  readonly conceptCount: () => number
  readonly entity: (id: string) => number
  readonly entityId: (n: number) => string
}

/** Numbers for keys in the order first met, and the values they stand for. */
const numbering = <T>() => {
  const numbers = new Map<string, number>()
  const values: T[] = []
  return {
    number: (key: string, value: T): number => {
      let n = numbers.get(key)
      if (n === undefined) {
        n = values.length
        numbers.set(key, n)
        values.push(value)
      }
      return n
    },
    value: (n: number): T | undefined => values[n],
    size: () => values.length,
  }
}

export const make = (lexicon: Lexicon.Service): Vocabulary => {
  const sets = numbering<ReadonlyArray<string>>()
  const setConcepts: Array<Int32Array | undefined> = []
  const concepts = numbering<string>()
  const entities = numbering<string>()
  const concept = (key: string): number => concepts.number(key, key)
  return {
    set: (lemmas) => sets.number(lemmas.join(" "), lemmas),
    lemmas: (set) => sets.value(set) ?? [],
    concepts: (set) => {
      let out = setConcepts[set]
      if (!out) {
        const ids = new Set<number>()
        for (const l of sets.value(set) ?? []) for (const c of lexicon.concepts(l)) ids.add(concept(c))
        out = Int32Array.from(ids).sort()
        setConcepts[set] = out
      }
      return out
    },
    concept,
    conceptCount: concepts.size,
    entity: (id) => entities.number(id, id),
    entityId: (n) => entities.value(n) ?? "",
  }
}
