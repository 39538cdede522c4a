import type { Document } from "@crosscheck/domain"
import { Either } from "effect"
import { describe, expect, it } from "vitest"
import * as Clustering from "../src/Clustering.js"
import * as State from "../src/State.js"
import { doc, fire, flood, floodFollowUps, strike, vote } from "./feeds.js"

const feed: ReadonlyArray<Document.Document> = [...flood, ...vote, ...strike]

/** Each document's story, as the path of the first document of that story (ids of stories may differ). */
const partition = (documents: ReadonlyArray<Document.Document>): Record<string, string> => {
  const first = new Map<string, string>()
  const out: Record<string, string> = {}
  for (const d of Clustering.canonicalOrder(documents)) {
    const story = d.storyId ?? ""
    if (!first.has(story)) first.set(story, d.origin.path)
    out[d.origin.path] = first.get(story) ?? ""
  }
  return out
}

/** What a store does between runs: write the state as JSON text, read it back, check its shape. */
const saved = (state: State.State): State.State => State.decode(JSON.parse(JSON.stringify(state)))

/** The feed in batches, each placed from the state the one before left. */
const inBatches = (batches: ReadonlyArray<ReadonlyArray<Document.Document>>): Document.Document[] => {
  let state = State.empty
  const out: Document.Document[] = []
  for (const batch of batches) {
    const result = Clustering.assign(batch, {}, saved(state))
    out.push(...result.documents)
    state = result.state
  }
  return out
}

describe("StoryState: placing later batches from a saved state", () => {
  const whole = Clustering.assign(feed)

  it("gives the stories of the whole feed, split by day", () => {
    const days = new Map<string, Document.Document[]>()
    for (const d of Clustering.canonicalOrder(feed))
      days.set(d.publishedAt ?? "", [...(days.get(d.publishedAt ?? "") ?? []), d])
    expect(days.size).toBe(5)
    expect(partition(inBatches([...days.values()]))).toEqual(partition(whole.documents))
  })

  it("gives the stories of the whole feed, one document at a time, with the same story ids", () => {
    const one = inBatches(Clustering.canonicalOrder(feed).map((d) => [d]))
    const idOf = new Map(whole.documents.map((d) => [d.id, d.storyId]))
    for (const d of one) expect(d.storyId).toBe(idOf.get(d.id))
  })

  it("ends in the same state as the whole feed", () => {
    const first = Clustering.assign([...flood, ...vote])
    const second = Clustering.assign(strike, {}, saved(first.state))
    expect(second.state).toEqual(whole.state)
  })

  it("keeps a stored document's story without reading it again", () => {
    const first = Clustering.assign(flood)
    const rewritten = { ...(flood[0] as Document.Document), text: "Dock workers at Port Calloway walked off the job." }
    const again = Clustering.assign([rewritten, ...strike], {}, saved(first.state))
    expect(again.documents[0]?.storyId).toBe(first.documents[0]?.storyId)
    // Counted once: the state's document frequencies did not take the rewritten text in.
    expect(again.state.seen).toBe(first.state.seen + strike.length)
  })

  it("lists the stories already kept with the new ones, labels and outlets included", () => {
    const first = Clustering.assign(flood)
    const later = Clustering.assign(vote, {}, saved(first.state))
    expect(later.stories.map((s) => s.documentIds.length)).toEqual([3, 2])
    expect(later.stories[0]).toEqual(first.stories[0])
    expect(later.stories).toEqual(Clustering.assign([...flood, ...vote]).stories)
  })

  it("holds term statistics and centroids, not the articles' sentences", () => {
    const text = JSON.stringify(whole.state)
    expect(text).toContain("Quarry Road")
    expect(text).not.toContain("flooding homes along Quarry Road")
    expect(whole.state.seen).toBe(feed.length)
    expect(whole.state.stories.flatMap((s) => s.documentIds).sort()).toEqual(feed.map((d) => d.id).sort())
  })

  it("refuses a malformed state", () => {
    const rows: ReadonlyArray<readonly [string, unknown]> = [
      ["not an object", "stories"],
      ["another version", { ...State.empty, version: 2 }],
      ["a term of an unknown representation", { ...State.empty, terms: [["lede", "flood", 1]] }],
      ["a story without its centroid", { ...State.empty, stories: [{ id: "st-1", start: null, end: null }] }],
      ["a negative count of documents", { ...State.empty, seen: -1 }],
      ["a term without its count", { ...State.empty, terms: [["body", "flood", "Flood"]] }],
      [
        "a centroid whose weights are not numbers",
        {
          ...whole.state,
          stories: whole.state.stories.map((s) => ({
            ...s,
            centroid: { ...s.centroid, title: { ids: [0], weights: ["1"] } },
          })),
        },
      ],
      [
        "a centroid with more terms than weights",
        {
          ...whole.state,
          stories: whole.state.stories.map((s) => ({
            ...s,
            centroid: { ...s.centroid, title: { ids: [0, 1], weights: [1] } },
          })),
        },
      ],
      ["a centroid naming a term not in the table", { ...whole.state, terms: whole.state.terms.slice(0, 3) }],
      [
        "a document in two stories",
        {
          ...whole.state,
          stories: whole.state.stories.map((s, i) =>
            i === 1 ? { ...s, documentIds: [...s.documentIds, whole.state.stories[0]?.documentIds[0]] } : s,
          ),
        },
      ],
    ]
    for (const [what, value] of rows) expect(Either.isLeft(State.decodeEither(value)), what).toBe(true)
    expect(State.decode(JSON.parse(JSON.stringify(whole.state)))).toEqual(whole.state)
  })

  it("reads a state saved before stories kept their days as their first and last day", () => {
    const first = Clustering.assign(flood)
    const old = { ...first.state, stories: first.state.stories.map(({ days: _, ...s }) => s) }
    const restored = Clustering.assign([], {}, saved(old))
    expect(restored.state.stories[0]?.days).toEqual(
      first.state.stories[0]?.days?.filter((_, i, xs) => i === 0 || i === xs.length - 1),
    )
    expect(Clustering.assign(strike, {}, saved(old)).stories).toHaveLength(2)
  })

  it("places follow-ups arriving in later batches in the stored story, and a new event beside it", () => {
    const [inquiry, month] = floodFollowUps as [Document.Document, Document.Document]
    const batches = [flood, [...fire, inquiry], [month]]
    const placed = partition(inBatches(batches))
    expect(placed).toEqual(partition(Clustering.assign(batches.flat()).documents))
    expect(placed["flood-month.txt"]).toBe("flood-1.txt")
    expect(placed["fire-2.txt"]).toBe("fire-1.txt")
  })

  it("places a late article dated before the story's first in that story", () => {
    const first = Clustering.assign([flood[1], flood[2]] as Document.Document[])
    const later = Clustering.assign([flood[0] as Document.Document], {}, saved(first.state))
    expect(later.documents[0]?.storyId).toBe(first.documents[0]?.storyId)
    expect(later.stories[0]?.start).toBe("2031-04-02")
    expect(later.state.stories[0]?.days).toHaveLength(3)
  })

  it("starts a new story for an unrelated later article", () => {
    const first = Clustering.assign(flood)
    const other = doc(
      "orchard",
      "Ridge Gazette",
      "2031-04-05",
      "Frost threatens Keswater orchards",
      "Growers in the Keswater hills lit braziers overnight as frost settled on the apple blossom.",
    )
    const later = Clustering.assign([other], {}, saved(first.state))
    expect(later.stories).toHaveLength(2)
    expect(later.documents[0]?.storyId).not.toBe(first.documents[0]?.storyId)
  })
})
