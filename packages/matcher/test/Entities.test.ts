import { Either } from "effect"
import { describe, expect, it } from "vitest"
import * as Entities from "../src/Entities.js"
import * as Lexicon from "../src/Lexicon.js"

const lexicon = Lexicon.get()
const resolver = Entities.make({
  isCommonWord: lexicon.isCommonWord,
  isTitle: lexicon.isTitle,
  isStopword: lexicon.isStopword,
})

/** The entity the last mention of `surface` in `text` resolves to, or null. */
const resolve = (text: string, surface: string): string | null => {
  const at = text.lastIndexOf(surface)
  const m = resolver.mentions(text).find((x) => x.start === at && x.text === surface)
  return m?.entity ?? null
}

describe("Entities: names and their variants", () => {
  it.each([
    ["gazetteer alias", "Talks stalled in Pyongyang on Monday.", "Pyongyang", "north-korea"],
    ["demonym alias", "North Korean troops crossed the river.", "North Korean", "north-korea"],
    [
      "contextual alias after the full name",
      "North Korea fired a missile. The North said it was a test.",
      "The North",
      "north-korea",
    ],
    [
      "a possessive contextual alias",
      "South Korea spoke to North Korea about the North's speakers.",
      "the North",
      "north-korea",
    ],
    ["contextual alias with no full name", "The North is cold in winter.", "The North", null],
    ["surname after the full name", "Lee Jae Myung took office. Lee said talks would resume.", "Lee", "lee-jae-myung"],
    ["one Kim after Kim Jong Un", "Kim Jong Un met envoys. Later Kim left.", "Kim", "kim-jong-un"],
    [
      "the other Kim after Kim Yo Jong",
      "Kim Jong Un met envoys. Kim Yo Jong spoke next. Kim mocked Seoul.",
      "Kim",
      "kim-yo-jong",
    ],
    ["an ambiguous Kim with no full name", "Kim mocked Seoul.", "Kim", null],
    ["a unique short name anywhere", "Putin arrived on Tuesday.", "Putin", "vladimir-putin"],
    ["a pronoun after a person", "Lee Jae Myung spoke. He ordered the speakers removed.", "He", "lee-jae-myung"],
    ["a name found by capitalisation", "Mayor Ruth Okafor spoke.", "Ruth Okafor", "name:ruth okafor"],
    ["a name after a sentence-opening word", "Bureau director Helena Voss said so.", "Helena Voss", "name:helena voss"],
    ["a name opening the sentence", "Ruth Okafor, the mayor, spoke.", "Ruth Okafor", "name:ruth okafor"],
    ["its surname later", "Mayor Ruth Okafor spoke. Okafor said no.", "Okafor", "name:ruth okafor"],
    ["a demonym of an unknown country", "Marovian troops crossed.", "Marovian", "name:marovia"],
    ["the unknown country itself", "Marovia denied it.", "Marovia", "name:marovia"],
    ["a -i demonym", "The Dastani ministry protested.", "Dastani", "name:dastan"],
  ])("%s: %s → %s", (_, text, surface, entity) => {
    expect(resolve(text, surface)).toBe(entity)
  })

  it("tells the two Kims apart in one document by what came last", () => {
    const text = "Kim Jong Un met envoys. Kim spoke. Kim Yo Jong replied. Kim mocked Seoul."
    const kims = resolver
      .mentions(text)
      .filter((m) => m.text === "Kim")
      .map((m) => m.entity)
    expect(kims).toEqual(["kim-jong-un", "kim-yo-jong"])
  })

  it("drops common words at the edges of a capitalised run", () => {
    const names = resolver.mentions("Although Defense Minister Sergei Shoigu came, nothing changed.").map((m) => m.text)
    expect(names).toEqual(["Sergei Shoigu"])
  })

  it("reads an owner's name and the name it owns as two names, so the owned one is the same later", () => {
    const text = "Brennock's Larkgate Centre has been sold. The Larkgate Centre will close for a year."
    const names = resolver.mentions(text).map((m) => [m.text, m.entity])
    expect(names).toEqual([
      ["Brennock", "name:brennock"],
      ["Larkgate Centre", "name:larkgate centre"],
      ["Larkgate Centre", "name:larkgate centre"],
    ])
  })

  it("names an entity by its canonical name, or its rule name in title case", () => {
    expect(resolver.nameOf("north-korea")).toBe("North Korea")
    expect(resolver.nameOf("name:ruth okafor")).toBe("Ruth Okafor")
  })
})

describe("Entities: a newsroom's own gazetteer", () => {
  it("decodes a valid file and merges it over the built-in one", () => {
    const own = Entities.decode({
      entities: [{ id: "marovia", name: "Marovia", type: "place", aliases: ["Marovia", "Marovian", "Velgrad"] }],
    })
    expect(Either.isRight(own)).toBe(true)
    if (Either.isLeft(own)) return
    const merged = Entities.merge(Entities.builtin, own.right)
    const r = Entities.make({ gazetteer: merged })
    expect(r.mentions("Velgrad denied it.").map((m) => m.entity)).toEqual(["marovia"])
    expect(merged.entities.length).toBe(Entities.builtin.entities.length + 1)
  })

  it("rejects a file without aliases, saying what it expected", () => {
    const bad = Entities.decode({ entities: [{ id: "x", name: "X", type: "place" }] })
    expect(Either.isLeft(bad)).toBe(true)
    if (Either.isLeft(bad)) expect(bad.left).toMatch(/^matcher: expected a gazetteer like gazetteer.json, instead/)
  })

  it("lets a later entry replace a built-in one by id", () => {
    const merged = Entities.merge(Entities.builtin, {
      entities: [{ id: "north-korea", name: "DPRK", type: "place", aliases: ["DPRK"] }],
    })
    const r = Entities.make({ gazetteer: merged })
    expect(r.mentions("Pyongyang and the DPRK.").map((m) => m.entity)).toEqual(["name:pyongyang", "north-korea"])
  })
})
