import { isDeepStrictEqual } from "node:util"
import { type Document, Ids } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import { describe, expect, it } from "vitest"
import model from "wink-eng-lite-web-model"
import winkNLP from "wink-nlp"
import * as UnknownWords from "../src/internal/UnknownWords.js"

const doc = (text: string, index: number): Document.Document => ({
  id: Ids.documentId("unknown", index, text),
  outlet: "made-up",
  title: null,
  publishedAt: "2025-03-04T08:00:00Z",
  url: null,
  origin: { path: "made-up.txt", index },
  syndicationGroup: null,
  text,
})

// Made-up names the model cannot know, so every document teaches it words.
const texts = [
  "Mayor Qarvelo Brintasch said 240 homes in Velmorrin were flooded on Tuesday.",
  "Officials in Dranquist said the Tolvaney bridge carried 12,000 cars a day, Ms. Orrelby told reporters.",
  "The Kestmorel council cut 35 jobs, according to spokeswoman Ilvane Prutchard’s statement.",
  "Zubrentha’s mayor said unemployment fell to 4.2% in Harnwick last year.",
]
const documents = texts.map(doc)

describe("UnknownWords: a model made again once it has learnt too many words", () => {
  it("counts the words a document taught the model, which it keeps after forgetting them", () => {
    const nlp = Extractor.loadModel()
    expect(UnknownWords.learnt(nlp)).toBe(0)
    Extractor.extractWith(nlp, documents[0] as Document.Document)
    expect(UnknownWords.learnt(nlp)).toBeGreaterThan(0)
  })

  it("replaces the instance past its bound, and the caller's instance keeps giving the same claims", () => {
    const nlp = UnknownWords.tracked(model, (m) => winkNLP(m, [...Extractor.PIPE]), 0)
    const fresh = Extractor.loadModel()
    const alone = documents.map((d) => Extractor.extractWith(Extractor.loadModel(), d))
    // Round after round, so that the instance is made again many more times than wink's loader allows
    // without `once`: its custom-entity machines would be stringified once more on each.
    for (let round = 0; round < 8; round++) {
      documents.forEach((d, i) => {
        const readDoc = nlp.readDoc
        expect(Extractor.extractWith(nlp, d)).toEqual(alone[i])
        expect(nlp.readDoc).not.toBe(readDoc)
        expect(UnknownWords.learnt(nlp)).toBe(0)
      })
    }
    expect(documents.map((d) => Extractor.extractWith(fresh, d))).toEqual(alone)
  })

  it("cuts a used core back to one equal to a freshly unpacked copy, so a replacement can be made on it", () => {
    const read = (model as unknown as { core: () => { features: Record<string, { list: string[] }> } }).core
    let core: ReturnType<typeof read> | undefined
    const nlp = UnknownWords.tracked(
      model,
      (m) =>
        winkNLP(
          {
            ...m,
            core: () => {
              core = read()
              return core
            },
          } as typeof m,
          [...Extractor.PIPE],
        ),
      1_000_000,
    )
    for (const d of documents) Extractor.extractWith(nlp, d)
    // Words wink learnt outside `isolated` are cut too.
    nlp.readDoc("Vorgantheim Quillibrast Ophendrax")
    if (!core) throw new Error("the model's core was never read")
    const fresh = read()
    expect(core.features.lexeme?.list.length).toBeGreaterThan(fresh.features.lexeme?.list.length ?? 0)
    expect(isDeepStrictEqual(UnknownWords.pristine(core), fresh)).toBe(true)
  })

  it("reads each text as a new instance does, whether it learns a word for the first time or again", () => {
    // Words with capitals, digits, marks and accents, whose shapes differ ("Xxxxx", "dd.d", "XXXX-dd").
    const more = [
      ...texts,
      "Zoë Ångström-Vårdal paid €4.50 for QRXT-2231 at Pölkkö’s.",
      "ABCDEFG said 1234567 and 12ab.",
    ]
    const nlp = Extractor.loadModel()
    const its = nlp.its
    const read = (w: ReturnType<typeof winkNLP>, text: string) => {
      const all = w.readDoc(text).tokens()
      return [all.out(), all.out(its.pos), all.out(its.shape), all.out(its.type)]
    }
    const alone = more.map((t) => read(winkNLP(model, [...Extractor.PIPE]), t))
    for (let round = 0; round < 3; round++)
      more.forEach((t, i) => {
        expect(UnknownWords.isolated(nlp, () => read(nlp, t))).toEqual(alone[i])
      })
  })

  it("makes a word it learnt and forgot known again without learning it anew, and reads it the same", () => {
    const nlp = Extractor.loadModel()
    const alone = documents.map((d) => Extractor.extractWith(Extractor.loadModel(), d))
    expect(documents.map((d) => Extractor.extractWith(nlp, d))).toEqual(alone)
    // The first word an instance learns is learnt before wink hands over its cache (UnknownWords.relearn),
    // and is learnt once more when met again: from then on the words are only made known again.
    expect([...documents].reverse().map((d) => Extractor.extractWith(nlp, d))).toEqual([...alone].reverse())
    const again = UnknownWords.learnt(nlp)
    expect(again).toBeGreaterThan(0)
    for (let round = 0; round < 3; round++) {
      expect(documents.map((d) => Extractor.extractWith(nlp, d))).toEqual(alone)
      expect(UnknownWords.learnt(nlp)).toBe(again)
    }
  })

  it("keeps an instance under its bound", () => {
    const nlp = UnknownWords.tracked(model, (m) => winkNLP(m, [...Extractor.PIPE]), 1_000_000)
    const readDoc = nlp.readDoc
    for (const d of documents) Extractor.extractWith(nlp, d)
    expect(nlp.readDoc).toBe(readDoc)
  })
})
