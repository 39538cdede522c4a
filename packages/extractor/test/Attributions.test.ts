import { readFileSync } from "node:fs"
import type { Claim } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { doc as docAt } from "./support.js"

const nlp = Extractor.loadModel()

/** Published mid-August 2025, so relative times resolve. */
const doc = (text: string) => docAt(text, "2025-08-15T12:00:00Z")
const extract = (text: string) => Extractor.extractWith(nlp, doc(text))

/** Every span of every claim lies in the text and its `text` is the slice of its span. */
const expectSpansHold = (text: string, claims: ReadonlyArray<Claim.Claim>) => {
  const check = (t: { text: string; span: { start: number; end: number } } | null) => {
    if (!t) return
    expect(t.span.start).toBeGreaterThanOrEqual(0)
    expect(t.span.end).toBeLessThanOrEqual(text.length)
    expect(t.span.start).toBeLessThanOrEqual(t.span.end)
    expect(text.slice(t.span.start, t.span.end)).toBe(t.text)
  }
  for (const c of claims) {
    check(c)
    check(c.attribution.source)
    check(c.attribution.cue)
    check(c.attribution.content)
    for (const q of c.quantities) check(q)
  }
}

const attributed = (claims: ReadonlyArray<Claim.Claim>, lemma: string, content: string) =>
  claims.filter((c) => c.attribution.cue?.lemma === lemma && c.attribution.content?.text.startsWith(content))

describe("attributions on the seed page", () => {
  const seed = readFileSync(new URL("../../../seeds/000_e79dfb977574f8ce.txt", import.meta.url), "utf8")
  const claims = extract(seed)
  const one = (lemma: string, content: string) => {
    const found = attributed(claims, lemma, content)
    expect(found, `${lemma}: ${content}`).not.toHaveLength(0)
    return found[0] as Claim.Claim
  }
  const at = (needle: string, from = 0) => {
    const start = seed.indexOf(needle, from)
    return { start, end: start + needle.length }
  }

  it("keeps every span inside the page", () => expectSpansHold(seed, claims))

  it.each([
    // source, cue lemma, content start, mode, stance, hedged
    ["Ukrainian officials", "say", "another 25,000-30,000 North Korean soldiers", "indirect", "asserts", false],
    ["a German think tank", "suggest", "North Korea has earned anywhere from", "indirect", "asserts", true],
    ["a German think tank", "estimate", "North Korea may also be receiving", "indirect", "asserts", true],
    ["Lee Jae Myung", "say", "Denuclearization is a complex and difficult task", "direct", "asserts", false],
    ["Lee Jae Myung", "say", "However, inter-Korean and U.S.-North Korea dialogue", "direct", "asserts", false],
    ["Lee Jae Myung", "say", "South Korea remains committed", "indirect", "asserts", false],
    // "will not pursue" inside the second partial quote is not what the main clause says.
    ["Lee Jae Myung", "say", "his government affirms", "indirect", "asserts", false],
    ["Lee Jae Myung", "say", "To prevent accidental clashes", "direct", "asserts", false],
    ["Kim Yo Jong", "reiterate", "previous North Korean statements", "indirect", "asserts", false],
    ["Kim Yo Jong", "mock", "his government for clinging to hopes", "indirect", "asserts", false],
    ["Kim Yo Jong", "claim", "the North had removed its own frontline speakers", "indirect", "disputes", false],
    ["Analysts", "say", "North Korea clearly sees no urgency", "indirect", "asserts", false],
    ["Tomoko Akane", "say", "It reflects the fact Japan has maintained", "direct", "asserts", false],
    ["one of those targeted by the sanctions", "say", "I have undertaken my work", "direct", "asserts", false],
  ] as const)("%s → %s: %s", (source, lemma, content, mode, stance, hedged) => {
    const c = one(lemma, content)
    expect(c.attribution.source?.text).toBe(source)
    expect(c.attribution).toMatchObject({ mode, stance, hedged })
    expect(c.text).toContain(c.attribution.cue?.text)
  })

  it("gives a resolved speaker the span of the mention it stands for", () => {
    // "The think tank also estimates" → the German think tank named in the sentence before.
    const thinkTank = one("estimate", "North Korea may also be receiving")
    expect(thinkTank.attribution.source?.span).toEqual(at("a German think tank"))
    // "Kim's powerful sister mocked ..." → Kim Yo Jong, named in the next sentence.
    const sister = one("mock", "his government for clinging")
    expect(sister.attribution.source?.span).toEqual(at("Kim Yo Jong"))
    // "Lee said" → the full name in the article's apposition.
    const lee = one("say", "South Korea remains committed")
    expect(lee.attribution.source?.span).toEqual(at("Lee Jae Myung", seed.indexOf("SEOUL--")))
  })

  it("reads the reported speech with its own source, and the split quote as two claims of one speaker", () => {
    const reported = one("say", "he will seek to restore a 2018 military agreement")
    expect(reported.attribution.source?.text).toBe("South Korea's new liberal president, Lee Jae Myung")
    const first = one("say", "Denuclearization is a complex")
    const second = one("say", "However, inter-Korean")
    expect(first.attribution.cue?.span).toEqual(second.attribution.cue?.span)
    expect(first.attribution.content?.text).toBe(
      "Denuclearization is a complex and difficult task that cannot be resolved quickly",
    )
  })

  it("reads the tearful judge's colon-introduced quote over three sentences", () => {
    const judge = one("say", "I have undertaken my work")
    expect(judge.attribution.cue?.text).toBe("said")
    expect(judge.attribution.content?.text.endsWith("Is there anything that is more humiliating than this?")).toBe(true)
    // The quoted sentences are the judge's words, not the outlet's.
    const outletVoice = claims.filter((c) => c.attribution.mode === "asserted" && c.text.includes("humiliating"))
    expect(outletVoice).toHaveLength(0)
  })

  it("makes the disputed claim comparable with the outlet's own statement", () => {
    const disputed = one("claim", "the North had removed its own frontline speakers")
    expect(disputed.attribution.cue?.text).toBe("falsely claiming")
    expect(disputed).toMatchObject({ subject: "North", predicate: "remove", object: "its own frontline speakers" })
    const stated = claims.find((c) => c.text.startsWith("Although North Korea also dismantled"))
    expect(stated?.attribution).toMatchObject({ source: null, cue: null, mode: "asserted", stance: "asserts" })
    expect(stated).toMatchObject({
      subject: "North Korea",
      predicate: "dismantle",
      object: "its own propaganda speakers",
      polarity: "positive",
    })
  })

  it("keeps numeric claims, with the attribution of their sentence", () => {
    const troops = claims.find((c) => c.quantities.some((q) => q.text === "25,000-30,000"))
    expect(troops?.kind).toBe("numeric")
    expect(troops?.attribution.source?.text).toBe("Ukrainian officials")
    expect(troops?.attribution.cue?.lemma).toBe("say")
    const earnings = claims.find((c) => c.quantities.some((q) => q.low === 1.7e9))
    expect(earnings?.attribution).toMatchObject({ hedged: true, source: { text: "a German think tank" } })
    const shells = claims.find((c) => c.quantities.some((q) => q.text === "about 5,000"))
    expect(shells?.attribution).toMatchObject({ mode: "asserted", source: null })
  })
})

describe("a time is never the speaker", () => {
  it("leaves a day's time out of the source ('published this morning')", () => {
    const claims = extract(
      "The course was 412 metres short, according to the federation's final measurement, published this morning.",
    )
    for (const c of claims) expect(c.attribution.source?.text ?? "").not.toMatch(/morning/)
  })

  it("does not take 'In October a survey' as a name a later 'He' stands for", () => {
    const claims = extract(
      "In October a survey linked the blockages to roots. The council's leader, Hollis Drum, spoke on Wednesday. He denied that any promise had been made to residents.",
    )
    const denial = claims.find((c) => c.attribution.cue?.lemma === "deny")
    expect(denial?.attribution.source?.text ?? "").not.toMatch(/October/)
  })
})

describe("a plural noun wink reads as a verb", () => {
  it.each([
    ["Some 3,150 emergency calls failed to connect.", null],
    ["Six million jobs depend on exports, one slide says.", "one slide"],
  ])("%s", (text, source) => {
    const cued = extract(text).find((c) => c.attribution.cue !== null)
    expect(cued?.attribution.source?.text ?? null).toBe(source)
  })
})

describe("a first name wink reads as a verb", () => {
  it.each([
    ["Grant Aldous said 1,200 fish had been caught.", "Grant Aldous"],
    ["Later, Grant Aldous said 1,200 fish had been caught.", "Grant Aldous"],
    ["Later Dr Fitch said the ward was full.", "Dr Fitch"],
    // A family name wink reads as a preposition or an auxiliary, after a first name.
    ["\u201CI used to hear them,\u201D said Morag Till, 62, of Canal Terrace.", "Morag Till"],
    ["Morag Till, 62, said the lorries were quiet.", "Morag Till"],
    // A family name wink reads as a verb, before an adverb and a verb: the fuller name a later mention stands for.
    [
      'Judge Rosalind Ebbs also ordered it to pay costs. "It was a slow failure," Judge Ebbs said.',
      "Judge Rosalind Ebbs",
    ],
    ['Rosalind Ebbs also ordered it to pay costs. "It was a slow failure," Ebbs said.', "Rosalind Ebbs"],
  ])("%s", (text, source) => {
    expect(extract(text).find((c) => c.attribution.cue?.lemma === "say")?.attribution.source?.text).toBe(source)
  })
})

describe("a verb wink reads as a noun before a figure (lexicon.json nounVerbs)", () => {
  it.each([
    ["Tove Lindqvist said the bridge cost 31 million crowns.", "Tove Lindqvist"],
    ["The network cost 31 million crowns, said Tove Lindqvist.", "Tove Lindqvist"],
    ["The council plans about 300 homes on the site, the mayor said.", "the mayor"],
  ])("%s", (text, source) => {
    expect(extract(text).find((c) => c.attribution.cue?.lemma === "say")?.attribution.source?.text).toBe(source)
  })
})

describe("a tabloid's verbs of saying (cues.json verbs)", () => {
  it.each([
    [
      'Union organiser Bettany Clough, 47, fumed: "As many as 300 jobs depend on that train."',
      "Union organiser Bettany Clough",
    ],
    ["Shop owner Ada Lee moaned that trade had halved since the bridge shut.", "Shop owner Ada Lee"],
    ["The smoke fumed over the town for hours.", null],
  ])("%s", (text, source) => {
    expect(extract(text).find((c) => c.attribution.source !== null)?.attribution.source?.text ?? null).toBe(source)
  })
})

describe("reported content ends with its last word", () => {
  // wink tags "6:00am" and "9pm" as symbols; they are words of the content, not punctuation to trim.
  it.each([
    ["A witness said the shift ends at 6:00am.", "the shift ends at 6:00am"],
    ["Police said the road reopened at 9pm.", "the road reopened at 9pm"],
    ["The firm said prices rose 4%.", "prices rose 4%"],
  ])("%s", (text, content) => {
    const claims = extract(text)
    expectSpansHold(text, claims)
    expect(claims.find((c) => c.attribution.cue?.lemma === "say")?.attribution.content?.text).toBe(content)
  })
})

describe("quotes", () => {
  it.each([
    ['"The bridge is closed," the mayor said.', "The bridge is closed", "the mayor"],
    ["\u201CThe bridge is closed,\u201D the mayor said.", "The bridge is closed", "the mayor"],
    ["'The bridge is closed,' the mayor said.", "The bridge is closed", "the mayor"],
    ["\u2018The bridge is closed,\u2019 the mayor said.", "The bridge is closed", "the mayor"],
    ["\u201CThe bridge is closed,\u201D said the mayor.", "The bridge is closed", "the mayor"],
    ["The mayor said: \u201CThe bridge is closed.\u201D", "The bridge is closed.", "The mayor"],
    ['The mayor said, "The bridge is closed."', "The bridge is closed.", "The mayor"],
    ["''The bridge is closed,'' said the mayor.", "The bridge is closed", "the mayor"],
  ])("%s", (text, content, source) => {
    const claims = extract(text)
    expectSpansHold(text, claims)
    const c = claims.find((x) => x.attribution.mode === "direct")
    expect(c?.attribution.content?.text).toBe(content)
    expect(c?.attribution.source?.text).toBe(source)
    expect(c?.attribution.cue?.lemma).toBe("say")
  })

  it("gives a quote split by 'Lee said' to Lee twice", () => {
    const text =
      "Lee Jae Myung spoke in Seoul. \u201CTalks are hard,\u201D Lee said. \u201CBut we will keep trying.\u201D"
    const claims = extract(text).filter((c) => c.attribution.mode === "direct")
    expect(claims.map((c) => c.attribution.content?.text)).toEqual(["Talks are hard", "But we will keep trying."])
    for (const c of claims) expect(c.attribution.source?.text).toBe("Lee Jae Myung")
  })

  it("follows a quote over paragraphs when the next paragraph reopens it", () => {
    const text = "The minister said: \u201CWe are ready.\n\n\u201CWe will act tomorrow.\u201D\n\nThe meeting ended."
    const claims = extract(text)
    expectSpansHold(text, claims)
    const quote = claims.find((c) => c.attribution.mode === "direct")
    expect(quote?.attribution.content?.text).toBe("We are ready.\n\n\u201CWe will act tomorrow.")
    expect(claims.filter((c) => c.attribution.mode === "asserted").map((c) => c.text)).toEqual(["The meeting ended."])
  })

  it("resolves 'she said' to the speaker named before", () => {
    const text = "Kim Yo Jong spoke on Tuesday. She said Seoul was misleading the public."
    const c = extract(text).find((x) => x.attribution.cue?.lemma === "say")
    expect(c?.attribution.source).toEqual({ text: "Kim Yo Jong", span: { start: 0, end: 11 } })
    expect(c?.attribution.content?.text).toBe("Seoul was misleading the public")
  })

  it("reads a denial as denying, and a speaker's own negative statement as an assertion", () => {
    const denied = extract("The ministry denied that troops had crossed the border.")[0]
    expect(denied?.attribution).toMatchObject({ stance: "denies", content: { text: "troops had crossed the border" } })
    // "never removed" rejects no claim: it asserts a negative fact (issue 17).
    const never = extract("Officials said the North never removed its speakers.")[0]
    expect(never?.attribution.stance).toBe("asserts")
    expect(never).toMatchObject({ predicate: "remove", polarity: "negative" })
    const own = extract("\u201CI didn\u2019t see him,\u201D the farmer said.")[0]
    expect(own?.attribution).toMatchObject({ stance: "asserts", mode: "direct" })
    expect(own?.polarity).toBe("negative")
    const noSuch = extract("The agency said there was no such plan.")[0]
    expect(noSuch?.attribution.stance).toBe("denies")
  })

  // biome-ignore format: one row per case
  it.each([
    // text, stance of the one claim: rejecting something offered or asked (cues.json refusals) denies no
    // claim, so the sentence is the outlet's own report; rejecting a claim, or denying a clause, still denies.
    ["The union rejected a pay offer of 2.5 per cent on Friday.", "asserted", "asserts"],
    ["Councillors rejected the club's bid for the ground.", "asserted", "asserts"],
    ["The council dismissed the union's demands for a 6 per cent rise.", "asserted", "asserts"],
    ["The ministry rejected the report.", "indirect", "denies"],
    ["The council denied that the deal had been agreed in secret.", "indirect", "denies"],
    ["The company rejected the claim that it had failed to consult fishing crews.", "indirect", "denies"],
    // A denial whose content is a quotation after a colon: no noun group to read as refused.
    ['But the abbess denied: "No sister gave birth to a child."', "direct", "denies"],
  ] as const)("reads %s as %s, %s", (text, mode, stance) => {
    const [c] = extract(text)
    expect(c?.attribution).toMatchObject({ mode, stance })
  })

  it.each([
    // text, polarity: a subject opened by a negator, or a negative pronoun as the subject, negates its clause
    ["He said no warning light had shown before the train left the station.", "negative"],
    ["The treasurer said no money had been moved from the rescue budget.", "negative"],
    ["Nobody has been arrested over the fire.", "negative"],
    ["None of the drivers had been paid since March.", "negative"],
    ["The board said nothing had been decided about the depot.", "negative"],
    ["No other airline flies the route, the council said.", "negative"],
    ["No more than 40 people were hurt in the crush.", "positive"],
    ["A warning light had been flashing before the train left.", "positive"],
  ] as const)("%s: polarity %s", (text, polarity) => {
    expect(extract(text)[0]?.polarity).toBe(polarity)
  })

  it.each([
    [
      "Seoul's claims that the North removed its speakers are unfounded, the ministry said.",
      "the ministry",
      "indirect",
      "are unfounded",
    ],
    ["Reports that the North removed its speakers are a red herring.", null, "asserted", "are a red herring"],
    [
      "The allegation that the vote was rigged was completely false, officials said.",
      "officials",
      "indirect",
      "was completely false",
    ],
  ])("reads a claim called false as disputed: %s", (text, source, mode, cue) => {
    const claims = extract(text)
    expectSpansHold(text, claims)
    const disputed = claims.find((c) => c.attribution.stance === "disputes")
    expect(disputed?.attribution.source?.text ?? null).toBe(source)
    expect(disputed?.attribution).toMatchObject({ mode, cue: { text: cue } })
    expect(disputed?.attribution.content?.text).toMatch(/^the (North removed its speakers|vote was rigged)$/)
  })

  it("gives a quantity reported by two attributions to one claim only", () => {
    const claims = extract("Officials said 5,000 troops crossed the border, according to Yonhap.")
    expect(claims.filter((c) => c.attribution.cue !== null)).toHaveLength(2)
    expect(claims.flatMap((c) => c.quantities).map((q) => q.text)).toEqual(["5,000"])
  })

  it("gives a quote with no speaker anywhere no claim in the outlet's voice", () => {
    const text = "\u201CWe will never give up.\u201D\n\nThe rally went on for hours."
    const claims = extract(text)
    expect(claims.map((c) => c.text)).toEqual(["The rally went on for hours."])
  })

  it("keeps stray and unbalanced quote marks from swallowing the text", () => {
    const text = 'The mayor said the bridge is "closed.\n\nOfficials said repairs would take " weeks.'
    const claims = extract(text)
    expectSpansHold(text, claims)
    expect(claims.filter((c) => c.attribution.cue?.lemma === "say")).toHaveLength(2)
  })

  it("reads a paragraph of dialogue without crashing or leaving the text", () => {
    const text =
      "\u201CAre you coming?\u201D she asked.\n\u201CNo,\u201D he said. \u201CNot today.\u201D\n\u201CWhy not?\u201D\n\u201CBecause.\u201D"
    const claims = extract(text)
    expectSpansHold(text, claims)
    expect(claims.some((c) => c.attribution.content?.text === "No")).toBe(true)
  })

  it.each([
    // text, source, cue, content
    [
      "Lynch said her colleague had not worked on the case.",
      "Lynch",
      "said",
      "her colleague had not worked on the case",
    ],
    [
      "Keron Blair, executive director of AROS, called for more school investment.",
      "Keron Blair, executive director of AROS",
      "called for",
      "more school investment",
    ],
    ["They described crass behavior by the host.", "They", "described", "crass behavior by the host"],
    [
      "Trump has used the phrase often and criticized Obama for not doing so.",
      "Trump",
      "criticized",
      "Obama for not doing so",
    ],
    [
      '"WALLACE: Let\u2019s start with the debate.\n\n"PENCE: Well, look at the polls.',
      "WALLACE",
      ":",
      "Let\u2019s start with the debate",
    ],
    ["Pat Caddell: Democrat Voters Worried About Health", "Pat Caddell", ":", "Democrat Voters Worried About Health"],
    ["Theresa May: We will leave on time", "Theresa May", ":", "We will leave on time"],
    [
      "\u201CHe represents our greatest shame.\u201D \u2015 Sonya Herridge \u201CHe is ignorant.\u201D",
      "Sonya Herridge",
      "\u2015",
      "He represents our greatest shame.",
    ],
    [
      "Bonuses were $500 every three months, The Wall Street Journal reports.",
      "The Wall Street Journal",
      "reports",
      "Bonuses were $500 every three months",
    ],
    [
      "Limbaugh added:\n\nThis reeks of fear. She cannot win.",
      "Limbaugh",
      "added",
      "This reeks of fear. She cannot win",
    ],
    [
      "Stein said the protest would go on, though she acknowledged it was unlikely to work.",
      "Stein",
      "acknowledged",
      "it was unlikely to work",
    ],
    [
      "Polling averages show Clinton with a lead of three points.",
      "Polling averages",
      "show",
      "Clinton with a lead of three points",
    ],
  ] as const)("%s → %s / %s", (text, source, cue, content) => {
    const claims = extract(text)
    expectSpansHold(text, claims)
    const c = claims.find((x) => x.attribution.cue?.text === cue)
    expect(c?.attribution.source?.text).toBe(source)
    expect(c?.attribution.content?.text).toBe(content)
  })

  it("reads a belief inside reported speech as the speaker's words, not a second attribution", () => {
    const claims = extract("The senator said he believes the bill will pass.")
    expect(claims.map((c) => c.attribution.cue?.lemma)).toEqual(["say"])
    expect(claims[0]?.attribution.content?.text).toBe("he believes the bill will pass")
  })

  it.each([
    // A cue inside another's reported clause is that speaker's words; a clause joined on is its own.
    ["Vera Lind said the mayor told her the bridge was closed.", ["say"]],
    ["Vera Lind said the mayor had promised a new bridge.", ["say"]],
    ["Vera Lind said the bridge was closed, but the mayor told reporters it would reopen.", ["say", "tell"]],
    // A belief or intention reports what follows it directly, not a clause after a comma or "and".
    ["As odd as it may seem, Vera Lind said the plan was sound.", ["say"]],
    ["The fares fell short of what the mayor wants and the council expects.", []],
  ] as const)("%s → %j", (text, lemmas) => {
    expect(extract(text).flatMap((c) => (c.attribution.cue ? [c.attribution.cue.lemma] : []))).toEqual(lemmas)
  })

  it.each([
    [
      "Organisers said about 40,000 people marched, while police said the crowd was closer to 15,000.",
      ["Organisers", "about 40,000 people marched", ["about 40,000"]],
      ["police", "the crowd was closer to 15,000", ["closer to 15,000"]],
    ],
    [
      "The union said 3,000 staff walked out, whereas the hospital said only 800 had.",
      ["The union", "3,000 staff walked out", ["3,000"]],
      ["the hospital", "only 800 had", ["800"]],
    ],
  ] as const)("ends one speaker's words where another's are joined on by a link word: %s", (text, ...sides) => {
    const claims = extract(text)
    expectSpansHold(text, claims)
    for (const [source, content, figures] of sides) {
      const c = claims.find((x) => x.attribution.source?.text === source)
      expect(c?.attribution.content?.text).toBe(content)
      expect(c?.quantities.map((q) => q.text)).toEqual(figures)
    }
  })

  it.each([
    [
      "Dr Ivo Lamb said as many as 18,000 farmers could quit.",
      "as many as 18,000 farmers could quit",
      "as many as 18,000",
    ],
    [
      "The union said as much as 40 per cent of pay was owed.",
      "as much as 40 per cent of pay was owed",
      "as much as 40 per cent",
    ],
    ["Ms Rook said up to 300 homes were flooded.", "up to 300 homes were flooded", "up to 300"],
  ] as const)("keeps an approximator of several words after the cue in the content: %s", (text, content, figure) => {
    const claims = extract(text)
    expect(claims).toHaveLength(1)
    expect(claims[0]?.attribution.content?.text).toBe(content)
    expect(claims[0]?.quantities.map((q) => q.text)).toEqual([figure])
  })

  it("reads a claim noun with its possessor as the source", () => {
    const claims = extract("Democrats mocked Trump's claim that the wall would pay for itself.")
    const c = claims.find((x) => x.attribution.cue?.text === "claim")
    expect(c?.attribution.source?.text).toBe("Trump")
    expect(c?.attribution.content?.text).toBe("the wall would pay for itself")
  })

  it.each([
    "Correction: An earlier version misstated the date.",
    "The Latest: Trump urges supporters to vote.",
    // A timeline's dates label no speaker.
    "Early October: the firm tests 12 new fans on the roof.",
    "Mid-November: the new hall opens.",
    "Tuesday: the council says the hum is gone.",
  ])("reads no speaker from an editorial label: %s", (text) => {
    expect(extract(text).filter((c) => c.attribution.cue?.text === ":")).toHaveLength(0)
  })

  it("never leaves the text on arbitrary quote marks", () => {
    const alphabet = [
      "a",
      "b",
      " ",
      ".",
      ",",
      ":",
      "\n",
      '"',
      "'",
      "\u201C",
      "\u201D",
      "\u2018",
      "\u2019",
      "said",
      "He",
    ]
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), (parts) => {
        const text = parts.join("")
        expectSpansHold(text, extract(text))
      }),
      { numRuns: 300 },
    )
  })
})
