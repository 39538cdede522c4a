import { describe, expect, it } from "vitest"
import * as Misses from "../eval/misses.js"

describe("pnpm eval misses: a missed gold finding's cause", () => {
  it.each([
    ["aligned, no finding (gold agree)", "agree", true, null, null],
    ["aligned, changed where gold contradict", "contradict", true, "changed", null],
    [
      "not aligned, the pair scores at or above the threshold",
      "agree",
      false,
      null,
      { comparable: true, score: 0.7, against: null },
    ],
    [
      "not aligned, the pair scores below the threshold",
      "agree",
      false,
      null,
      { comparable: true, score: 0.3, against: null },
    ],
    [
      "not aligned, not comparable: different things counted: … and …",
      "contradict",
      false,
      null,
      { comparable: false, score: 0, against: 'different things counted: "fan" and "spectator"' },
    ],
    [
      "not aligned, not comparable: about different subjects: … and …",
      "agree",
      false,
      null,
      {
        comparable: false,
        score: 0,
        against: "about different subjects: name:odile parr and name:mallory farm, name:wethercombe",
      },
    ],
    ["not aligned (gold changed)", "changed", false, null, null],
  ] as const)("%s", (expected, gold, aligned, found, pair) => {
    expect(Misses.cause(gold, aligned, found, pair)).toBe(expected)
  })

  it("counts causes, most first, under a line that says how many were missed of how many", () => {
    const tally = new Map([
      ["aligned, no finding (gold agree)", 2],
      ["not aligned (gold changed)", 5],
    ])
    expect(Misses.lines(tally, 20, 3)).toEqual([
      "misses     7 of 20 gold findings missed in 3 story sets, by cause:",
      "misses         5  not aligned (gold changed)",
      "misses         2  aligned, no finding (gold agree)",
    ])
  })
})
