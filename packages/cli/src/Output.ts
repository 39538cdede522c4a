/**
 * What several commands print or write: the three report files and the one-line verdict counts.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import type { Report } from "@crosscheck/domain"
import { Pipeline } from "@crosscheck/pipeline"
import { VERDICTS } from "./Flags.js"
import * as Style from "./Style.js"

export const writeReport = (out: string, report: Report.Report): void => {
  mkdirSync(out, { recursive: true })
  for (const [name, content] of Object.entries(Pipeline.render(report))) writeFileSync(join(out, name), content)
}

export const counts = (report: Report.Report): Record<string, number> => {
  const out: Record<string, number> = {}
  for (const f of report.findings) out[f.verdict] = (out[f.verdict] ?? 0) + 1
  return out
}

/** "crosscheck: 4 documents, 103 claims, 11 findings (2 contradict, 9 agree)" */
export const summaryLine = (report: Report.Report, paint: Style.Paint): string => {
  const c = counts(report)
  const verdicts = VERDICTS.filter((v) => c[v])
    .map((v) => `${c[v]} ${Style.verdict(paint, v)}`)
    .join(", ")
  return `crosscheck: ${report.documents.length} documents, ${report.claims.length} claims, ${report.findings.length} findings${verdicts ? ` (${verdicts})` : ""}\n`
}
