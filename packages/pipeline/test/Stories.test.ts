import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Document } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import { Inputs } from "@crosscheck/sources"
import { Effect } from "effect"
import { beforeAll, describe, expect, it } from "vitest"
import { flood, strike } from "../../stories/test/feeds.js"
import * as Ingest from "../src/Ingest.js"
import * as Pipeline from "../src/Pipeline.js"
import * as StoryAlignment from "../src/StoryAlignment.js"

describe("stories in the analysis", () => {
  let seed: Awaited<ReturnType<typeof read>>
  const read = async () => {
    const { documents } = await Effect.runPromise(Inputs.read(["seeds/"]))
    const nlp = Extractor.loadModel()
    return { documents, claims: documents.flatMap((d) => Extractor.extractWith(nlp, d)) }
  }
  beforeAll(async () => {
    seed = await read()
  }, 60_000)

  const textOf = (claims: typeof seed.claims, id: string) => claims.find((c) => c.id === id)?.text ?? ""

  it("gives every document, group and finding of the seed a story", () => {
    const a = Pipeline.analyse(seed.documents, seed.claims)
    const ids = new Set(a.stories.map((s) => s.id as string))
    for (const d of a.documents) expect(ids.has(d.storyId ?? "")).toBe(true)
    for (const g of a.groups) expect(g.storyId === null || ids.has(g.storyId ?? "")).toBe(true)
    expect(a.findings.every((f) => f.storyId !== undefined)).toBe(true)
    // The AP copies (one in Asahi Shimbun, one in Japan Today) tell one story.
    const copies = a.documents.filter((d) => d.syndicationGroup)
    expect(new Set(copies.map((d) => d.storyId)).size).toBe(1)
  })

  it("keeps the disputed speakers across stories by the strict rule, and aligns no figure across them", () => {
    // The Conversation's analysis put in a story of its own, as a clustering might.
    const apart = seed.documents.map((d) => ({
      ...d,
      storyId: d.outlet === "The Conversation" ? "st-analysis" : "st-wire",
    }))
    const a = Pipeline.analyse(apart, seed.claims)
    const disputed = a.findings.find((f) => f.verdict === "disputed")
    expect(disputed?.independentSources).toBe(2)
    expect(disputed?.storyId).toBeNull()
    const texts = (disputed?.claimIds ?? []).map((id) => textOf(seed.claims, id))
    expect(texts.some((t) => t.includes("dismantled its own propaganda speakers"))).toBe(true)
    expect(texts.some((t) => t.includes("removed its own frontline speakers"))).toBe(true)
    expect(disputed?.explanation).toContain(StoryAlignment.CROSS_STORY_RULE)
    // 11,000 troops (analysis) and "thousands of troops" (wire) are in different stories now.
    const docStory = new Map(apart.map((d) => [d.id as string, d.storyId]))
    for (const g of a.groups.filter((g) => g.kind === "numeric"))
      expect(new Set(g.members.map((m) => docStory.get(m.claim.documentId))).size).toBe(1)
  })

  it("counts one outlet under three names as one source, and lists it once", () => {
    const names = ["NYT", "The New York Times", "nytimes.com"]
    const docs = names.map((outlet, i) =>
      Inputs.toDocument(
        `nyt-${i}.md`,
        0,
        { outlet, publishedAt: `2031-05-0${i + 1}` },
        `The Harlan dam project will cost ${i === 2 ? "5" : "4"} billion dollars, the Harlan water authority said on the ${i + 1}th. Engineers at the Harlan dam site began pouring concrete for the spillway this week.`,
      ),
    )
    const nlp = Extractor.loadModel()
    const a = Pipeline.analyse(
      docs,
      docs.flatMap((d) => Extractor.extractWith(nlp, d)),
    )
    expect(a.documents.map((d) => d.canonicalOutlet)).toEqual(names.map(() => "The New York Times"))
    expect(a.stories.map((s) => s.outlets)).toEqual([["The New York Times"]])
    // Two articles of one outlet never make a conflict between themselves.
    expect(a.findings.filter((f) => f.verdict === "contradict" || f.verdict === "disputed")).toEqual([])
    for (const f of a.findings) expect(f.independentSources).toBe(1)
  })
})

describe("stories in the store", () => {
  it("assigns a later batch to the right existing stories, keeping every earlier assignment", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "crosscheck-stories-")), "desk.db")
    const batch = (docs: ReadonlyArray<Document.Document>) =>
      Effect.runPromise(
        Ingest.documents({ documents: docs, errors: [] }, ["test"]).pipe(Effect.provide(Ingest.layer({ db }))),
      )
    const first = await batch([flood[0], flood[1], strike[0]] as Document.Document[])
    const storyOf = (r: typeof first) => new Map(r.report.documents.map((d) => [d.origin.path, d.storyId]))
    const before = storyOf(first)
    expect(before.get("flood-2.txt")).toBe(before.get("flood-1.txt"))
    expect(before.get("strike-1.txt")).not.toBe(before.get("flood-1.txt"))

    const later = await batch([flood[2], strike[1]] as Document.Document[])
    const after = storyOf(later)
    for (const [path, story] of before) expect(after.get(path)).toBe(story)
    expect(after.get("flood-3.txt")).toBe(before.get("flood-1.txt"))
    expect(after.get("strike-2.txt")).toBe(before.get("strike-1.txt"))

    const stored = await Effect.runPromise(Ingest.stories().pipe(Effect.provide(Ingest.storeLayer({ db }))))
    expect(stored.map((s) => s.documentIds.length).sort()).toEqual([2, 3])
    expect(later.report.stories?.map((s) => s.id).sort()).toEqual(stored.map((s) => s.id).sort())
  }, 60_000)
})
