import { describe, expect, it } from "vitest"
import * as Bounded from "../src/internal/Bounded.js"

describe("Bounded.memo", () => {
  it("keeps null as a remembered answer, not as a miss", () => {
    const m = Bounded.memo<string, string | null>(10)
    m.set("a", null)
    expect(m.get("a")).toBeNull()
    expect(m.get("b")).toBeUndefined()
  })

  it("never holds more than two generations, and keeps what was used lately", () => {
    const m = Bounded.memo<number, number>(100)
    for (let i = 0; i < 10_000; i++) {
      m.set(i, i)
      // Key 0 is asked for all along: it is carried from generation to generation.
      expect(m.get(0)).toBe(0)
    }
    expect(m.size()).toBeLessThanOrEqual(200)
    expect(m.get(1)).toBeUndefined()
    expect(m.get(9_999)).toBe(9_999)
  })
})
