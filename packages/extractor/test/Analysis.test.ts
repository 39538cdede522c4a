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

  // lexicon.json nounVerbs: a verb wink reads as a noun is a verb between a subject's noun group and a figure,
  // and stays a noun anywhere else.
  it.each([
    ["The bridge cost 31 million crowns.", "cost", "VERB"],
    ["Ms Vell said the race costs about 1.2 million euros.", "costs", "VERB"],
    ["Police estimate 40 people were hurt.", "estimate", "VERB"],
    ["The cost of the bridge was 31 million crowns.", "cost", "NOUN"],
    ["The council cut the running costs by 40 percent.", "costs", "NOUN"],
    ["Staff checked the holiday plans so that rotas could be drawn up.", "plans", "NOUN"],
    ["Of the 12 council plans, 40 percent were approved.", "plans", "NOUN"],
  ])("%s: %s is a %s", (text, word, pos) => {
    const analysis = Analysis.analyse(Extractor.loadModel(), text)
    expect(analysis.tokens.find((t) => t.text === word)?.pos).toBe(pos)
  })

  // wink ends a sentence inside a number; the sentence merged again numbers its tokens as one, and those after it
  // by the sentence that holds them.
  it.each([
    'At 5.20am on Tuesday the road gave way.\n\nMara Tolk moved out. "I left my keys," she said. "I miss them."',
    "Fares rose to RM31.20 on Monday. The council said the rise was small. Bus use fell.",
    "The shift ends at 6:00am. Asked about the fire, Ona Vell said 40 were inside. Police left at 9 p.m. Sunday.",
  ])("gives each token the sentence that holds it: %s", (text) => {
    const analysis = Analysis.analyse(Extractor.loadModel(), text)
    analysis.sentences.forEach((s, i) => {
      expect(s.index).toBe(i)
      for (let t = s.first; t < s.last; t++) expect(analysis.tokens[t]?.sentence).toBe(i)
    })
  })

  // wink keeps the full stop of "6am." or "p.m." in the token and reads on into the next sentence when it
  // opens with a word other than "The"; a time's weekday, month or zone goes on with it.
  it.each([
    [
      "The shift ends at 6:00am. Asked about the fire, he left.",
      ["The shift ends at 6:00am.", "Asked about the fire, he left."],
    ],
    ["They met at 5 p.m. Police said it ended.", ["They met at 5 p.m.", "Police said it ended."]],
    ["It closed at 11pm. Staff went home.", ["It closed at 11pm.", "Staff went home."]],
    ["It ended at 9 p.m. Tuesday, police said.", ["It ended at 9 p.m. Tuesday, police said."]],
    ["The polls shut at 8 p.m. Eastern on Monday.", ["The polls shut at 8 p.m. Eastern on Monday."]],
    ["It began at 7 a.m. Moscow time on Friday.", ["It began at 7 a.m. Moscow time on Friday."]],
    // A list's lines, or a line after a full stop, are sentences of their own though wink reads on over the break.
    [
      "- 2013: the last invasion; 2,100 birds.\n- October 2026: berries fail\n- 1 January: 4,820 birds.",
      ["- 2013: the last invasion; 2,100 birds.", "- October 2026: berries fail", "- 1 January: 4,820 birds."],
    ],
    ["The vote opens at 10 a.m. March 3 in the hall.", ["The vote opens at 10 a.m. March 3 in the hall."]],
  ])("ends a sentence after a time of day that wink reads on from: %s", (text, want) => {
    const analysis = Analysis.analyse(Extractor.loadModel(), text)
    expect(analysis.sentences.map((s) => text.slice(s.span.start, s.span.end))).toEqual(want)
    // The time and its full stop are two tokens, as any sentence's last word and its stop are.
    const last = analysis.sentences[0] ? analysis.tokens[analysis.sentences[0].last - 1] : undefined
    if (want.length > 1) expect(last?.text).toBe(".")
    for (const t of analysis.tokens) expect(text.slice(t.start, t.end)).toBe(t.text)
  })
})
