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

/** Six reports on three things; the two troop things share a claim key (with `incremental`), the shells stand apart. */
export const threeStories: ReadonlyArray<Store.Extracted> = [
  extracted("Alpha", "troop alpha", 100),
  extracted("Beta", "troop alpha", 100),
  extracted("Gamma", "troop beta", 7),
  extracted("Delta", "troop beta", 8),
  extracted("Alpha", "shell", 40),
  extracted("Beta", "shell", 41),
]

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

/**
 * `analyse` as the judgement stage gives findings: each names the rule that decided it, and a
 * contradiction carries its figure's timeline (one time written in the text, one not) and its sides
 * (each claim a position of its own).
 */
export const ruled =
  (rule: string): Store.Analyse =>
  (documents, claims) => {
    const analysis = analyse(documents, claims)
    const byId = new Map(claims.map((c) => [c.id as string, c]))
    const timelineOf = (f: Finding.Finding): ReadonlyArray<Finding.TimelineEntry> =>
      f.claimIds.flatMap((id, i) => {
        const c = byId.get(id)
        const q = c?.quantities[0]
        if (!c || !q) return []
        const written = i === 0 ? { written: "weeks later" } : {}
        return [
          {
            claimId: c.id,
            documentId: c.documentId,
            outlet: c.subject ?? "",
            value: q.text,
            low: q.low ?? 0,
            high: q.high ?? 0,
            time: i === 0 ? "2025-03-01" : null,
            defaulted: i !== 0,
            ...written,
          },
        ]
      })
    return {
      ...analysis,
      findings: analysis.findings.map((f) => ({
        ...f,
        rule,
        ...(f.verdict === "contradict" ? { timeline: timelineOf(f), sides: f.claimIds.map((id) => [id]) } : {}),
      })),
    }
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
 * The stand-in state's rows: a counter per document placed ("placed:<id>"), a record per story (the
 * story), each story filed under its thing ("thing:<thing>"). Stories read by id only are left out.
 */
export const fixtureState = (rows: Store.StateRows | null): FixtureState => ({
  placed: (rows?.counters ?? []).map(([key]) => key.slice("placed:".length)),
  stories: (rows?.stories ?? []).flatMap(([, record]) => (record === null ? [] : [record as Story.Story])),
})

const thingKey = (d: Pick<Document.Document, "text">): string => `thing:${thingOf(d)}`

/**
 * The stand-in analysis, batch by batch: a document's story is its thing, found under the key
 * "thing:<thing>"; claims whose things share a first word ("troop alpha", "troop beta") share a claim key.
 * `onPlace` sees the state each placement starts from, and how many stored documents it was given.
 */
export const incremental = (
  version = "test-1",
  onPlace: (state: FixtureState, stored: number) => void = () => {},
  judge: Store.Analyse = analyse,
): Store.Incremental => ({
  version,
  storyKeys: (d) => [thingKey(d)],
  stateKeys: (d) => [`placed:${d.id}`],
  postingsPerKey: 4,
  place: (stored, fresh, state) => {
    // From part of the state: the stories filed under the new documents' things are read first, whole.
    if (state?.read) {
      const read = new Set(state.read)
      const keys = [...new Set(fresh.map(thingKey))].filter((k) => !read.has(k))
      const stories = state.stories.flatMap(([id, record]) => (record === null ? [id] : []))
      if (keys.length + stories.length > 0) return { needs: { keys, stories, counters: [] } }
    }
    const saved = fixtureState(state)
    onPlace(saved, stored.length)
    const documents = [...stored, ...fresh].map((d) => ({ ...d, storyId: d.storyId ?? `st-${thingOf(d)}` }))
    const placed = new Set(saved.placed)
    const stories = new Map(saved.stories.map((st) => [st.id as string, st]))
    const counters: Array<readonly [string, number, string | null]> = []
    const changed = new Set<string>()
    const postings: Array<readonly [string, string]> = []
    for (const d of documents) {
      if (placed.has(d.id)) continue
      placed.add(d.id)
      counters.push([`placed:${d.id}`, 1, null])
      changed.add(d.storyId)
      if (!stories.has(d.storyId)) postings.push([thingKey(d), d.storyId])
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
    return {
      documents,
      stories: [...stories.values()],
      state: { counters, stories: [...stories].filter(([id]) => changed.has(id)), postings },
    }
  },
  claimKeys: (claims) =>
    claims.flatMap((c) => {
      const words = (c.quantities[0]?.counted ?? "").split(" ")
      return words.length > 1 ? [[c.id as string, `word:${words[0]}`] as const] : []
    }),
  analyse: (documents, claims) => judge(documents, claims),
  analyseAll: (documents, claims) => {
    const placed = incremental(version).place(
      documents.filter((d) => d.storyId),
      documents.filter((d) => !d.storyId),
      null,
    )
    if ("needs" in placed) throw new Error("a placement from no state needs nothing read")
    return {
      ...judge(placed.documents, claims),
      stories: placed.stories,
      storyState: placed.state ?? { counters: [], stories: [] },
    }
  },
})
