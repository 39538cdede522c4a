/**
 * The findings as schema.org ClaimReview (JSON-LD), for fact-checkers' tools: one review per
 * finding that compares independent sources, rating the reviewed claim against the others.
 */
import type { Claim, Document, Finding, Report } from "@crosscheck/domain"
import { embedJson } from "./Html.js"
import * as Url from "./Url.js"

export interface Options {
  /** Who publishes the reviews; defaults to "crosscheck". */
  readonly author?: string
  /** Where report.html will be served, so each review can link to its finding. */
  readonly reportUrl?: string
}

/** A five-point scale, as ClaimReview consumers expect; single-source findings review nothing. */
export const RATINGS: Readonly<Record<Exclude<Finding.Verdict, "single-source">, { value: number; name: string }>> = {
  agree: { value: 5, name: "Corroborated by independent sources" },
  compatible: { value: 4, name: "Consistent with other sources" },
  changed: { value: 3, name: "Figure changed over time" },
  disputed: { value: 2, name: "Disputed" },
  contradict: { value: 1, name: "Contradicted by other sources" },
}

const publisher = (d: Document.Document) => ({ "@type": "Organization", name: d.outlet })

const appearance = (d: Document.Document) => {
  const url = Url.safe(d.url)
  return {
    "@type": "NewsArticle",
    ...(url ? { url } : {}),
    ...(d.title ? { headline: d.title } : {}),
    ...(d.publishedAt ? { datePublished: d.publishedAt } : {}),
    publisher: publisher(d),
  }
}

/** For a dispute, the claim under review is the one asserted; otherwise the first. */
const reviewed = (f: Finding.Finding, claims: ReadonlyArray<Claim.Claim>): Claim.Claim | undefined =>
  (f.verdict === "disputed" ? claims.find((c) => c.attribution.stance === "asserts") : undefined) ?? claims[0]

export const make = (report: Report.Report, options: Options = {}): object => {
  const reportUrl = Url.safe(options.reportUrl)
  const docs = new Map(report.documents.map((d) => [d.id as string, d]))
  const claims = new Map(report.claims.map((c) => [c.id as string, c]))
  const date = report.generatedAt.slice(0, 10)
  const graph = report.findings.flatMap((f) => {
    if (f.verdict === "single-source") return []
    const rating = RATINGS[f.verdict]
    const members = f.claimIds.flatMap((id) => claims.get(id) ?? [])
    const claim = reviewed(f, members)
    const doc = claim ? docs.get(claim.documentId) : undefined
    if (!claim || !doc) return []
    // Where the reviewed claim appeared first, then the other sources it was checked against.
    const appearances = [...new Set([claim.documentId, ...members.map((c) => c.documentId)])].flatMap((id) => {
      const d = docs.get(id)
      return d ? [appearance(d)] : []
    })
    return [
      {
        "@type": "ClaimReview",
        identifier: f.id,
        ...(reportUrl ? { url: `${reportUrl.replace(/#.*$/, "")}#finding-${f.id}` } : {}),
        datePublished: date,
        author: { "@type": "Organization", name: options.author ?? "crosscheck" },
        claimReviewed: claim.attribution.content?.text ?? claim.text,
        itemReviewed: {
          "@type": "Claim",
          author: claim.attribution.source
            ? { "@type": "Person", name: claim.attribution.source.text }
            : publisher(doc),
          ...(doc.publishedAt ? { datePublished: doc.publishedAt } : {}),
          appearance: appearances,
        },
        reviewRating: {
          "@type": "Rating",
          ratingValue: rating.value,
          bestRating: 5,
          worstRating: 1,
          alternateName: rating.name,
          ratingExplanation: f.explanation,
        },
        reviewBody: f.summary,
      },
    ]
  })
  return { "@context": "https://schema.org", "@graph": graph }
}

/** The JSON-LD text, escaped so that a page can paste it into <script type="application/ld+json">. */
export const toJson = (report: Report.Report, options: Options = {}): string =>
  `${embedJson(make(report, options), 2)}\n`
