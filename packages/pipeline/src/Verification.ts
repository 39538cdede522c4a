/**
 * Judging one claim against sources (CONTRACT.md `verify`): the claim is read as a one-sentence
 * article, aligned with the sources' claims and judged by the same rules as a run.
 * The stance rule is a seam (`StanceRule`): a richer rule from packages/report plugs in unchanged.
 */
import { type AlignedGroup, type Claim, type Document, Ids, type Span } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import { Judgement } from "@crosscheck/report"
import { Effect } from "effect"
import * as Pipeline from "./Pipeline.js"

export type Stance = "supports" | "contradicts" | "discusses" | "unrelated"

export interface Evidence {
  readonly documentId: string
  readonly claimId: string
  readonly text: string
  readonly span: Span.Span
}

export interface Verdict {
  readonly stance: Stance
  readonly evidence: ReadonlyArray<Evidence>
}

export interface Sources {
  readonly documents: ReadonlyArray<Document.Document>
  readonly claims: ReadonlyArray<Claim.Claim>
}

/** Decides a stance from the claim's own extracted claims and the sources' claims. */
export type StanceRule = (
  claim: { readonly document: Document.Document; readonly claims: ReadonlyArray<Claim.Claim> },
  sources: Sources,
) => Verdict

/** The claim to check as a document of its own, so it goes through extraction like any article. */
export const asDocument = (text: string): Document.Document => ({
  id: Ids.documentId("verify", text),
  outlet: "claim under verification",
  title: null,
  publishedAt: null,
  url: null,
  origin: { path: "verify", index: 0 },
  syndicationGroup: null,
  text,
})

const RANK: Record<Stance, number> = { contradicts: 3, supports: 2, discusses: 1, unrelated: 0 }

const evidenceOf = (c: Claim.Claim): Evidence => ({
  documentId: c.documentId,
  claimId: c.id,
  text: c.text,
  span: c.span,
})

/**
 * The rule from alignment and judgement alone, judged per source document (sources may disagree
 * among themselves): a source with an incompatible value or a denial contradicts; one stating the
 * same fact supports, unless it only reports someone saying it (discusses); claims aligned without
 * a verdict (other times) discuss; nothing aligned is unrelated. Contradiction outranks support.
 */
export const byAlignment: StanceRule = (claim, sources) => {
  const own = new Set(claim.claims.map((c) => c.id as string))
  if (own.size === 0) return { stance: "unrelated", evidence: [] }
  const analysis = Pipeline.analyse([claim.document, ...sources.documents], [...claim.claims, ...sources.claims])
  let best: Verdict = { stance: "unrelated", evidence: [] }
  for (const group of analysis.groups) {
    const mine = group.members.filter((m) => own.has(m.claim.id))
    if (mine.length === 0) continue
    const byDocument = new Map<string, AlignedGroup.Member[]>()
    for (const m of group.members)
      if (!own.has(m.claim.id)) byDocument.set(m.claim.documentId, [...(byDocument.get(m.claim.documentId) ?? []), m])
    for (const theirs of byDocument.values()) {
      const [finding] = Judgement.judge([{ ...group, members: [...mine, ...theirs] }], analysis.documents)
      const reported = theirs.every((m) => m.claim.attribution.mode !== "asserted")
      const stance: Stance = !finding
        ? "discusses"
        : finding.verdict === "contradict" || finding.verdict === "disputed"
          ? "contradicts"
          : reported
            ? "discusses"
            : "supports"
      const evidence = [...new Set(theirs.map((m) => m.claim))].map(evidenceOf)
      if (RANK[stance] > RANK[best.stance]) best = { stance, evidence }
      else if (stance === best.stance)
        best = {
          stance,
          evidence: [...best.evidence, ...evidence.filter((e) => !best.evidence.some((b) => b.claimId === e.claimId))],
        }
    }
  }
  return best
}

/** Extracts the claim and judges it against the sources with `rule`. */
export const against = (
  text: string,
  sources: Sources,
  rule: StanceRule = byAlignment,
): Effect.Effect<Verdict, never, Extractor.Extractor> =>
  Effect.map(Extractor.Extractor, (extractor) => {
    const document = asDocument(text)
    return rule({ document, claims: extractor.extract(document) }, sources)
  })
