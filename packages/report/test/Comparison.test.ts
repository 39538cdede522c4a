import { describe, expect, it } from "vitest"
import { Comparison, Judgement } from "../src/index.js"
import { claim, doc, numeric, qty } from "./build.js"

/** Homes without water: a running count (a class marked tally), whose "up to" is no limit. */
const WITHOUT_WATER = {
  class: "without-water",
  of: "homes",
  where: null,
  predicate: null,
  negated: false,
  scope: "total",
  modality: "fact",
  rule: null,
} as const

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
    // A currency without a reference rate, and no rate given: no verdict.
    [
      "5 million roubles / €5 million",
      qty("5 million roubles", 5e6, 5e6, "exact", { unit: "RUB" }),
      qty("€5 million", 5e6, 5e6, "exact", { unit: "EUR" }),
      "incomparable",
    ],
    // Two currencies with reference rates: about 4.5 million euros against 5 million, within 12%.
    [
      "$5 million / €4.6 million",
      qty("$5 million", 5e6, 5e6, "exact", { unit: "USD" }),
      qty("€4.6 million", 4.6e6, 4.6e6, "exact", { unit: "EUR" }),
      "agree",
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

describe("Comparison: readings.json, one row per phrase", () => {
  it.each([
    ["nearly 50", "about", true, false],
    ["almost 50", "about", true, false],
    ["just under 50", "at-most", true, false],
    ["a little under 50", "at-most", true, false],
    ["about 50", "about", false, false],
    ["more than 50", "at-least", false, true],
    ["over 50", "at-least", false, true],
    ["at least 50", "at-least", false, false],
    ["50 or more", "at-least", false, false],
    ["50-plus", "at-least", false, true],
    ["fewer than 50", "at-most", false, true],
    ["under 50", "at-most", false, true],
    ["up to 50", "at-most", false, false],
    ["as many as 50", "at-most", false, false],
  ] as const)('"%s" (%s): nearly %s, strict %s', (text, approximate, nearly, strict) => {
    const q = qty(text, 50, 50, approximate)
    expect(Comparison.isNearly(q)).toBe(nearly)
    expect(Comparison.isStrict(q)).toBe(strict)
  })
})

describe("Comparison.compare: bounds by direction, one row per rule", () => {
  it.each([
    ["more than 40 / 43", qty("more than 40", 40, 40, "at-least"), qty("43", 43), "agree", "bound-near"],
    [
      "at least 800 / 1,100",
      qty("at least 800", 800, 800, "at-least"),
      qty("1,100", 1100),
      "compatible",
      "bound-satisfied",
    ],
    ["at least 800 / 800", qty("at least 800", 800, 800, "at-least"), qty("800", 800), "agree", "bound-near"],
    ["more than 2 / 2", qty("more than 2", 2, 2, "at-least"), qty("2", 2), "compatible", "bound-edge"],
    ["more than 40 / 30", qty("more than 40", 40, 40, "at-least"), qty("30", 30), "contradict", "bound-violated"],
    ["fewer than 50 / 47", qty("fewer than 50", 50, 50, "at-most"), qty("47", 47), "agree", "bound-near"],
    ["fewer than 50 / 20", qty("fewer than 50", 50, 50, "at-most"), qty("20", 20), "compatible", "bound-satisfied"],
    ["up to 50 / 20 (a cap)", qty("up to 50", 50, 50, "at-most"), qty("20", 20), "compatible", "bound-satisfied"],
    [
      "up to 30,000 / about 12,000 homes without water (a running count's top estimate)",
      qty("up to 30,000", 30000, 30000, "at-most", { measure: WITHOUT_WATER }),
      qty("about 12,000", 12000, 12000, "about", { measure: WITHOUT_WATER }),
      "contradict",
      "estimates-apart",
    ],
    [
      "up to 50,000 / about 12,000 players told they had won (a count of what an event did)",
      qty("up to 50,000", 50000, 50000, "at-most", {
        measure: { ...WITHOUT_WATER, class: "unknown", predicate: "tell" },
      }),
      qty("about 12,000", 12000, 12000, "about", {
        measure: { ...WITHOUT_WATER, class: "unknown", predicate: "tell" },
      }),
      "contradict",
      "estimates-apart",
    ],
    [
      "up to 50 / 20 patients a ward can take (a verb of what it holds: a limit)",
      qty("up to 50", 50, 50, "at-most", { measure: { ...WITHOUT_WATER, class: "unknown", predicate: "take" } }),
      qty("20", 20, 20, "exact", { measure: { ...WITHOUT_WATER, class: "unknown", predicate: "take" } }),
      "compatible",
      "bound-satisfied",
    ],
    [
      "up to 300 / 100 jobs that could go (a forecast: a limit of what may happen)",
      qty("up to 300", 300, 300, "at-most", {
        measure: { ...WITHOUT_WATER, class: "unknown", predicate: "go", modality: "forecast" },
      }),
      qty("100", 100, 100, "exact", {
        measure: { ...WITHOUT_WATER, class: "unknown", predicate: "go", modality: "forecast" },
      }),
      "compatible",
      "bound-satisfied",
    ],
    [
      "as much as 9 million / about 3 million (two estimates)",
      qty("as much as 9 million", 9e6, 9e6, "at-most"),
      qty("about 3 million", 3e6, 3e6, "about"),
      "contradict",
      "estimates-apart",
    ],
    [
      "as many as 300 / 250 (within reach of the high estimate)",
      qty("as many as 300", 300, 300, "at-most"),
      qty("250", 250),
      "compatible",
      "bound-satisfied",
    ],
    [
      "as many as 300 / 200 (a third below the high estimate: another estimate)",
      qty("as many as 300", 300, 300, "at-most"),
      qty("200", 200),
      "contradict",
      "estimates-apart",
    ],
    [
      "up to 1,000 euros / up to 500 euros (two maxima)",
      qty("up to 1,000", 1000, 1000, "at-most"),
      qty("up to 500", 500, 500, "at-most"),
      "contradict",
      "maxima-apart",
    ],
    [
      "up to 19 hours / as long as 18 hours (two maxima within what rounding and 'about' allow)",
      qty("up to 19", 19, 19, "at-most"),
      qty("as long as 18", 18, 18, "at-most"),
      "compatible",
      "bounds-overlap",
    ],
    [
      "fewer than 50 / fewer than 80 (strict caps only bound)",
      qty("fewer than 50", 50, 50, "at-most"),
      qty("fewer than 80", 80, 80, "at-most"),
      "compatible",
      "bounds-overlap",
    ],
    [
      "as much as 9 million / 2-4 million (a range is no single estimate)",
      qty("as much as 9 million", 9e6, 9e6, "at-most"),
      qty("2-4 million", 2e6, 4e6),
      "compatible",
      "bound-satisfied",
    ],
    ["nearly 50 / 47", qty("nearly 50", 50, 50, "about"), qty("47", 47), "agree", "intervals-overlap"],
    ["nearly 50 / 53", qty("nearly 50", 50, 50, "about"), qty("53", 53), "contradict", "nearly-exceeded"],
    ["nearly 50 / 44", qty("nearly 50", 50, 50, "about"), qty("44", 44), "contradict", "nearly-exceeded"],
    [
      "nearly 50 / more than 50",
      qty("nearly 50", 50, 50, "about"),
      qty("more than 50", 50, 50, "at-least"),
      "contradict",
      "nearly-exceeded",
    ],
    // "just over": a little above its figure (readings.json justOver), not any figure above it.
    ["just over 40 / 43", qty("just over 40", 40, 40, "at-least"), qty("43", 43), "agree", "intervals-overlap"],
    [
      "just over a third / 80 percent",
      qty("just over a third", 1 / 3, 1 / 3, "at-least", { unit: "proportion" }),
      qty("80 per cent", 80, 80, "exact", { unit: "percent" }),
      "contradict",
      "intervals-apart",
    ],
    [
      "more than a third / 80 percent (a plain bound)",
      qty("more than a third", 1 / 3, 1 / 3, "at-least", { unit: "proportion" }),
      qty("80 per cent", 80, 80, "exact", { unit: "percent" }),
      "compatible",
      "bound-satisfied",
    ],
    ["just over 40 / 38", qty("just over 40", 40, 40, "at-least"), qty("38", 38), "contradict", "intervals-apart"],
    // Allowances that meet only at their far ends, neither figure within the other's: two figures.
    [
      "about 600 / nearly 700",
      qty("about 600", 600, 600, "about"),
      qty("nearly 700", 700, 700, "about"),
      "contradict",
      "approximations-apart",
    ],
    [
      "about 600 / about 680",
      qty("about 600", 600, 600, "about"),
      qty("about 680", 680, 680, "about"),
      "contradict",
      "approximations-apart",
    ],
    [
      "about 600 / about 650",
      qty("about 600", 600, 600, "about"),
      qty("about 650", 650, 650, "about"),
      "agree",
      "intervals-overlap",
    ],
    ["about 600 / 587", qty("about 600", 600, 600, "about"), qty("587", 587), "agree", "intervals-overlap"],
    // A whole number beside a figure with decimals may be that figure rounded, within the allowed rounding.
    [
      "46 metres / 45.8 metres",
      qty("46 metres", 46, 46, "exact", { unit: "metre" }),
      qty("45.8 metres", 45.8, 45.8, "exact", { unit: "metre" }),
      "agree",
      "intervals-overlap",
    ],
    [
      "46 metres / 45 metres",
      qty("46 metres", 46, 46, "exact", { unit: "metre" }),
      qty("45 metres", 45, 45, "exact", { unit: "metre" }),
      "contradict",
      "intervals-apart",
    ],
    [
      "1 sievert / 0.8 sieverts",
      qty("1 sievert", 1, 1, "exact", { unit: "sievert" }),
      qty("0.8 sieverts", 0.8, 0.8, "exact", { unit: "sievert" }),
      "contradict",
      "intervals-apart",
    ],
    [
      "31.1 grams / one troy ounce",
      qty("31.1 grams", 31.1, 31.1, "exact", { unit: "gram" }),
      qty("one troy ounce", 1, 1, "exact", { unit: "troy ounce" }),
      "agree",
      "intervals-overlap",
    ],
    [
      "nearly 700 / about 650",
      qty("nearly 700", 700, 700, "about"),
      qty("about 650", 650, 650, "about"),
      "agree",
      "intervals-overlap",
    ],
    [
      "about 30 / nearly 30",
      qty("about 30", 30, 30, "about"),
      qty("nearly 30", 30, 30, "about"),
      "agree",
      "intervals-overlap",
    ],
    [
      "about 11,000 / 10,800",
      qty("about 11,000", 11000, 11000, "about"),
      qty("10,800", 10800),
      "agree",
      "intervals-overlap",
    ],
    [
      "more than 1.2 million / over 1.2 million",
      qty("more than 1.2 million", 1.2e6, 1.2e6, "at-least"),
      qty("over 1.2 million", 1.2e6, 1.2e6, "at-least"),
      "agree",
      "same-bound",
    ],
    [
      "more than 40 / fewer than 60",
      qty("more than 40", 40, 40, "at-least"),
      qty("fewer than 60", 60, 60, "at-most"),
      "compatible",
      "bounds-overlap",
    ],
    [
      "728 feet / 222 metres",
      qty("728 feet", 728, 728, "exact", { unit: "foot" }),
      qty("222 metres", 222, 222, "exact", { unit: "metre" }),
      "agree",
      "intervals-overlap",
    ],
    [
      "3,000 a week / 430 a day",
      qty("3,000 a week", 3000, 3000, "exact", { per: "week" }),
      qty("430 a day", 430, 430, "exact", { per: "day" }),
      "agree",
      "intervals-overlap",
    ],
  ] as const)("%s → %s (%s)", (_name, a, b, relation, rule) => {
    expect([Comparison.compare(a, b).relation, Comparison.compare(a, b).rule]).toEqual([relation, rule])
    expect([Comparison.compare(b, a).relation, Comparison.compare(b, a).rule]).toEqual([relation, rule])
  })

  it("uses the matcher's normalized values when both sides carry them", () => {
    const usd = qty("$5 million", 5e6, 5e6, "exact", { unit: "USD" })
    const eur = qty("€4.6 million", 4.6e6, 4.6e6, "exact", { unit: "EUR" })
    // Without them, the reference rates, approximately.
    expect(Comparison.compare(usd, eur).why).toContain("reference exchange rates")
    const c = Comparison.compare(usd, eur, {
      a: { low: 5e6, high: 5e6, unit: "USD", per: null },
      b: { low: 5.01e6, high: 5.01e6, unit: "USD", per: null },
    })
    expect([c.relation, c.rule]).toEqual(["agree", "intervals-overlap"])
    expect(c.why).toContain("restated in USD")
  })

  // Sums the matcher restated at the reference exchange rates (no rates given): approximate, so within the
  // rates' tolerance they agree, more than `apart` times apart they differ, and between, no verdict.
  it.each([
    ["about 6.2 million euros / about £5.3m", 6.2e6, 5.3e6 * 1.17, "agree", "intervals-overlap"],
    ["€9m / £5.3m", 9e6, 5.3e6 * 1.17, "contradict", "intervals-apart"],
    ["€8m / £5.3m", 8e6, 5.3e6 * 1.17, "incomparable", "rate-of-the-day"],
  ] as const)("at reference rates: %s → %s", (_name, eurValue, gbpInEur, relation, rule) => {
    const eur = qty("€", eurValue, eurValue, "exact", { unit: "EUR" })
    const gbp = qty("£", 5.3e6, 5.3e6, "exact", { unit: "GBP" })
    const c = Comparison.compare(eur, gbp, {
      a: { low: eurValue, high: eurValue, unit: "EUR", per: null, reference: true },
      b: { low: gbpInEur, high: gbpInEur, unit: "EUR", per: null, reference: true },
    })
    expect([c.relation, c.rule]).toEqual([relation, rule])
    expect(c.why).toContain("reference exchange rates")
  })

  it("lets a sum at reference rates stand past a bound by what the rate of the day may move it", () => {
    // "a fine of up to 34,000 pounds (40,000 euros)": 34,000 pounds is 39,780 euros at the reference rate.
    const gbp = qty("up to 34,000 pounds", 34_000, 34_000, "at-most", { unit: "GBP" })
    const eur = qty("40,000 euros", 40_000, 40_000, "exact", { unit: "EUR" })
    const c = Comparison.compare(gbp, eur)
    expect([c.relation, c.rule]).toEqual(["agree", "bound-near"])
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

  it("names one outlet's own articles of two days as that many articles, not as copies of one story", () => {
    const day1 = doc("na1", "The fire killed 24 people.", { outlet: "Harbour Daily", publishedAt: "2025-09-11" })
    const day2 = doc("na2", "The toll from the fire rose to 29.", {
      outlet: "Harbour Daily",
      publishedAt: "2025-09-12",
    })
    const other = doc("cr1", "The fire killed 31 people.", { outlet: "Coast Radio", publishedAt: "2025-09-13" })
    const [f] = Judgement.judge(
      [
        numeric([
          [claim(day1, "The fire killed 24 people."), qty("24", 24)],
          [claim(day2, "The toll from the fire rose to 29."), qty("29", 29)],
          [claim(other, "The fire killed 31 people."), qty("31", 31)],
        ]),
      ],
      [day1, day2, other],
    )
    expect(f?.summary).toContain("Harbour Daily (2 articles)")
    expect(f?.summary).not.toContain("copies of one story")
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

  it("does not call an undated figure against one of another date, in an undated article, a contradiction: it may be for another time", () => {
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
    const usd = qty("5 million roubles", 5e6, 5e6, "exact", { unit: "RUB", counted: null })
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
