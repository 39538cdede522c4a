import type { Document } from "@crosscheck/domain"
import { describe, expect, it } from "vitest"
import * as Clustering from "../src/Clustering.js"
import * as State from "../src/State.js"
import * as StateRows from "../src/StateRows.js"
import { flood, strike, vote } from "./feeds.js"

/** What a store does with rows: written as JSON text and read back. */
const stored = (rows: StateRows.Rows): StateRows.Rows => JSON.parse(JSON.stringify(rows))

const assign = (documents: ReadonlyArray<Document.Document>, state: State.State = State.empty) =>
  Clustering.assign(documents, {}, state)

describe("StoryStateRows: the story state row by row", () => {
  const first = assign([...flood, ...vote])

  it("reads back as the state it was written from", () => {
    expect(StateRows.fromRows(stored(StateRows.toRows(first.state)))).toEqual(first.state)
  })

  it("a batch's change holds only the stories that took a document, and added to the stored rows gives the state after it", () => {
    const next = assign(strike, StateRows.fromRows(stored(StateRows.toRows(first.state))))
    const change = StateRows.change(first.state, next.state)
    const touched = new Set(next.documents.map((d) => d.storyId))
    expect(change.stories.map(([id]) => id).sort()).toEqual([...touched].sort())
    expect(change.stories.length).toBeLessThan(next.state.stories.length)
    // Documents seen: counted as what the batch adds, not as the total.
    expect(change.counters.find(([key]) => key === "#seen")?.[1]).toBe(strike.length)
    const rows = StateRows.apply(stored(StateRows.toRows(first.state)), stored(change))
    expect(StateRows.fromRows(rows)).toEqual(next.state)
  })

  it("two batches placed from the same state on different stories both count when both changes are added", () => {
    const base = assign(flood)
    const a = assign(vote, base.state)
    const b = assign(strike, base.state)
    const both = StateRows.apply(
      StateRows.apply(StateRows.toRows(base.state), StateRows.change(base.state, a.state)),
      StateRows.change(base.state, b.state),
    )
    const merged = StateRows.fromRows(both)
    expect(merged.seen).toBe(flood.length + vote.length + strike.length)
    expect(merged.stories.map((s) => s.documentIds.length).reduce((x, y) => x + y, 0)).toBe(merged.seen)
    // Each term's document frequency is the sum of both batches' counts over the base.
    const df = (s: State.State) => new Map(s.terms.map((t) => [`${t[0]} ${t[1]}`, t[2]]))
    const [dBase, dA, dB, dMerged] = [df(base.state), df(a.state), df(b.state), df(merged)]
    for (const [term, n] of dMerged) expect(n).toBe((dA.get(term) ?? 0) + (dB.get(term) ?? 0) - (dBase.get(term) ?? 0))
  })

  it("a story referring to a term missing from the counters is refused", () => {
    const rows = StateRows.toRows(first.state)
    const broken = { ...rows, counters: rows.counters.slice(0, 2) }
    expect(() => StateRows.fromRows(broken)).toThrow(/refers to term -1/)
  })
})
