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

  // Who and what: the words of names count among the names' words, the others among what happened. A
  // lone word opening a sentence is no name ("Officials", "Darrow" there), so it counts with the rest.
  const split: ReadonlyArray<readonly [string, Record<string, number>, Record<string, number>]> = [
    [
      "Mayor Elin Darrow visited the levee. Darrow thanked the crews.",
      { mayor: 1, elin: 1, darrow: 1 },
      { visited: 1, levee: 1, darrow: 1, thanked: 1, crew: 1 },
    ],
    [
      "Officials said the Port Calloway strike ended; Port Calloway reopened.",
      { port: 2, calloway: 2 },
      { official: 1, strike: 1, ended: 1, reopened: 1 },
    ],
    ["Kim Jong Un and Kim Yo Jong met.", { kim: 2, jong: 2, un: 1, yo: 1 }, { met: 1 }],
  ]
  it.each(split)("%s", (text, names, what) => {
    const scanned = Terms.scan(text)
    expect(Object.fromEntries(scanned.nameWords)).toEqual(names)
    expect(Object.fromEntries(scanned.what)).toEqual(what)
  })

  // A lone capitalised word opening a sentence may be a name or capitalised by position: the text alone
  // cannot tell, so it is kept aside (a story that has it as a name tells), unless the text names it.
  const openers: ReadonlyArray<readonly [string, Record<string, number>]> = [
    ["Orvath has 312 cases. Officials said so. Orvath alone has 40.", { orvath: 2, official: 1 }],
    ["At the Orvath ground, the match went ahead.", { orvath: 1 }],
    ["Mayor Elin Darrow visited the levee. Darrow thanked the crews.", {}],
    ["The Pentagon said so. However, it did not.", { pentagon: 1 }],
  ]
  it.each(openers)("%s", (text, expected) => expect(Object.fromEntries(Terms.scan(text).openers)).toEqual(expected))

  it("counts content words folded, without function words or bare numbers", () => {
    expect(Object.fromEntries(Terms.scan("The floods hit 240 homes; the flood was the worst.").words)).toEqual({
      flood: 2,
      hit: 1,
      home: 1,
      worst: 1,
    })
  })
})
