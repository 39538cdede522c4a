/** Hand-made documents, claims and a stand-in analysis, so store tests need no language model. */
import { type AlignedGroup, Attribution, type Claim, type Document, type Finding, Ids } from "@crosscheck/domain"
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
