/**
 * The issue-15 measures on one made-up set: which gold groups count as found, which flagged conflicts as
 * right, which must-not-flag cases as flagged, from hand-built claims and findings.
 */
import type { Claim, Document, Finding } from "@crosscheck/domain"
import { describe, expect, it } from "vitest"
import * as Flags from "../eval/flags.js"
import type * as Stories from "../eval/stories.js"

const doc = (file: string, text: string) =>
  ({ id: `d-${file}`, origin: { path: `/x/${file}`, index: 0 }, text }) as unknown as Document.Document

/** One claim per sentence of the document (sentences end with ". "). */
const claimsOf = (d: Document.Document): ReadonlyArray<Claim.Claim> => {
  let start = 0
  return d.text.split(". ").map((s, i) => {
    const c = {
      id: `${d.id}-${i}`,
      documentId: d.id,
      text: s,
      kind: "statement",
      quantities: [],
      span: { start, end: start + s.length },
    }
    start += s.length + 2
    return c as unknown as Claim.Claim
  })
}

const finding = (verdict: Finding.Verdict, ...claimIds: string[]) =>
  ({ verdict, claimIds, summary: `${verdict} ${claimIds.join(" ")}` }) as unknown as Finding.Finding

const a = doc("a.md", "Twelve died on Monday. The fund is 53 million. Route 9 closed. Prices rose 4 %")
const b = doc(
  "b.md",
  "The toll rose to 19 on Tuesday. The fund is nearly 50 million. Highway 14 reopened. Ten people rallied",
)
const docs = [a, b]
const claims = docs.flatMap(claimsOf)

const set: Stories.StorySet = {
  name: "made-up",
  dir: "/x",
  gold: {
    description: "one timeline, one true conflict, one trap, one pair that must not align",
    groups: [
      {
        verdict: "changed",
        trap: false,
        claims: [
          { file: "a.md", quote: "Twelve died" },
          { file: "b.md", quote: "rose to 19" },
        ],
      },
      {
        verdict: "contradict",
        trap: false,
        claims: [
          { file: "a.md", quote: "53 million" },
          { file: "b.md", quote: "nearly 50 million" },
        ],
      },
      {
        verdict: "contradict",
        trap: true,
        claims: [
          { file: "a.md", quote: "Route 9" },
          { file: "b.md", quote: "Highway 14" },
        ],
      },
      {
        verdict: "agree",
        trap: false,
        claims: [
          { file: "a.md", quote: "not in the text" },
          { file: "b.md", quote: "Ten people" },
        ],
      },
    ],
    notAligned: [
      [
        { file: "a.md", quote: "Prices rose 4 %" },
        { file: "b.md", quote: "Ten people rallied" },
      ],
    ],
  },
}

const measure = (findings: ReadonlyArray<Finding.Finding>) => {
  const t = Flags.tally()
  Flags.score(t, set, docs, claims, findings)
  return t
}

describe("issue-15 measures", () => {
  it("counts a group found only with its own verdict, and a group whose quote is not extracted as not found", () => {
    const t = measure([finding("changed", "d-a.md-0", "d-b.md-0"), finding("agree", "d-a.md-1", "d-b.md-1")])
    expect(t.recall.get("changed")).toEqual({ total: 1, hit: 1 })
    expect(t.recall.get("contradict")).toEqual({ total: 1, hit: 0 })
    expect(t.recall.get("agree")).toEqual({ total: 1, hit: 0 })
  })

  it("a timeline flagged as a contradiction is a wrong conflict and a must-not-flag case flagged", () => {
    const t = measure([finding("contradict", "d-a.md-0", "d-b.md-0"), finding("contradict", "d-a.md-1", "d-b.md-1")])
    expect(t.flagged.get("contradict")).toEqual({ total: 2, hit: 1 })
    expect(t.mixed).toBe(0)
    expect(t.mustNotFlag.get("non-conflict groups")).toEqual({ total: 2, hit: 1 })
    expect(t.recall.get("changed")).toEqual({ total: 1, hit: 0 })
  })

  it("a flagged trap or not-aligned pair counts against must-not-flag, whatever conflict verdict flagged it", () => {
    const t = measure([finding("disputed", "d-a.md-2", "d-b.md-2"), finding("contradict", "d-a.md-3", "d-b.md-3")])
    expect(t.mustNotFlag.get("traps")).toEqual({ total: 1, hit: 1 })
    expect(t.mustNotFlag.get("not-aligned pairs")).toEqual({ total: 1, hit: 1 })
    expect(t.flagged.get("disputed")).toEqual({ total: 1, hit: 0 })
  })

  it("a conflict whose sides put two claims on one side does not flag them, but still finds a gold group it holds", () => {
    const sided = (verdict: Finding.Verdict, sides: ReadonlyArray<ReadonlyArray<string>>) =>
      ({ ...finding(verdict, ...sides.flat()), sides }) as unknown as Finding.Finding
    // The trap's two claims (Route 9, Highway 14) on one side: the finding says they agree.
    const together = measure([sided("contradict", [["d-a.md-2", "d-b.md-2"], ["d-a.md-0"]])])
    expect(together.mustNotFlag.get("traps")).toEqual({ total: 1, hit: 0 })
    // On two sides, they are set against each other.
    const apart = measure([sided("contradict", [["d-a.md-2"], ["d-b.md-2"]])])
    expect(apart.mustNotFlag.get("traps")).toEqual({ total: 1, hit: 1 })
    // A gold conflict's two claims on one side of a conflict finding: found (the finding holds both) and
    // the conflict counted right, as without sides.
    const held = measure([sided("contradict", [["d-a.md-1", "d-b.md-1"], ["d-a.md-0"]])])
    expect(held.recall.get("contradict")).toEqual({ total: 1, hit: 1 })
    expect(held.flagged.get("contradict")).toEqual({ total: 1, hit: 1 })
    expect(
      Flags.opposed(sided("contradict", [["d-a.md-1", "d-b.md-1"], ["d-a.md-0"]]), [["d-a.md-1"], ["d-b.md-1"]]),
    ).toBe(1)
  })

  it("prints the three measures with their targets", () => {
    const out = Flags.lines(measure([finding("changed", "d-a.md-0", "d-b.md-0")]))
    expect(out[0]).toMatch(/findings recall\s+0\.33 {2}\(1\/3 gold groups/)
    expect(out[1]).toMatch(
      /flagged conflicts right\s+0\/0 {2}\(none flagged; right but also holding a must-not-flag case 0\)/,
    )
    expect(out[2]).toMatch(/must-not-flag cases flagged\s+0\/4/)
  })
})

describe("a true conflict lumped with unrelated numbers", () => {
  it("counts as right and as mixed when it also holds a trap", () => {
    const t = measure([finding("contradict", "d-a.md-1", "d-b.md-1", "d-a.md-2", "d-b.md-2")])
    expect(t.flagged.get("contradict")).toEqual({ total: 1, hit: 1 })
    expect(t.mixed).toBe(1)
    expect(t.mustNotFlag.get("traps")).toEqual({ total: 1, hit: 1 })
  })
})

describe("wire copies", () => {
  // c.md runs b.md's wire story word for word; the gold cites b.md only.
  const c = doc("c.md", "The toll rose to 19 on Tuesday. The fund is nearly 50 million. Ten people marched in the rain")
  const withCopy = [a, b, c]
  const all = withCopy.flatMap(claimsOf)
  const score = (findings: ReadonlyArray<Finding.Finding>) => {
    const t = Flags.tally()
    Flags.score(t, set, withCopy, all, findings)
    return t
  }

  it("a conflict citing the copy of the cited sentence is the gold's conflict", () => {
    const t = score([finding("contradict", "d-a.md-1", "d-c.md-1")])
    expect(t.flagged.get("contradict")).toEqual({ total: 1, hit: 1 })
    expect(t.recall.get("contradict")).toEqual({ total: 1, hit: 1 })
  })

  it("the two copies of one reference count once: copies alone are not the group", () => {
    const t = score([finding("contradict", "d-b.md-1", "d-c.md-1")])
    expect(t.flagged.get("contradict")).toEqual({ total: 1, hit: 0 })
    expect(t.recall.get("contradict")).toEqual({ total: 1, hit: 0 })
  })

  it("a sentence that only shares the quote is no copy", () => {
    const refs = Flags.refIds([{ file: "b.md", quote: "Ten people" }], withCopy, all)
    expect(refs).toEqual([["d-b.md-3"]])
  })
})

describe("two figures in one sentence", () => {
  // "The fund is 53 million" and "nearly 50 million" also give "for 12 years" in the same claims.
  const x = doc("a.md", "The fund is 53 million for 12 years")
  const y = doc("b.md", "The fund is nearly 50 million for 12 years")
  const two = [x, y].flatMap(claimsOf)
  const figure = (claim: Claim.Claim, text: string) => {
    const start = claim.span.start + claim.text.indexOf(text)
    return { claimId: claim.id, text, span: { start, end: start + text.length } }
  }
  const [cx, cy] = two as [Claim.Claim, Claim.Claim]
  const years = {
    ...finding("agree", cx.id, cy.id),
    figures: [figure(cx, "12 years"), figure(cy, "12 years")],
  } as Finding.Finding
  const fund = {
    ...finding("contradict", cx.id, cy.id),
    figures: [figure(cx, "53 million"), figure(cy, "nearly 50 million")],
  } as Finding.Finding
  const refs: ReadonlyArray<Stories.ClaimRef> = [
    { file: "a.md", quote: "53 million" },
    { file: "b.md", quote: "nearly 50 million" },
  ]
  const ids = Flags.refIds(refs, [x, y], two)

  it("the finding whose figures the quotes hold is the group's, in either order", () => {
    const ranges = Flags.quoteRanges(refs, [x, y])
    expect(Flags.bestFinding([years, fund], ids, ranges, two)?.verdict).toBe("contradict")
    expect(Flags.bestFinding([fund, years], ids, ranges, two)?.verdict).toBe("contradict")
  })

  it("without the quotes' places the first of equal findings stands, as before", () => {
    expect(Flags.bestFinding([years, fund], ids)?.verdict).toBe("agree")
  })
})
