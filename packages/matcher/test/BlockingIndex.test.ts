import { describe, expect, it } from "vitest"
import * as BlockingIndex from "../src/BlockingIndex.js"

interface Row {
  readonly document: number
  readonly group?: number
  readonly scopes?: ReadonlyArray<number>
  /** Keys in every scope, and keys only in the entity scopes. */
  readonly plain: ReadonlyArray<number>
  readonly scoped?: ReadonlyArray<number>
}

const pairs = (rows: ReadonlyArray<Row>, options: BlockingIndex.Options = {}) => {
  const out: Array<readonly [number, number]> = []
  const stats = BlockingIndex.forEachPair(
    {
      size: rows.length,
      document: (i) => rows[i]?.document ?? -1,
      group: (i) => rows[i]?.group ?? 0,
      scopes: (i) => rows[i]?.scopes ?? [],
      keys: (i, scope, emit) => {
        for (const k of rows[i]?.plain ?? []) emit(k)
        if (scope !== BlockingIndex.PLAIN) for (const k of rows[i]?.scoped ?? []) emit(k)
      },
    },
    (x, y) => out.push([x, y]),
    options,
  )
  return { ...stats, pairs: out }
}

describe("BlockingIndex", () => {
  it("pairs items sharing a key, across documents only, each pair once", () => {
    const { pairs: found } = pairs([
      { document: 1, plain: [7, 8] },
      { document: 2, plain: [7, 8] },
      { document: 1, plain: [7] },
      { document: 3, plain: [9] },
    ])
    expect(found).toEqual([
      [0, 1],
      [1, 2],
    ])
  })

  it("never pairs items of different groups (statements and quantities)", () => {
    expect(
      pairs([
        { document: 1, group: 0, plain: [7] },
        { document: 2, group: 1, plain: [7] },
      ]).pairs,
    ).toEqual([])
  })

  it("pairs items by a key they share only within an entity both name", () => {
    const { pairs: found } = pairs([
      { document: 1, scopes: [5], plain: [], scoped: [7] },
      { document: 2, scopes: [5], plain: [], scoped: [7] },
      { document: 3, scopes: [6], plain: [], scoped: [7] },
    ])
    expect(found).toEqual([[0, 1]])
  })

  it("visits a pair that shares two entities and a plain key once", () => {
    const { pairs: found } = pairs([
      { document: 1, scopes: [5, 6], plain: [7], scoped: [8] },
      { document: 2, scopes: [6, 5], plain: [7], scoped: [8] },
    ])
    expect(found).toEqual([[0, 1]])
  })

  it("skips a key shared by more items than the cap, and counts it", () => {
    const rows: Row[] = [0, 1, 2, 3].map((d) => ({ document: d, plain: [1] }))
    rows.push({ document: 4, plain: [2] }, { document: 5, plain: [2] })
    const result = pairs(rows, { maxBlock: 3 })
    expect(result.pairs).toEqual([[4, 5]])
    expect(result.skipped).toBe(1)
  })

  it("splits a block over the cap by a second over-cap key its items share, and counts what stays unsplit", () => {
    // Keys 1 (six items) and 2 (four) are over the cap of 3; key 3 (three items) is under it.
    const keys = [[1, 3], [1, 3], [1, 3], [1, 2], [1, 2], [1], [2], [2]]
    const rows: Row[] = keys.map((plain, document) => ({ document, plain }))
    const result = pairs(rows, { maxBlock: 3 })
    // Items 0-2 pair through key 3; items 3 and 4 through the finer block of keys 1 and 2 together.
    expect(result.pairs).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
      [3, 4],
    ])
    expect(result.split).toBe(2)
    // Both over-cap blocks hold items with no second over-cap key (0-2 and 5 under key 1, 6 and 7 under key 2).
    expect(result.skipped).toBe(2)
  })
})
