import { describe, expect, it } from "vitest"
import { Quantity } from "../src/index.js"

const q = (approximate: Quantity.Approximate, low: number, high = low): Quantity.Quantity => ({
  text: "x",
  span: { start: 0, end: 1 },
  low,
  high,
  approximate,
  unit: "date",
  counted: null,
  per: null,
})

describe("Quantity.reach: the values a quantity allows, bounds open-ended, no rounding", () => {
  it.each([
    ["at least", q("at-least", 10), 10, Number.POSITIVE_INFINITY],
    ["at most", q("at-most", 10), Number.NEGATIVE_INFINITY, 10],
    ["a range", q("exact", 3, 7), 3, 7],
    ["about, unwidened", q("about", 5), 5, 5],
  ] as const)("%s", (_name, quantity, low, high) => {
    expect(Quantity.reach(quantity)).toEqual({ low, high })
  })
})
