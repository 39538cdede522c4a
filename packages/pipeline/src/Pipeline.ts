/**
 * The rooms wired together: read inputs, extract claims, align them, judge the groups and
 * assemble the report. Pure apart from reading inputs; writing files is the caller's job.
 */
import type { AlignedGroup, Claim, Document, Finding, Report, UsageError } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import { Alignment } from "@crosscheck/matcher"
import { ClaimReview, Html, Judgement, Markdown, ReportFile } from "@crosscheck/report"
import { Inputs, Syndication } from "@crosscheck/sources"
import { Effect, type Layer } from "effect"
import * as ExtractionPool from "./ExtractionPool.js"

export interface Analysis {
  /** The documents with syndicated copies marked across all of them. */
  readonly documents: ReadonlyArray<Document.Document>
  readonly groups: ReadonlyArray<AlignedGroup.AlignedGroup>
  readonly findings: ReadonlyArray<Finding.Finding>
}

/** Everything after extraction, for any set of documents: one-off runs and the store's re-analysis share it. */
export const analyse = (documents: ReadonlyArray<Document.Document>, claims: ReadonlyArray<Claim.Claim>): Analysis => {
  const grouped = Syndication.group(documents)
  const groups = Alignment.align(claims, grouped)
  return { documents: grouped, groups, findings: Judgement.judge(groups, grouped) }
}

export interface RunOptions {
  readonly asOf?: string | null
  /** Called after each document is extracted, for progress display. */
  readonly onProgress?: (done: number, total: number) => void
}

export const run = (
  paths: ReadonlyArray<string>,
  options: RunOptions = {},
): Effect.Effect<Report.Report, UsageError, Extractor.Extractor> =>
  Effect.gen(function* () {
    const inputs = yield* Inputs.read(paths, { asOf: options.asOf ?? null })
    const { extracted, errors } = yield* ExtractionPool.extractAll(
      inputs.documents,
      options.onProgress ? { onProgress: options.onProgress } : {},
    )
    const claims = extracted.flatMap((e) => e.claims)
    const { documents, findings } = analyse(
      extracted.map((e) => e.document),
      claims,
    )
    return ReportFile.make({
      asOf: options.asOf ?? null,
      documents,
      claims,
      findings,
      errors: [...inputs.errors, ...errors],
    })
  })

/** What a run needs: the extractor with its model, loaded once. */
export const layer = (options: { readonly asOf?: string | null } = {}): Layer.Layer<Extractor.Extractor> =>
  Extractor.layer({ asOf: options.asOf ?? null })

export type ReportFileName = "report.json" | "report.md" | "report.html"

/**
 * The three report files' contents, by file name, each in pieces to write one after another: at
 * 10,000 documents report.json and report.html are hundreds of MB each, too much to hold whole.
 */
export const chunks = (report: Report.Report): Readonly<Record<ReportFileName, Iterable<string>>> => ({
  "report.json": { [Symbol.iterator]: () => ReportFile.jsonChunks(report) },
  "report.md": { [Symbol.iterator]: () => Markdown.chunks(report) },
  "report.html": { [Symbol.iterator]: () => Html.chunks(report) },
})

/** The three report files' contents, by file name, each whole. */
export const render = (report: Report.Report): Readonly<Record<ReportFileName, string>> => ({
  "report.json": ReportFile.toJson(report),
  "report.md": Markdown.render(report),
  "report.html": Html.render(report),
})

/** The ClaimReview options with their defaults, checked before a run does any work (a UsageError for a bad report URL). */
export const claimReviewOptions = (options: ClaimReview.Options = {}): ClaimReview.Options =>
  ClaimReview.checkOptions(options)

/** The findings as schema.org ClaimReview JSON-LD (`run --claimreview FILE`). */
export const claimReview = (report: Report.Report, options: ClaimReview.Options = {}): string =>
  ClaimReview.toJson(report, options)
