/**
 * The rooms wired together: read inputs, extract claims, align them, judge the groups and
 * assemble the report. Pure apart from reading inputs; writing files is the caller's job.
 */
import type { AlignedGroup, Claim, Document, Finding, Report, Story, UsageError } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import { ClaimReview, Html, Judgement, Markdown, ReportFile } from "@crosscheck/report"
import { Inputs, Outlets, Syndication } from "@crosscheck/sources"
import { Clustering, type StoryState } from "@crosscheck/stories"
import { Effect, type Layer } from "effect"
import type * as Budget from "./Budget.js"
import * as ExtractionPool from "./ExtractionPool.js"
import * as StoryAlignment from "./StoryAlignment.js"

export interface Analysis {
  /** The documents with canonical outlets, syndicated copies marked across all of them, and their stories. */
  readonly documents: ReadonlyArray<Document.Document>
  readonly stories: ReadonlyArray<Story.Story>
  readonly groups: ReadonlyArray<AlignedGroup.AlignedGroup>
  readonly findings: ReadonlyArray<Finding.Finding>
  /** Candidate blocks over the alignment's cap that could not be split by a finer key: their pairs were not compared. */
  readonly skippedBlocks: number
  /** The story stage's state after these documents: a store keeps it for its next batch's placement. */
  readonly storyState: StoryState.State
}

/** A finding's story: its claims' one story, or null when the strict cross-story rule joined two. */
const storyOfFinding = (groups: ReadonlyArray<AlignedGroup.AlignedGroup>): ((f: Finding.Finding) => string | null) => {
  const byClaim = new Map<string, string | null>()
  for (const g of groups)
    for (const m of g.members) if (!byClaim.has(m.claim.id)) byClaim.set(m.claim.id, g.storyId ?? null)
  return (f) => {
    const stories = new Set(f.claimIds.map((c) => byClaim.get(c) ?? null))
    return stories.size === 1 ? ([...stories][0] ?? null) : null
  }
}

/** The stages of a run, in order, as progress names them. */
export type Phase = "reading" | "extracting" | "stories" | "aligning" | "judging" | "storing" | "writing reports"

/** Told when a stage starts, with how many things it works on (documents, claims, groups). */
export type OnPhase = (phase: Phase, count: number) => void

/** Stories aligned elsewhere (by workers), used instead of aligning them again; see StoryAlignment.inputKey. */
export type Precomputed = StoryAlignment.Precomputed

/** Syndicated copies marked across the documents, then each placed in a story (stored ones keep theirs). */
const place = (documents: ReadonlyArray<Document.Document>, onPhase: OnPhase) => {
  const grouped = Syndication.group(documents.map(Outlets.withCanonical))
  onPhase("stories", documents.length)
  return Clustering.assign(grouped)
}

/**
 * Everything after extraction, for any set of documents: one-off runs and the store's re-analysis share
 * it. Documents that already carry a `storyId` (stored ones) keep it; the others join or start stories.
 */
export const analyse = (
  documents: ReadonlyArray<Document.Document>,
  claims: ReadonlyArray<Claim.Claim>,
  onPhase: OnPhase = () => {},
  precomputed?: Precomputed,
): Analysis => {
  const { documents: storied, stories, state } = place(documents, onPhase)
  return { ...alignAndJudge(storied, claims, onPhase, precomputed), stories, storyState: state }
}

/**
 * Alignment and judgement of documents already placed in stories: a store's incremental batch runs
 * this on the stories it touched. Syndicated copies are marked among these documents.
 */
export const analysePlaced = (
  documents: ReadonlyArray<Document.Document>,
  claims: ReadonlyArray<Claim.Claim>,
  onPhase: OnPhase = () => {},
  precomputed?: Precomputed,
): Omit<Analysis, "stories" | "storyState"> =>
  alignAndJudge(Syndication.group(documents.map(Outlets.withCanonical)), claims, onPhase, precomputed)

/**
 * What `analyse` (`placed`: `analysePlaced`) would align story by story, without aligning it: workers
 * align these in parallel and the analysis then uses their groups (`precomputed`).
 */
export const storyInputs = (
  documents: ReadonlyArray<Document.Document>,
  claims: ReadonlyArray<Claim.Claim>,
  placed: boolean,
): ReadonlyArray<StoryAlignment.StoryInput> =>
  StoryAlignment.storyInputs(
    claims,
    placed ? Syndication.group(documents.map(Outlets.withCanonical)) : place(documents, () => {}).documents,
  )

const alignAndJudge = (
  storied: ReadonlyArray<Document.Document>,
  claims: ReadonlyArray<Claim.Claim>,
  onPhase: OnPhase,
  precomputed: Precomputed | undefined,
): Omit<Analysis, "stories" | "storyState"> => {
  onPhase("aligning", claims.length)
  let skippedBlocks = 0
  const groups = StoryAlignment.align(claims, storied, {
    alignment: {
      onBlocks: (stats) => {
        skippedBlocks += stats.skipped
      },
    },
    ...(precomputed ? { precomputed } : {}),
  })
  onPhase("judging", groups.length)
  const storyOf = storyOfFinding(groups)
  // Set here rather than in judgement, which need not know about stories.
  const findings = Judgement.judge(groups, storied).map((f) => ({ ...f, storyId: storyOf(f) }))
  return { documents: storied, groups, findings, skippedBlocks }
}

export interface RunOptions {
  readonly asOf?: string | null
  /** Called after each document is extracted, for progress display. */
  readonly onProgress?: (done: number, total: number) => void
  /** What one article may cost (default Budget.DEFAULT). */
  readonly budget?: Budget.Budget
}

export const run = (
  paths: ReadonlyArray<string>,
  options: RunOptions = {},
): Effect.Effect<Report.Report, UsageError, Extractor.Extractor> =>
  Effect.gen(function* () {
    const inputs = yield* Inputs.read(paths, { asOf: options.asOf ?? null })
    const { extracted, errors } = yield* ExtractionPool.extractAll(inputs.documents, ExtractionPool.optionsOf(options))
    const claims = extracted.flatMap((e) => e.claims)
    const { documents, findings, stories, skippedBlocks } = analyse(
      extracted.map((e) => e.document),
      claims,
    )
    return {
      ...ReportFile.make({
        asOf: options.asOf ?? null,
        documents,
        claims,
        findings,
        errors: [...inputs.errors, ...errors],
        coverage: { skippedBlocks, storiesLeftOut: 0 },
      }),
      stories,
    }
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
