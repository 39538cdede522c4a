import { describe, expect, it } from "vitest"
import * as Lexicon from "../src/Lexicon.js"

const lexicon = Lexicon.get()

describe("Lexicon.relate", () => {
  it.each([
    ["dismantle", "remove", "related", /kind of "remove" \(WordNet hypernym\)/],
    ["remove", "dismantle", "related", /"dismantle" is a kind of "remove"/],
    ["speaker", "loudspeaker", "synonym", /WordNet synset/],
    ["troops", "soldier", "related", /WordNet derivation/],
    ["removal", "remove", "related", /forms of one word/],
    ["troop", "soldier", "synonym", /lexicon\.json/],
    ["take_down", "remove", "synonym", /lexicon\.json/],
    ["supporter", "fan", "synonym", /lexicon\.json/],
    // One crowd named two ways in one story's reports (lexicon.json synonyms).
    ["fan", "spectator", "synonym", /lexicon\.json/],
    ["runner", "finisher", "synonym", /lexicon\.json/],
    ["shopper", "visitor", "synonym", /lexicon\.json/],
    ["survey", "check", "synonym", /lexicon\.json/],
    ["inspect", "examine", "synonym", /lexicon\.json/],
    ["pupil", "child", "synonym", /lexicon\.json/],
    ["record", "measure", "synonym", /lexicon\.json/],
    ["close", "shut", "synonym", /WordNet synset/],
    ["scorch", "burn", "related", /WordNet hypernym/],
    ["protester", "people", "related", /kind of person/],
    // A man or a woman is any other kind of person; "-er" after a verb WordNet has is one who does it.
    ["man", "inmate", "related", /a man is a person/],
    ["escapers", "man", "related", /a man is a person/],
    ["man", "woman", "antonym", /opposite/],
    ["increase", "decrease", "antonym", /opposite/],
    ["deploy", "withdraw", "antonym", /lexicon\.json/],
    ["remove", "remove", "same", /"remove"/],
  ] as const)("%s ~ %s is %s", (a, b, kind, detail) => {
    const r = lexicon.relate(a, b)
    expect(r?.kind).toBe(kind)
    expect(r?.detail).toMatch(detail)
  })

  it.each([
    ["house", "remove"],
    ["troop", "shell"],
    ["passenger", "hectare"],
    ["man", "tunnel"],
  ])("%s and %s are unrelated", (a, b) => {
    expect(lexicon.relate(a, b)).toBeNull()
  })

  it("ranks relations by strength: same > synonym > antonym > related", () => {
    const strength = (a: string, b: string) => lexicon.relate(a, b)?.strength ?? 0
    expect(strength("remove", "remove")).toBe(1)
    expect(strength("speaker", "loudspeaker")).toBe(0.9)
    expect(strength("increase", "decrease")).toBe(0.8)
    expect(strength("dismantle", "remove")).toBe(0.7)
  })
})

describe("Lexicon.lemmas", () => {
  it.each([
    ["removed", "remove"],
    ["speakers", "speaker"],
    ["loudspeakers", "loudspeaker"],
    ["dismantled", "dismantle"],
    ["took", "take"],
    ["hectares", "hectare"],
    ["crossing", "crossing"],
    ["Pyongyang's", "pyongyang"],
    // A verb that doubles its last consonant: "stopped" is no adjective of its own here.
    ["stopped", "stop"],
    ["cancelled", "cancel"],
    ["shipped", "ship"],
    // Irregular pasts: "had known about the fault" and "knew about the fault" are one verb.
    ["knew", "know"],
    ["known", "know"],
    ["stolen", "steal"],
    ["underwent", "undergo"],
  ])("%s gives %s first", (word, lemma) => {
    expect(lexicon.lemmas(word)[0]).toBe(lemma)
  })

  it("keeps both readings of a word that is its own lemma and a plural", () => {
    expect(lexicon.lemmas("troops")).toEqual(["troops", "troop"])
  })

  it("joins a verb and its particle when WordNet knows the phrase", () => {
    expect(lexicon.phrase("take", "down")).toBe("take_down")
    expect(lexicon.phrase("remove", "down")).toBeNull()
  })
})

describe("Lexicon.concepts", () => {
  it.each([
    ["dismantle", "remove"],
    ["speaker", "loudspeaker"],
    ["troops", "soldier"],
    ["removal", "remove"],
    ["protester", "people"],
    ["increase", "decrease"],
  ])("files related %s and %s under a shared key", (a, b) => {
    const shared = lexicon.concepts(a).filter((k) => lexicon.concepts(b).includes(k))
    expect(shared.length).toBeGreaterThan(0)
  })

  it("gives unrelated words no shared key", () => {
    const shared = lexicon.concepts("passenger").filter((k) => lexicon.concepts("hectare").includes(k))
    expect(shared).toEqual([])
  })
})

describe("Lexicon word classes", () => {
  it.each([
    ["say", true],
    ["make", true],
    ["dismantle", false],
    ["remove", false],
  ])("light verb %s: %s", (lemma, light) => {
    expect(lexicon.isLightVerb(lemma)).toBe(light)
  })

  it.each([
    ["Minister", true],
    ["Although", true],
    ["Estimates", true],
    ["Kelvar", false],
    ["Okafor", false],
  ])("common word %s: %s", (word, common) => {
    expect(lexicon.isCommonWord(word)).toBe(common)
  })
})

describe("Lexicon.isKindOf", () => {
  it.each([
    // Further up than the next broader word: a plane is a heavier-than-air craft, which is an aircraft.
    ["plane", "aircraft", true],
    ["van", "vehicle", true],
    ["chicken", "bird", true],
    ["aircraft", "plane", false],
    // An artifact lies four hypernyms below WordNet's root: too wide to name a kind of anything.
    ["car", "artifact", false],
    ["car", "car", false],
  ])("%s is a kind of %s: %s", (lemma, ancestor, kind) => {
    expect(lexicon.isKindOf(lemma, ancestor, 5)).toBe(kind)
  })
})
