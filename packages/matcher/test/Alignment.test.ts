import { describe, expect, it } from "vitest"
import * as Alignment from "../src/Alignment.js"
import { one, reported, story } from "./build.js"

// The seed page's facts, rewritten as hand-built claims from three outlets.
const conversation = story(
  "The Conversation",
  [
    "South Korea's president, Lee Jae Myung, wants calm.",
    "For instance, he recently ordered propaganda speakers to be removed from the North Korean border.",
    "Although North Korea also dismantled its own propaganda speakers from the border, it rebuffed other overtures.",
    "Soon after, a deployment of 11,000 North Korean troops was headed to the front lines.",
    "In July 2023, Russia was using about 5,000 artillery shells per day.",
    "Several months later, the rate increased to an average of 15,000 shells per day.",
  ],
  [
    {
      sentence: "For instance, he recently ordered propaganda speakers to be removed from the North Korean border.",
      subject: "he",
      predicate: "order",
      object: "propaganda speakers",
    },
    {
      sentence:
        "Although North Korea also dismantled its own propaganda speakers from the border, it rebuffed other overtures.",
      subject: "North Korea",
      predicate: "dismantle",
      object: "propaganda speakers",
    },
    {
      sentence: "Soon after, a deployment of 11,000 North Korean troops was headed to the front lines.",
      quantities: [{ text: "11,000", low: 11000, counted: "North Korean troop" }],
    },
    {
      sentence: "In July 2023, Russia was using about 5,000 artillery shells per day.",
      quantities: [{ text: "about 5,000", low: 5000, approximate: "about", counted: "artillery shell", per: "day" }],
      time: { text: "In July 2023", start: "2023-07-01", end: "2023-07-31" },
    },
    {
      sentence: "Several months later, the rate increased to an average of 15,000 shells per day.",
      quantities: [{ text: "15,000", low: 15000, counted: "shell", per: "day" }],
      time: { text: "Several months later", start: null, end: null },
    },
  ],
)
const wire = story(
  "Wire",
  [
    "Lee Jae Myung has taken steps to repair ties with the North, including the removal of South Korean frontline loudspeakers.",
    "Kim Yo Jong accused Seoul of falsely claiming the North had removed its own frontline speakers.",
    "Since 2022, Pyongyang has been sending thousands of troops to help Russia.",
    "Russia now fires about 15,000 shells per day.",
  ],
  [
    {
      sentence:
        "Lee Jae Myung has taken steps to repair ties with the North, including the removal of South Korean frontline loudspeakers.",
      subject: "Lee Jae Myung",
      predicate: "take",
      object: "steps",
    },
    {
      sentence: "Kim Yo Jong accused Seoul of falsely claiming the North had removed its own frontline speakers.",
      subject: "Kim Yo Jong",
      predicate: "accuse",
      object: "Seoul",
    },
    {
      sentence: "Since 2022, Pyongyang has been sending thousands of troops to help Russia.",
      quantities: [{ text: "thousands of", low: 2000, high: 9000, approximate: "vague", counted: "troop" }],
    },
    {
      sentence: "Russia now fires about 15,000 shells per day.",
      quantities: [{ text: "about 15,000", low: 15000, approximate: "about", counted: "shell", per: "day" }],
    },
  ],
)
const documents = [conversation.document, wire.document]
const claims = [...conversation.claims, ...wire.claims]
const claim = (fragment: string) => {
  const c = claims.find((x) => x.text.includes(fragment))
  if (!c) throw new Error(`test: no claim with "${fragment}"`)
  return c
}
const groups = Alignment.align(claims, documents)
const groupOf = (fragment: string) => groups.find((g) => g.members.some((m) => m.claim.text.includes(fragment)))

describe("Alignment.align on the seed's facts", () => {
  it.each([
    ["the North's speakers", "North Korea also dismantled", "the North had removed its own"],
    ["Lee's removal of the South's speakers", "he recently ordered", "including the removal of South Korean"],
    ["thousands of troops and 11,000 troops", "11,000 North Korean troops", "thousands of troops"],
    // One figure at two times is one timeline, even within one article: judged "changed", not apart.
    [
      "5,000 shells a day in July 2023 with 15,000 a day months later",
      "about 5,000 artillery shells",
      "average of 15,000",
    ],
  ])("groups %s", (_, a, b) => {
    const g = groupOf(a)
    expect(g).toBeDefined()
    expect(g?.members.map((m) => m.claim.id)).toContain(claim(b).id)
  })

  it.each([
    ["North Korea's removal", "Lee's removal", "North Korea also dismantled", "including the removal of South Korean"],
    ["Lee's order", "the North's removal", "he recently ordered", "the North had removed its own"],
  ])("keeps %s apart from %s", (_, __, a, b) => {
    expect(groupOf(a)?.members.map((m) => m.claim.id) ?? []).not.toContain(claim(b).id)
  })

  it("gives every group its pairwise scores over the threshold and readable reasons", () => {
    const g = groupOf("North Korea also dismantled")
    expect(g?.kind).toBe("statement")
    expect(g?.pairs).toBeUndefined()
    const explained = Alignment.align(claims, documents, { pairs: true }).find((x) => x.key === g?.key)
    expect(explained?.reasons).toEqual(g?.reasons)
    expect(explained?.pairs?.length).toBe(1)
    const pair = explained?.pairs?.[0]
    expect(pair?.score).toBeGreaterThanOrEqual(Alignment.THRESHOLD)
    const details = pair?.reasons.map((r) => r.detail) ?? []
    expect(details).toContain('action: "dismantle" is a kind of "remove" (WordNet hypernym)')
    expect(details).toContain('"North Korea" and "the North" = North Korea (contextual)')
    expect(details).toContain("the same actor, North Korea")
  })

  it("explains a linked pair with the score alignment gave it: words weigh by rarity among the claims aligned", () => {
    const byId = new Map(claims.map((c) => [c.id as string, c]))
    const linked = Alignment.align(claims, documents, { pairs: true }).flatMap((g) => g.pairs ?? [])
    expect(linked.length).toBeGreaterThan(1)
    for (const pair of linked) {
      const [a, b] = [byId.get(pair.a), byId.get(pair.b)]
      if (!a || !b) throw new Error("test: a pair of unknown claims")
      const explained = Alignment.explain(a, b, documents, {}, claims)
      expect(explained.comparable && explained.score).toBeCloseTo(pair.score, 6)
      // Alone, the pair is weighed as an alignment of the two claims would weigh it.
      const alone = Alignment.align([a, b], documents, { pairs: true })[0]?.pairs?.[0]
      const own = Alignment.explain(a, b, documents)
      if (alone) expect(own.comparable && own.score).toBeCloseTo(alone.score, 6)
    }
  })

  it("keys numeric groups by counted thing, unit and rate for the report's summary", () => {
    expect(groupOf("11,000 North Korean troops")?.key).toBe("n:troop|-|-")
    expect(groupOf("11,000 North Korean troops")?.kind).toBe("numeric")
  })

  it("never puts two claims of one document for one time in a group", () => {
    for (const g of groups) {
      const slots = g.members.map((m) => `${m.claim.documentId} ${m.claim.time?.text ?? ""}`)
      expect(new Set(slots).size).toBe(slots.length)
    }
  })

  it.each([
    ["restates the first (410 beside about 400)", "some 410", 410, 2],
    ["is another figure (900 beside about 400)", "some 900", 900, 1],
  ] as const)("puts a document's second figure for one time in a group only when it %s", (_, text, low, fromX) => {
    const figure = (sentence: string, figureText: string, value: number) => ({
      sentence,
      quantities: [{ text: figureText, low: value, approximate: "about" as const, counted: "students" }],
    })
    const first = "About 400 students occupied the building."
    const second = `In all ${text} students occupied the building.`
    const other = "Some 410 students occupied the building, the university said."
    const x = story("X", [first, second], [figure(first, "About 400", 400), figure(second, text, low)])
    const y = story("Y", [other], [figure(other, "Some 410", 410)])
    const found = Alignment.align([...x.claims, ...y.claims], [x.document, y.document])
    const withY = found.find((g) => g.members.some((m) => m.claim.documentId === y.document.id))
    expect(withY?.members.filter((m) => m.claim.documentId === x.document.id)).toHaveLength(fromX)
  })
  it("joins one figure given alike before another of the same article that scores a little higher", () => {
    // The cut shares more words with Y's sentence (0.70 against 0.67), but Y's 50 euros is X's 50 euros.
    const euros = (sentence: string, text: string, low: number) => ({
      sentence,
      quantities: [{ text, low, unit: "EUR" }],
    })
    const cut = "The council lowered the park fine for a first offence by 30 euros after complaints from smokers."
    const now = "Smokers in the park now pay a fine of 50 euros for a first offence after complaints."
    const other = "The council lowered the park fine for a first offence to 50 euros after complaints from smokers."
    const x = story("X", [cut, now], [euros(cut, "30 euros", 30), euros(now, "50 euros", 50)])
    const y = story("Y", [other], [euros(other, "50 euros", 50)])
    const all = [...x.claims, ...y.claims]
    const [given] = y.claims
    if (!given) throw new Error("test: Y has no claim")
    const [byCut, byNow] = x.claims.map((c) => Alignment.explain(c, given, [x.document, y.document], {}, all))
    expect(byCut?.comparable && byNow?.comparable && byCut.score > byNow.score).toBe(true)
    const found = Alignment.align(all, [x.document, y.document])
    const withY = found.find((g) => g.members.some((m) => m.claim.documentId === y.document.id))
    expect(withY?.members.filter((m) => m.claim.documentId === x.document.id).map((m) => m.quantity?.text)).toEqual([
      "50 euros",
    ])
  })
  it("joins one figure told twice before another article's near-copy sentence with another figure (SAME_FIGURE_FIRST)", () => {
    // X's closure sentence is nearly Z's, word for word, but gives 140 where Z gives 186; X's other
    // sentence gives Z's 186 in fewer shared words. Joined by score alone, X's 140 takes Z, its 186 is
    // then kept out (one article, one figure a group), and Y's 186 is left with X's 186 beside Z's group.
    const flights = (sentence: string, text: string, low: number) => ({
      sentence,
      quantities: [{ text, low, counted: "flight" }],
    })
    const closed = "Storm Idris closed Kelby airport on Sunday and 140 flights were cancelled, the operator said."
    const count = "By Monday the operator had raised its count of cancelled flights to 186 flights."
    const wire = "Storm Idris closed Kelby airport on Sunday and 186 flights were cancelled, the operator said."
    const other = "In all 186 flights were cancelled at Kelby as the storm passed."
    const x = story("X", [closed, count], [flights(closed, "140 flights", 140), flights(count, "186 flights", 186)])
    const z = story("Z", [wire], [flights(wire, "186 flights", 186)])
    const y = story("Y", [other], [flights(other, "186 flights", 186)])
    const all = [...x.claims, ...z.claims, ...y.claims]
    const docs = [x.document, z.document, y.document]
    const [given] = z.claims
    if (!given) throw new Error("test: Z has no claim")
    const [byClosed, byCount] = x.claims.map((c) => Alignment.explain(c, given, docs, {}, all))
    // The near-copy scores clearly higher (more than the old raise of 0.05), yet the one figure joins first.
    expect(byClosed?.comparable && byCount?.comparable && byClosed.score - byCount.score > 0.05).toBe(true)
    const found = Alignment.align(all, docs)
    const withZ = found.find((g) => g.members.some((m) => m.claim.documentId === z.document.id))
    expect(withZ?.members.map((m) => m.quantity?.text).sort()).toEqual(["186 flights", "186 flights", "186 flights"])
  })
})

describe("Alignment.compare", () => {
  it("reads no number word as a word of what happened ('five' is no kind of 'die')", () => {
    // WordNet has "five" as a noun under the die of a pair of dice; a spelled figure is compared as a figure,
    // never as a word (here one read, as before clock times in words were known, from "half past five").
    const died = "Two people died on the road."
    const hurt = "She always leaves at half past five for the road."
    const x = story(
      "X",
      [died],
      [{ sentence: died, predicate: "die", quantities: [{ text: "Two", low: 2, counted: "people" }] }],
    )
    const y = story(
      "Y",
      [hurt],
      [{ sentence: hurt, predicate: "leave", quantities: [{ text: "five", low: 5, counted: "people" }] }],
    )
    const [a] = x.claims
    const [b] = y.claims
    if (!a || !b) throw new Error("test: no claims")
    const found = Alignment.explain(a, b, [x.document, y.document], {}, [a, b])
    const reasons = found?.comparable ? found.reasons.map((r) => r.detail).join(" | ") : ""
    expect(reasons).not.toMatch(/"five"/)
  })
  it("says why two claims are not comparable, and compare gives null", () => {
    const a = claim("he recently ordered")
    const b = claim("the North had removed its own")
    const explained = Alignment.explain(a, b, documents)
    expect(explained.comparable).toBe(false)
    expect(explained.reasons.map((r) => r.detail)).toContain(
      "different actors: Lee Jae Myung removed and North Korea removed",
    )
    expect(Alignment.compare(a, b, documents)).toBeNull()
  })

  it("scores a comparable pair with its ids", () => {
    const a = claim("11,000 North Korean troops")
    const b = claim("thousands of troops")
    const pair = Alignment.compare(a, b, documents)
    expect(pair?.a).toBe(a.id)
    expect(pair?.b).toBe(b.id)
    expect(pair?.reasons.map((r) => r.detail)).toContain('both count "troop"')
  })

  it("flags opposite actions", () => {
    const x = story(
      "X",
      ["Marovia withdrew its troops from the Kelvar border."],
      [{ sentence: "Marovia withdrew its troops from the Kelvar border.", predicate: "withdraw" }],
    )
    const y = story(
      "Y",
      ["Marovia deployed its troops to the Kelvar border."],
      [{ sentence: "Marovia deployed its troops to the Kelvar border.", predicate: "deploy" }],
    )
    const [a] = x.claims
    const [b] = y.claims
    if (!a || !b) throw new Error("test: no claims")
    const pair = Alignment.compare(a, b, [x.document, y.document])
    expect(pair?.opposite).toBe(true)
    expect(pair?.reasons.map((r) => r.detail)).toContain(
      'action: "withdraw" is the opposite of "deploy" (lexicon.json)',
    )
  })

  it("does not pair opposite polarities that share only a word family and no content", () => {
    // The seed page's trap: "involvement" and "pursue" are WordNet relatives, and one claim is negative.
    const x = story(
      "X",
      ["North Korea's involvement in the conflict is transforming it."],
      [{ sentence: "North Korea's involvement in the conflict is transforming it.", predicate: "transform" }],
    )
    const said =
      "Lee said he respects the North's current system and that the South will not pursue any form of unification by absorption."
    const y = story(
      "Y",
      ["Lee Jae Myung spoke about North Korea on Friday.", said],
      [{ sentence: said, predicate: "pursue", polarity: "negative" }],
    )
    const [a] = x.claims
    const [b] = y.claims
    if (!a || !b) throw new Error("test: no claims")
    expect(Alignment.compare(a, b, [x.document, y.document])).toBeNull()
  })

  it("does not pair statements that each name their participants and share none", () => {
    const x = story(
      "X",
      ["Marovia banned weapons exports to Kelvar."],
      [{ sentence: "Marovia banned weapons exports to Kelvar.", predicate: "ban" }],
    )
    const y = story(
      "Y",
      ["Talloway prohibited weapons exports to Ostrava."],
      [{ sentence: "Talloway prohibited weapons exports to Ostrava.", predicate: "prohibit" }],
    )
    const [a] = x.claims
    const [b] = y.claims
    if (!a || !b) throw new Error("test: no claims")
    const explained = Alignment.explain(a, b, [x.document, y.document])
    expect(explained.comparable).toBe(false)
    expect(explained.reasons.map((r) => r.detail)).toContain("they name no one and nothing in common")
  })

  it.each([
    [
      "a wire dateline",
      "MARROWBY (Quillon Wire) — Fourteen people in Marrowby have been confirmed with the disease.",
      true,
    ],
    [
      "the same sentence with its agency as a subject",
      "Quillon Wire says fourteen people in Marrowby have been confirmed with the disease.",
      false,
    ],
  ] as const)("the agency of %s is no subject of the claim's figures", (_name, sentence, comparable) => {
    const fourteen = sentence.includes("Fourteen") ? "Fourteen" : "fourteen"
    const x = one("Harbour Post", { sentence, quantities: [{ text: fourteen, low: 14, counted: "people" }] })
    const y = one("Valley Wire", {
      sentence: "The Eastmoor Health Authority confirmed 23 people in Marrowby with the disease.",
      quantities: [{ text: "23", low: 23, counted: "people" }],
    })
    const r = Alignment.explain(x.claim, y.claim, [x.document, y.document])
    expect(r.reasons.some((z) => /about different subjects/.test(z.detail))).toBe(!comparable)
  })

  it("normalises hectares and acres in a group", () => {
    const x = story(
      "X",
      ["A fire burned 5,000 hectares of the Talloway reserve."],
      [
        {
          sentence: "A fire burned 5,000 hectares of the Talloway reserve.",
          quantities: [{ text: "5,000 hectares", low: 5000, unit: "hectare" }],
        },
      ],
    )
    const y = story(
      "Y",
      ["The Talloway blaze burned 12,400 acres of forest."],
      [
        {
          sentence: "The Talloway blaze burned 12,400 acres of forest.",
          quantities: [{ text: "12,400 acres", low: 12400, unit: "acre", counted: "forest" }],
        },
      ],
    )
    const [g] = Alignment.align([...x.claims, ...y.claims], [x.document, y.document])
    expect(g?.members.map((m) => Math.round(m.normalized?.low ?? 0)).sort()).toEqual([5000, 5018])
    expect(g?.members.every((m) => m.normalized?.unit === "hectare")).toBe(true)
  })

  it("meets a coin with the currency it is a hundredth of: 'fifty cents' and '0.50 euros' are one figure", () => {
    const sentences = [
      "Renting a Portwyn umbrella costs fifty cents an hour.",
      "Portwyn umbrella rentals cost 0.50 euros an hour.",
    ]
    const [x, y] = [
      story(
        "X",
        [sentences[0] ?? ""],
        [{ sentence: sentences[0] ?? "", quantities: [{ text: "fifty cents", low: 50, unit: "cent", per: "hour" }] }],
      ),
      story(
        "Y",
        [sentences[1] ?? ""],
        [{ sentence: sentences[1] ?? "", quantities: [{ text: "0.50 euros", low: 0.5, unit: "EUR", per: "hour" }] }],
      ),
    ]
    const [g] = Alignment.align(
      [...(x?.claims ?? []), ...(y?.claims ?? [])],
      [x, y].flatMap((s) => (s ? [s.document] : [])),
    )
    expect(g?.members.length).toBe(2)
    expect(g?.members.map((m) => m.normalized?.low)).toEqual([0.5, 0.5])
    expect(g?.members.every((m) => m.normalized?.unit === "EUR")).toBe(true)
  })

  it("compares a figure restated in brackets through the figure it restates, never on its own", () => {
    const distance = { class: "distance", of: "Tarnow" }
    const km = (text: string) => ({
      text,
      low: 350,
      approximate: "about" as const,
      unit: "kilometre",
      measure: distance,
    })
    const miles = (text: string) => ({
      text,
      low: Number.parseInt(text, 10),
      unit: "mile",
      restates: true as const,
      measure: distance,
    })
    const x = one("X", {
      sentence: "The camp lies about 350 km (217 miles) south of Tarnow.",
      quantities: [km("about 350 km"), miles("217 miles")],
    })
    // Another outlet's conversion too: on their own, the two conversions would make a group of their own.
    const y = one("Y", {
      sentence: "The camp is about 350 kilometres (220 miles) from Tarnow.",
      quantities: [km("about 350 kilometres"), miles("220 miles")],
    })
    const z = one("Z", { sentence: "It is some 350 kilometres from Tarnow.", quantities: [km("350 kilometres")] })
    const groups = Alignment.align([x.claim, y.claim, z.claim], [x.document, y.document, z.document])
    const texts = groups.map((g) => g.members.map((m) => m.quantity?.text).sort())
    expect(texts).toEqual([["350 kilometres", "about 350 kilometres", "about 350 km"]])
    expect(groups[0]?.members.map((m) => m.claim.documentId).sort()).toEqual(
      [x.document.id, y.document.id, z.document.id].sort(),
    )
  })

  it("says what each figure counts in the group's words when the lexicon relates the counted words", () => {
    const queue = (outlet: string, sentence: string, text: string, low: number, counted: string) =>
      story(outlet, [sentence], [{ sentence, quantities: [{ text, low, approximate: "about", counted }] }])
    const x = queue("X", "About 85 vessels were queuing at the Serrat canal on Friday.", "About 85", 85, "vessels")
    const y = queue("Y", "About 120 ships were queuing at the Serrat canal on Friday.", "About 120", 120, "ships")
    const z = queue("Z", "About 90 vessels were queuing at the Serrat canal on Friday.", "About 90", 90, "vessels")
    const [g] = Alignment.align([...x.claims, ...y.claims, ...z.claims], [x.document, y.document, z.document])
    expect(g?.members).toHaveLength(3)
    expect(g?.members.map((m) => m.countedAs)).toEqual(["vessel", "vessel", "vessel"])
  })

  // biome-ignore format: one row per case
  it.each([
    ["sums of money one verb of its own states in two articles", { unit: "EUR" }, ["Customers were overcharged by an average of 300 euros.", "300 euros", 300, "overcharge"], ["The customers were overcharged by an average of 85 euros.", "85 euros", 85, "overcharge"], ["overcharge", "overcharge"]],
    ["sums a light verb states", { unit: "EUR" }, ["The average bill for the repairs was 300 euros.", "300 euros", 300, "be"], ["The average bill for the repairs was 85 euros.", "85 euros", 85, "be"], [null, null]],
    ["counts of people one verb of its own states in two articles", { counted: "people" }, ["Fourteen people have been checked for contamination.", "Fourteen", 14, "check"], ["The number of people checked for contamination has risen to 31.", "31", 31, "check"], ["check", "check"]],
    ["counts of people a level verb states", { counted: "people" }, ["The number of people tested for contamination has risen to 14.", "14", 14, "rise"], ["The number of people tested for contamination has risen to 31.", "31", 31, "rise"], [null, null]],
  ] as const)("says whether %s measure one thing", (_what, extra, [sx, tx, lx, px], [sy, ty, ly, py], expected) => {
    const figure = (outlet: string, sentence: string, text: string, low: number, predicate: string) =>
      one(outlet, { sentence, predicate, quantities: [{ text, low, ...extra, measure: { predicate } }] })
    const x = figure("X", sx, tx, lx, px)
    const y = figure("Y", sy, ty, ly, py)
    const [g] = Alignment.align([x.claim, y.claim], [x.document, y.document])
    expect(g?.members.map((m) => m.countedAs ?? null)).toEqual(expected)
  })

  it("explains a group by the links that joined it: four outlets, three pairs, every member normalized", () => {
    const outlets = ["W", "X", "Y", "Z"].map((name) =>
      story(
        name,
        ["The trawler carried a crew of 14 from Seln."],
        [{ sentence: "The trawler carried a crew of 14 from Seln.", quantities: [{ text: "14", low: 14 }] }],
      ),
    )
    const [g, ...rest] = Alignment.align(
      outlets.flatMap((o) => o.claims),
      outlets.map((o) => o.document),
      { pairs: true },
    )
    expect(rest).toHaveLength(0)
    expect(g?.members).toHaveLength(4)
    // Six pairs agree; three of them join the four claims, and the other three would say it again.
    expect(g?.pairs).toHaveLength(3)
    expect(g?.members.every((m) => m.normalized?.low === 14)).toBe(true)
  })

  // A bare figure counts what the previous sentence's figure counted, unless its own measure class names
  // another measure ("1,930 infections. Of those, 315 are in hospital": patients in hospital, not infections).
  it.each([
    {
      name: "a hospitalised figure after a count of cases",
      before: {
        sentence: "The clinic has logged 1,930 infections.",
        text: "1,930",
        low: 1930,
        counted: "infections",
        class: "cases",
      },
      bare: { sentence: "Of those, 315 are in hospital.", text: "315", low: 315, class: "hospitalised" },
      other: {
        sentence: "About 320 patients are in hospital.",
        text: "About 320",
        low: 320,
        counted: "patients",
        class: "hospitalised",
      },
      together: true,
    },
    {
      name: "a bare figure of no class after shells",
      before: {
        sentence: "Gunners fired 12,000 shells on Monday.",
        text: "12,000",
        low: 12000,
        counted: "shells",
        class: "unknown",
      },
      bare: { sentence: "On Tuesday they fired 9,000.", text: "9,000", low: 9000, class: "unknown" },
      other: {
        sentence: "Gunners fired 9,500 rockets on Tuesday.",
        text: "9,500",
        low: 9500,
        counted: "rockets",
        class: "unknown",
      },
      together: false,
    },
    {
      name: "a figure counted out of a group its sentence names",
      before: {
        sentence: "More than 300 ambulances were sent across the region.",
        text: "More than 300",
        low: 300,
        counted: "ambulances",
        class: "unknown",
      },
      bare: { sentence: "Four of the injured were teenagers.", text: "Four", low: 4, class: "unknown" },
      other: {
        sentence: "About 4 ambulances took people to hospital.",
        text: "About 4",
        low: 4,
        counted: "ambulances",
        class: "unknown",
      },
      together: false,
    },
    {
      name: "a figure counted out of them, the group before",
      before: {
        sentence: "Nine guards were hurt.",
        text: "Nine",
        low: 9,
        counted: "guards",
        class: "injuries",
      },
      bare: { sentence: "Two of them have burns.", text: "Two", low: 2, class: "unknown" },
      other: {
        sentence: "Two guards have burns, officials said.",
        text: "Two",
        low: 2,
        counted: "guards",
        class: "unknown",
      },
      together: true,
    },
    {
      name: "a count after a length, which counts no things of its own",
      before: {
        sentence: "They dug a 40-metre tunnel.",
        text: "40-metre",
        low: 40,
        counted: "tunnel",
        unit: "metre",
        class: "size",
      },
      bare: { sentence: "Two were caught within hours.", text: "Two", low: 2, class: "unknown" },
      other: { sentence: "Two tunnels were found.", text: "Two", low: 2, counted: "tunnels", class: "unknown" },
      together: false,
    },
  ])(
    "carries what is counted to $name: aligned with the other outlet's figure $together",
    ({ before, bare, other, together }) => {
      const spec = (f: {
        sentence: string
        text: string
        low: number
        counted?: string
        unit?: string
        class: string
      }) => ({
        sentence: f.sentence,
        quantities: [
          { text: f.text, low: f.low, counted: f.counted ?? null, unit: f.unit ?? null, measure: { class: f.class } },
        ],
      })
      const x = story("X", [before.sentence, bare.sentence], [spec(before), spec(bare)])
      const y = story("Y", [other.sentence], [spec(other)])
      const groups = Alignment.align([...x.claims, ...y.claims], [x.document, y.document])
      const joined = groups.some(
        (g) =>
          g.members.some((m) => m.quantity?.text === bare.text) &&
          g.members.some((m) => m.quantity?.text === other.text),
      )
      expect(joined).toBe(together)
    },
  )

  it("meets 'a crew of 14' with '14 crew members': the noun before 'of' is what is counted", () => {
    const x = story(
      "X",
      ["The trawler carried a crew of 14 from Seln."],
      [{ sentence: "The trawler carried a crew of 14 from Seln.", quantities: [{ text: "14", low: 14 }] }],
    )
    const y = story(
      "Y",
      ["The trawler had 14 crew members aboard."],
      [
        {
          sentence: "The trawler had 14 crew members aboard.",
          quantities: [{ text: "14", low: 14, counted: "crew members" }],
        },
      ],
    )
    const [a, b] = [...x.claims, ...y.claims]
    if (!a || !b) throw new Error("test: no claims")
    const c = Alignment.explain(a, b, [x.document, y.document])
    expect(c.reasons.map((r) => r.detail)).toContain('both count "crew"')
    expect(Alignment.align([a, b], [x.document, y.document])).toHaveLength(1)
  })

  it("does not read 'an average of 15,000' as counting averages", () => {
    const x = story(
      "X",
      ["The army fired an average of 15,000 per day."],
      [{ sentence: "The army fired an average of 15,000 per day.", quantities: [{ text: "15,000", low: 15000 }] }],
    )
    const y = story(
      "Y",
      ["The army fired 15,000 averages."],
      [
        {
          sentence: "The army fired 15,000 averages.",
          quantities: [{ text: "15,000", low: 15000, counted: "average" }],
        },
      ],
    )
    const [a, b] = [...x.claims, ...y.claims]
    if (!a || !b) throw new Error("test: no claims")
    expect(Alignment.explain(a, b, [x.document, y.document]).reasons.map((r) => r.detail)).not.toContain(
      'both count "average"',
    )
  })

  it("aligns each clause of a two-fact quote with the outlet that reports that fact", () => {
    const quote = "We will close the Harlow depot by June, and every driver will be offered a job at the new site"
    const x = story(
      "X",
      [`"${quote}," the mayor said.`],
      [
        {
          sentence: `"${quote}," the mayor said.`,
          attribution: {
            source: null,
            cue: null,
            content: { text: quote, span: { start: 1, end: 1 + quote.length } },
            mode: "direct",
            stance: "asserts",
            hedged: false,
          },
        },
      ],
    )
    const sentences = [
      "The city would shut the Harlow bus depot by June.",
      "Every driver would be offered a position at the new site.",
    ]
    const y = story(
      "Y",
      sentences,
      sentences.map((sentence) => ({ sentence })),
    )
    const groups = Alignment.align([...x.claims, ...y.claims], [x.document, y.document])
    expect(groups.map((g) => g.members.map((m) => m.claim.text.slice(0, 12)).sort())).toEqual(
      expect.arrayContaining([
        ['"We will clo', "The city wou"],
        ['"We will clo', "Every driver"],
      ]),
    )
  })
})

describe("Alignment.align by measure", () => {
  const a = story(
    "Harbour Post",
    ["The landslide killed 12 people and injured 30 others in Velmora on Tuesday."],
    [
      {
        sentence: "The landslide killed 12 people and injured 30 others in Velmora on Tuesday.",
        quantities: [
          { text: "12", low: 12, counted: "people", measure: { class: "deaths", predicate: "kill" } },
          { text: "30", low: 30, counted: "other", measure: { class: "injuries", predicate: "injure" } },
        ],
      },
    ],
  )
  const b = story(
    "Valley Times",
    ["Officials in Velmora said 14 had died after the landslide."],
    [
      {
        sentence: "Officials in Velmora said 14 had died after the landslide.",
        quantities: [{ text: "14", low: 14, measure: { class: "deaths", predicate: "die" } }],
      },
    ],
  )
  const c = story(
    "Coast Daily",
    ["At least 28 were hurt in the Velmora landslide."],
    [
      {
        sentence: "At least 28 were hurt in the Velmora landslide.",
        quantities: [
          { text: "At least 28", low: 28, approximate: "at-least", measure: { class: "injuries", predicate: "hurt" } },
        ],
      },
    ],
  )
  const groups = Alignment.align([...a.claims, ...b.claims, ...c.claims], [a.document, b.document, c.document])
  const values = groups.map((g) => g.members.map((m) => m.quantity?.text).sort())

  it("aligns each number of a sentence with its own measure only", () => {
    expect(values).toContainEqual(["12", "14"])
    expect(values).toContainEqual(["30", "At least 28"])
    expect(values.flat().filter((v) => v === "12")).toHaveLength(1)
  })

  it("names the measure match among the group's reasons", () => {
    const deaths = groups.find((g) => g.members.some((m) => m.quantity?.text === "14"))
    expect(deaths?.reasons.join("; ")).toMatch(/both measure deaths/)
    expect(deaths?.key).toBe("n:deaths:people|-|-")
  })

  it("does not align amounts that share only a unit and nothing else", () => {
    const x = one("Ledger", {
      sentence: "Norvik posted $5 billion in the quarter.",
      quantities: [{ text: "$5 billion", low: 5e9, unit: "USD" }],
    })
    const y = one("Bulletin", {
      sentence: "Parliament approved $3 billion for schools.",
      quantities: [{ text: "$3 billion", low: 3e9, unit: "USD" }],
    })
    const r = Alignment.explain(x.claim, y.claim, [x.document, y.document])
    expect(r.comparable).toBe(false)
    expect(r.reasons.map((z) => z.detail).join("; ")).toMatch(/share only a unit/)
  })

  it.each([
    // One round value in one unit, with a few words in common, is one figure retold ...
    ["about €280,000", 280_000, true],
    // ... where another value with the same few words is not one figure.
    ["about €310,000", 310_000, false],
  ] as const)("a round figure with a few shared words: %s", (text, value, aligned) => {
    const x = one("Ledger", {
      sentence: "The Roman dig at the old mill will take about 280,000 euros.",
      quantities: [{ text: "about 280,000 euros", low: 280_000, unit: "EUR", approximate: "about" }],
    })
    const y = one("Bulletin", {
      sentence: `The developer is paying ${text} for the dig.`,
      quantities: [{ text, low: value, unit: "EUR", approximate: "about" }],
    })
    const r = Alignment.explain(x.claim, y.claim, [x.document, y.document])
    expect(r.comparable && (r.score ?? 0) >= Alignment.THRESHOLD).toBe(aligned)
  })

  it.each([
    // The same precise figure in one unit is one figure retold, whatever else the claims say.
    ["Clinics will receive $37.4 million.", "$37.4 million", 37.4e6, "The clinics get $37.4m.", "$37.4m", 37.4e6, true],
    ["Turnout reached 61.3%.", "61.3%", 61.3, "Fewer voters came: 61.3% of them.", "61.3%", 61.3, true],
    // A round figure many things share says nothing by itself.
    ["Norvik posted $5 billion.", "$5 billion", 5e9, "Parliament approved $5 billion.", "$5 billion", 5e9, false],
    // Two precise figures that differ are two amounts.
    ["Clinics will receive $37.4 million.", "$37.4 million", 37.4e6, "The port gets $37.9m.", "$37.9m", 37.9e6, false],
  ] as const)("same precise figure: %s / %s", (sa, ta, va, sb, tb, vb, aligned) => {
    const unit = ta.includes("%") ? "percent" : "USD"
    const x = one("Ledger", { sentence: sa, quantities: [{ text: ta, low: va, unit }] })
    const y = one("Bulletin", { sentence: sb, quantities: [{ text: tb, low: vb, unit }] })
    const r = Alignment.explain(x.claim, y.claim, [x.document, y.document])
    expect(r.comparable && (r.score ?? 0) >= Alignment.THRESHOLD).toBe(aligned)
    if (aligned) expect(r.reasons.map((z) => z.detail).join("; ")).toMatch(/same precise figure/)
  })

  it.each([
    // One round figure in one unit on both sides weighs as an action would: a retelling is likelier.
    ["Diesel from the tanker at the quay: 62,000 litres, divers found.", "62,000 litres", "litre", 62000, true],
    ["Fees for the tanker's berth at the quay: 18,000 euros, the port said.", "18,000 euros", "EUR", 18000, true],
    // Not a length of time: "three years" is many things' span.
    ["Diesel from the tanker at the quay: three years, divers found.", "three years", "year", 3, false],
  ] as const)("same figure in one unit: %s", (sentence, text, unit, value, weighs) => {
    const other = (v: number, t: string) =>
      one("Bulletin", {
        sentence: sentence.replace(text, t).replace("divers found", "the harbour master said"),
        quantities: [{ text: t, low: v, unit }],
      })
    const x = one("Ledger", { sentence, quantities: [{ text, low: value, unit }] })
    const same = other(value, text)
    const differs = other(value * 2, `${value * 2} ${unit}s`)
    const s = Alignment.explain(x.claim, same.claim, [x.document, same.document])
    const d = Alignment.explain(x.claim, differs.claim, [x.document, differs.document])
    if (!s.comparable || !d.comparable) throw new Error("test: both pairs should be comparable")
    expect(s.score - d.score).toBeCloseTo(weighs ? 0.1 : 0, 6)
    expect(s.reasons.some((r) => /both give the same figure/.test(r.detail))).toBe(weighs)
  })

  // The verb stating a figure may be the cue of its attribution, outside the words compared: the
  // measures' own predicates then say whether the two amounts are one thing done.
  const amount = (
    outlet: string,
    sentence: string,
    text: string,
    low: number,
    predicate: string | null,
    cue: boolean,
  ) =>
    one(outlet, {
      sentence,
      quantities: [{ text, low, unit: "EUR", measure: { class: "unknown", predicate } }],
      ...(cue && predicate
        ? {
            attribution: {
              source: null,
              cue: { text: predicate, lemma: predicate, span: { start: 0, end: 0 } },
              content: null,
              mode: "indirect",
              stance: "asserts",
              hedged: false,
            } as const,
          }
        : {}),
    })
  it.each([
    ["demand", "demand", true, true],
    ["offer", "offer", true, true],
    ["demand", "demand", false, false],
    ["demand", "offer", true, false],
    ["say", "say", true, false],
    ["demand", null, true, false],
  ] as const)("amounts stated by %s and %s (the first its cue: %s): aligned %s", (pa, pb, cue, aligned) => {
    const x = amount("Ledger", "The kidnappers asked Tuesday for €2 million.", "€2 million", 2e6, pa, cue)
    const y = amount("Bulletin", "Relatives heard on Monday of €3 million.", "€3 million", 3e6, pb, false)
    const r = Alignment.explain(x.claim, y.claim, [x.document, y.document])
    expect(r.comparable).toBe(aligned)
    if (aligned) expect(r.reasons.map((z) => z.detail).join("; ")).toMatch(new RegExp(`same action "${pa}"`))
  })
})

describe("Alignment.align never chains measures that are apart", () => {
  const spec = (sentence: string, cls: string | null) => ({
    sentence,
    quantities: [
      { text: "12", low: 12, counted: "people", ...(cls ? { measure: { class: cls, predicate: "hit" } } : {}) },
    ],
  })
  const a = story(
    "Orvik Post",
    ["The storm hit 12 people in Orvik on Monday."],
    [spec("The storm hit 12 people in Orvik on Monday.", "deaths")],
  )
  const b = story(
    "Valley Wire",
    ["The storm hit 12 people in Orvik on Monday, officials said."],
    [spec("The storm hit 12 people in Orvik on Monday, officials said.", null)],
  )
  const c = story(
    "Coast Daily",
    ["In Orvik the storm hit 12 people on Monday."],
    [spec("In Orvik the storm hit 12 people on Monday.", "injuries")],
  )
  const groups = Alignment.align([...a.claims, ...b.claims, ...c.claims], [a.document, b.document, c.document])
  const outlets = groups.map((g) => g.members.map((m) => m.claim.documentId))

  it("joins the figure that names no measure to one side, never both sides through it", () => {
    const unnamed = b.claims[0]?.documentId
    const withUnnamed = outlets.find((docs) => unnamed !== undefined && docs.includes(unnamed)) ?? []
    expect(withUnnamed.length).toBe(2)
    for (const docs of outlets) expect(docs.includes(a.document.id) && docs.includes(c.document.id)).toBe(false)
  })
})

describe("Alignment.explain: a denial's own time keeps nothing apart", () => {
  const closed = one("Harbour Post", {
    sentence: "Orvane Foods closed the Harlow plant in October.",
    time: { text: "in October", start: "2026-10-01", end: "2026-10-31" },
  })
  // The time lies inside what is denied: read as the fact's own time, it would keep the two apart.
  const content = "it had closed the Harlow plant on Monday"
  const sentence = `Orvane Foods denied that ${content}.`
  const answer = (stance: "asserts" | "denies") =>
    one("Valley Wire", {
      sentence,
      time: { text: "on Monday", start: "2026-11-30", end: "2026-11-30" },
      attribution: reported(sentence, content, stance),
    })

  it("compares a claim with its denial made at another time", () => {
    const d = answer("denies")
    expect(Alignment.explain(closed.claim, d.claim, [closed.document, d.document]).comparable).toBe(true)
  })

  it("still keeps a reported claim for another time apart", () => {
    const d = answer("asserts")
    const r = Alignment.explain(closed.claim, d.claim, [closed.document, d.document])
    expect(r.comparable).toBe(false)
    expect(r.reasons.map((x) => x.detail).join("; ")).toMatch(/do not overlap/)
  })
})

describe("Alignment.explain: a negation on another verb than the one shared", () => {
  it("does not set a negative claim against a positive one that shares only another verb", () => {
    const hope = one("Harbour Post", {
      sentence: "The admiral said there was no hope of finding the divers, as too much time had elapsed.",
      predicate: "find",
      polarity: "negative",
    })
    const shift = one("Valley Wire", {
      sentence: "The search shifted to recovery because so much time had elapsed.",
      predicate: "shift",
    })
    const r = Alignment.explain(hope.claim, shift.claim, [hope.document, shift.document])
    expect(r.comparable).toBe(false)
    expect(r.reasons.map((x) => x.detail).join("; ")).toMatch(/rule negation-elsewhere/)
  })

  it("still sets them against each other when the negated verb is the one shared", () => {
    const not = one("Harbour Post", {
      sentence: "The mill has not closed its Tarvo dye works.",
      predicate: "close",
      polarity: "negative",
    })
    const did = one("Valley Wire", { sentence: "The mill closed its Tarvo dye works.", predicate: "close" })
    const r = Alignment.explain(not.claim, did.claim, [not.document, did.document])
    expect(r.comparable).toBe(true)
  })
})

describe("Alignment: a claim and its denial", () => {
  /** A sentence whose `content` is reported as denied. */
  const denial = (outlet: string, sentence: string, content: string, predicate: string | null = null) =>
    one(outlet, { sentence, predicate, attribution: reported(sentence, content, "denies") })

  /**
   * [what the row guards, claim, denial's sentence, denied content, comparable, a reason that must be
   * given]; a claim's predicate, when the row gives one after "|", is its verb as the extractor reads it.
   */
  // biome-ignore format: one row per case
  const ROWS: ReadonlyArray<readonly [string, string, string, string, boolean, RegExp]> = [
    ["the same act told again", "The mill closed its Tarvo dye works in June.", "The mill denied that it had closed its dye works.", "it had closed its dye works", true, /same action "close"/],
    ["other verbs, the same content (denial-content)", "Neighbours said the landlord had ignored rusty gas pipes in the cellar flats.", "The landlord denied that any rusty gas pipe in the cellar flats had gone unrepaired.", "any rusty gas pipe in the cellar flats had gone unrepaired", true, /rule denial-content: the denial repeats \d of the claim's content words \(/],
    ["the claim's own act and one thing it is done to (denial-content)", "The union said the regional board had cut its harbour grant by a third this year.|cut", "The board denied that the grant had been cut.|cut", "the grant had been cut", true, /rule denial-content: the denial repeats 2 of the claim's content words, its action among them/],
    ["a denied light verb met by a synonym", "The builder informed the housing inspectors of the cracked beams.", "The inspectors' office denied that it had been told about cracked beams.", "it had been told about cracked beams", true, /"inform" ~ "tell"/],
    ["the claim's verb in a form the suffix rules miss", "The grain board had been shipping barley to Tesk since May.|ship", "The board denied that it had sent barley to Tesk.|send", "it had sent barley to Tesk", true, /"ship" ~ "send"/],
    ["the act received, denied by the one it was done to (received-act)", "Residents said they had complained to the quarry owners about stones landing in gardens.", "The owners denied that they had received any complaint about stones landing in gardens.", "they had received any complaint about stones landing in gardens", true, /rule received-act: "complain" and "complaint"/],
    ["a thing received that no act of the claim names", "Campers said they had warned the park rangers about the loose boulders above the trail.", "The rangers denied that they had received any money for the boulders above the trail.", "they had received any money for the boulders above the trail", false, /no shared or related action/],
    ["the opposite action denied", "The council will raise parking fees to keep the ferry running.|raise", "The mayor denied that the ferry would be cut.|cut", "the ferry would be cut", false, /a denial of the opposite action does not dispute it/],
    ["the verb shared, not what it is done to (denial-arguments)", "The ministry is sending 30 extra vets and two laboratory teams to help run the delta's farms.", "The minister denied that farms in the delta had sent sick cattle to market.", "farms in the delta had sent sick cattle to market", false, /rule denial-arguments/],
    ["an act after a verb of aspect ('kept taking'), WordNet's noun 'taking' read as the verb", "Tenants said the agency had kept taking rent for the empty flats.|keep", "The agency denied that it had taken any rent for the empty flats.|take", "it had taken any rent for the empty flats", true, /same action "taking"/],
    ["two words shared, no act in common", "Strikers blocked lorries at the Korvel depot gates.", "The haulier denied that any lorry had been damaged at the depot.", "any lorry had been damaged at the depot", false, /no shared or related action/],
  ]

  it.each(ROWS)("%s", (_name, claimRow, denialRow, content, comparable, reason) => {
    const [claimText = "", claimVerb = null] = claimRow.split("|")
    const [denialText = "", denialVerb = null] = denialRow.split("|")
    const a = one("Harbour Post", { sentence: claimText, predicate: claimVerb })
    const d = denial("Valley Wire", denialText, content, denialVerb)
    const r = Alignment.explain(a.claim, d.claim, [a.document, d.document])
    const why = r.reasons.map((x) => x.detail).join("; ")
    expect(r.comparable, why).toBe(comparable)
    expect(why).toMatch(reason)
  })

  it("aligns two denials of one claim that tell it in each other's words (denial-content)", () => {
    const first = denial(
      "Harbour Post",
      "The port authority denied that the dredger had damaged the sea wall near the ferry ramp.",
      "the dredger had damaged the sea wall near the ferry ramp",
    )
    const second = denial(
      "Valley Wire",
      "She denied that any dredger had damaged the ramp's sea wall.",
      "any dredger had damaged the ramp's sea wall",
    )
    const r = Alignment.explain(first.claim, second.claim, [first.document, second.document])
    const why = r.reasons.map((x) => x.detail).join("; ")
    expect(r.comparable, why).toBe(true)
    expect(why).toMatch(/rule denial-content/)
  })

  it("aligns a claim that carries a figure with its denial, as statements, apart from the figure's group", () => {
    const moved = one("Harbour Post", {
      sentence: "The union said the foundry would move casting to its Orlo plant, where wages are 40 percent lower.",
      quantities: [{ text: "40 percent", low: 40, unit: "percent" }],
    })
    const denied = denial(
      "Valley Wire",
      "The foundry denied that any casting would move to the Orlo plant.",
      "any casting would move to the Orlo plant",
    )
    // Another claim with a figure, asserted, about the same move: no denial in it, so no statement group with it.
    const repeated = one("Coast Daily", {
      sentence: "The foundry will move casting to its Orlo plant within 2 years, the union said.",
      quantities: [{ text: "2 years", low: 2, unit: "year" }],
    })
    const groups = Alignment.align(
      [moved.claim, denied.claim, repeated.claim],
      [moved.document, denied.document, repeated.document],
    )
    const statement = groups.filter((g) => g.kind === "statement")
    expect(statement.length).toBe(1)
    const ids = statement[0]?.members.map((m) => m.claim.id) ?? []
    expect(ids).toContain(denied.claim.id)
    expect(ids.some((id) => id === moved.claim.id || id === repeated.claim.id)).toBe(true)
    expect(statement[0]?.members.every((m) => m.quantity === null)).toBe(true)
  })

  it("compares a sentence of two figures once, as the claim whose figure lies in what is said", () => {
    const sentence = "Two officials said the port board had offered dockers a 6 percent raise in March."
    const said = "the port board had offered dockers a 6 percent raise in March"
    const report = story(
      "Harbour Post",
      [sentence],
      [
        // One claim per figure, one sentence: the extractor's shape for a sentence of two numbers.
        {
          sentence,
          quantities: [{ text: "Two", low: 2, counted: "official" }],
          attribution: reported(sentence, said, "asserts"),
        },
        {
          sentence,
          quantities: [{ text: "6 percent", low: 6, unit: "percent" }],
          attribution: reported(sentence, said, "asserts"),
        },
      ],
    )
    const answer = one("Valley Wire", {
      sentence: "The port board denied that it had offered dockers a raise.",
      attribution: reported(
        "The port board denied that it had offered dockers a raise.",
        "it had offered dockers a raise",
        "denies",
      ),
    })
    const groups = Alignment.align([...report.claims, answer.claim], [report.document, answer.document])
    const statement = groups.filter((g) => g.kind === "statement")
    expect(statement.length).toBe(1)
    const figures = statement[0]?.members.map((m) => m.claim).filter((c) => c.quantities.length > 0) ?? []
    expect(figures.map((c) => c.quantities[0]?.text)).toEqual(["6 percent"])
  })

  it("takes from one article both a claim it tells again and the denial it reports", () => {
    const warnedText = "Campaigners said the mill had been warned in October about the broken pump."
    const warned = one("Harbour Post", {
      sentence: warnedText,
      predicate: "warn",
      attribution: reported(warnedText, "the mill had been warned in October about the broken pump", "asserts"),
    })
    const again = "Campaigners say the mill was warned in October about the broken pump."
    const denied = "The mill denied that it had been warned about the broken pump."
    const later = story(
      "Valley Wire",
      [again, denied],
      [
        {
          sentence: again,
          predicate: "warn",
          attribution: reported(again, "the mill was warned in October about the broken pump", "asserts"),
        },
        {
          sentence: denied,
          predicate: "warn",
          attribution: reported(denied, "it had been warned about the broken pump", "denies"),
        },
      ],
    )
    const groups = Alignment.align([warned.claim, ...later.claims], [warned.document, later.document])
    const statement = groups.filter((g) => g.kind === "statement")
    expect(statement.length).toBe(1)
    expect(statement[0]?.members.map((m) => m.claim.id).sort()).toEqual(
      [warned.claim.id, ...later.claims.map((c) => c.id)].sort(),
    )
  })

  it("keeps out an article's other statement that does not answer the denial it reports (sides-unanswered)", () => {
    const closed = one("Harbour Post", {
      sentence: "The mill closed its Tarvo dye works in June, the union said.",
      predicate: "close",
    })
    const denied = "The mill denied that it had closed its Tarvo dye works."
    const other = "In June the union closed its Tarvo branch office for good."
    const later = story(
      "Valley Wire",
      [denied, other],
      [
        {
          sentence: denied,
          predicate: "close",
          attribution: reported(denied, "it had closed its Tarvo dye works", "denies"),
        },
        { sentence: other, predicate: "close" },
      ],
    )
    const [denial, unrelated] = later.claims
    const groups = Alignment.align([closed.claim, ...later.claims], [closed.document, later.document])
    const held = groups.find((g) => g.members.some((m) => m.claim.id === denial?.id))
    expect(held?.members.map((m) => m.claim.id)).toContain(closed.claim.id)
    expect(held?.members.map((m) => m.claim.id)).not.toContain(unrelated?.id)
  })

  it("never makes a statement group of two asserted claims with figures", () => {
    const a = one("Harbour Post", {
      sentence: "The foundry will move casting to its Orlo plant, cutting 120 jobs.",
      quantities: [{ text: "120", low: 120, counted: "job" }],
    })
    const b = one("Coast Daily", {
      sentence: "Casting will move to the Orlo plant, where wages are 40 percent lower.",
      quantities: [{ text: "40 percent", low: 40, unit: "percent" }],
    })
    const groups = Alignment.align([a.claim, b.claim], [a.document, b.document])
    expect(groups.filter((g) => g.kind === "statement")).toEqual([])
  })
})
