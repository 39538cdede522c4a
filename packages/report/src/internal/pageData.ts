/**
 * The data report.html carries: what its script draws, nothing more (no article bodies), with every
 * string from an article passed through `visible` once and every link already checked to be http(s).
 */
import type { Claim, Document, Finding, Report } from "@crosscheck/domain"
import * as Links from "../Links.js"
import { collapse } from "./collapse.js"
import * as ReadingOrder from "./readingOrder.js"
import { ON_NO_SIDE, sideLabels } from "./sides.js"
import { HIDDEN_RANGES, visible } from "./visible.js"

/**
 * The one function every string from an input goes through before it reaches the page: bidi controls,
 * zero-width and control characters, which could reorder or hide what the page says, shown as visible
 * `⟨U+XXXX⟩` marks instead, as the Markdown report shows them (internal/visible.ts).
 */
export { visible }

/**
 * Text `flat` changes: a character `visible` shows, white space other than one space between words.
 * Most text has none: one pass tells, instead of collapsing and showing (twice a claim, on every page).
 */
const UNTIDY = new RegExp(`[${HIDDEN_RANGES}]|\\s{2,}|[^\\S ]|^\\s|\\s$`)

/** Text from input as one line of the page: white space collapsed, hidden characters shown. */
export const flat = (s: string): string => (UNTIDY.test(s) ? visible(collapse(s)) : s)

export interface PageDocument {
  readonly outlet: string
  readonly title: string | null
  readonly date: string | null
  /** The article's http(s) URL, or null: then `place` says where it was read. */
  readonly url: string | null
  readonly place: string
}

/**
 * A claim as the page shows it. Absent members are left out rather than null, and offsets stand in for
 * texts the page can cut from `text`: at 165 articles that is a fifth of the page.
 */
export interface PageClaim {
  readonly id: string
  readonly doc: number
  /** The claim's sentence (or clause), white space collapsed. */
  readonly text: string
  /** Its span in the article, for the place of an article without a URL. */
  readonly span: readonly [number, number]
  /** The figure this claim gives in its finding ("31 dead"), for numeric claims. */
  readonly value?: string
  readonly who?: string
  /** What the source is reported to say, as offsets into `text`, when it is not the whole sentence. */
  readonly said?: readonly [number, number]
  readonly cue?: string
  readonly stance: string
  readonly hedged?: true
  readonly time?: string
  /**
   * The text directive (Links.textDirective) that lands on the sentence, when the article has an
   * http(s) URL: the page links to `url#:~:directive`, as Links.fragmentUrl does.
   */
  readonly fragment?: string
}

export interface PageFinding {
  readonly id: string
  readonly verdict: Finding.Verdict
  readonly story: number
  readonly sources: number
  readonly rule: string | null
  readonly why: string
  readonly claims: ReadonlyArray<number>
  /** For `changed`: [claim, value, time, defaulted] in time order. */
  readonly timeline: ReadonlyArray<readonly [number, string, string | null, boolean]> | null
  /** For a contradiction or a dispute: its sides, each with its heading and the claims (indices) that give one position. */
  readonly sides: ReadonlyArray<{ readonly label: string; readonly claims: ReadonlyArray<number> }> | null
  /**
   * The figure each claim gives in this finding (`Finding.figures`), as [claim, figure, start, end], the
   * offsets into the claim's `text`: a sentence may give two figures ("More than 200 firefighters fought
   * the blaze for nine hours"), and two findings may cite it, one for each. Absent for statements and for
   * reports written before findings named their figures (schema version 5); then the claim's `value` stands.
   */
  readonly figures?: ReadonlyArray<readonly [number, string, number, number]>
}

export interface PageStory {
  readonly id: string
  readonly label: string
  readonly start: string | null
  readonly end: string | null
  readonly outlets: ReadonlyArray<string>
}

export interface PageData {
  readonly generatedAt: string
  readonly asOf: string | null
  readonly documents: ReadonlyArray<PageDocument>
  readonly stories: ReadonlyArray<PageStory>
  readonly claims: ReadonlyArray<PageClaim>
  readonly findings: ReadonlyArray<PageFinding>
  readonly errors: ReadonlyArray<Report.InputError>
  /** The heading of a finding's claims that stand on none of its sides. */
  readonly onNoSide: string
}

/**
 * Where a finding's figure stands in its claim's text as the page shows it (`flat`), or null when it
 * cannot be found there: by its span when flattening moved nothing before it, else by its text.
 */
export const figureAt = (c: Claim.Claim, text: string, figure: Finding.Figure): readonly [number, number] | null => {
  const shown = flat(figure.text)
  const at = figure.span.start - c.span.start
  if (at < 0 || figure.span.end > c.span.end || shown === "") return null
  const start = flat(c.text.slice(0, at) + "x").length - 1
  if (text.slice(start, start + shown.length) === shown) return [start, start + shown.length]
  const found = text.indexOf(shown)
  return found < 0 ? null : [found, found + shown.length]
}

/** The quantity a numeric claim gives in its finding: the one the summary names, else its first. */
const valueIn = (c: Claim.Claim, summary: string): string | null => {
  if (c.kind !== "numeric" || c.quantities.length === 0) return null
  const q = c.quantities.find((x) => summary.includes(x.text)) ?? c.quantities[0]
  return q ? flat(q.text) : null
}

export const make = (report: Report.Report): PageData => {
  const docIndex = new Map<string, number>()
  const documents: PageDocument[] = report.documents.map((d, i) => {
    docIndex.set(d.id, i)
    return {
      outlet: flat(d.canonicalOutlet ?? d.outlet),
      title: d.title === null ? null : flat(d.title),
      date: d.publishedAt,
      url: Links.safeUrl(d.url),
      place: flat(Links.place(d)),
    }
  })
  const docs = new Map(report.documents.map((d) => [d.id as string, d]))
  const claimById = new Map(report.claims.map((c) => [c.id as string, c]))
  const claims: PageClaim[] = []
  const claimIndex = new Map<string, number>()
  const addClaim = (c: Claim.Claim, summary: string): number => {
    const known = claimIndex.get(c.id)
    if (known !== undefined) return known
    const d = docs.get(c.documentId) as Document.Document
    const a = c.attribution
    const text = flat(c.text)
    const content = a.content ? flat(a.content.text) : null
    const said = content === null ? -1 : text.indexOf(content)
    const value = valueIn(c, summary)
    const fragment = Links.safeUrl(d.url) === null ? null : Links.textDirective(d.text, c.span)
    claims.push({
      id: c.id,
      doc: docIndex.get(c.documentId) ?? 0,
      text,
      span: [c.span.start, c.span.end],
      ...(value === null ? {} : { value }),
      ...(a.source ? { who: flat(a.source.text) } : {}),
      ...(said >= 0 && a.content && a.content.text.length < c.text.length
        ? { said: [said, said + (content?.length ?? 0)] as const }
        : {}),
      ...(a.cue ? { cue: flat(a.cue.text) } : {}),
      stance: a.stance,
      ...(a.hedged ? { hedged: true as const } : {}),
      ...(c.time?.text ? { time: flat(c.time.text) } : {}),
      ...(fragment === null ? {} : { fragment }),
    })
    claimIndex.set(c.id, claims.length - 1)
    return claims.length - 1
  }
  const stories: PageStory[] = []
  const findings: PageFinding[] = []
  const anyStory = (report.stories ?? []).length > 0
  for (const { story: s, findings: fs } of ReadingOrder.groups(report)) {
    stories.push(
      s
        ? { id: s.id, label: flat(s.label), start: s.start, end: s.end, outlets: s.outlets.map(flat) }
        : { id: "", label: anyStory ? "Not in a story" : "All findings", start: null, end: null, outlets: [] },
    )
    for (const f of fs) {
      const members = f.claimIds.flatMap((id) => {
        const c = claimById.get(id)
        return c && docs.has(c.documentId) ? [addClaim(c, f.summary)] : []
      })
      const timeline = f.timeline
        ? f.timeline.flatMap((t) => {
            const c = claimById.get(t.claimId)
            if (!c || !docs.has(c.documentId)) return []
            return [[addClaim(c, f.summary), flat(t.value), t.time, t.defaulted] as const]
          })
        : null
      const figures = (f.figures ?? []).flatMap((fig) => {
        const c = claimById.get(fig.claimId)
        if (!c || !docs.has(c.documentId)) return []
        const ci = addClaim(c, f.summary)
        const at = figureAt(c, claims[ci]?.text ?? "", fig)
        return at ? [[ci, flat(fig.text), at[0], at[1]] as const] : []
      })
      const labels = sideLabels(f)
      const sides = f.sides
        ? f.sides.map((side, i) => ({
            label: labels[i] ?? "",
            claims: side.flatMap((id) => {
              const c = claimById.get(id)
              return c && docs.has(c.documentId) ? [addClaim(c, f.summary)] : []
            }),
          }))
        : null
      findings.push({
        id: f.id,
        verdict: f.verdict,
        story: stories.length - 1,
        sources: f.independentSources,
        rule: f.rule ?? null,
        why: visible(f.explanation),
        claims: members,
        timeline,
        sides: sides && sides.filter((side) => side.claims.length > 0).length >= 2 ? sides : null,
        ...(figures.length > 0 ? { figures } : {}),
      })
    }
  }
  return {
    generatedAt: report.generatedAt,
    asOf: report.asOf,
    documents,
    stories,
    claims,
    findings,
    errors: report.errors.map((e) => ({ path: flat(e.path), message: flat(e.message) })),
    onNoSide: ON_NO_SIDE,
  }
}
