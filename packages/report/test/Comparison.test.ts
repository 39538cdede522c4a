import { describe, expect, it } from "vitest"
import { Comparison, Judgement } from "../src/index.js"
import { claim, doc, numeric, qty } from "./build.js"

describe("Comparison.compare", () => {
  it.each([
    ["nearly 3,000 / 2,950", qty("nearly 3,000", 3000, 3000, "about"), qty("2,950", 2950), "agree"],
    ["3,000 / 2,950 (rounded)", qty("3,000", 3000), qty("2,950", 2950), "agree"],
    ["11,000 / 11,000", qty("11,000", 11000), qty("11,000", 11000), "agree"],
    ["thousands / 11,000", qty("thousands of", 2000, 9999, "vague"), qty("11,000", 11000), "compatible"],
    ["thousands / 500", qty("thousands of", 2000, 9999, "vague"), qty("500", 500), "contradict"],
    ["dozens / 5,000", qty("dozens of", 24, 99, "vague"), qty("5,000", 5000), "contradict"],
    [
      "thousands / tens of thousands",
      qty("thousands", 2000, 9999, "vague"),
      qty("tens of", 20000, 99999, "vague"),
      "compatible",
    ],
    ["hundreds / millions", qty("hundreds", 200, 999, "vague"), qty("millions", 2e6, 9999999, "vague"), "contradict"],
    [
      "25,000-30,000 / about 27,000",
      qty("25,000-30,000", 25000, 30000),
      qty("about 27,000", 27000, 27000, "about"),
      "compatible",
    ],
    ["25,000-30,000 / 40,000", qty("25,000-30,000", 25000, 30000), qty("40,000", 40000), "contradict"],
    ["more than 300 / 320", qty("more than 300", 300, 300, "at-least"), qty("320", 320), "agree"],
    ["up to 300 / 450", qty("up to 300", 300, 300, "at-most"), qty("450", 450), "contradict"],
    ["40 / 41 dead (counted exactly)", qty("40", 40), qty("41", 41), "contradict"],
    ["5,000 / 15,000 a day", qty("5,000", 5000), qty("15,000", 15000), "contradict"],
    ["$1.7 billion / $1.72 billion", qty("$1.7 billion", 1.7e9), qty("$1.72 billion", 1.72e9), "agree"],
    [
      "100 acres / 40 hectares",
      qty("100 acres", 100, 100, "exact", { unit: "acre", counted: "land" }),
      qty("40 hectares", 40, 40, "exact", { unit: "hectare", counted: "land" }),
      "agree",
    ],
    [
      "100 acres / 80 hectares",
      qty("100 acres", 100, 100, "exact", { unit: "acre", counted: "land" }),
      qty("80 hectares", 80, 80, "exact", { unit: "hectare", counted: "land" }),
      "contradict",
    ],
    [
      "$5 million / €5 million",
      qty("$5 million", 5e6, 5e6, "exact", { unit: "USD" }),
      qty("€5 million", 5e6, 5e6, "exact", { unit: "EUR" }),
      "incomparable",
    ],
  ] as const)("%s → %s", (_name, a, b, relation) => {
    expect(Comparison.compare(a, b).relation).toBe(relation)
    expect(Comparison.compare(b, a).relation).toBe(relation)
  })

  it.each([
    [3000, 150],
    [2950, 5],
    [11000, 500],
    [40, 0],
    [1.7, 0.05],
    [250, 5],
  ])("rounding tolerance of %d is %d", (value, tolerance) => {
    expect(Comparison.roundingTolerance(value)).toBeCloseTo(tolerance, 9)
  })
})

describe("numeric findings", () => {
  const conv = doc("conv", "Russia was using about 5,000 artillery shells per day. It sent 11,000 troops.", {
    outlet: "The Conversation",
  })
  const ap1 = doc("ap1", "Pyongyang sent thousands of troops. Russia fired 15,000 shells per day in 2024.", {
    outlet: "Asahi Shimbun",
    syndicationGroup: "ap",
  })
  const ap2 = doc("ap2", "Pyongyang sent thousands of troops. Russia fired 15,000 shells per day in 2024.", {
    outlet: "Japan Today",
    syndicationGroup: "ap",
  })

  it("calls 'thousands of troops' and '11,000 troops' compatible, with syndicated copies as one source", () => {
    const thousands = qty("thousands of", 2000, 9999, "vague")
    const [f] = Judgement.judge(
      [
        numeric([
          [claim(conv, "It sent 11,000 troops."), qty("11,000", 11000)],
          [claim(ap1, "Pyongyang sent thousands of troops."), thousands],
          [claim(ap2, "Pyongyang sent thousands of troops."), thousands],
        ]),
      ],
      [conv, ap1, ap2],
    )
    expect(f?.verdict).toBe("compatible")
    expect(f?.independentSources).toBe(2)
    expect(f?.claimIds).toHaveLength(3)
    expect(f?.explanation).toContain("Rule vague-vs-precise")
    expect(f?.explanation).toContain('"11,000" = 11,000 (exact)')
    expect(f?.summary).toContain("Asahi Shimbun + Japan Today (copies of one story)")
  })

  it("does not call 5,000 and 15,000 shells a day a contradiction when they are for different times", () => {
    const shells = { counted: "artillery shell", per: "day" }
    const c1 = claim(conv, "Russia was using about 5,000 artillery shells per day.", {
      kind: "numeric",
      time: { text: "July 2023", start: "2023-07-01", end: "2023-07-31" },
    })
    const c2 = claim(ap1, "Russia fired 15,000 shells per day in 2024.", {
      kind: "numeric",
      time: { text: "in 2024", start: "2024-01-01", end: "2024-12-31" },
    })
    const [f] = Judgement.judge(
      [
        numeric([
          [c1, qty("about 5,000", 5000, 5000, "about", shells)],
          [c2, qty("15,000", 15000, 15000, "exact", shells)],
        ]),
      ],
      [conv, ap1],
    )
    expect(f?.verdict).toBe("changed")
    expect(f?.rule).toBe("different-times")
    expect(f?.explanation).toContain("2023-07-01 to 2023-07-31")
    expect(f?.timeline?.map((e) => [e.value, e.time, e.defaulted])).toEqual([
      ["about 5,000", "2023-07-01", false],
      ["15,000", "2024-01-01", false],
    ])
  })

  it("calls the same values at the same time a contradiction, naming both", () => {
    const t = { text: "on Monday", start: "2025-08-11", end: "2025-08-11" }
    const [f] = Judgement.judge(
      [
        numeric([
          [claim(conv, "It sent 11,000 troops.", { time: t }), qty("11,000", 11000)],
          [claim(ap1, "Pyongyang sent thousands of troops.", { time: t }), qty("3,000", 3000)],
        ]),
      ],
      [conv, ap1],
    )
    expect(f?.verdict).toBe("contradict")
    expect(f?.explanation).toMatch(/Rule intervals-apart: The Conversation "11,000".*Asahi Shimbun "3,000"/)
  })

  it("does not call an undated figure against one of another date a contradiction: it may be for another time", () => {
    const dated = doc("dated", "It sent 11,000 troops.", { outlet: "Dated", publishedAt: "2025-08-15" })
    const t = { text: "in 2023", start: "2023-01-01", end: "2023-12-31" }
    const [f] = Judgement.judge(
      [
        numeric([
          [claim(dated, "It sent 11,000 troops."), qty("11,000", 11000)],
          [claim(ap1, "Pyongyang sent thousands of troops.", { time: t }), qty("3,000", 3000)],
        ]),
      ],
      [dated, ap1],
    )
    expect(f?.verdict).toBe("compatible")
    expect(f?.rule).toBe("times-may-differ")
    expect(f?.explanation).toContain("undated, published 2025-08-15")
  })

  it("calls a hedged figure against the same firm one agreed, saying which is hedged", () => {
    const [f] = Judgement.judge(
      [
        numeric([
          [claim(conv, "It sent 11,000 troops."), qty("11,000", 11000)],
          [claim(ap1, "Pyongyang sent thousands of troops.", { attribution: { hedged: true } }), qty("11,000", 11000)],
        ]),
      ],
      [conv, ap1],
    )
    expect(f?.verdict).toBe("agree")
    expect(f?.explanation).toContain("Rule intervals-overlap")
    expect(f?.explanation).toContain("Asahi Shimbun hedges it")
  })

  it("gives no finding for values in units that do not convert", () => {
    const usd = qty("$5 million", 5e6, 5e6, "exact", { unit: "USD", counted: null })
    const eur = qty("€5 million", 5e6, 5e6, "exact", { unit: "EUR", counted: null })
    const groups = [
      numeric([
        [claim(conv, "It sent 11,000 troops."), usd],
        [claim(ap1, "Pyongyang sent thousands of troops."), eur],
      ]),
    ]
    expect(Judgement.judge(groups, [conv, ap1])).toEqual([])
  })

  it("is single-source when every claim comes from copies of one story", () => {
    const q = qty("thousands of", 2000, 9999, "vague")
    const [f] = Judgement.judge(
      [
        numeric([
          [claim(ap1, "Pyongyang sent thousands of troops."), q],
          [claim(ap2, "Pyongyang sent thousands of troops."), q],
        ]),
      ],
      [ap1, ap2],
    )
    expect(f?.verdict).toBe("single-source")
    expect(f?.independentSources).toBe(1)
  })
})
