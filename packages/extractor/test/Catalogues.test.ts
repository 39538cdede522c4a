import { Analysis, Extractor, Quantities } from "@crosscheck/extractor"
import { describe, expect, it } from "vitest"
import approximators from "../src/approximators.json" with { type: "json" }
import currencies from "../src/currencies.json" with { type: "json" }
import numbers from "../src/numbers.json" with { type: "json" }
import units from "../src/units.json" with { type: "json" }

// Every entry of every catalogue, read in a sentence: one row per phrase and the value it must give.
const nlp = Extractor.loadModel()
const find = (text: string) => {
  const a = Analysis.analyse(nlp, text)
  return a.sentences.flatMap((s) => Quantities.find(text, Analysis.sentenceTokens(a, s)))
}

const unitRows = Object.entries(units.words).flatMap(([name, forms]) => forms.map((form) => [form, name] as const))
const symbolRows = Object.entries(units.symbols).filter(([form]) => !["'", "′", "″"].includes(form))

describe("units.json", () => {
  it.each(unitRows)("5 %s → %s", (form, name) => {
    const q = find(`It measured 5 ${form} in all.`)[0]
    expect(q).toMatchObject({ low: 5, unit: name })
  })
  it.each(symbolRows)("12%s → %s", (form, name) => {
    const q = find(`It measured 12${form} in all.`)[0]
    expect(q).toMatchObject({ low: 12, unit: name })
  })
  it.each(Object.entries(units.perWords))("$5 %s → per %s", (form, per) => {
    const q = find(`It cost $5 ${form} at the time.`)[0]
    expect(q).toMatchObject({ low: 5, unit: "USD", per })
  })
})

describe("currencies.json", () => {
  it.each(Object.entries(currencies.prefixes))("%s5 → %s", (prefix, code) => {
    expect(find(`It cost ${prefix}5 in all.`)[0]).toMatchObject({ low: 5, unit: code })
  })
  it.each(Object.entries(currencies.names))("5 %s → %s", (name, code) => {
    expect(find(`It cost 5 ${name} in all.`)[0]).toMatchObject({ low: 5, unit: code })
  })
  it.each(Object.entries(currencies.minor))("5 %s → %s", (name, unit) => {
    expect(find(`It cost 5 ${name} in all.`)[0]).toMatchObject({ low: 5, unit })
  })
})

describe("numbers.json", () => {
  it.each(Object.entries(numbers.small).filter(([w]) => w !== "dozen" && w !== "one"))("%s → %d", (word, n) => {
    expect(find(`They saw ${word} ships.`)[0]).toMatchObject({ low: n, high: n, counted: "ship" })
  })
  it.each(Object.entries(numbers.scales))("a %s → %d", (word, n) => {
    expect(find(`They saw a ${word} ships.`)[0]).toMatchObject({ low: n, high: n })
  })
  it.each(Object.entries(numbers.suffixScales))("3%s → 3 × %d", (suffix, n) => {
    expect(find(`They raised $3${suffix} in all.`)[0]).toMatchObject({ low: 3 * n, unit: "USD" })
  })
  it.each(Object.entries(numbers.vague))("%s of → %j", (phrase, bounds) => {
    expect(find(`${phrase[0]?.toUpperCase()}${phrase.slice(1)} of people came.`)[0]).toMatchObject({
      low: bounds[0],
      high: bounds[1],
      approximate: "vague",
    })
  })
})

describe("approximators.json", () => {
  const before = Object.entries(approximators.before).filter(([phrase]) => !phrase.endsWith("-") && phrase !== "~")
  it.each(before)("%s 50 → %s", (phrase, kind) => {
    expect(find(`They said ${phrase} 50 people came.`)[0]).toMatchObject({ low: 50, approximate: kind })
  })
  it.each(Object.entries(approximators.after))("50%s → %s", (phrase, kind) => {
    const glue = /^[-+]/.test(phrase) ? "" : " "
    expect(find(`They said 50${glue}${phrase} people came.`)[0]).toMatchObject({ low: 50, approximate: kind })
  })
})
