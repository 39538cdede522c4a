import { describe, expect, it } from "vitest"
import * as Analysis from "../src/Analysis.js"
import { Extractor } from "../src/index.js"

describe("Analysis bounds what wink and later steps see", () => {
  it.each([
    ["a short text", "The council approved 40 homes.", "The council approved 40 homes."],
    ["a run of 101 dashes", "-".repeat(101), `${"-".repeat(100)} `],
    ["a run of 250 dollars", "$".repeat(250), `${"$".repeat(100)} ${"$".repeat(100)} ${"$".repeat(48)}`],
  ])("cuts %s into runs of at most 100 characters, keeping its length", (_, text, cut) => {
    expect(Analysis.cutRuns(text)).toBe(cut)
    expect(Analysis.cutRuns(text)).toHaveLength(text.length)
  })

  it("never cuts a character outside the basic plane in half", () => {
    const text = "😀".repeat(120)
    const cut = Analysis.cutRuns(text)
    expect(cut).toHaveLength(text.length)
    expect(cut.replace(/ /g, "")).toMatch(/^(?:😀)+$/u)
  })

  it("keeps the original text and cuts an endless sentence into pieces of at most 150 tokens", () => {
    const nlp = Extractor.loadModel()
    const text = "Kim said ".repeat(400)
    const analysis = Analysis.analyse(nlp, text)
    expect(analysis.text).toBe(text)
    expect(analysis.sentences.length).toBeGreaterThanOrEqual(6)
    for (const s of analysis.sentences) expect(s.last - s.first).toBeLessThanOrEqual(Analysis.MAX_SENTENCE_TOKENS)
    for (const t of analysis.tokens) expect(text.slice(t.start, t.end)).toBe(t.text)
  })

  // wink ends a sentence inside a number; the sentence merged again numbers its tokens as one, and those after it
  // by the sentence that holds them.
  it.each([
    'At 5.20am on Tuesday the road gave way.\n\nMara Tolk moved out. "I left my keys," she said. "I miss them."',
    "Fares rose to RM31.20 on Monday. The council said the rise was small. Bus use fell.",
  ])("gives each token the sentence that holds it: %s", (text) => {
    const analysis = Analysis.analyse(Extractor.loadModel(), text)
    analysis.sentences.forEach((s, i) => {
      expect(s.index).toBe(i)
      for (let t = s.first; t < s.last; t++) expect(analysis.tokens[t]?.sentence).toBe(i)
    })
  })
})
