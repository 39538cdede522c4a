import type { Document } from "@crosscheck/domain"
import { describe, expect, it } from "vitest"
import * as Clustering from "../src/Clustering.js"
import type * as State from "../src/State.js"
import * as StateRows from "../src/StateRows.js"
import { doc, fire, flood, floodFollowUps, shipsOffshore, strike, vote } from "./feeds.js"

/**
 * A store of the whole state's rows that answers a placement's needs as the store's backends do: the
 * counters asked for, the newest READ_POSTINGS stories filed under each key, the records asked for.
 */
const storeOf = (state: State.State) => {
  const whole = StateRows.toRows(state)
  const seq = new Map(whole.counters.map((c, i) => [c[0], i]))
  const position = new Map(whole.stories.map(([id], i) => [id, i]))
  const records = new Map(whole.stories)
  const filed = new Map<string, string[]>()
  for (const [key, id] of whole.postings ?? []) filed.set(key, [...(filed.get(key) ?? []), id])
  const counters = new Map(whole.counters.map((c) => [c[0], c]))
  const newest = (key: string): string[] =>
    [...(filed.get(key) ?? [])]
      .sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0))
      .slice(-Clustering.READ_POSTINGS)
  let reads = 0
  const recordsRead = new Set<string>()
  return {
    stats: () => ({ reads, records: recordsRead.size, stories: whole.stories.length }),
    /** Places `batch` from part of the state, reading what it asks for until it asks for nothing. */
    place: (batch: ReadonlyArray<Document.Document>) => {
      const keys = new Set<string>()
      for (const d of batch) for (const k of StateRows.keysOf(Clustering.termsOf(d))) keys.add(k)
      const gathered = { counters: new Set(keys), read: new Set<string>(), stories: new Map<string, unknown>() }
      for (;;) {
        const rows: StateRows.Rows = {
          counters: [...gathered.counters]
            .flatMap((k) => (counters.has(k) ? [counters.get(k) as StateRows.Counter] : []))
            .sort((a, b) => (seq.get(a[0]) ?? 0) - (seq.get(b[0]) ?? 0)),
          stories: [...gathered.stories].sort((a, b) => (position.get(a[0]) ?? 0) - (position.get(b[0]) ?? 0)),
          postings: [...gathered.read].flatMap((key) => newest(key).map((id) => [key, id] as const)),
          read: [...gathered.read],
        }
        const { state: saved, part } = StateRows.fromPart(rows)
        const placed = Clustering.assign(batch, {}, saved, part)
        if (!placed.needs) return { placed, change: StateRows.change(saved, placed.state) }
        reads++
        const needs = StateRows.needsOf(saved, placed.needs)
        for (const k of needs.counters) gathered.counters.add(k)
        for (const id of needs.stories) {
          gathered.stories.set(id, records.get(id) ?? null)
          recordsRead.add(id)
        }
        for (const key of needs.keys) {
          gathered.read.add(key)
          for (const id of newest(key)) if (!gathered.stories.has(id)) gathered.stories.set(id, null)
        }
      }
    },
  }
}

/** A change's rows in one order, to compare two changes whatever order their rows came in. */
const sorted = (rows: StateRows.Rows) => ({
  counters: [...rows.counters].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
  stories: [...rows.stories].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
  postings: [...(rows.postings ?? [])].map(([k, id]) => `${k} ${id}`).sort(),
})

const SYLLABLES = ["bra", "ven", "tor", "mil", "qua", "sep", "dor", "lin", "fau", "rek", "zo", "tam"]
/** An invented name for n, different for every n below 144. */
const name = (n: number, cap = true): string => {
  const word = `${SYLLABLES[n % 12]}${SYLLABLES[Math.floor(n / 12) % 12]}`
  return cap ? `${word.charAt(0).toUpperCase()}${word.slice(1)}` : word
}

/**
 * Many small events sharing their common words (a council, a budget, a vote), each with names of its
 * own, a year apart: the common words are filed under more stories than a document probes, the names under one.
 */
const councils = (from: number, to: number, day: number, outlet: string): Document.Document[] =>
  Array.from({ length: to - from }, (_, k) => {
    const n = from + k
    return doc(
      `council-${n}-${outlet}`,
      outlet,
      // A year apart: each its own event in time too.
      `${2030 + n}-03-0${day}`,
      `${name(n)}ville council backs ${name(n + 1)} harbour budget`,
      `The council of ${name(n)}ville voted on Tuesday to back the harbour budget drawn up by mayor ${name(n + 1)} ${name(n + 2)}. ` +
        `Councillors said the ${name(n + 3)} quay would be rebuilt before winter, and the budget vote passed after a long meeting. ` +
        `Residents of ${name(n)}ville asked the council to publish the ${name(n + 3)} quay costs.`,
    )
  })

describe("Clustering from part of a state", () => {
  const base = Clustering.assign([...flood, ...vote, ...councils(0, 60, 1, "Harbour Gazette")])

  it.each([
    ["follow-ups of stored stories", floodFollowUps],
    ["new events beside stored ones", [...strike, ...fire]],
    ["events sharing every common word with many stored ones", councils(0, 12, 1, "Quay Times")],
    ["new events among many alike", councils(60, 72, 2, "Quay Times")],
  ])("places %s as from the whole state, reading part of it", (_, batch) => {
    const whole = Clustering.assign(batch, {}, base.state)
    const store = storeOf(base.state)
    const { placed, change } = store.place(batch)
    expect(placed.documents.map((d) => d.storyId)).toEqual(whole.documents.map((d) => d.storyId))
    expect(sorted(change)).toEqual(sorted(StateRows.change(base.state, whole.state)))
    const touched = new Set(whole.documents.map((d) => d.storyId))
    const labels = (stories: ReadonlyArray<{ id: string; label: string }>) =>
      stories.filter((s) => touched.has(s.id)).map((s) => [s.id, s.label])
    expect(labels(placed.stories)).toEqual(labels(whole.stories))
    // It read the records of some stories, not all of them.
    expect(store.stats().records).toBeLessThan(store.stats().stories)
  })

  it("settles a batch as from the whole state: a document placed before its own story formed moves into it", () => {
    // Stored stories that share few words with the strike (among many, the IDF lets it join the early piece online).
    const stored = Clustering.assign([...flood, ...vote]).state
    const batch = [shipsOffshore, ...strike.map((d) => ({ ...d, publishedAt: null }))]
    const whole = Clustering.assign(batch, {}, stored)
    const online = Clustering.assign(batch, { settleRounds: 0 }, stored)
    const storyOf = (r: typeof whole, d: Document.Document) => r.documents.find((x) => x.id === d.id)?.storyId
    expect(storyOf(online, shipsOffshore)).not.toBe(storyOf(online, strike[0] as Document.Document))
    expect(storyOf(whole, shipsOffshore)).toBe(storyOf(whole, strike[0] as Document.Document))
    const store = storeOf(stored)
    const { placed, change } = store.place(batch)
    expect(placed.documents.map((d) => d.storyId)).toEqual(whole.documents.map((d) => d.storyId))
    expect(sorted(change)).toEqual(sorted(StateRows.change(stored, whole.state)))
    expect(store.stats().reads).toBeGreaterThan(0)
  })

  it("asks for a key's stories only once, and for nothing more once it has what it probes", () => {
    const store = storeOf(base.state)
    store.place(councils(0, 3, 1, "Quay Times"))
    // Each reading adds what the placement before it lacked; a few readings suffice for three documents.
    expect(store.stats().reads).toBeGreaterThan(0)
    expect(store.stats().reads).toBeLessThan(8)
  })

  it("needs nothing read when placed from the whole state", () => {
    const placed = Clustering.assign(strike, {}, base.state)
    expect(placed.needs).toBeUndefined()
  })
})
