/** Disjoint sets over 0..n-1 with path compression: which documents have been joined, transitively. */
export interface UnionFind {
  readonly find: (i: number) => number
  readonly union: (a: number, b: number) => void
}

export const make = (n: number): UnionFind => {
  const parent = Array.from({ length: n }, (_, i) => i)
  const find = (i: number): number => {
    let r = i
    while (parent[r] !== r) r = parent[r] ?? r
    let k = i
    while (parent[k] !== r) {
      const next = parent[k] ?? r
      parent[k] = r
      k = next
    }
    return r
  }
  return {
    find,
    union: (a, b) => {
      parent[find(a)] = find(b)
    },
  }
}
