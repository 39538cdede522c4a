/** Hand-built documents and claims for matcher tests: sentences in, claims with exact spans out. */
import { Attribution, type Claim, type Document, Ids, Quantity } from "@crosscheck/domain"

export interface QuantitySpec {
  readonly text: string
  readonly low: number
  readonly high?: number
  readonly approximate?: Quantity.Approximate
  readonly unit?: string | null
  readonly counted?: string | null
  readonly per?: string | null
  /** The value before a change "from A to B". */
  readonly from?: number
  /** The figure before it restated in brackets in another unit. */
  readonly restates?: true
  /** What it measures; left out, the quantity has no measure (as claims stored before 0.2). */
  readonly measure?: Partial<Quantity.Measure>
}

export interface ClaimSpec {
  readonly sentence: string
  readonly subject?: string | null
  readonly predicate?: string | null
  readonly object?: string | null
  readonly polarity?: Claim.Polarity
  readonly quantities?: ReadonlyArray<QuantitySpec>
  readonly time?: Claim.TimeScope | null
  readonly attribution?: Attribution.Attribution
}

/** A document of the given sentences and one claim per sentence spec. */
export const story = (
  outlet: string,
  sentences: ReadonlyArray<string>,
  specs: ReadonlyArray<ClaimSpec>,
): { document: Document.Document; claims: ReadonlyArray<Claim.Claim> } => {
  const text = sentences.join(" ")
  const id = Ids.documentId(outlet, text)
  const document: Document.Document = {
    id,
    outlet,
    title: null,
    publishedAt: null,
    url: null,
    origin: { path: `${outlet}.md`, index: 0 },
    syndicationGroup: null,
    text,
  }
  const claims = specs.map((s): Claim.Claim => {
    const start = text.indexOf(s.sentence)
    if (start < 0) throw new Error(`test: "${s.sentence}" is not in ${outlet}`)
    const quantities = (s.quantities ?? []).map((q): Quantity.Quantity => {
      const at = text.indexOf(q.text, start)
      return {
        text: q.text,
        span: { start: at, end: at + q.text.length },
        low: q.low,
        high: q.high ?? q.low,
        approximate: q.approximate ?? "exact",
        unit: q.unit ?? null,
        counted: q.counted ?? null,
        per: q.per ?? null,
        ...(q.from === undefined ? {} : { from: q.from }),
        ...(q.restates ? { restates: true } : {}),
        ...(q.measure ? { measure: { ...Quantity.UNKNOWN_MEASURE, ...q.measure } } : {}),
      }
    })
    return {
      id: Ids.claimId(id, start),
      documentId: id,
      kind: quantities.length > 0 ? "numeric" : "statement",
      text: s.sentence,
      span: { start, end: start + s.sentence.length },
      attribution: s.attribution ?? Attribution.asserted(),
      subject: s.subject ?? null,
      predicate: s.predicate ?? null,
      object: s.object ?? null,
      polarity: s.polarity ?? "positive",
      quantities,
      time: s.time ?? null,
    }
  })
  return { document, claims }
}

/** One document holding one sentence and its claim. */
export const one = (outlet: string, spec: ClaimSpec) => {
  const s = story(outlet, [spec.sentence], [spec])
  const claim = s.claims[0]
  if (!claim) throw new Error("test: no claim")
  return { document: s.document, claim }
}

/** The attribution of a sentence whose `content` is reported (asserted, or denied) by an unnamed party. */
export const reported = (
  sentence: string,
  content: string,
  stance: Attribution.Attribution["stance"],
): Attribution.Attribution => ({
  source: null,
  cue: null,
  content: {
    text: content,
    span: { start: sentence.indexOf(content), end: sentence.indexOf(content) + content.length },
  },
  mode: "indirect",
  stance,
  hedged: false,
})
