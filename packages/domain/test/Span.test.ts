import { describe, expect, it } from "vitest"
import { Span } from "../src/index.js"

describe("Span.within", () => {
  it("holds a span that lies wholly inside another, ends included", () => {
    expect(Span.within(Span.make(4, 9), Span.make(0, 20))).toBe(true)
    expect(Span.within(Span.make(0, 20), Span.make(0, 20))).toBe(true)
  })
  it("refuses a span that reaches past either end", () => {
    expect(Span.within(Span.make(0, 21), Span.make(0, 20))).toBe(false)
    expect(Span.within(Span.make(3, 9), Span.make(4, 20))).toBe(false)
  })
})
