import type { Claim } from "@crosscheck/domain"
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
    [
      "not aligned, the pair scores at or above the threshold (kept out by rule years-apart)",
      "changed",
      false,
      null,
      { comparable: true, score: 0.7, against: null, parted: "kept out by rule years-apart" },
    ],
    ["not aligned (gold changed)", "changed", false, null, null],
  ] as const)("%s", (expected, gold, aligned, found, pair) => {
    expect(Misses.cause(gold, aligned, found, pair)).toBe(expected)
  })

  describe("where two claims that score high enough ended instead", () => {
    const claim = (id: string, documentId: string, figure: string) =>
      ({ id, documentId, quantities: [{ text: figure }] }) as unknown as Claim.Claim
    const group = (members: ReadonlyArray<Claim.Claim>, reasons: ReadonlyArray<string> = []) =>
      ({ members: members.map((c) => ({ claim: c })), reasons }) as unknown as Misses.Group
    const a = claim("a1", "a", "12")
    const b = claim("b1", "b", "31")
    it("names the membership rule that kept one out of the other's group", () => {
      const ga = group([a, claim("c1", "c", "14")], ['rule years-apart kept out "31": for 2019 and today'])
      expect(Misses.parted(a, b, ga, undefined)).toBe("kept out by rule years-apart")
    })
    it("says when a group already holds another figure of the other's article", () => {
      const ga = group([a, claim("b2", "b", "40")])
      expect(Misses.parted(a, b, ga, group([b, claim("c1", "c", "31")]))).toBe(
        "a group already holds another figure of the other's article",
      )
    })
    it("tells each in another group, one alone, or neither grouped", () => {
      const ga = group([a, claim("c1", "c", "14")])
      const gb = group([b, claim("d1", "d", "30")])
      expect(Misses.parted(a, b, ga, gb)).toBe("each in another group")
      expect(Misses.parted(a, b, ga, undefined)).toBe("one in another group, the other alone")
      expect(Misses.parted(a, b, undefined, undefined)).toBe("neither in any group")
    })
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
