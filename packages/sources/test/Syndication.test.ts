import { Inputs, Syndication } from "@crosscheck/sources"
import { describe, expect, it } from "vitest"

// A wire story of eight paragraphs, with a quote, written for these tests.
const STORY = [
  "LISBON (AP) — Firefighters battled a wildfire in the hills north of the city for a third day on Sunday as shifting winds pushed the flames toward several villages, regional officials said.",
  "More than 600 firefighters and 14 water-dropping aircraft were deployed, and about 1,400 residents were moved to schools and sports halls in neighbouring towns overnight.",
  '"The next twelve hours will decide whether we can hold the line along the river," said Carla Mendes, the regional civil protection commander, at a briefing in the morning.',
  "The fire began on Friday afternoon in a eucalyptus plantation and has since burned an estimated 9,000 hectares, according to satellite estimates published by the European monitoring service.",
  "Police said they were investigating whether the fire had been set deliberately, after witnesses reported seeing smoke rise from two separate places within minutes of each other.",
  "Temperatures in the region reached 41 degrees Celsius on Saturday, and forecasters expect little relief before the middle of the week, when a cooler air mass should arrive from the Atlantic.",
  "The government has asked for help through the European Union's civil protection mechanism, and two aircraft from a neighbouring country were expected to join the effort on Monday.",
  "Last summer, wildfires across the country burned more than 100,000 hectares and killed four people, prompting an inquiry into how forest land is managed and cleared in the dry season.",
]

const doc = (path: string, paragraphs: ReadonlyArray<string>, outlet = path) =>
  Inputs.toDocument(path, 0, { outlet }, paragraphs.join("\n"))

const sameGroup = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean => {
  const [x, y] = Syndication.group([doc("a.txt", a), doc("b.txt", b)])
  return x?.syndicationGroup != null && x.syndicationGroup === y?.syndicationGroup
}

describe("Syndication.group: reprints of one story share a group", () => {
  it.each([
    ["an identical copy", STORY, true],
    ["a changed first line and headline", ["Wildfire rages for a third day near Lisbon", ...STORY.slice(1)], true],
    ["the last three paragraphs trimmed", STORY.slice(0, 5), true],
    ["only the first three paragraphs", STORY.slice(0, 3), true],
    [
      "a local paragraph added",
      [...STORY, "In our own county, the fire service said it had sent two crews to help on Saturday night."],
      true,
    ],
    ["a photo caption line", ["Firefighters work near a village on Sunday. (AP Photo/Ana Brito)", ...STORY], true],
    [
      "a byline and a copyright line",
      ["By JOAO SILVA Associated Press", ...STORY, "© 2025 The Associated Press. All rights reserved."],
      true,
    ],
    [
      "every one of those at once",
      ["Caption. (AP Photo)", "By JOAO SILVA", ...STORY.slice(0, 6), "Copyright 2025 The Associated Press."],
      true,
    ],
  ])("%s", (_, copy, expected) => {
    expect(sameGroup(STORY, copy)).toBe(expected)
  })
})

// Three outlets' own articles on the same fire: same facts, same quote, their own words.
const OTHER_OUTLET = [
  "A wildfire north of Lisbon was still out of control on Sunday, its third day, with wind changes sending it toward villages in the hills, according to regional authorities.",
  '"The next twelve hours will decide whether we can hold the line along the river," said Carla Mendes, the regional civil protection commander, at a briefing in the morning.',
  "Officials said around 1,400 people spent the night in schools and sports halls, while hundreds of firefighters and more than a dozen aircraft fought the flames.",
  "Investigators are looking into reports that the blaze started in two places at once, which could point to arson, police said.",
  "Forecasters said the heat, which peaked at 41 degrees on Saturday, would not ease until midweek.",
]

describe("Syndication.group: independent articles stay apart", () => {
  it.each([
    ["another outlet's article quoting the same statement", OTHER_OUTLET, false],
    [
      "a different story entirely",
      [
        "The central bank left interest rates unchanged on Thursday, citing stubborn inflation in services and a tight labour market that had yet to cool.",
      ],
      false,
    ],
    ["two quotes and nothing else in common", [STORY[2] ?? "", OTHER_OUTLET[0] ?? "", OTHER_OUTLET[2] ?? ""], false],
  ])("%s", (_, other, expected) => {
    expect(sameGroup(STORY, other)).toBe(expected)
  })
})

describe("Syndication: a long statement quoted by two outlets is not copying", () => {
  const statement = [
    '"We will open the reservoirs to farmers from Monday, and we will keep them open for as long as the drought lasts, whatever it costs the water board and whatever the cities say about their own supplies," the minister said.',
    '"Nobody in this government will let a harvest fail for want of water that is sitting behind a dam, and I have told the water board that this is now an order and no longer a request," she added.',
  ]
  const first = [
    "The agriculture minister announced on Sunday that reservoirs in the south would be opened to irrigation, reversing a decision taken by the water board only a week earlier after a tense cabinet meeting.",
    ...statement,
  ]
  const second = [
    ...statement,
    "Her announcement followed protests by growers outside the ministry on Friday and a letter signed by more than two hundred mayors asking for the dams to be opened before the harvest was lost entirely.",
  ]
  it("keeps them apart though most of the shorter one is the shared quotation", () => {
    expect(sameGroup(first, second)).toBe(false)
  })
  it("would join them if quotation counted, which is why it does not", () => {
    const plain = (ps: ReadonlyArray<string>) => ps.map((p) => p.replace(/"/g, ""))
    expect(sameGroup(plain(first), plain(second))).toBe(true)
  })
})

describe("Syndication agency credits are evidence", () => {
  it.each([
    [["AP"], ["AP"], Syndication.THRESHOLD_SAME_WIRE, "AP"],
    [["AP", "Reuters"], ["Reuters"], Syndication.THRESHOLD_SAME_WIRE, "Reuters"],
    [["AP"], ["AFP"], Syndication.THRESHOLD_OTHER_WIRE, null],
    [["AP"], [], Syndication.THRESHOLD, null],
    [[], [], Syndication.THRESHOLD, null],
  ])("%j and %j: bar %d", (a, b, threshold, wire) => {
    expect(Syndication.thresholdFor(a, b)).toEqual({ threshold, wire })
  })

  // Half the story rewritten: a copy only when both credit the same agency.
  const rewritten = [
    ...STORY.slice(0, 4),
    "Rewritten paragraph one with wholly new wording about the evacuation centres and the volunteers who staffed them.",
    "Rewritten paragraph two describes the aircraft that arrived from abroad and where they were based during the operation.",
    "Rewritten paragraph three sets out what the inquiry into last year's fires found about land clearing in summer months.",
    "Rewritten paragraph four quotes nobody and adds a new detail about road closures on the main route north of the city.",
  ]
  it.each([
    ["both credit AP", "(AP) —", "(AP) —", true],
    ["one credits AP, the other nobody", "(AP) —", "", false],
    ["one credits AP, the other Reuters", "(AP) —", "(Reuters) -", false],
  ])("an updated version, %s", (_, creditA, creditB, expected) => {
    const a = [`LISBON ${creditA} ${STORY[0]?.slice(15)}`, ...STORY.slice(1)]
    const b = [`LISBON ${creditB} ${STORY[0]?.slice(15)}`, ...rewritten.slice(1, 3), ...rewritten.slice(4)]
    expect(sameGroup(a, b)).toBe(expected)
  })

  it("reports why two documents were linked", () => {
    const [link] = Syndication.links([doc("a.txt", STORY), doc("b.txt", STORY.slice(0, 5))])
    expect(link).toMatchObject({ threshold: Syndication.THRESHOLD_SAME_WIRE, wire: "AP" })
    expect(link?.containment).toBeGreaterThan(0.95)
    expect(link?.shared).toBeGreaterThan(100)
  })
})

describe("Syndication.group: one outlet's follow-up is not a copy", () => {
  // The next day's article of the same outlet: a new first paragraph, the earlier background kept.
  const NEXT_DAY = [
    "LISBON (AP) — The wildfire north of the city was brought under control on Monday, its fourth day, after the wind dropped overnight, regional officials said.",
    ...STORY.slice(1),
  ]
  const dated = (path: string, outlet: string, publishedAt: string, paragraphs: ReadonlyArray<string>) =>
    Inputs.toDocument(path, 0, { outlet, publishedAt }, paragraphs.join("\n"))
  it.each([
    ["one outlet, a later day", "Harbour Daily", "2025-08-15", "Harbour Daily", "2025-08-16", false],
    ["one outlet under two names, a later day", "NYT", "2025-08-15", "The New York Times", "2025-08-16", false],
    [
      "one outlet, the same day (an updated version)",
      "Harbour Daily",
      "2025-08-15",
      "Harbour Daily",
      "2025-08-15",
      true,
    ],
    ["two outlets, a later day (a reprint)", "Harbour Daily", "2025-08-15", "Coast Radio", "2025-08-16", true],
  ])("%s: copies %s", (_name, outletA, dayA, outletB, dayB, expected) => {
    const [x, y] = Syndication.group([dated("a.md", outletA, dayA, STORY), dated("b.md", outletB, dayB, NEXT_DAY)])
    expect(x?.syndicationGroup != null && x.syndicationGroup === y?.syndicationGroup).toBe(expected)
  })
})

describe("Syndication.group at scale", () => {
  it("groups a story reprinted 300 times, and ten such stories apart, without comparing all pairs", () => {
    // Ten different stories of made-up words: no two share wording by construction.
    let seed = 7
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed
    }
    const vocabulary = Array.from({ length: 2000 }, (_, k) => `w${k.toString(36)}`)
    const sentence = (): string =>
      `${Array.from({ length: 25 }, () => vocabulary[next() % vocabulary.length]).join(" ")}.`
    const stories = Array.from({ length: 10 }, () => Array.from({ length: 8 }, sentence))
    const docs = Array.from({ length: 3000 }, (_, i) => {
      const s = i % 10
      const paragraphs = stories[s] ?? []
      return doc(
        `copy-${i}.txt`,
        i % 3 === 0 ? paragraphs.slice(0, 5) : [`Caption ${i}.`, ...paragraphs],
        `Outlet ${i}`,
      )
    })
    const grouped = Syndication.group(docs)
    const groupOfStory = new Map<number, Set<string | null>>()
    grouped.forEach((d, i) => {
      groupOfStory.set(i % 10, (groupOfStory.get(i % 10) ?? new Set()).add(d.syndicationGroup))
    })
    for (const groups of groupOfStory.values()) {
      expect(groups.size).toBe(1)
      expect([...groups][0]).not.toBeNull()
    }
    expect(new Set(grouped.map((d) => d.syndicationGroup)).size).toBe(10)
  })

  it("gives the same group id whatever the input order", () => {
    const a = doc("a.txt", STORY)
    const b = doc("b.txt", STORY.slice(0, 5))
    const c = doc("c.txt", OTHER_OUTLET)
    const one = Syndication.group([a, b, c]).map((d) => [d.id, d.syndicationGroup] as const)
    const two = Syndication.group([c, b, a]).map((d) => [d.id, d.syndicationGroup] as const)
    expect(new Map(one)).toEqual(new Map(two))
  })
})
