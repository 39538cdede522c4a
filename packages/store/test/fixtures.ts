/** Hand-made documents, claims and a stand-in analysis, so store tests need no language model. */
import {
  type AlignedGroup,
  Attribution,
  type Claim,
  type Document,
  type Finding,
  Ids,
  type Story,
} from "@crosscheck/domain"
import type { Store } from "../src/index.js"

export const document = (outlet: string, text: string, path = `${outlet}.md`): Document.Document => ({
  id: Ids.documentId(path, 0, text),
  outlet,
  title: null,
  publishedAt: null,
  url: null,
  origin: { path, index: 0 },
  syndicationGroup: null,
  text,
})

/** One numeric claim over the whole text: "<n> <thing>". */
export const claim = (d: Document.Document, thing: string, value: number): Claim.Claim => ({
  id: Ids.claimId(d.id, 0, d.text.length),
  documentId: d.id,
  kind: "numeric",
  text: d.text,
  span: { start: 0, end: d.text.length },
  attribution: Attribution.asserted(),
  subject: d.outlet,
  predicate: "report",
  object: thing,
  polarity: "positive",
  quantities: [
    {
      text: String(value),
      span: { start: 0, end: d.text.length },
      low: value,
      high: value,
      approximate: "exact",
      unit: null,
      counted: thing,
      per: null,
    },
  ],
  time: null,
})

export const extracted = (outlet: string, thing: string, value: number): Store.Extracted => {
  const d = document(outlet, `${outlet} reports ${value} ${thing}.`)
  return { document: d, claims: [claim(d, thing, value)] }
}

/** Groups claims by counted thing; equal values agree, different values contradict. */
export const analyse: Store.Analyse = (documents, claims) => {
  const byThing = new Map<string, Claim.Claim[]>()
  for (const c of claims) {
    const thing = c.quantities[0]?.counted ?? "-"
    byThing.set(thing, [...(byThing.get(thing) ?? []), c])
  }
  const groups: AlignedGroup.AlignedGroup[] = []
  const findings: Finding.Finding[] = []
  for (const [thing, members] of [...byThing].sort()) {
    if (members.length < 2) continue
    groups.push({
      kind: "numeric",
      key: `n:${thing}`,
      members: members.map((c) => ({ claim: c, quantity: c.quantities[0] ?? null })),
      reasons: [`same thing ${thing}`],
    })
    const values = new Set(members.map((c) => c.quantities[0]?.low))
    const verdict = values.size > 1 ? "contradict" : "agree"
    findings.push({
      id: Ids.findingId(thing, ...members.map((c) => c.id)),
      verdict,
      claimIds: members.map((c) => c.id),
      independentSources: members.length,
      summary: `${verdict}: ${thing}`,
      explanation: `values ${[...values].join(", ")}`,
    })
  }
  return { documents, groups, findings }
}

export const input = (extracted: ReadonlyArray<Store.Extracted>, inputs: ReadonlyArray<string> = ["test"]) => ({
  startedAt: new Date(),
  asOf: null,
  inputs,
  errors: [],
  extracted,
})

/** What a fixture document reports on: the words after its number ("troop alpha"). */
const thingOf = (d: Pick<Document.Document, "text">): string => d.text.match(/\d+ (.*)\.$/)?.[1] ?? "-"

/** The stand-in story state: the documents placed so far, in the order they were placed, and the stories. */
export interface FixtureState {
  readonly placed: ReadonlyArray<string>
  readonly stories: ReadonlyArray<Story.Story>
}

/**
 * The stand-in analysis, batch by batch: a document's story is its thing, found under the key
 * "thing:<thing>"; claims whose things share a first word ("troop alpha", "troop beta") share a claim key.
 * Its story state lists the documents placed and the stories; `onPlace` sees the state each placement starts from, and how many stored documents it was given.
 */
export const incremental = (
  version = "test-1",
  onPlace: (state: unknown, stored: number) => void = () => {},
): Store.Incremental => ({
  version,
  storyKeys: (d) => [`thing:${thingOf(d)}`],
  place: (stored, fresh, state) => {
    onPlace(state, stored.length)
    const saved = (state as FixtureState | null) ?? { placed: [], stories: [] }
    const documents = [...stored, ...fresh].map((d) => ({ ...d, storyId: d.storyId ?? `st-${thingOf(d)}` }))
    const placed = [...saved.placed]
    const stories = new Map(saved.stories.map((st) => [st.id as string, st]))
    for (const d of documents) {
      if (placed.includes(d.id)) continue
      placed.push(d.id)
      const st = stories.get(d.storyId) ?? {
        id: d.storyId as Story.Story["id"],
        label: thingOf(d),
        start: null,
        end: null,
        outlets: [],
        documentIds: [],
      }
      stories.set(d.storyId, {
        ...st,
        outlets: st.outlets.includes(d.outlet) ? st.outlets : [...st.outlets, d.outlet],
        documentIds: [...st.documentIds, d.id],
      })
    }
    return { documents, stories: [...stories.values()], state: { placed, stories: [...stories.values()] } }
  },
  claimKeys: (claims) =>
    claims.flatMap((c) => {
      const words = (c.quantities[0]?.counted ?? "").split(" ")
      return words.length > 1 ? [[c.id as string, `word:${words[0]}`] as const] : []
    }),
  analyse: (documents, claims) => analyse(documents, claims),
  analyseAll: (documents, claims) => {
    const placed = incremental(version).place(
      documents.filter((d) => d.storyId),
      documents.filter((d) => !d.storyId),
      null,
    )
    return { ...analyse(placed.documents, claims), stories: placed.stories, storyState: placed.state }
  },
})
