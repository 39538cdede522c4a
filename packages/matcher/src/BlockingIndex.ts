/**
 * Candidate pairs without comparing every pair: items are filed under keys (entity + action concept,
 * counted concept + subject), and only items sharing a key, from different documents, are compared.
 */

export interface Options {
  /** A key shared by more items than this says too little to be worth comparing them all (a stop key). */
  readonly maxBlock?: number
}

export interface Index {
  readonly add: (item: number, document: string, keys: Iterable<string>) => void
  /** Each unordered pair of items from different documents that share a key in a block under the cap. */
  readonly pairs: () => ReadonlyArray<readonly [number, number]>
  /** Keys skipped because their block was over the cap, for diagnostics. */
  readonly skipped: () => number
}

export const DEFAULT_MAX_BLOCK = 64

export const make = (options: Options = {}): Index => {
  const max = options.maxBlock ?? DEFAULT_MAX_BLOCK
  const blocks = new Map<string, number[]>()
  const documentOf: string[] = []
  let skipped = 0
  return {
    add: (item, document, keys) => {
      documentOf[item] = document
      for (const key of keys) {
        const block = blocks.get(key)
        if (!block) blocks.set(key, [item])
        else if (block[block.length - 1] !== item) block.push(item)
      }
    },
    pairs: () => {
      const seen = new Set<number>()
      const out: Array<readonly [number, number]> = []
      skipped = 0
      const width = documentOf.length
      for (const block of blocks.values()) {
        if (block.length < 2) continue
        if (block.length > max) {
          skipped++
          continue
        }
        for (let x = 0; x < block.length; x++) {
          for (let y = x + 1; y < block.length; y++) {
            const a = block[x] ?? 0
            const b = block[y] ?? 0
            if (documentOf[a] === documentOf[b]) continue
            const [lo, hi] = a < b ? [a, b] : [b, a]
            const id = lo * width + hi
            if (seen.has(id)) continue
            seen.add(id)
            out.push([lo, hi])
          }
        }
      }
      return out
    },
    skipped: () => skipped,
  }
}
