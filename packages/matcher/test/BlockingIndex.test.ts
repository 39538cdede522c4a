import { describe, expect, it } from "vitest"
import * as BlockingIndex from "../src/BlockingIndex.js"

describe("BlockingIndex", () => {
  it("pairs items sharing a key, across documents only, each pair once", () => {
    const index = BlockingIndex.make()
    index.add(0, "d1", ["speaker", "remove"])
    index.add(1, "d2", ["speaker", "remove"])
    index.add(2, "d1", ["speaker"])
    index.add(3, "d3", ["troop"])
    expect(index.pairs()).toEqual([
      [0, 1],
      [1, 2],
    ])
  })

  it("skips a key shared by more items than the cap, and counts it", () => {
    const index = BlockingIndex.make({ maxBlock: 3 })
    for (let i = 0; i < 4; i++) index.add(i, `d${i}`, ["common"])
    index.add(4, "d4", ["rare"])
    index.add(5, "d5", ["rare"])
    expect(index.pairs()).toEqual([[4, 5]])
    expect(index.skipped()).toBe(1)
  })
})
