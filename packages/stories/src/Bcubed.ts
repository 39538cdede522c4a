/**
 * B-cubed precision, recall and F1 of a clustering against gold classes (Bagga & Baldwin 1998), the
 * measure story-clustering papers report: per item, the share of its cluster that shares its class.
 */

export interface Scores {
  readonly precision: number
  readonly recall: number
  readonly f1: number
}

/** `predicted` and `gold` give each item's cluster and class; items missing from either are ignored. */
export const score = (predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): Scores => {
  const items = [...predicted.keys()].filter((k) => gold.has(k))
  const count = (pairs: ReadonlyArray<string>) => {
    const m = new Map<string, number>()
    for (const p of pairs) m.set(p, (m.get(p) ?? 0) + 1)
    return m
  }
  const clusterSize = count(items.map((i) => predicted.get(i) ?? ""))
  const classSize = count(items.map((i) => gold.get(i) ?? ""))
  const both = count(items.map((i) => `${predicted.get(i)}\u0000${gold.get(i)}`))
  let precision = 0
  let recall = 0
  for (const i of items) {
    const c = predicted.get(i) ?? ""
    const g = gold.get(i) ?? ""
    const shared = both.get(`${c}\u0000${g}`) ?? 0
    precision += shared / (clusterSize.get(c) ?? 1)
    recall += shared / (classSize.get(g) ?? 1)
  }
  const n = Math.max(items.length, 1)
  const p = precision / n
  const r = recall / n
  return { precision: p, recall: r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 }
}
