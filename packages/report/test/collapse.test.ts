import { describe, expect, it } from "vitest"
import { collapse } from "../src/internal/collapse.js"

describe("collapse", () => {
  it.each([
    ["plain words", "plain words"],
    ["  padded  ", "padded"],
    ["two  spaces", "two spaces"],
    ["line\nbreak", "line break"],
    ["tab\there", "tab here"],
    ["mixed \n\t run", "mixed run"],
    ["no\u00a0break space", "no break space"],
    [" \n ", ""],
    ["", ""],
  ])("%j -> %j, as replace(/\\s+/g, ' ').trim() gives", (input, expected) => {
    expect(collapse(input)).toBe(expected)
    expect(collapse(input)).toBe(input.replace(/\s+/g, " ").trim())
  })

  it("gives the same on a second call (the pattern keeps no state between calls)", () => {
    expect(collapse("a  b")).toBe("a b")
    expect(collapse("c  d")).toBe("c d")
  })
})
