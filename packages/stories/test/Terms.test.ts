import { describe, expect, it } from "vitest"
import * as Terms from "../src/internal/terms.js"

describe("Terms.fold", () => {
  const rows: ReadonlyArray<readonly [string, string]> = [
    ["Senators'", "senator"],
    ["senator's", "senator"],
    ["cities", "city"],
    ["churches", "church"],
    ["glasses", "glass"],
    ["floods", "flood"],
    ["census", "census"],
    ["analysis", "analysis"],
    ["gas", "gas"],
    ["Springs", "spring"],
  ]
  it.each(rows)("%s → %s", (word, folded) => expect(Terms.fold(word)).toBe(folded))
})

describe("Terms.scan", () => {
  const rows: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
    ["Mayor Elin Darrow visited the levee.", ["mayor elin darrow"]],
    ["The White House said so.", ["white house"]],
    ["But officials disagreed. Port Calloway stayed shut.", ["port calloway"]],
    ["SUPERPOWERS QUARREL The Council met.", ["council"]],
    ["Talks in Geneva And", ["geneva"]],
    ["The U.S. Senate voted with NATO allies.", ["u.s. senate", "nato"]],
    ["Kim Yo Jong's statement", ["kim yo jong"]],
  ]
  it.each(rows)("%s", (text, names) => expect([...Terms.scan(text).counts.keys()]).toEqual(names))

  it("counts content words folded, without function words or bare numbers", () => {
    expect(Object.fromEntries(Terms.scan("The floods hit 240 homes; the flood was the worst.").words)).toEqual({
      flood: 2,
      hit: 1,
      home: 1,
      worst: 1,
    })
  })
})
