/** Hand-built documents, claims and aligned groups for the verdict and renderer tests. */
import {
  type AlignedGroup,
  Attribution,
  type Claim,
  type Document,
  Ids,
  type Quantity,
  type Report,
} from "@crosscheck/domain"
import { Judgement } from "../src/index.js"

export const doc = (
  name: string,
  text: string,
  fields: Partial<Pick<Document.Document, "outlet" | "syndicationGroup" | "publishedAt" | "title" | "url">> = {},
): Document.Document => ({
  id: Ids.documentId(name),
  outlet: fields.outlet ?? name,
  title: fields.title ?? null,
  publishedAt: fields.publishedAt ?? null,
  url: fields.url ?? null,
  origin: { path: `${name}.md`, index: 0 },
  syndicationGroup: fields.syndicationGroup ?? null,
  text,
})

export const qty = (
  text: string,
  low: number,
  high = low,
  approximate: Quantity.Approximate = "exact",
  more: Partial<Quantity.Quantity> = {},
): Quantity.Quantity => ({
  text,
  span: { start: 0, end: text.length },
  low,
  high,
  approximate,
  unit: null,
  counted: "troop",
  per: null,
  ...more,
})

/** A claim over `passage`, which must occur in the document's text. */
export const claim = (
  d: Document.Document,
  passage: string,
  more: Partial<Omit<Claim.Claim, "attribution">> & { attribution?: Partial<Attribution.Attribution> } = {},
): Claim.Claim => {
  const start = d.text.indexOf(passage)
  if (start < 0) throw new Error(`test setup: "${passage}" is not in ${d.outlet}`)
  const span = { start, end: start + passage.length }
  const { attribution, ...rest } = more
  return {
    id: Ids.claimId(d.id, start, span.end),
    documentId: d.id,
    kind: "statement",
    text: passage,
    span,
    subject: null,
    predicate: null,
    object: null,
    polarity: "positive",
    quantities: [],
    time: null,
    ...rest,
    attribution: { ...Attribution.asserted(), ...attribution },
  }
}

/** A claim attributed to `source`, with `cue`, both found in the document's text. */
export const voice = (
  d: Document.Document,
  source: string,
  cue: string,
  lemma: string,
  stance: Attribution.Stance,
): Partial<Attribution.Attribution> => {
  const at = (s: string) => {
    const start = d.text.indexOf(s)
    return { start, end: start + s.length }
  }
  return {
    source: { text: source, span: at(source) },
    cue: { text: cue, lemma, span: at(cue) },
    mode: "indirect",
    stance,
  }
}

export const numeric = (members: ReadonlyArray<[Claim.Claim, Quantity.Quantity]>): AlignedGroup.AlignedGroup => ({
  kind: "numeric",
  key: `n:${members[0]?.[1].counted ?? "-"}|-|-`,
  members: members.map(([claim, quantity]) => ({ claim, quantity })),
  reasons: ["same counted thing"],
})

export const statement = (
  claims: ReadonlyArray<Claim.Claim>,
  key = "s:remove|speakers",
): AlignedGroup.AlignedGroup => ({
  kind: "statement",
  key,
  members: claims.map((claim) => ({ claim, quantity: null })),
  reasons: ["same predicate", "same object"],
})

export const report = (
  documents: ReadonlyArray<Document.Document>,
  claims: ReadonlyArray<Claim.Claim>,
  findings: Report.Report["findings"],
): Report.Report => ({
  schemaVersion: 5,
  generatedAt: "2025-08-15T12:00:00.000Z",
  asOf: null,
  documents,
  claims,
  findings,
  errors: [],
})

/** Two articles on one troop count, firm ("11,000") and vague ("Thousands of"), judged; the first's text starts with the firm one. */
export const troops = (text: string, fields: Parameters<typeof doc>[2] = {}): Report.Report => {
  const a = doc("a", text, fields)
  const b = doc("b", "Thousands of troops went.", { outlet: "Plain Post" })
  const ca = claim(a, "The ministry said 11,000 troops went.", { kind: "numeric" })
  const cb = claim(b, "Thousands of troops went.", { kind: "numeric" })
  const findings = Judgement.judge(
    [
      numeric([
        [ca, qty("11,000", 11000)],
        [cb, qty("Thousands of", 2000, 9999, "vague")],
      ]),
    ],
    [a, b],
  )
  return report([a, b], [ca, cb], findings)
}

/** A quantity written as `text` in `d`, at its first occurrence (after `after`, when given). */
export const qtyIn = (
  d: Document.Document,
  text: string,
  low: number,
  more: Partial<Quantity.Quantity> = {},
  after = 0,
): Quantity.Quantity => {
  const start = d.text.indexOf(text, after)
  if (start < 0) throw new Error(`test setup: "${text}" is not in ${d.outlet}`)
  return { ...qty(text, low, low, "exact", more), span: { start, end: start + text.length } }
}

/**
 * Two articles whose sentences each give two figures, the firefighters and the hours, and two findings
 * citing the same two claims: a contradiction on the firefighters, an agreement on the hours. Only
 * `Finding.figures` says which figure of a sentence each finding weighs. The second article's sentence
 * has a run of spaces before its figures, which the page shows as one.
 */
export const twoFigures = (): Report.Report => {
  const a = doc("fire-a", "More than 200 firefighters fought the blaze for nine hours.", { outlet: "Hill Gazette" })
  const b = doc("fire-b", "Firefighters,   about 120 of them, fought the blaze for nine hours.", {
    outlet: "Vale Post",
  })
  const hours = { counted: null, unit: "hour" }
  const [a200, aHours] = [
    qtyIn(a, "More than 200", 200, { approximate: "at-least", counted: "firefighter" }),
    qtyIn(a, "nine hours", 9, hours),
  ]
  const [b120, bHours] = [
    qtyIn(b, "about 120", 120, { approximate: "about", counted: "firefighter" }),
    qtyIn(b, "nine hours", 9, hours),
  ]
  const ca = claim(a, a.text, { kind: "numeric", quantities: [a200, aHours] })
  const cb = claim(b, b.text, { kind: "numeric", quantities: [b120, bHours] })
  const findings = Judgement.judge(
    [
      numeric([
        [ca, a200],
        [cb, b120],
      ]),
      numeric([
        [ca, aHours],
        [cb, bHours],
      ]),
    ],
    [a, b],
  )
  return report([a, b], [ca, cb], findings)
}
