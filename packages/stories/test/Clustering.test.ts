import { type Document, Ids } from "@crosscheck/domain"
import { describe, expect, it } from "vitest"
import * as Bcubed from "../src/Bcubed.js"
import * as Clustering from "../src/Clustering.js"
import {
  ankles,
  busCrashes,
  doc,
  fire,
  fireDunmore,
  firePellow,
  flood,
  floodFollowUps,
  match,
  outbreak,
  restaurant,
  strike,
  vote,
} from "./feeds.js"

const partition = (documents: ReadonlyArray<Document.Document>): string[][] => {
  const by = new Map<string, string[]>()
  for (const d of documents) by.set(d.storyId ?? "", [...(by.get(d.storyId ?? "") ?? []), d.origin.path])
  return [...by.values()].map((g) => g.sort()).sort((a, b) => (a[0] ?? "").localeCompare(b[0] ?? ""))
}

describe("Clustering.assign", () => {
  it("keeps one event covered over three days in one story", () => {
    const { documents, stories } = Clustering.assign(flood)
    expect(stories).toHaveLength(1)
    expect(new Set(documents.map((d) => d.storyId)).size).toBe(1)
    expect(stories[0]?.start).toBe("2031-04-02")
    expect(stories[0]?.end).toBe("2031-04-04")
    expect(stories[0]?.outlets).toEqual(["Valley Courier", "Northern Ledger", "Ridge Gazette"])
    expect(stories[0]?.label).toContain("Marlow Springs")
  })

  it("tells apart two events that share a place name in the same week", () => {
    const { documents } = Clustering.assign([...flood, ...vote])
    expect(partition(documents)).toEqual([
      ["flood-1.txt", "flood-2.txt", "flood-3.txt"],
      ["vote-1.txt", "vote-2.txt"],
    ])
  })

  // A story needs both a who and a what in common: the words outside names say what happened (BODY_MIN),
  // the names' words who and where (NAMES_MIN).
  const undated = (ds: ReadonlyArray<Document.Document>) => ds.map((d) => ({ ...d, publishedAt: null }))
  const whoAndWhat: ReadonlyArray<readonly [string, ReadonlyArray<Document.Document>, string[][]]> = [
    [
      "two rumours about one leader (same who, another what)",
      [...ankles, ...restaurant],
      [
        ["ankles-1.txt", "ankles-2.txt"],
        ["restaurant-1.txt", "restaurant-2.txt"],
      ],
    ],
    [
      "one kind of event in two towns the same night (same what, another who)",
      [...fireDunmore, ...firePellow],
      [
        ["fire-Dunmore-1.txt", "fire-Dunmore-2.txt"],
        ["fire-Pellow-1.txt", "fire-Pellow-2.txt"],
      ],
    ],
    [
      "the same, undated",
      undated([...fireDunmore, ...firePellow]),
      [
        ["fire-Dunmore-1.txt", "fire-Dunmore-2.txt"],
        ["fire-Pellow-1.txt", "fire-Pellow-2.txt"],
      ],
    ],
    [
      "three bus crashes in three towns, undated (same what, another who each)",
      busCrashes,
      [["bus-Ardwick.txt"], ["bus-Marsh Eaton.txt"], ["bus-Tellow.txt"]],
    ],
    [
      "an outbreak and a match the outbreak article mentions, where that article names its town only opening sentences",
      [...outbreak, match],
      [["match-1.txt"], ["measles-1.txt", "measles-2.txt", "measles-3.txt"]],
    ],
  ]
  it.each(whoAndWhat)("keeps apart %s", (_, feed, stories) => {
    expect(partition(Clustering.assign(feed).documents)).toEqual(stories)
    expect(partition(Clustering.assign([...feed].reverse()).documents)).toEqual(stories)
  })

  it("gives the same partition whatever order the feed arrives in", () => {
    const feed = [...flood, ...vote, ...strike]
    const once = partition(Clustering.assign(feed).documents)
    expect(once).toHaveLength(3)
    for (const order of [[...feed].reverse(), [feed[3], feed[0], feed[6], feed[2], feed[5], feed[1], feed[4]]])
      expect(partition(Clustering.assign(order as Document.Document[]).documents)).toEqual(once)
  })

  it("lists an outlet once by its canonical name, in order of first article", () => {
    const named = flood.map((d, i) =>
      doc(
        `n-${i}`,
        ["NYT", "The New York Times", "nytimes.com"][i] ?? "",
        d.publishedAt,
        d.title,
        d.text,
        "The New York Times",
      ),
    )
    const { stories } = Clustering.assign(named)
    expect(stories.map((s) => s.outlets)).toEqual([["The New York Times"]])
  })

  it("keeps stored assignments and places a later batch in the right existing stories", () => {
    const first = Clustering.assign([flood[0], flood[1], vote[0], vote[1], strike[0]] as Document.Document[])
    expect(partition(first.documents)).toEqual([
      ["flood-1.txt", "flood-2.txt"],
      ["strike-1.txt"],
      ["vote-1.txt", "vote-2.txt"],
    ])
    const later = Clustering.assign([...first.documents, flood[2], strike[1]] as Document.Document[])
    const storyOf = new Map(later.documents.map((d) => [d.origin.path, d.storyId]))
    for (const d of first.documents) expect(storyOf.get(d.origin.path)).toBe(d.storyId)
    expect(storyOf.get("flood-3.txt")).toBe(storyOf.get("flood-1.txt"))
    expect(storyOf.get("strike-2.txt")).toBe(storyOf.get("strike-1.txt"))
    expect(later.stories).toHaveLength(3)
  })

  it("starts a new story for an article far apart in time even with shared words", () => {
    const echo = doc(
      "flood-anniversary",
      "Valley Courier",
      "2034-04-02",
      "Marlow Springs remembers",
      "Residents of Marlow Springs gathered by the Tessel River on Sunday.",
    )
    const { documents } = Clustering.assign([...flood, echo])
    expect(documents.at(-1)?.storyId).not.toBe(documents[0]?.storyId)
  })

  it("lets a strongly matching follow-up weeks later join, and keeps another event in the town apart", () => {
    // The inquiry 13 days after the last flood report, the month-on piece 16 days after the inquiry; the
    // bakery fire, in the same town with its fire brigade, 6 days after the flood.
    const feed = [...flood, ...floodFollowUps, ...fire, ...vote]
    const expected = [
      ["fire-1.txt", "fire-2.txt"],
      ["flood-1.txt", "flood-2.txt", "flood-3.txt", "flood-inquiry.txt", "flood-month.txt"],
      ["vote-1.txt", "vote-2.txt"],
    ]
    expect(partition(Clustering.assign(feed).documents)).toEqual(expected)
    const { stories } = Clustering.assign(feed)
    expect(stories.find((s) => s.documentIds.length === 5)?.end).toBe("2031-05-03")
    for (const order of [[...feed].reverse(), [...fire, ...floodFollowUps, ...vote, ...flood]])
      expect(partition(Clustering.assign(order).documents)).toEqual(expected)
  })

  it("needs a closer match the later a follow-up comes", () => {
    // The inquiry's own text moved out by months, then years: the bar rises until it no longer joins.
    const inquiry = floodFollowUps[0] as Document.Document
    const storyOf = (publishedAt: string) => {
      const { documents } = Clustering.assign([...flood, { ...inquiry, publishedAt }])
      return documents.at(-1)?.storyId === documents[0]?.storyId
    }
    expect(storyOf("2031-04-17")).toBe(true)
    expect(storyOf("2031-05-08")).toBe(true)
    expect(storyOf("2031-07-04")).toBe(false)
    expect(storyOf("2032-04-17")).toBe(false)
    // A copy of a report moves further before it stops matching.
    const copy = { ...(flood[1] as Document.Document), id: Ids.documentId("test", "flood-copy") }
    const { documents } = Clustering.assign([...flood, { ...copy, publishedAt: "2031-07-04" }])
    expect(documents.at(-1)?.storyId).toBe(documents[0]?.storyId)
  })

  it("counts an article near a story only when near one of its articles, not inside a gap a follow-up made", () => {
    // The bakery fire falls between the flood reports and the inquiry. Arriving after both (a late batch),
    // it was once counted as inside the flood story's span and given the near bonus; it must not join.
    const first = Clustering.assign([...flood, floodFollowUps[0] as Document.Document])
    const later = Clustering.assign([fire[0] as Document.Document], {}, first.state)
    expect(later.stories).toHaveLength(2)
    expect(later.documents[0]?.storyId).not.toBe(first.documents[0]?.storyId)
  })

  it("clusters undated articles on their words alone", () => {
    const undated = [...flood, ...strike].map((d) => ({ ...d, publishedAt: null }))
    expect(partition(Clustering.assign(undated).documents)).toEqual([
      ["flood-1.txt", "flood-2.txt", "flood-3.txt"],
      ["strike-1.txt", "strike-2.txt"],
    ])
  })
})

/** `xs` in a fixed arbitrary order drawn from `seed` (a linear congruential generator). */
const permuted = <A>(xs: ReadonlyArray<A>, seed: number): A[] => {
  const out = [...xs]
  let s = seed
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648
    const j = s % (i + 1)
    ;[out[i], out[j]] = [out[j] as A, out[i] as A]
  }
  return out
}

describe("Clustering: the order of equal-day documents", () => {
  const SEEDS = [1, 2, 3, 4, 5, 6]

  it("gives one partition of an undated feed whatever order its documents are placed in", () => {
    // Undated, every document is of one day: each order below is one a tie-break could give.
    const undated = [...flood, ...vote, ...strike, ...fire].map((d) => ({ ...d, publishedAt: null }))
    const placed = (order: ReadonlyArray<Document.Document>) => {
      const c = Clustering.make()
      for (const d of order) c.add(d)
      return partition(undated.map((d) => ({ ...d, storyId: c.storyOf(d.id) ?? null })))
    }
    const expected = [
      ["fire-1.txt", "fire-2.txt"],
      ["flood-1.txt", "flood-2.txt", "flood-3.txt"],
      ["strike-1.txt", "strike-2.txt"],
      ["vote-1.txt", "vote-2.txt"],
    ]
    expect(placed(undated)).toEqual(expected)
    for (const seed of SEEDS) expect(placed(permuted(undated, seed))).toEqual(expected)
  })

  it("gives one partition of a dated feed whatever ids (and so tie-break) its documents have", () => {
    const feed = [...flood, ...floodFollowUps, ...vote, ...fire]
    const once = partition(Clustering.assign(feed).documents)
    for (const seed of SEEDS) {
      const renamed = feed.map((d) => ({ ...d, id: Ids.documentId("test", seed, d.id) }))
      expect(partition(Clustering.assign(renamed).documents)).toEqual(once)
    }
  })
})

describe("Clustering: a shared name is not a shared event", () => {
  it("keeps a council vote out of a flood story the second article of a feed, which names and title alone would join", () => {
    // Second in the feed, the IDF cannot yet tell that "Marlow Springs" is in every article of the town.
    const second = (options: Clustering.Options) => {
      const c = Clustering.make(options)
      return [c.add(flood[0] as Document.Document), c.add(vote[0] as Document.Document)]
    }
    const [flooded, voted] = second({})
    expect(voted).not.toBe(flooded)
    const [alone, joined] = second({ bodyMin: 0 })
    expect(joined).toBe(alone)
  })

  it("still lets an article whose body matches join, names or not", () => {
    const c = Clustering.make()
    const first = c.add(flood[0] as Document.Document)
    expect(c.add({ ...(flood[1] as Document.Document), title: null })).toBe(first)
  })
})

describe("Clustering.make (online)", () => {
  it("places documents one at a time, each joining or starting a story", () => {
    const c = Clustering.make()
    const a = c.add(strike[0] as Document.Document)
    const b = c.add(flood[0] as Document.Document)
    expect(b).not.toBe(a)
    expect(c.add(strike[1] as Document.Document)).toBe(a)
    expect(c.stories().map((s) => s.documentIds.length)).toEqual([2, 1])
  })
})

describe("Bcubed.score", () => {
  const map = (xs: ReadonlyArray<readonly [string, string]>) => new Map(xs)
  const rows: ReadonlyArray<readonly [string, Array<[string, string]>, Array<[string, string]>, number, number]> = [
    [
      "perfect",
      [
        ["a", "1"],
        ["b", "1"],
        ["c", "2"],
      ],
      [
        ["a", "x"],
        ["b", "x"],
        ["c", "y"],
      ],
      1,
      1,
    ],
    [
      "all merged",
      [
        ["a", "1"],
        ["b", "1"],
        ["c", "1"],
        ["d", "1"],
      ],
      [
        ["a", "x"],
        ["b", "x"],
        ["c", "y"],
        ["d", "y"],
      ],
      0.5,
      1,
    ],
    [
      "all split",
      [
        ["a", "1"],
        ["b", "2"],
      ],
      [
        ["a", "x"],
        ["b", "x"],
      ],
      1,
      0.5,
    ],
  ]
  it.each(rows)("%s", (_, predicted, gold, p, r) => {
    const s = Bcubed.score(map(predicted), map(gold))
    expect(s.precision).toBeCloseTo(p)
    expect(s.recall).toBeCloseTo(r)
    expect(s.f1).toBeCloseTo((2 * p * r) / (p + r))
  })
})

describe("Clustering cost bounds", () => {
  const syllables = ["Bra", "Kel", "Dor", "Vin", "Sal", "Mor"]
  /** Invented town names, each its own pair of syllables ("Brakel", "Dorvin", …). */
  const towns = syllables.flatMap((a) => syllables.filter((b) => b !== a).map((b) => `${a}${b.toLowerCase()}`))
  /**
   * One town council's budget: "council" and "budget" in every story, everything else the town's own
   * (invented places around it), so that only the town's terms can say which story a document is in.
   * As in a real article, the town's own words far outnumber the shared ones: with six of them to two,
   * the first few articles of a day (before the IDF knows "council" is everywhere) read as one story.
   */
  const meeting = (town: string, k: number, day: number) =>
    doc(
      `${town}-${k}`,
      k === 0 ? "Valley Courier" : "Ridge Gazette",
      `2031-05-${String(day).padStart(2, "0")}`,
      `${town} and ${town}ford`,
      `${town} council budget. ${town}ford, ${town}ham and ${town}wick; ${town}ley and ${town}ton. ${town}dale, ${town}more, ${town}field, ${town}stead and ${town}bury.`,
    )

  it("finds a document's story through its telling terms when its common words are in many stories", () => {
    expect(towns.length).toBeGreaterThan(20)
    const first = towns.map((t, i) => meeting(t, 0, 1 + (i % 3)))
    const { state } = Clustering.assign(first)
    expect(state.stories).toHaveLength(towns.length)
    // "council" and "budget" are now in every story: only the town's name says which.
    const later = Clustering.assign([meeting(towns[3] ?? "", 1, 4)], {}, state)
    const storyOfTown = state.stories.find((s) => s.documentIds.includes(first[3]?.id ?? ""))?.id
    expect(later.documents[0]?.storyId).toBe(storyOfTown)
  })
})
