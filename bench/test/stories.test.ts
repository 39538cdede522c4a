/**
 * Which claim a gold quote names when one sentence gives several claims over one span: a statement and a
 * numeric claim, or one numeric claim per number (the extractor does both).
 */
import type { Claim, Document } from "@crosscheck/domain"
import { describe, expect, it } from "vitest"
import * as Stories from "../eval/stories.js"

const text = "About 600 crews were sent, the agency said, far fewer than the 900 requested."
const doc = { id: "d1", origin: { path: "/x/a.md", index: 0 }, text } as unknown as Document.Document
const whole = { start: 0, end: text.length }
const quantity = (n: string) => ({ span: { start: text.indexOf(n), end: text.indexOf(n) + n.length } })
const claim = (id: string, kind: "numeric" | "statement", numbers: string[]) =>
  ({ id, documentId: "d1", kind, span: whole, quantities: numbers.map(quantity) }) as unknown as Claim.Claim

// The statement first, as the extractor emits it, so a tie broken by order alone would pick it.
const claims = [
  claim("statement", "statement", []),
  claim("six-hundred", "numeric", ["600"]),
  claim("nine-hundred", "numeric", ["900"]),
]

// biome-ignore format: one row per quote and the claim it must name
const ROWS: ReadonlyArray<readonly [string, string]> = [
  ["About 600 crews were sent", "six-hundred"],
  ["far fewer than the 900 requested", "nine-hundred"],
  ["the agency said, far fewer", "statement"],
]

describe("locate among claims of one span", () => {
  it.each(ROWS)("%s names %s", (quote, id) => {
    expect(Stories.locate({ file: "a.md", quote }, [doc], claims).claim?.id).toBe(id)
  })
})

describe("pairs: cases within one article", () => {
  const other = "Nearly 900 crews were asked for, the union said."
  const second = {
    id: "d2",
    origin: { path: "/x/b.md", index: 0 },
    text: other,
  } as unknown as Document.Document
  const nine = {
    id: "nine-b",
    documentId: "d2",
    kind: "numeric",
    span: { start: 0, end: other.length },
    quantities: [{ span: { start: other.indexOf("900"), end: other.indexOf("900") + 3 } }],
  } as unknown as Claim.Claim
  const set = (traps: ReadonlyArray<readonly [string, string, string, string]>) =>
    ({
      name: "crews",
      dir: "/x",
      gold: {
        description: "",
        groups: traps.map(([fa, qa, fb, qb]) => ({
          verdict: "contradict",
          trap: true,
          claims: [
            { file: fa, quote: qa },
            { file: fb, quote: qb },
          ],
        })),
        notAligned: [],
      },
    }) as unknown as Stories.StorySet

  it("counts a trap whose quotes are both in one article as not scored, and scores one across two", () => {
    const within = Stories.pairs(
      set([["a.md", "About 600 crews were sent", "a.md", "the 900 requested"]]),
      [doc, second],
      [...claims, nine],
    )
    expect([within.oneArticle, within.negative.size]).toEqual([1, 0])
    const across = Stories.pairs(
      set([["a.md", "About 600 crews were sent", "b.md", "Nearly 900 crews"]]),
      [doc, second],
      [...claims, nine],
    )
    expect([across.oneArticle, across.negative.size]).toEqual([0, 1])
  })
})
