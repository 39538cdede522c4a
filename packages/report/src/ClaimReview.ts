/**
 * The findings as schema.org ClaimReview (JSON-LD), for fact-checkers' tools: one review per finding
 * that compares sources, saying how the sources relate (agree, disagree, dispute) and never rating truth.
 */

import { type Claim, type Document, type Finding, type Report, UsageError } from "@crosscheck/domain"
import { embedJson } from "./Html.js"
import * as StoryPages from "./StoryPages.js"
import * as Url from "./Url.js"

export interface Options {
  /** Who publishes the reviews; defaults to "crosscheck". */
  readonly author?: string
  /**
   * Where report.html is served: an absolute http(s) URL, or a path relative to where the JSON-LD is
   * served (default "report.html"). Each review's `url` is its finding's anchor there.
   */
  readonly reportUrl?: string
  /**
   * The report is written as pages (StoryPages): report.html is then the index, and each review links
   * to its finding on its story's page beside it.
   */
  readonly pages?: boolean
}

export interface Organization {
  readonly "@type": "Organization"
  readonly name: string
}
export interface Person {
  readonly "@type": "Person"
  readonly name: string
}
/** One article the claim appeared in. */
export interface Appearance {
  readonly "@type": "NewsArticle"
  readonly url?: string
  readonly headline?: string
  readonly datePublished?: string
  /** The outlet. */
  readonly author: Organization
}
export interface Review {
  readonly "@type": "ClaimReview"
  /** The finding's id. */
  readonly identifier: string
  /** The finding's anchor in report.html. */
  readonly url: string
  readonly datePublished: string
  readonly author: Organization
  readonly claimReviewed: string
  readonly itemReviewed: {
    readonly "@type": "Claim"
    /** The speaker of an attributed claim, else the outlet that stated it. */
    readonly author: Person | Organization
    readonly datePublished?: string
    /** The earliest dated article, when any has a date. */
    readonly firstAppearance?: Appearance
    /** Every article the claim or its counterparts appeared in, the reviewed claim's first. */
    readonly appearance: ReadonlyArray<Appearance>
  }
  readonly reviewRating: {
    readonly "@type": "Rating"
    /** How the sources relate (VERDICT_RATINGS), not whether the claim is true. */
    readonly alternateName: string
    readonly ratingExplanation: string
  }
  readonly reviewBody: string
}
export interface Graph {
  readonly "@context": "https://schema.org"
  readonly "@graph": ReadonlyArray<Review>
}

/**
 * What each verdict says in a review's rating. crosscheck knows whether other sources agree, not what
 * is true, so there is no numeric scale: consumers read 1 of 5 as "False". A single-source finding has
 * no other source to compare with, so it gets no review.
 */
export const VERDICT_RATINGS: Readonly<Record<Exclude<Finding.Verdict, "single-source">, string>> = {
  agree: "Confirmed by other sources",
  compatible: "Consistent with other sources",
  changed: "Figure changed over time",
  disputed: "Disputed by other sources",
  contradict: "Sources disagree",
}

/**
 * The URL as written when it is an absolute http: or https: URL, else null: article URLs come from
 * the inputs, and a `javascript:` or `data:` one must not reach a page that renders the JSON-LD.
 */
export const webUrl = Url.safe

/** True for a report URL crosscheck will write: absolute http(s), or relative (no scheme of its own). */
export const isReportUrl = (url: string): boolean => webUrl(url) !== null || !/^[a-z][a-z0-9+.-]*:/i.test(url.trim())

const outlet = (d: Document.Document): Organization => ({
  "@type": "Organization",
  name: d.canonicalOutlet ?? d.outlet,
})

const appearance = (d: Document.Document): Appearance => {
  const url = webUrl(d.url)
  return {
    "@type": "NewsArticle",
    ...(url ? { url } : {}),
    ...(d.title ? { headline: d.title } : {}),
    ...(d.publishedAt ? { datePublished: d.publishedAt } : {}),
    author: outlet(d),
  }
}

/** For a dispute, the claim under review is the one asserted; otherwise the first. */
const reviewed = (f: Finding.Finding, claims: ReadonlyArray<Claim.Claim>): Claim.Claim | undefined =>
  (f.verdict === "disputed" ? claims.find((c) => c.attribution.stance === "asserts") : undefined) ?? claims[0]

/** The earliest of the dated appearances (ISO dates compare as text); none when no article has a date. */
const earliest = (appearances: ReadonlyArray<Appearance>): Appearance | undefined =>
  appearances.reduce<Appearance | undefined>(
    (first, a) => (a.datePublished && (!first?.datePublished || a.datePublished < first.datePublished) ? a : first),
    undefined,
  )

interface Context {
  readonly date: string
  readonly author: Organization
  readonly reportUrl: string
  readonly pages: boolean
}

/**
 * The page a finding is drawn on: report.html, or with pages its story's page in the same folder (a
 * finding across stories is on each of its stories' pages: the first it cites).
 */
const pageOf = (
  f: Finding.Finding,
  docs: ReadonlyMap<string, Document.Document>,
  claims: ReadonlyMap<string, Claim.Claim>,
  context: Context,
): string => {
  const story =
    f.storyId ?? f.claimIds.map((id) => docs.get(claims.get(id)?.documentId ?? "")?.storyId).find((s) => !!s)
  if (!context.pages || !story) return context.reportUrl
  return `${context.reportUrl.slice(0, context.reportUrl.lastIndexOf("/") + 1)}${StoryPages.pathOf(story)}.html`
}

const review = (
  f: Finding.Finding & { readonly verdict: keyof typeof VERDICT_RATINGS },
  docs: ReadonlyMap<string, Document.Document>,
  claims: ReadonlyMap<string, Claim.Claim>,
  context: Context,
): Review | null => {
  const members = f.claimIds.flatMap((id) => claims.get(id) ?? [])
  const claim = reviewed(f, members)
  const doc = claim ? docs.get(claim.documentId) : undefined
  if (!claim || !doc) return null
  // Where the reviewed claim appeared, then every other article of the finding (copies of one story too).
  const appearances = [...new Set([claim.documentId, ...members.map((c) => c.documentId)])].flatMap((id) => {
    const d = docs.get(id)
    return d ? [appearance(d)] : []
  })
  const first = earliest(appearances)
  return {
    "@type": "ClaimReview",
    identifier: f.id,
    url: `${pageOf(f, docs, claims, context)}#finding-${f.id}`,
    datePublished: context.date,
    author: context.author,
    claimReviewed: claim.attribution.content?.text ?? claim.text,
    itemReviewed: {
      "@type": "Claim",
      author: claim.attribution.source ? { "@type": "Person", name: claim.attribution.source.text } : outlet(doc),
      ...(doc.publishedAt ? { datePublished: doc.publishedAt } : {}),
      ...(first ? { firstAppearance: first } : {}),
      appearance: appearances,
    },
    reviewRating: { "@type": "Rating", alternateName: VERDICT_RATINGS[f.verdict], ratingExplanation: f.explanation },
    reviewBody: f.summary,
  }
}

const isCompared = (f: Finding.Finding): f is Finding.Finding & { readonly verdict: keyof typeof VERDICT_RATINGS } =>
  f.verdict !== "single-source"

/** The options with their defaults, or a UsageError for a report URL that would not be written. */
export const checkOptions = (options: Options = {}): Required<Options> => {
  const reportUrl = options.reportUrl?.trim() || "report.html"
  if (!isReportUrl(reportUrl))
    throw new UsageError({
      reason: "bad-value",
      message: `report: expected the report URL to be an http(s) URL or a relative path, instead found ${JSON.stringify(reportUrl)}`,
    })
  return { author: options.author ?? "crosscheck", reportUrl, pages: options.pages ?? false }
}

/** One ClaimReview per finding that compares sources, in the report's order. */
export const make = (report: Report.Report, options: Options = {}): Graph => {
  const checked = checkOptions(options)
  const docs = new Map(report.documents.map((d) => [d.id as string, d]))
  const claims = new Map(report.claims.map((c) => [c.id as string, c]))
  const context = {
    date: report.generatedAt.slice(0, 10),
    author: { "@type": "Organization", name: checked.author } as const,
    reportUrl: checked.reportUrl,
    pages: checked.pages,
  }
  const graph = report.findings.filter(isCompared).flatMap((f) => review(f, docs, claims, context) ?? [])
  return { "@context": "https://schema.org", "@graph": graph }
}

/** The JSON-LD text, escaped so that a page can paste it into <script type="application/ld+json">. */
export const toJson = (report: Report.Report, options: Options = {}): string =>
  `${embedJson(make(report, options), 2)}\n`
