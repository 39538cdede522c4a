import type { AlignedGroup, Attribution, Claim, Quantity } from "@crosscheck/domain"
import { Ids } from "@crosscheck/domain"
import { Stance } from "@crosscheck/report"
import { describe, expect, it } from "vitest"

interface Spec {
  readonly polarity?: Claim.Polarity
  readonly mode?: Attribution.Mode
  readonly stance?: Attribution.Stance
  readonly hedged?: boolean
  readonly quantity?: Partial<Quantity.Quantity> & { readonly low: number }
  readonly time?: string
  /** Who the claim is attributed to ("officials"): a speaker's claim rather than the outlet's own. */
  readonly speaker?: string
  /** The words of the text that attribute it ("According to"). */
  readonly cue?: string
}

/** A hand-built claim: only the fields the stance rules read are interesting. */
const claim = (doc: string, index: number, text: string, spec: Spec = {}): Claim.Claim => ({
  id: Ids.claimId(doc, index, text),
  documentId: Ids.documentId(doc),
  kind: spec.quantity ? "numeric" : "statement",
  text,
  span: { start: index * 200, end: index * 200 + text.length },
  attribution: {
    source: spec.speaker ? { text: spec.speaker, span: { start: 0, end: spec.speaker.length } } : null,
    cue:
      spec.stance && spec.stance !== "asserts"
        ? { text: "denied", lemma: "deny", span: { start: 0, end: 6 } }
        : spec.cue
          ? {
              text: spec.cue,
              lemma: spec.cue.toLowerCase(),
              span: {
                start: index * 200 + text.indexOf(spec.cue),
                end: index * 200 + text.indexOf(spec.cue) + spec.cue.length,
              },
            }
          : null,
    content: null,
    mode: spec.mode ?? "asserted",
    stance: spec.stance ?? "asserts",
    hedged: spec.hedged ?? false,
  },
  subject: null,
  predicate: null,
  object: null,
  polarity: spec.polarity ?? "positive",
  quantities: spec.quantity
    ? [
        {
          text: String(spec.quantity.low),
          span: { start: 0, end: 1 },
          high: spec.quantity.low,
          approximate: "exact",
          unit: null,
          counted: "troop",
          per: null,
          ...spec.quantity,
        },
      ]
    : [],
  time: spec.time ? { text: spec.time, start: spec.time, end: spec.time } : null,
})

const FILLER = [
  "Traffic on the ring road was heavy through the afternoon.",
  "Shops near the river stayed open late.",
  "The weather service expects rain over the weekend.",
]

/** A source document: its claims in order, with some unrelated filler after them. */
const source = (...claims: ReadonlyArray<string | [string, Spec]>): ReadonlyArray<Claim.Claim> =>
  [...claims, ...FILLER].map((c, i) => (typeof c === "string" ? claim("source", i, c) : claim("source", i, c[0], c[1])))

const numericGroup = (
  mine: Claim.Claim,
  theirs: ReadonlyArray<Claim.Claim>,
): ReadonlyArray<AlignedGroup.AlignedGroup> => [
  {
    kind: "numeric",
    key: "n:troop|-|-",
    members: [mine, ...theirs].map((c) => ({ claim: c, quantity: c.quantities[0] ?? null })),
    reasons: ['same counted thing "troop"'],
  },
]

const judge = (
  claimText: string | Claim.Claim,
  sourceClaims: ReadonlyArray<Claim.Claim>,
  groups: (mine: Claim.Claim) => ReadonlyArray<AlignedGroup.AlignedGroup> = () => [],
): Stance.Judged => {
  const mine = typeof claimText === "string" ? claim("claim", 0, claimText) : claimText
  return Stance.judge({
    claim: [mine],
    source: sourceClaims,
    groups: groups(mine),
    lexicon: Stance.lexicon([mine.text, ...sourceClaims.map((c) => c.text)]),
  })
}

const BRIDGE = "The mayor closed the old harbour bridge"

describe("Stance.judge: one rule per row", () => {
  it.each<[string, string | Claim.Claim, ReadonlyArray<Claim.Claim>, Stance.Stance, string]>([
    [
      "a source about something else",
      BRIDGE,
      source("The football club signed a new goalkeeper from Lisbon."),
      "unrelated",
      "not-addressed",
    ],
    [
      "the source states it in its own voice",
      BRIDGE,
      source("The mayor closed the old harbour bridge on Monday after an inspection."),
      "supports",
      "stated-by-source",
    ],
    [
      "the source reports it with a hedge",
      BRIDGE,
      source("The mayor reportedly closed the old harbour bridge on Monday, though this is unconfirmed."),
      "discusses",
      "reported-without-side",
    ],
    [
      // A speaker's claim put plainly is compared as that speaker's: it states the claim (it once discussed it).
      "the source attributes it to someone, plainly",
      BRIDGE,
      source(["Officials said the mayor closed the old harbour bridge on Monday.", { mode: "indirect" }]),
      "supports",
      "stated-by-speaker",
    ],
    [
      "the source attributes it to someone who hedges",
      BRIDGE,
      source(["Officials said the mayor may have closed the old harbour bridge.", { mode: "indirect", hedged: true }]),
      "discusses",
      "reported-without-side",
    ],
    [
      "the source's opening calls the story a hoax",
      BRIDGE,
      source("The story that the mayor closed the old harbour bridge is a hoax."),
      "contradicts",
      "refuted-by-source",
    ],
    [
      "extraction found a denial deep in the source",
      BRIDGE,
      source(
        "The old harbour bridge was built in 1910.",
        "It carries trams and cyclists.",
        "Its paint was renewed last spring.",
        "Engineers inspected it in March.",
        ["A city spokesman denied that the mayor closed the old harbour bridge.", { stance: "denies" }],
      ),
      "contradicts",
      "refuted-by-source",
    ],
    [
      "a denial of something else deep in the source",
      BRIDGE,
      source(
        "The mayor closed the old harbour bridge on Monday after an inspection.",
        "The tram company ran extra services on the river route.",
        "Its paint was renewed last spring.",
        "Engineers inspected it in March.",
        ["A spokesman denied that the tram fares would rise next year.", { stance: "denies" }],
      ),
      "supports",
      "stated-by-source",
    ],
    [
      "the claim says it did not happen; the source says it did",
      claim("claim", 0, "The mayor did not close the old harbour bridge", { polarity: "negative" }),
      source("The mayor closed the old harbour bridge on Monday after an inspection."),
      "contradicts",
      "refuted-by-claim",
    ],
    [
      "the claim and the source both call it false",
      "The mayor closing the old harbour bridge is a hoax",
      source("Reports that the mayor closed the old harbour bridge are fake."),
      "supports",
      "refuted-by-both",
    ],
    [
      "the claim is negative and so is the source",
      claim("claim", 0, "The mayor did not close the old harbour bridge", { polarity: "negative" }),
      source([
        "The mayor did not close the old harbour bridge, despite the reports and the word of the opposition.",
        { polarity: "negative" },
      ]),
      "supports",
      "stated-by-source",
    ],
    [
      "the claim says it happened; the source says it did not",
      BRIDGE,
      source([
        "The mayor did not close the old harbour bridge on Monday after an inspection.",
        { polarity: "negative" },
      ]),
      "contradicts",
      "negated-by-source",
    ],
    [
      "a question asserts nothing to refute",
      "Did the mayor close the old harbour bridge?",
      source("The story that the mayor closed the old harbour bridge is a hoax."),
      "discusses",
      "reported-without-side",
    ],
    [
      "a claim reporting a party's denial takes no side",
      "The council denies the mayor closed the old harbour bridge",
      source("The mayor closed the old harbour bridge on Monday after an inspection."),
      "discusses",
      "reported-without-side",
    ],
  ])("%s → %s", (_name, claimText, sourceClaims, stance, rule) => {
    const judged = judge(claimText, sourceClaims)
    expect([judged.stance, judged.rule]).toEqual([stance, rule])
    if (stance === "unrelated") expect(judged.evidence).toEqual([])
    else expect(judged.evidence[0]?.text).toMatch(/harbour bridge/)
  })
})

describe("Stance.judge: quantities through alignment", () => {
  const claimed = (low: number, spec: Spec = {}) =>
    claim("claim", 0, `North Korea sent ${low} troops to Russia`, { quantity: { low }, ...spec })
  const reported = (i: number, low: number, spec: Spec = {}) =>
    claim("source", i, `North Korea sent ${low} troops to Russia, officials in Seoul confirmed.`, {
      quantity: { low },
      ...spec,
    })

  it.each<[string, Claim.Claim, ReadonlyArray<Claim.Claim>, Stance.Stance, string]>([
    ["an incompatible value", claimed(50000), [reported(0, 11000)], "contradicts", "intervals-apart"],
    ["the same value, stated", claimed(11000), [reported(0, 11000)], "supports", "intervals-overlap"],
    // As in a report: whole numbers under 100 count exactly, so 40 troops is not 43 (it once supported here).
    ["a small count against a close other one", claimed(40), [reported(0, 43)], "contradicts", "intervals-apart"],
    [
      "a rounded figure against a close precise one",
      claimed(11000),
      [reported(0, 10980)],
      "supports",
      "intervals-overlap",
    ],
    ["one of several values fits", claimed(7), [reported(0, 28), reported(1, 7)], "supports", "intervals-overlap"],
    [
      "the same value, but only attributed",
      claimed(11000),
      [reported(0, 11000, { mode: "indirect", hedged: true })],
      "discusses",
      "reported-without-side",
    ],
  ])("%s → %s", (_name, mine, theirs, stance, rule) => {
    const judged = judge(mine, [...theirs, ...source()], (m) => numericGroup(m, theirs))
    expect([judged.stance, judged.rule]).toEqual([stance, rule])
    expect(judged.evidence[0]?.id).toBe(theirs[theirs.length - 1]?.id)
  })

  it.each<[string, number, Stance.Stance, string]>([
    ["an unaligned value that does not fit", 9, "contradicts", "value-clash"],
    ["an unaligned value that fits once rounding is allowed", 2.4, "supports", "stated-by-source"],
  ])("the closest claim's values, unaligned: %s → %s", (_name, millions, stance, rule) => {
    const euros = (doc: string, low: number, text: string) =>
      claim(doc, 0, text, { quantity: { low: low * 1e6, text: `${low} million euros`, unit: "EUR", counted: null } })
    const judged = judge(
      euros("claim", millions, `The repairs to the harbour bridge will cost ${millions} million euros`),
      [
        euros(
          "source",
          2.4,
          "The repairs to the harbour bridge will cost 2.4 million euros, the budget office calculated.",
        ),
        ...source(),
      ],
    )
    expect([judged.stance, judged.rule]).toEqual([stance, rule])
  })

  it("does not call values for different times a contradiction", () => {
    const mine = claimed(50000, { time: "2025-01-01" })
    const theirs = [reported(0, 11000, { time: "2024-01-01" })]
    const judged = judge(mine, [...theirs, ...source()], (m) => numericGroup(m, theirs))
    expect(judged.stance).not.toBe("contradicts")
  })

  it("says which values clashed", () => {
    const theirs = [reported(0, 11000)]
    const judged = judge(claimed(50000), [...theirs, ...source()], (m) => numericGroup(m, theirs))
    expect(judged.explanation).toContain('"50000" = 50,000 (exact)')
    expect(judged.explanation).toContain('"11000" = 11,000 (exact)')
  })
})

describe("Stance.judge: reported speech compared as the speaker's claim", () => {
  const OFFICIALS = { mode: "indirect", speaker: "officials" } as const
  const troops = (text: string, spec: Spec = {}) =>
    claim("claim", 0, text, { quantity: { low: 11000, text: "11000" }, ...spec })
  // Every claim of this source attributes ("according to"): attributing is not hedging; `hedged` is a speaker who hedges.
  const attributing = (hedged = false) => [
    claim("source", 0, "According to officials in Seoul, North Korea sent 11000 troops to Russia.", {
      quantity: { low: 11000, text: "11000" },
      mode: "according-to",
      speaker: "officials in Seoul",
      cue: "According to",
      hedged,
    }),
    claim("source", 1, "According to the ministry, the troops crossed by train.", { mode: "according-to" }),
    claim("source", 2, "According to analysts, the troops went by sea.", { mode: "according-to" }),
  ]
  const SAY = "North Korea sent 11000 troops to Russia, officials say"

  // [row, claim, source hedges its figure, aligned, stance, rule]
  it.each<[string, Claim.Claim, boolean, boolean, Stance.Stance, string]>([
    ["a speaker's figure, given by a speaker", troops(SAY, OFFICIALS), false, true, "supports", "intervals-overlap"],
    [
      "the outlet's own figure, given only by a speaker",
      troops("North Korea sent 11000 troops to Russia"),
      false,
      true,
      "discusses",
      "reported-without-side",
    ],
    [
      "a speaker's figure, given by a speaker who hedges it",
      troops(SAY, OFFICIALS),
      true,
      true,
      "discusses",
      "reported-without-side",
    ],
    [
      "a hedged claim, given by a speaker",
      troops("North Korea reportedly sent 11000 troops to Russia, officials say", OFFICIALS),
      false,
      true,
      "discusses",
      "reported-without-side",
    ],
    [
      "a speaker's figure, given by a speaker, not aligned",
      troops(SAY, OFFICIALS),
      false,
      false,
      "supports",
      "speaker-figures-stated",
    ],
  ])("%s, in a source that attributes everything", (_name, mine, hedged, aligned, stance, rule) => {
    const theirs = attributing(hedged)
    const judged = judge(mine, theirs, aligned ? (m) => numericGroup(m, theirs.slice(0, 1)) : () => [])
    expect([judged.stance, judged.rule]).toEqual([stance, rule])
  })
})

describe("Stance.judge: the words that attribute a claim do not hedge it", () => {
  const INJURED = { quantity: { low: 6, text: "Six", counted: "person" } } as const
  it.each<[string, string, Stance.Stance]>([
    ["an outlet citing a broadcaster", "Six people were injured, according to state television.", "supports"],
    ["an outlet citing a spokesman", "Six people were injured, a fire service spokesman said.", "supports"],
    [
      "a hedge beside the attribution",
      "Six people were reportedly injured, according to state television.",
      "discusses",
    ],
  ])("%s: %s", (_name, text, stance) => {
    const speaker = text.includes("television") ? "state television" : "a fire service spokesman"
    const cue = text.includes("according to") ? "according to" : "said"
    const theirs = [
      claim("source", 0, text, {
        ...INJURED,
        mode: cue === "said" ? "indirect" : "according-to",
        speaker,
        cue,
        hedged: false,
      }),
    ]
    const mine = claim("claim", 0, "Six people were injured", INJURED)
    const judged = judge(mine, theirs, (m) => [
      {
        kind: "numeric",
        key: "n:person|-|-",
        members: [m, ...theirs].map((c) => ({ claim: c, quantity: c.quantities[0] ?? null })),
        reasons: ['same counted thing "person"'],
      },
    ])
    expect(judged.stance).toBe(stance)
  })
})

describe("Stance.judge: a figure is stated only by a figure about the same thing", () => {
  const q = (text: string, low: number, counted: string, more: Partial<Quantity.Quantity> = {}) => ({
    text,
    span: { start: low, end: low + text.length },
    low,
    high: low,
    approximate: "exact" as const,
    unit: null,
    counted,
    per: null,
    ...more,
  })
  const withFigures = (doc: string, text: string, quantities: ReadonlyArray<Quantity.Quantity>) => ({
    ...claim(doc, 0, text, { quantity: { low: 0 } }),
    quantities,
  })

  it.each<[string, ReadonlyArray<Quantity.Quantity>, ReadonlyArray<Quantity.Quantity>, Stance.Stance]>([
    ["every figure given", [q("22", 22, "men")], [q("22", 22, "men")], "supports"],
    [
      // "at least 4" allows 22, but 22 counts men and the claim's 4 counts states: a number about something else.
      "a bound met only by a count of something else",
      [q("22", 22, "men"), q("at least 4", 4, "states", { approximate: "at-least" })],
      [q("22", 22, "men")],
      "discusses",
    ],
    ["the same figure with another counted word", [q("12", 12, "vehicles")], [q("12", 12, "campers")], "supports"],
    [
      // With a unit the word after the figure is often not what it counts ("a tip of $2,084 Thursday").
      "money within rounding, whatever word follows it",
      [q("$2,000", 2000, "tip", { unit: "USD" })],
      [q("$2,040", 2040, "Thursday", { unit: "USD" })],
      "supports",
    ],
  ])("%s", (_name, mine, theirs, stance) => {
    const judged = judge(withFigures("claim", "Police arrested the men in the state sweep", mine), [
      withFigures("source", "Police arrested the men in the state sweep on Monday.", theirs),
      ...source(),
    ])
    expect(judged.stance).toBe(stance)
  })
})

describe("Stance cues", () => {
  it.each<[string, (text: string) => ReadonlyArray<string>, ReadonlyArray<string>]>([
    ["The video is a hoax", Stance.falsities, ["hoax"]],
    ["This is NOT TRUE, and the photo was faked", Stance.falsities, ["not true", "faked"]],
    ["The ministry denied the report", Stance.denials, ["denied"]],
    ["An expert casts doubt on the story", Stance.doubts, ["casts doubt"]],
    ["He reportedly left; it could not be verified", Stance.hedges, ["reportedly", "could not be verified"]],
    ["The hoaxer's website", Stance.falsities, []],
    ["The clip was staged and the photo doctored", Stance.falsities, ["staged", "doctored"]],
    ["Police officially confirmed it", Stance.confirmations, ["officially", "confirmed"]],
    ["The firm claims it paid 295 of them", Stance.hedges, ["claims"]],
    ["The firm received 3,400 claims for lost income", Stance.hedges, []],
    ["Insurers expect thousands of claims", Stance.hedges, []],
    ["Two rumours spread overnight; the bridge may close", Stance.hedges, ["may"]],
    ["Rumours spread overnight", Stance.hedges, ["rumours"]],
    // "May" with a capital is the month, no hedge.
    ["Visitors will pay the tax from 1 May; it may rise", Stance.hedges, ["may"]],
  ])("%j", (text, cue, expected) => {
    expect(cue(text)).toEqual(expected)
  })
})

describe("Stance.lexicon and terms", () => {
  it("drops stopwords and folds plurals", () => {
    expect(Stance.terms("The soldiers and the Soldier's rifles")).toEqual(["soldier", "soldier", "rifle"])
  })

  it("weighs a rare word above a common one", () => {
    const lexicon = Stance.lexicon(["troops moved", "troops rested", "troops and tanks"])
    expect(lexicon.weight("tank")).toBeGreaterThan(lexicon.weight("troop"))
    expect(lexicon.weight("unseen")).toBeGreaterThan(lexicon.weight("tank"))
  })
})

describe("Stance.combine", () => {
  const judged = (stance: Stance.Stance): Stance.Judged => ({ stance, evidence: [], rule: stance, explanation: stance })

  it.each<[ReadonlyArray<Stance.Stance>, Stance.Stance]>([
    [["unrelated", "discusses", "supports"], "supports"],
    [["supports", "contradicts", "discusses"], "contradicts"],
    [["unrelated", "discusses"], "discusses"],
    [["unrelated", "unrelated"], "unrelated"],
    [[], "unrelated"],
  ])("%j → %s", (stances, expected) => {
    expect(Stance.combine(stances.map(judged)).stance).toBe(expected)
  })
})
