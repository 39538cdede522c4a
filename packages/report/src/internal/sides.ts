/**
 * The headings a report gives a finding's sides (docs/report-format.md `Finding.sides`), one wording for
 * report.md and report.html alike.
 */
import type { Finding } from "@crosscheck/domain"

/** What stands on no side: figures that fit more than one. */
export const ON_NO_SIDE = "On no side (fits more than one)"

/** A dispute's claim and its denial, or a contradiction's positions in order. */
export const sideLabels = (f: Finding.Finding): ReadonlyArray<string> =>
  (f.sides ?? []).map((_, i, all) =>
    f.verdict === "disputed"
      ? i === 0
        ? "What is claimed"
        : "Reported as denied or false"
      : `Side ${i + 1} of ${all.length}`,
  )
