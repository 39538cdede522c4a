import { describe, expect, it } from "vitest"
import * as Claims from "../src/Claim.js"
import { Attribution, type Claim } from "../src/index.js"

/** A made-up claim as JSON gives it back: every value its own copy. */
const parsed = (id: string, documentId: string, predicate: string, counted: string | null): Claim.Claim =>
  JSON.parse(
    JSON.stringify({
      id,
      documentId,
      kind: counted ? "numeric" : "statement",
      text: "The ferry carried 40 passengers.",
      span: { start: 0, end: 32 },
      attribution: Attribution.asserted(),
      subject: "The ferry",
      predicate,
      object: "passengers",
      polarity: "positive",
      quantities: counted
        ? [
            {
              text: "40",
              span: { start: 18, end: 20 },
              low: 40,
              high: 40,
              approximate: "exact",
              unit: null,
              counted,
              per: null,
            },
          ]
        : [],
      time: { text: "", start: "2031-05-01", end: "2031-05-01", defaulted: true },
    }),
  )

describe("Claim.sharer", () => {
  it("keeps every value and shares the repeated ones among claims", () => {
    const claims = [parsed("c-1", "d-1", "carry", "passengers"), parsed("c-2", "d-1", "carry", null)]
    const before = JSON.parse(JSON.stringify(claims))
    const documentId = ["d", "1"].join("-")
    const share = Claims.sharer()
    share(claims, documentId)
    expect(claims).toEqual(before)
    const [a, b] = claims as [Claim.Claim, Claim.Claim]
    expect(a.attribution).toBe(b.attribution)
    expect(a.time).toBe(b.time)
    // Shared across calls too: a later document's claims take the same copies.
    const later = [parsed("c-3", "d-2", "carry", null)]
    share(later, "d-2")
    expect(later[0]?.attribution).toBe(a.attribution)
    expect(later[0]?.quantities).toBe(b.quantities)
  })

  it("leaves an attribution with a source its own", () => {
    const claims = [parsed("c-1", "d-1", "say", null), parsed("c-2", "d-1", "say", null)].map((c) => ({
      ...c,
      attribution: { ...c.attribution, source: { text: "the mayor", span: { start: 0, end: 9 } } },
    })) as unknown as Claim.Claim[]
    Claims.sharer()(claims, "d-1")
    expect(claims[0]?.attribution).not.toBe(claims[1]?.attribution)
    expect(claims[0]?.attribution).toEqual(claims[1]?.attribution)
  })
})
