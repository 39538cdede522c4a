/**
 * The order a desk reads findings in, shared by report.html and report.md: stories most contested
 * first, and inside a story disputes and contradictions, changed figures, agreements, single sources.
 */
import type { Finding, Report, Story } from "@crosscheck/domain"
import { VERDICT_ORDER } from "../ReportFile.js"

/** How contested a story is, compared most first: disputes and contradictions, then changed figures, then size. */
const contest = (fs: ReadonlyArray<Finding.Finding>): ReadonlyArray<number> => [
  fs.filter((f) => f.verdict === "disputed" || f.verdict === "contradict").length,
  fs.filter((f) => f.verdict === "changed").length,
  fs.length,
]

const descending = (a: ReadonlyArray<number>, b: ReadonlyArray<number>): number => {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (b[i] ?? 0) - (a[i] ?? 0)
  return 0
}

/** Severity inside a story: the verdict's place in VERDICT_ORDER, then more independent sources first. */
export const bySeverity = (a: Finding.Finding, b: Finding.Finding): number =>
  VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict) || b.independentSources - a.independentSources

export interface Group {
  /** Null for the findings in no known story: all of them while the report has no stories. */
  readonly story: Story.Story | null
  readonly findings: ReadonlyArray<Finding.Finding>
}

/** The findings by story, most contested story first, findings by severity; findings in no story come last. */
export const groups = (report: Report.Report): ReadonlyArray<Group> => {
  const known = new Map((report.stories ?? []).map((s) => [s.id as string, s]))
  const by = new Map<string, Finding.Finding[]>()
  for (const f of report.findings) {
    const key = f.storyId && known.has(f.storyId) ? f.storyId : ""
    const list = by.get(key)
    if (list) list.push(f)
    else by.set(key, [f])
  }
  return [...by.entries()]
    .map(([key, fs]) => ({ story: known.get(key) ?? null, findings: fs.sort(bySeverity) }))
    .sort((a, b) =>
      (a.story === null) !== (b.story === null)
        ? a.story === null
          ? 1
          : -1
        : descending(contest(a.findings), contest(b.findings)),
    )
}
