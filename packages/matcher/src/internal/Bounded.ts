/**
 * A memo that forgets: at most two generations of `limit` entries. What was used in the last
 * generation is carried into the next; the rest goes. The lexicon's memos are process-wide, and a
 * long-running service reads an ever-growing vocabulary of names, so an unbounded Map would only grow.
 */
export interface Memo<K, V> {
  readonly get: (key: K) => V | undefined
  readonly set: (key: K, value: V) => void
  readonly size: () => number
}

export const memo = <K, V>(limit: number): Memo<K, V> => {
  let young = new Map<K, V>()
  let old = new Map<K, V>()
  const set = (key: K, value: V) => {
    young.set(key, value)
    if (young.size >= limit) {
      old = young
      young = new Map()
    }
  }
  return {
    get: (key) => {
      const hit = young.get(key)
      if (hit !== undefined) return hit
      const kept = old.get(key)
      if (kept !== undefined) set(key, kept)
      return kept
    },
    set,
    size: () => young.size + old.size,
  }
}
