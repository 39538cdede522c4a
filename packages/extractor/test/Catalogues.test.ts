import { Analysis, Extractor, Quantities } from "@crosscheck/extractor"
import { describe, expect, it } from "vitest"
import approximators from "../src/approximators.json" with { type: "json" }
import currencies from "../src/currencies.json" with { type: "json" }
import numbers from "../src/numbers.json" with { type: "json" }
import units from "../src/units.json" with { type: "json" }

// Every entry of every catalogue, read in a sentence: one row per phrase and the value it must give.
// Rows are checked with soft assertions inside one test per catalogue section, so that hundreds of
// rows stay a handful of test tasks (each failing row is still reported with its phrase).
const nlp = Extractor.loadModel()
const first = (text: string) => {
  const a = Analysis.analyse(nlp, text)
  return a.sentences.flatMap((s) => Quantities.find(text, Analysis.sentenceTokens(a, s)))[0]
}

type Row = readonly [sentence: string, expected: Record<string, unknown>]

const table = (name: string, rows: ReadonlyArray<Row>) =>
  it(`${name} (${rows.length} rows)`, () => {
    expect(rows.length).toBeGreaterThan(0)
    for (const [sentence, expected] of rows) expect.soft(first(sentence), sentence).toMatchObject(expected)
  })

describe("units.json", () => {
  table(
    "unit words",
    Object.entries(units.words).flatMap(([name, forms]) =>
      forms.map((form): Row => [`It measured 5 ${form} in all.`, { low: 5, unit: name }]),
    ),
  )
  table(
    "unit symbols after digits",
    Object.entries(units.symbols)
      .filter(([form]) => !["'", "′", "″"].includes(form))
      .map(([form, name]): Row => [`It measured 12${form} in all.`, { low: 12, unit: name }]),
  )
  table(
    "rates",
    Object.entries(units.perWords).map(
      ([form, per]): Row => [`It cost $5 ${form} at the time.`, { low: 5, unit: "USD", per }],
    ),
  )
})

describe("currencies.json", () => {
  table(
    "prefixes",
    Object.entries(currencies.prefixes).map(
      ([prefix, code]): Row => [`It cost ${prefix}5 in all.`, { low: 5, unit: code }],
    ),
  )
  table(
    "names",
    Object.entries(currencies.names).map(([name, code]): Row => [`It cost 5 ${name} in all.`, { low: 5, unit: code }]),
  )
  table(
    "minor units",
    Object.entries(currencies.minor).map(([name, unit]): Row => [`It cost 5 ${name} in all.`, { low: 5, unit }]),
  )
})

describe("numbers.json", () => {
  table(
    "number words",
    Object.entries(numbers.small)
      .filter(([w]) => w !== "dozen" && w !== "one")
      .map(([word, n]): Row => [`They saw ${word} ships.`, { low: n, high: n, counted: "ship" }]),
  )
  table(
    "scale words",
    Object.entries(numbers.scales).map(([word, n]): Row => [`They saw a ${word} ships.`, { low: n, high: n }]),
  )
  table(
    "scale suffixes",
    Object.entries(numbers.suffixScales).map(
      ([suffix, n]): Row => [`They raised $3${suffix} in all.`, { low: 3 * n, unit: "USD" }],
    ),
  )
  table(
    "vague magnitudes",
    Object.entries(numbers.vague).map(
      ([phrase, bounds]): Row => [
        `${phrase[0]?.toUpperCase()}${phrase.slice(1)} of people came.`,
        { low: bounds[0], high: bounds[1], approximate: "vague" },
      ],
    ),
  )
})

describe("approximators.json", () => {
  table(
    "before a number",
    Object.entries(approximators.before)
      .filter(([phrase]) => !phrase.endsWith("-") && phrase !== "~")
      .map(([phrase, kind]): Row => [`They said ${phrase} 50 people came.`, { low: 50, approximate: kind }]),
  )
  table(
    "after a number",
    Object.entries(approximators.after).map(
      ([phrase, kind]): Row => [
        `They said 50${/^[-+]/.test(phrase) ? "" : " "}${phrase} people came.`,
        { low: 50, approximate: kind },
      ],
    ),
  )
})
