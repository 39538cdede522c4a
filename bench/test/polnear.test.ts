/**
 * The PolNeAR eval's resolution line: a gold source's name is read before its apposition, and a claim
 * keeps it when the speaker it resolves to holds that name, wherever that fuller mention stands.
 */
import { describe, expect, it } from "vitest"
import { headName, resolution } from "../eval/polnear.js"

describe("headName", () => {
  it.each([
    ["Sen. Maren Holt (D-Ore.), who chairs the panel", "holt"],
    ["the Tarn Institute for Coastal Research", "institute"],
    ["The Harbor Gazette", "gazette"],
    ["Mr. Osei's", "osei"],
    ["Dana Whitfield, a lawyer at Brenn Lines,", "whitfield"],
    ["he", null],
    ["the senator", null],
    ["Most analysts", null],
  ] as const)("%s -> %s", (source, name) => {
    expect(headName(source)).toBe(name)
  })

  it("takes a first word the text also writes in lower case for one capitalised by its place", () => {
    const text = "Farmers and millers said so. Many farmers agreed."
    expect(headName("Farmers and millers", text)).toBeNull()
    expect(headName("Farmers", "Farmers said so.")).toBe("farmers")
  })
})

describe("resolution", () => {
  const text = "Mayor Ines Calloway spoke first. She said the bridge was safe. Officials said it was not."
  const at = (word: string, from = 0): [number, number] => {
    const start = text.indexOf(word, from)
    return [start, start + word.length]
  }
  const said = at("said")
  const officialsSaid = at("said", said[1])
  const gold = [
    { cue: [said], source: [at("She")], content: null },
    { cue: [officialsSaid], source: [at("Officials")], content: null },
    { cue: [at("spoke")], source: [at("Mayor Ines Calloway")], content: null },
  ]
  const span = ([start, end]: [number, number]) => ({ start, end })

  it("counts a resolved pronoun as given a name, and a named source kept by the name it resolves to", () => {
    const claims = [
      { cue: span(said), source: "Mayor Ines Calloway" },
      { cue: span(officialsSaid), source: "Officials" },
    ]
    // The third gold cue is not found: its source is no part of this line.
    expect(resolution(text, gold, claims)).toEqual({ named: 1, namedKept: 1, unnamed: 1, unnamedToName: 1 })
  })

  it("counts a pronoun left unresolved as given no name", () => {
    const claims = [{ cue: span(said), source: "She" }]
    expect(resolution(text, gold, claims)).toEqual({ named: 0, namedKept: 0, unnamed: 1, unnamedToName: 0 })
  })
})
