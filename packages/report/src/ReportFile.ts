/**
 * Assembles `report.json` (docs/report-format.md, schemaVersion 5) from the run's parts, and orders
 * findings so that disagreements come first wherever the report is read.
 */
import { type Claim, type Document, type Finding, Report } from "@crosscheck/domain"
import * as JsonChunks from "./internal/JsonChunks.js"

export const VERDICT_ORDER: ReadonlyArray<Finding.Verdict> = [
  "disputed",
  "contradict",
  "changed",
  "compatible",
  "agree",
  "single-source",
]

export const byVerdict = (a: Finding.Finding, b: Finding.Finding): number =>
  VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict)

export interface Parts {
  readonly asOf: string | null
  readonly documents: ReadonlyArray<Document.Document>
  readonly claims: ReadonlyArray<Claim.Claim>
  readonly findings: ReadonlyArray<Finding.Finding>
  readonly errors: ReadonlyArray<Report.InputError>
  readonly generatedAt?: Date
  /** What the analysis left out; kept in the report only when anything was. */
  readonly coverage?: Report.Coverage
  /** What of the store read is older than this crosscheck, for a report read from one an older crosscheck left. */
  readonly outdatedStore?: Report.OutdatedStore
}

export const make = (parts: Parts): Report.Report => ({
  schemaVersion: Report.SCHEMA_VERSION,
  generatedAt: (parts.generatedAt ?? new Date()).toISOString(),
  asOf: parts.asOf,
  documents: parts.documents,
  claims: parts.claims,
  findings: [...parts.findings].sort(byVerdict),
  errors: parts.errors,
  ...(parts.coverage && (parts.coverage.skippedBlocks > 0 || parts.coverage.storiesLeftOut > 0)
    ? { coverage: parts.coverage }
    : {}),
  ...(parts.outdatedStore ? { outdatedStore: parts.outdatedStore } : {}),
})

/**
 * The switch between the one triage page and pages: a report of more stories than this is written as
 * pages (StoryPages). Below it one file is easier to send and search; above it the one page carries
 * every story and is rewritten whole by every run (32.5 MB at 10,000 articles), where pages cost what
 * changed.
 */
export const ONE_PAGE_MAX_STORIES = 100

/** A report of more stories than one page suits: written as pages, and its report.json compact. */
export const large = (report: Report.Report): boolean => (report.stories ?? []).length > ONE_PAGE_MAX_STORIES

/**
 * report.json's indentation: two spaces, for a person reading a small report; none for a large one,
 * which is read by programs (hundreds of MB at 10,000 articles: compact is a fifth smaller, 109 MB
 * instead of 137, and quicker to write). The same JSON either way: the format defines the fields.
 */
export const indentOf = (report: Report.Report): number => (large(report) ? 0 : 2)

/**
 * `report.json`'s text in pieces, each document, claim and finding its own: at 10,000 documents the
 * whole text is hundreds of MB, too much to hold as one string. `toJson` joins them.
 */
export function* jsonChunks(report: Report.Report): Generator<string> {
  yield* JsonChunks.chunks(report, indentOf(report))
  yield "\n"
}

export const toJson = (report: Report.Report): string => [...jsonChunks(report)].join("")
