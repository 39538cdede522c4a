/**
 * What a report says above its findings, before anything else: what the analysis left out, and what of
 * the store it was read from is older than this crosscheck. Plain sentences, made here once; each format
 * escapes them its own way (Markdown.md, Html.escapeHtml), and the CLI says the last on stderr too.
 */
import type { Report } from "@crosscheck/domain"

/** What was left out of the analysis, counted (Report.coverage). */
export const coverage = (c: Report.Coverage): string =>
  `Left out of this analysis, and so not checked: ${c.skippedBlocks} ${c.skippedBlocks === 1 ? "block" : "blocks"} of candidate claims too large to compare pair by pair, ${c.storiesLeftOut} linked ${c.storiesLeftOut === 1 ? "story" : "stories"} beyond the batch's cap.`

/** Whether the findings were judged by another analysis than this crosscheck's. */
export const staleAnalysis = (o: Report.OutdatedStore): boolean =>
  o.documents > 0 && o.analysisVersion !== o.analysisNow

/** What of the store an older crosscheck made, as one sentence without its full stop. */
export const outdated = (o: Report.OutdatedStore): string => {
  const parts = [
    ...(o.staleDocuments > 0
      ? [`${o.staleDocuments} of its ${o.documents} documents were extracted by an older crosscheck`]
      : []),
    ...(staleAnalysis(o)
      ? [
          `its findings were judged by ${o.analysisVersion ?? "a crosscheck from before versions"} (this is ${o.analysisNow})`,
        ]
      : []),
  ]
  return `This report shows the store as an older crosscheck left it: ${parts.join("; ")}`
}

/** The command that brings a store up to date, for a reader who has it (plain text: each format escapes it). */
export const bringUpToDate = "Running crosscheck run --db with the store and no paths brings it up to date."

/** The report's notices, most pressing first; none for a current, complete analysis. */
export const of = (report: Report.Report): ReadonlyArray<string> => [
  ...(report.outdatedStore ? [`${outdated(report.outdatedStore)}. ${bringUpToDate}`] : []),
  ...(report.coverage ? [coverage(report.coverage)] : []),
]
