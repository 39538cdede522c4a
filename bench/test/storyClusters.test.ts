/**
 * The story evaluation's own arithmetic: the plain TF-IDF baseline it compares against, and the
 * precision it estimates from bodies known to be in other rumours, on made-up documents.
 */
import type { Document } from "@crosscheck/domain"
import { Bcubed } from "@crosscheck/stories"
import { describe, expect, it } from "vitest"
import * as Baseline from "../eval/storyBaseline.js"
import { estimatedPrecision, type Fnc1Labelled, reIdentified, spread } from "../eval/storyClusters.js"

const doc = (id: string, text: string) => ({ id, title: null, text }) as unknown as Document.Document

describe("Baseline.cluster", () => {
  const docs = [
    doc("a1", "The ferry Solvang ran aground near Hollin Point; the ferry crew were rescued by the coastguard."),
    doc("b1", "Brewers in Tarrow voted to raise the price of malt; the brewers union met on Friday."),
    doc("a2", "Coastguard boats rescued the ferry crew after the Solvang ran aground off Hollin Point."),
    doc("b2", "The Tarrow brewers union agreed the malt price rise at Friday's vote."),
  ]

  it("puts documents on one event together and the rest apart at a middle threshold", () => {
    const out = Baseline.cluster(docs, 0.2)
    expect(out.get("a1")).toBe(out.get("a2"))
    expect(out.get("b1")).toBe(out.get("b2"))
    expect(out.get("a1")).not.toBe(out.get("b1"))
  })

  it("merges everything at threshold 0 and nothing above 1", () => {
    expect(new Set(Baseline.cluster(docs, 0).values()).size).toBe(1)
    expect(new Set(Baseline.cluster(docs, 1.01).values()).size).toBe(4)
  })
})

describe("estimatedPrecision", () => {
  // Ten documents in components x (4), y (3), z (3); each has the other components' documents as draws.
  const ids = ["x1", "x2", "x3", "x4", "y1", "y2", "y3", "z1", "z2", "z3"]
  const gold = new Map(ids.map((id) => [id, id.charAt(0)]))
  const set: Fnc1Labelled = {
    documents: ids.map((id) => doc(id, "")),
    gold,
    outside: new Map(ids.map((id) => [id, ids.filter((o) => gold.get(o) !== gold.get(id))])),
  }

  it("is 1 when every story holds one component", () => {
    expect(estimatedPrecision(gold, set)).toEqual({ precision: 1, hits: 0, draws: 66 })
  })

  it("counts the drawn documents of other rumours that landed in a story", () => {
    // x and y merged: each x draws 3 y's (of 6 outside), each y draws 4 x's (of 7 outside).
    const merged = new Map(ids.map((id) => [id, id.startsWith("z") ? "s2" : "s1"]))
    const e = estimatedPrecision(merged, set)
    expect(e.hits).toBe(4 * 3 + 3 * 4)
    // Each document draws every document outside its rumour, so the estimate is the exact B-cubed
    // precision: x's 4/7 and y's 3/7 in the merged story, z's 1.
    expect(e.precision).toBeCloseTo((4 * (4 / 7) + 3 * (3 / 7) + 3) / 10, 6)
  })

  it("does not count two components of one rumour put together against the story", () => {
    // x and w are one rumour split into two components: no unrelated pairing ever draws one for the other.
    const rumour = (id: string) => (id.startsWith("z") ? "z" : "x")
    const split = new Map(ids.map((id) => [id, id.startsWith("y") ? `w${id.slice(1)}` : id]))
    const splitGold = new Map([...split.values()].map((id) => [id, id.charAt(0)]))
    const splitSet: Fnc1Labelled = {
      documents: [...split.values()].map((id) => doc(id, "")),
      gold: splitGold,
      outside: new Map(
        [...split.values()].map((id) => [id, [...split.values()].filter((o) => rumour(o) !== rumour(id))]),
      ),
    }
    const stories = new Map([...split.values()].map((id) => [id, rumour(id)]))
    expect(estimatedPrecision(stories, splitSet).precision).toBe(1)
    // Against the components the same stories measure (4·4/7 + 3·3/7 + 3) / 10.
    expect(Bcubed.score(stories, splitGold).precision).toBeCloseTo((25 / 7 + 3) / 10, 6)
  })
})

describe("reIdentified", () => {
  const ids = ["x1", "x2", "y1"]
  const set: Fnc1Labelled = {
    documents: ids.map((id) => doc(id, "")),
    gold: new Map(ids.map((id) => [id, id.charAt(0)])),
    outside: new Map([
      ["x1", ["y1"]],
      ["y1", ["x1", "x2"]],
    ]),
  }

  it("gives every document a new id, and its gold and draws follow it", () => {
    const again = reIdentified(set, 3)
    const to = new Map(set.documents.map((d, i) => [d.id as string, again.documents[i]?.id as string]))
    expect(new Set(to.values()).size).toBe(3)
    for (const [old, now] of to) {
      expect(now).not.toBe(old)
      expect(again.gold.get(now)).toBe(set.gold.get(old))
    }
    expect(again.outside.get(to.get("y1") ?? "")).toEqual([to.get("x1"), to.get("x2")])
    expect(reIdentified(set, 3).documents.map((d) => d.id)).toEqual(again.documents.map((d) => d.id))
    expect(reIdentified(set, 4).documents.map((d) => d.id)).not.toEqual(again.documents.map((d) => d.id))
  })

  it("gives a set without draws none", () => {
    const { outside: _, ...plain } = set
    expect(reIdentified(plain, 1).outside.size).toBe(0)
  })
})

describe("spread", () => {
  it("prints mean, least and greatest", () => {
    expect(spread([0.9, 0.95, 1])).toBe("mean 0.950 min 0.900 max 1.000")
  })
})
