import type { Document } from "@crosscheck/domain"
import { describe, expect, it } from "vitest"
import * as Clustering from "../src/Clustering.js"
import * as State from "../src/State.js"
import * as StateRows from "../src/StateRows.js"
import { shipsOffshore, strike, vote } from "./feeds.js"

/** The strike without dates: only words tell where the early piece belongs. */
const strikeUndated = strike.map((d) => ({ ...d, publishedAt: null }))
const voteUndated = vote.map((d) => ({ ...d, publishedAt: null }))

/** A state as a store keeps it: written as JSON text and read back. */
const saved = (state: State.State): State.State => State.decode(JSON.parse(JSON.stringify(state)))

const storyOf = (documents: ReadonlyArray<Document.Document>, d: Document.Document) =>
  documents.find((x) => x.id === d.id)?.storyId

describe("Clustering: the settling pass after a batch", () => {
  const feed = [...voteUndated, shipsOffshore, ...strikeUndated]

  it("the early piece comes before the strike articles in the order a batch is placed", () => {
    const order = Clustering.canonicalOrder([...strikeUndated, shipsOffshore]).map((d) => d.id)
    expect(order[0]).toBe(shipsOffshore.id)
  })

  it("online, a document placed before its own story formed stays alone; settling moves it into that story", () => {
    const online = Clustering.assign(feed, { settleRounds: 0 }).documents
    const [s1, s2] = strikeUndated.map((d) => storyOf(online, d))
    expect(s1).toBe(s2)
    expect(storyOf(online, shipsOffshore)).not.toBe(s1)

    const settled = Clustering.assign(feed)
    expect(storyOf(settled.documents, shipsOffshore)).toBe(
      storyOf(settled.documents, strikeUndated[0] as Document.Document),
    )
    // The story it started online is gone, not left empty; the vote is untouched.
    expect(settled.stories).toHaveLength(2)
    expect(settled.state.stories.every((s) => s.documentIds.length > 0)).toBe(true)
    const [v1, v2] = voteUndated.map((d) => storyOf(settled.documents, d))
    expect(v1).toBe(v2)
  })

  it("documents of an earlier batch never move: the early piece keeps the story the first batch gave it", () => {
    const first = Clustering.assign([...voteUndated, shipsOffshore])
    const alone = storyOf(first.documents, shipsOffshore)
    const later = Clustering.assign(strikeUndated, {}, saved(first.state))
    const record = (s: State.State) => s.stories.find((r) => r.id === alone)
    expect(record(later.state)).toEqual(record(first.state))
    expect(later.documents.map((d) => d.storyId)).not.toContain(alone)
    // Given with the batch's documents, as a store passes its stored ones, it still does not move.
    const again = Clustering.assign([shipsOffshore, ...strikeUndated], {}, saved(first.state))
    expect(storyOf(again.documents, shipsOffshore)).toBe(alone)
  })

  it("a document restored to the story an earlier run gave it (no state kept) never moves either", () => {
    const first = Clustering.assign([...voteUndated, shipsOffshore])
    const alone = storyOf(first.documents, shipsOffshore)
    const later = Clustering.assign([...first.documents, ...strikeUndated])
    expect(storyOf(later.documents, shipsOffshore)).toBe(alone)
    const [s1, s2] = strikeUndated.map((d) => storyOf(later.documents, d))
    expect(s1).toBe(s2)
    expect(s1).not.toBe(alone)
  })

  it("a second settle without new documents moves nothing", () => {
    const c = Clustering.make()
    for (const d of Clustering.canonicalOrder(feed)) c.add(d)
    c.settle()
    const once = c.state()
    c.settle()
    expect(c.state()).toEqual(once)
  })

  it("a state saved after a move goes on exactly as the clusterer that made it", () => {
    const followUp = {
      ...(strike[1] as Document.Document),
      id: "d-strike-later" as Document.Document["id"],
      text: "Dock workers at Port Calloway stayed out for a third day. Union leader Mara Velt said container ships would keep waiting offshore until the pay offer improved.",
      publishedAt: null,
    }
    const c = Clustering.make()
    for (const d of Clustering.canonicalOrder(feed)) c.add(d)
    c.settle()
    c.add(followUp)
    c.settle()
    const first = Clustering.assign(feed)
    const next = Clustering.assign([followUp], {}, saved(first.state))
    expect(next.state).toEqual(c.state())
    expect(next.documents[0]?.storyId).toBe(c.storyOf(followUp.id))
  })

  it("the store's change after a move holds the story that took the document and none that lost it in the same batch", () => {
    const first = Clustering.assign(voteUndated)
    const next = Clustering.assign([shipsOffshore, ...strikeUndated], {}, saved(first.state))
    const change = StateRows.change(first.state, next.state)
    expect(change.stories.map(([id]) => id)).toEqual(next.state.stories.slice(1).map((s) => s.id))
    const rows = StateRows.apply(StateRows.toRows(first.state), change)
    expect(StateRows.fromRows(rows)).toEqual(next.state)
  })
})

describe("StateRows.change", () => {
  it("writes a story whose documents changed while their number did not (one moved out, another in)", () => {
    const { state } = Clustering.assign(voteUndated)
    const story = state.stories[0] as State.StoryRecord
    const swapped = { ...state, stories: [{ ...story, documentIds: [story.documentIds[0] ?? "", "d-other"] }] }
    expect(StateRows.change(state, swapped).stories.map(([id]) => id)).toEqual([story.id])
  })
})
