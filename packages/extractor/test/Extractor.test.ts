import { readdirSync, readFileSync } from "node:fs"
import { type Claim, type Document, Ids } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import { describe, expect, it } from "vitest"
import model from "wink-eng-lite-web-model"
import winkNLP from "wink-nlp"

const nlp = Extractor.loadModel()
const seed = readFileSync(new URL("../../../seeds/000_e79dfb977574f8ce.txt", import.meta.url), "utf8")
// The whole page as one document: extraction does not depend on how sources split it.
const documents: ReadonlyArray<Document.Document> = [
  {
    id: Ids.documentId("seed", 0, seed),
    outlet: "seed",
    title: null,
    publishedAt: "2025-08-15T12:00:00Z",
    url: null,
    origin: { path: "seeds/page.txt", index: 0 },
    syndicationGroup: null,
    text: seed,
  },
]
const claims: ReadonlyArray<Claim.Claim> = documents.flatMap((d) => Extractor.extractWith(nlp, d))

describe("Extractor's wink pipeline", () => {
  it("gives the same claims as wink's full pipeline, whose other steps it skips", () => {
    const full = winkNLP(model)
    const stories = new URL("../../../fixtures/stories/", import.meta.url)
    const texts = [
      seed,
      ...readdirSync(stories, { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".md"))
        .map((f) => readFileSync(new URL(f, stories), "utf8")),
    ]
    expect(texts.length).toBeGreaterThan(30)
    texts.forEach((text, i) => {
      const document = { ...(documents[0] as Document.Document), id: Ids.documentId("pipe", i, text), text }
      expect(Extractor.extractWith(nlp, document)).toEqual(Extractor.extractWith(full, document))
    })
  })
})

describe("Extractor on the seed page", () => {
  it("keeps every claim's text equal to its span in its document", () => {
    expect(claims.length).toBeGreaterThan(50)
    for (const c of claims) {
      const doc = documents.find((d) => d.id === c.documentId)
      expect(doc?.text.slice(c.span.start, c.span.end)).toBe(c.text)
      for (const q of c.quantities) expect(doc?.text.slice(q.span.start, q.span.end)).toBe(q.text)
    }
  })

  const quantity = (text: string) => claims.flatMap((c) => c.quantities).find((q) => q.text === text)

  it.each([
    ["about 5,000", 5000, 5000, "about", null, "artillery shell", "day"],
    ["15,000", 15000, 15000, "exact", null, null, "day"],
    ["11,000", 11000, 11000, "exact", null, "North Korean troop", null],
    ["25,000-30,000", 25000, 30000, "exact", null, "North Korean soldier", null],
    ["anywhere from $1.7 billion to $5.5 billion", 1.7e9, 5.5e9, "exact", "USD", null, null],
    ["up to half a billion U.S. dollars", 5e8, 5e8, "at-most", "USD", null, "year"],
    ["four", 4, 4, "exact", null, "ICC judge", null],
  ] as const)("reads %s", (text, low, high, approximate, unit, counted, per) => {
    expect(quantity(text)).toMatchObject({ low, high, approximate, unit, counted, per })
  })

  it("reads 'thousands of builders' as a vague magnitude", () => {
    const q = claims.flatMap((c) => c.quantities).find((x) => x.counted === "builder and deminer")
    expect(q).toMatchObject({ approximate: "vague", text: "thousands of" })
    expect(q?.low).toBeLessThan(q?.high ?? 0)
  })

  it("does not read years used as dates as quantities", () => {
    const texts = claims.flatMap((c) => c.quantities.map((q) => q.text))
    for (const year of ["2002", "2018", "2022", "2023", "2024", "2025"]) expect(texts).not.toContain(year)
  })

  it("resolves the time scope of a dated sentence", () => {
    const c = claims.find((x) => x.text.startsWith("In July 2023"))
    expect(c?.time).toEqual({ text: "In July 2023", start: "2023-07-01", end: "2023-07-31" })
  })
})

describe("Extractor across documents", () => {
  const doc = (text: string, index: number): Document.Document => ({
    ...(documents[0] as Document.Document),
    id: Ids.documentId("seed", index, text),
    origin: { path: "seeds/page.txt", index },
    text,
  })
  it("gives a document the same claims whatever the model read before it", () => {
    // wink keeps "Ryan’s." whole once met, and would then no longer split "Ryan’s remarks".
    const before = doc("The panel spent an hour on the budget of Ryan’s.", 1)
    const after = doc("He laughed at Mr. Ryan’s remarks, the moderators said.", 2)
    const alone = Extractor.extractWith(Extractor.loadModel(), after)
    const reused = Extractor.loadModel()
    Extractor.extractWith(reused, before)
    expect(Extractor.extractWith(reused, after)).toEqual(alone)
    expect(alone.map((c) => c.object)).toEqual(["Mr. Ryan"])
  })
})

describe("Extractor: time on every claim", () => {
  const dated = (text: string, publishedAt: string | null, asOf: string | null = null) =>
    Extractor.extractWith(
      nlp,
      { ...(documents[0] as Document.Document), id: Ids.documentId("time", 0, text), publishedAt, text },
      { asOf },
    )
  it.each<readonly [string, string, string | null, string | null, Claim.TimeScope | null]>([
    [
      "no time written: the publication date, defaulted",
      "The fire killed 12 people.",
      "2024-03-05T09:00:00Z",
      null,
      { text: "", start: "2024-03-05", end: "2024-03-05", defaulted: true },
    ],
    [
      "no time written, no publication date: the run's as-of date",
      "The fire killed 12 people.",
      null,
      "2024-06-01",
      { text: "", start: "2024-06-01", end: "2024-06-01", defaulted: true },
    ],
    ["no time written and no date at all: none", "The fire killed 12 people.", null, null, null],
    [
      "a relative time: resolved against the publication date",
      "The fire killed 12 people on Monday.",
      "2024-03-06T09:00:00Z",
      null,
      { text: "on Monday", start: "2024-03-04", end: "2024-03-04" },
    ],
    [
      "an explicit date stays as written",
      "The fire killed 12 people in July 2023.",
      "2024-03-06T09:00:00Z",
      null,
      { text: "in July 2023", start: "2023-07-01", end: "2023-07-31" },
    ],
    [
      "an attributed claim is placed too",
      "Officials said the fire killed 12 people.",
      "2024-03-05T09:00:00Z",
      null,
      { text: "", start: "2024-03-05", end: "2024-03-05", defaulted: true },
    ],
    [
      "a figure that is the time's own length is told as of the article's day",
      "The boiler was last inspected three months ago.",
      "2024-03-05T09:00:00Z",
      null,
      { text: "", start: "2024-03-05", end: "2024-03-05", defaulted: true },
    ],
    [
      "a past time in a phrase after a present clause dates the phrase, not the figure",
      "The paper sells about 21,000 copies a day, a fraction of its circulation in the 1990s.",
      "2024-03-05T09:00:00Z",
      null,
      { text: "", start: "2024-03-05", end: "2024-03-05", defaulted: true },
    ],
    [
      "the same phrase after a clause in the past: the time dates the figure",
      "The paper sold about 21,000 copies a day, a fraction of its circulation in the 1990s.",
      "2024-03-05T09:00:00Z",
      null,
      { text: "in the 1990s", start: "1990-01-01", end: "1999-12-31" },
    ],
    [
      "a phrase with a verb of its own after the comma keeps its time",
      "The club has 300 members, most of them recruited in 2019.",
      "2024-03-05T09:00:00Z",
      null,
      { text: "in 2019", start: "2019-01-01", end: "2019-12-31" },
    ],
    [
      "a figure beside a length of time ago holds at that time",
      "The fire killed 12 people three years ago.",
      "2024-03-05T09:00:00Z",
      null,
      { text: "three years ago", start: "2021-01-01", end: "2021-12-31" },
    ],
  ])("%s", (_name, text, publishedAt, asOf, time) => {
    const claims = dated(text, publishedAt, asOf)
    expect(claims.length).toBeGreaterThan(0)
    for (const c of claims) expect(c.time).toEqual(time)
  })
})

describe("Extractor: the subject of a sentence with an aside after it", () => {
  const subjectOf = (text: string) =>
    Extractor.extractWith(nlp, {
      ...(documents[0] as Document.Document),
      id: Ids.documentId("aside", 0, text),
      text,
    })[0]?.subject
  it.each([
    ["The aircraft, an H-40 operated by Skerra Air, came down off the coast.", "aircraft"],
    ["The mayor, who visited the site on Friday, closed 40 roads.", "mayor"],
    ["Although North Korea also dismantled its speakers, it rebuffed talks.", "North Korea"],
    ["The dam, which holds 40 million cubic metres, collapsed on Monday.", "dam"],
  ])("%s: %s", (text, subject) => {
    expect(subjectOf(text)).toBe(subject)
  })
})

describe("Extractor: the predicate of a sentence whose verb wink tags by its place", () => {
  const tripleOf = (text: string) => {
    const c = Extractor.extractWith(nlp, {
      ...(documents[0] as Document.Document),
      id: Ids.documentId("predicate", 0, text),
      text,
    })[0]
    return [c?.subject ?? null, c?.predicate ?? null]
  }
  it.each([
    // A word after "the", "'s" or a possessive pronoun is a noun even when tagged as a verb.
    ["The ministry said the network's grant had been cut.", ["network 's grant", "cut"]],
    // A participle tagged as an adjective after "been" is the passive's verb.
    ["The union said the port authority had been informed.", ["port authority", "informed"]],
    // Other adjectives after "be" state a condition, not an act: no predicate, and the subject is the noun
    // group right before "be", as it is before any verb.
    ["The union said the mood on deck was tense.", ["deck", null]],
    // "Some" and "this" open a subject followed by its verb: "Some" is who said it, and the claim is what was said.
    ["Some said the shops had been closed.", ["shops", "close"]],
    // A word tagged as an adjective right after a modal, before a figure, is the verb ("last").
    ["The trial would last six weeks.", ["trial", "last"]],
    // With no verb at all, the subject before "be" is read; a state is no act, so there is no predicate.
    ["The network was down for more than 11 hours.", ["network", null]],
    ["The trial would be longer than six weeks.", ["trial", null]],
  ])("%s", (text, expected) => {
    expect(tripleOf(text)).toEqual(expected)
  })
})

describe("Extractor: a time that points back is the time named before it", () => {
  const last = (text: string) =>
    Extractor.extractWith(nlp, {
      ...(documents[0] as Document.Document),
      id: Ids.documentId("back", 0, text),
      publishedAt: "2024-03-08T09:00:00Z",
      text,
    }).at(-1)?.time
  it.each<readonly [string, string, Claim.TimeScope | null]>([
    [
      "'that day' after a named day",
      "The storm hit the coast on Monday. Some 900 homes lost power that day.",
      { text: "that day", start: "2024-03-04", end: "2024-03-04" },
    ],
    [
      "'at the time' after a year",
      "In 2009 a roof collapsed at the rink. About 200 skaters were inside at the time.",
      { text: "at the time", start: "2009-01-01", end: "2009-12-31" },
    ],
    [
      "nothing named before: the article's day, defaulted",
      "About 150 workers were on the site at the time.",
      { text: "", start: "2024-03-08", end: "2024-03-08", defaulted: true },
    ],
  ])("%s", (_name, text, time) => {
    expect(last(text)).toEqual(time)
  })
})

describe("an attribution's content is bounded", () => {
  it("ends a content that runs on without a closing quote within MAX_CONTENT characters, at a sentence's end", () => {
    // Punctuation and a name after a colon, over and over, as a broken or hostile page has it.
    const text = ".,,1-: Kim :".repeat(3_000)
    const document: Document.Document = {
      id: Ids.documentId("bounded", text),
      outlet: "Harbour Post",
      title: null,
      publishedAt: "2025-08-15",
      url: null,
      origin: { path: "bounded.txt", index: 0 },
      syndicationGroup: null,
      text,
    }
    const claims = Extractor.extractWith(nlp, document)
    const contents = claims.flatMap((c) => (c.attribution.content ? [c.attribution.content] : []))
    expect(contents.length).toBeGreaterThan(0)
    for (const c of contents) {
      expect(c.span.end - c.span.start).toBeLessThanOrEqual(Extractor.MAX_CONTENT + 200)
      expect(text.slice(c.span.start, c.span.end)).toBe(c.text)
    }
    // Every claim stays short, so a long page makes claims in proportion to it, not its square.
    for (const c of claims) expect(c.text.length).toBeLessThanOrEqual(Extractor.MAX_CONTENT + 400)
  })
})

describe("Extractor: a hedge that is a figure's own approximator", () => {
  const extract = (text: string) =>
    Extractor.extractWith(nlp, {
      id: Ids.documentId("hedge", text),
      outlet: "test",
      title: null,
      publishedAt: null,
      url: null,
      origin: { path: "test.txt", index: 0 },
      syndicationGroup: null,
      text,
    })

  it.each([
    // "an estimated" is read as "about" on the figure: the claim itself is not hedged for it.
    ["An estimated 12,000 children live on the streets of the port city.", false, "about"],
    ["The harbour office estimates 40 boats sank in the storm.", true, "exact"],
    ["The ministry may have moved 12,000 children to the port city.", true, "exact"],
    ["About 12,000 children live on the streets of the port city.", false, "about"],
  ] as const)("%s → hedged %s", (text, hedged, approximate) => {
    const [claim] = extract(text)
    expect(claim?.attribution.hedged).toBe(hedged)
    expect(claim?.quantities[0]?.approximate).toBe(approximate)
  })
})
