/**
 * Candidate pairs without comparing every pair. Items are filed under keys (concepts of their action,
 * rare or counted words) within scopes (each entity they name, and one plain scope); only items that
 * share a key in a scope, from different documents, are visited.
 *
 * Memory stays proportional to the items, not to every key × entity combination: the scopes are
 * indexed one at a time (the plain scope, then each entity's items), each scope's blocks are built,
 * visited and dropped before the next. Pairs are visited item by item, so a caller can prepare one
 * item once and compare it with all of its candidates.
 */

export interface Options {
  /** A key shared by more items than this says too little to be worth comparing them all (a stop key). */
  readonly maxBlock?: number
}

/** What the index reads off the items it pairs. */
export interface Source {
  readonly size: number
  /** Items of different documents pair; two items of one document never do. */
  readonly document: (item: number) => number
  /** Items of different groups never pair (statements and quantities). */
  readonly group: (item: number) => number
  /** The entity scopes of an item (ids ≥ 0), at most a few; a view will do, as they are only read. */
  readonly scopes: (item: number) => ArrayLike<number>
  /**
   * The item's keys in a scope (`PLAIN` for the plain scope), given to `emit`. Contract: an item's plain
   * keys are among its keys in each of its scopes, so two items sharing an entity are paired in that
   * entity's scope and need not be in the plain one.
   */
  readonly keys: (item: number, scope: number, emit: (key: number) => void) => void
}

export const PLAIN = -1

export const DEFAULT_MAX_BLOCK = 64

export interface Stats {
  /**
   * Blocks over the cap whose pairs were not all visited: a finer block (two over-cap keys shared) still
   * over it, or items of the block with no second over-cap key to split by. Counted, never silent.
   */
  readonly skipped: number
  /** Blocks over the cap that were split by a second key their items share. */
  readonly split: number
  /** Pairs visited. */
  readonly pairs: number
}

const OVERFLOW: ReadonlyArray<number> = []

/** The entity both items name that comes first in id order, or -1. */
const firstShared = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let best = -1
  for (let i = 0; i < a.length; i++) {
    const e = a[i] ?? -1
    if (best >= 0 && e >= best) continue
    for (let j = 0; j < b.length; j++)
      if (b[j] === e) {
        best = e
        break
      }
  }
  return best
}

/**
 * The scopes to index, numbered in the order first met: per group, the plain scope with every item, then
 * each entity with its items. The items of scope n are `items[start[n]..start[n + 1])`, in ascending
 * order: one array for all, where an array, a key and an entry per scope held 40 MB at 10,000 documents.
 */
const scopesOf = (
  source: Source,
): { readonly scope: Int32Array; readonly start: Int32Array; readonly items: Int32Array } => {
  const numbers = new Map<number, Map<number, number>>()
  const scope: number[] = []
  const count: number[] = []
  const numberOf = (group: number, s: number): number => {
    let byScope = numbers.get(group)
    if (!byScope) {
      byScope = new Map()
      numbers.set(group, byScope)
    }
    let n = byScope.get(s)
    if (n === undefined) {
      n = scope.length
      byScope.set(s, n)
      scope.push(s)
      count.push(0)
    }
    return n
  }
  const forEachScope = (item: number, f: (n: number) => void) => {
    const group = source.group(item)
    const own = source.scopes(item)
    f(numberOf(group, PLAIN))
    for (let k = 0; k < own.length; k++) f(numberOf(group, own[k] ?? PLAIN))
  }
  for (let item = 0; item < source.size; item++)
    forEachScope(item, (n) => {
      count[n] = (count[n] ?? 0) + 1
    })
  const start = new Int32Array(scope.length + 1)
  for (let n = 0; n < scope.length; n++) start[n + 1] = (start[n] ?? 0) + (count[n] ?? 0)
  const items = new Int32Array(start[scope.length] ?? 0)
  const next = start.slice(0, scope.length)
  for (let item = 0; item < source.size; item++)
    forEachScope(item, (n) => {
      items[next[n] ?? 0] = item
      next[n] = (next[n] ?? 0) + 1
    })
  return { scope: Int32Array.from(scope), start, items }
}

/**
 * Calls `visit(x, y)` once for each unordered pair of items from different documents that share a key
 * in a scope whose block is under the cap; `x` runs in ascending order and `y > x`.
 */
export const forEachPair = (source: Source, visit: (x: number, y: number) => void, options: Options = {}): Stats => {
  const max = options.maxBlock ?? DEFAULT_MAX_BLOCK
  const scopes = scopesOf(source)
  const stamp = new Int32Array(source.size).fill(-1)
  let tick = 0
  let skipped = 0
  let split = 0
  let pairs = 0
  for (let n = 0; n < scopes.scope.length; n++) {
    const scope = scopes.scope[n] ?? PLAIN
    const items = scopes.items.subarray(scopes.start[n] ?? 0, scopes.start[n + 1] ?? 0)
    if (items.length < 2) continue
    const blocks = new Map<number, number[] | typeof OVERFLOW>()
    // The items of each block over the cap, kept to split it by a second key.
    const over = new Map<number, number[]>()
    for (const item of items)
      source.keys(item, scope, (key) => {
        const block = blocks.get(key)
        if (!block) blocks.set(key, [item])
        else if (block === OVERFLOW) {
          const all = over.get(key) as number[]
          if (all[all.length - 1] !== item) all.push(item)
        } else if (block[block.length - 1] !== item) {
          if (block.length >= max) {
            blocks.set(key, OVERFLOW)
            over.set(key, [...(block as number[]), item])
          } else (block as number[]).push(item)
        }
      })
    for (const x of items) {
      const t = tick++
      const document = source.document(x)
      const xScopes = source.scopes(x)
      source.keys(x, scope, (key) => {
        const block = blocks.get(key)
        if (!block || block.length < 2) return
        for (const y of block) {
          if (y <= x || stamp[y] === t || source.document(y) === document) continue
          stamp[y] = t
          // A pair that shares an entity is visited in that entity's scope (the first one they share).
          const shared = firstShared(xScopes, source.scopes(y))
          if (scope === PLAIN ? shared >= 0 : shared !== scope) continue
          pairs++
          visit(x, y)
        }
      })
    }
    if (over.size === 0) continue
    const finer = splitOver(source, scope, over, max)
    skipped += finer.skipped
    split += over.size
    for (const [x, y] of finer.pairs) {
      // A pair that also shares a key under the cap was visited above.
      if (finer.sharesSmall(x, y, blocks)) continue
      pairs++
      visit(x, y)
    }
  }
  return { skipped, split, pairs }
}

/**
 * Splits the blocks over the cap by a second key: items sharing two over-cap keys form a finer block,
 * whose pairs are visited when it is under the cap. What cannot be split that way is counted as skipped.
 */
const splitOver = (source: Source, scope: number, over: ReadonlyMap<number, ReadonlyArray<number>>, max: number) => {
  const keysOf = new Map<number, number[]>()
  for (const list of over.values())
    for (const item of list) {
      if (keysOf.has(item)) continue
      const own: number[] = []
      source.keys(item, scope, (key) => {
        if (!own.includes(key)) own.push(key)
      })
      keysOf.set(item, own)
    }
  const finer = new Map<string, number[]>()
  let skipped = 0
  for (const [key, list] of over) {
    let alone = false
    for (const item of list) {
      const second = (keysOf.get(item) ?? []).filter((k) => k !== key && over.has(k))
      if (second.length === 0) alone = true
      // Each pair of over-cap keys once, from the smaller key.
      for (const k of second) {
        if (k < key) continue
        const tag = `${key},${k}`
        const block = finer.get(tag)
        if (block) block.push(item)
        else finer.set(tag, [item])
      }
    }
    if (alone) skipped++
  }
  const found: Array<readonly [number, number]> = []
  const seen = new Set<string>()
  for (const block of finer.values()) {
    if (block.length < 2) continue
    if (block.length > max) {
      skipped++
      continue
    }
    for (let i = 0; i < block.length; i++)
      for (let j = i + 1; j < block.length; j++) {
        const a = block[i] ?? 0
        const b = block[j] ?? 0
        const [x, y] = a < b ? [a, b] : [b, a]
        if (source.document(x) === source.document(y)) continue
        const shared = firstShared(source.scopes(x), source.scopes(y))
        if (scope === PLAIN ? shared >= 0 : shared !== scope) continue
        const tag = `${x},${y}`
        if (seen.has(tag)) continue
        seen.add(tag)
        found.push([x, y])
      }
  }
  found.sort((p, q) => p[0] - q[0] || p[1] - q[1])
  const sharesSmall = (x: number, y: number, blocks: ReadonlyMap<number, ReadonlyArray<number>>): boolean => {
    const ky = keysOf.get(y) ?? []
    return (keysOf.get(x) ?? []).some((k) => ky.includes(k) && blocks.get(k) !== OVERFLOW && blocks.has(k))
  }
  return { pairs: found, skipped, sharesSmall }
}
