/**
 * Whether two claims speak of the same time. A number reported for different times is not a
 * contradiction (CONTRACT.md), so anything short of "same" keeps a conflict from being called one.
 */
import type { Claim, Document } from "@crosscheck/domain"

export type Relation = "same" | "different" | "unknown"

const DAY = 86_400_000
/** A claim with no time of its own speaks of the days around its publication. */
const PUBLICATION_WINDOW = 7 * DAY

interface Range {
  readonly start: number
  readonly end: number
}

const parse = (iso: string | null, endOfDay: boolean): number | null => {
  if (!iso) return null
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return null
  return endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? ms + DAY - 1 : ms
}

const rangeOf = (claim: Claim.Claim): Range | null => {
  const start = parse(claim.time?.start ?? null, false)
  if (start === null) return null
  const end = parse(claim.time?.end ?? claim.time?.start ?? null, true) ?? start
  return { start, end: Math.max(start, end) }
}

const written = (claim: Claim.Claim): Claim.Claim => (claim.time?.defaulted ? { ...claim, time: null } : claim)

const overlap = (a: Range, b: Range): boolean => a.start <= b.end && b.start <= a.end

const normalise = (text: string): string => text.toLowerCase().replace(/\s+/g, " ").trim()

export const relate = (
  first: Claim.Claim,
  second: Claim.Claim,
  documents: ReadonlyMap<string, Document.Document>,
): Relation => {
  // A defaulted time is the publication date standing in for none written: judged here as no time,
  // which the publication window below already covers.
  const a = written(first)
  const b = written(second)
  if (!a.time && !b.time) return "same"
  const ra = rangeOf(a)
  const rb = rangeOf(b)
  if (ra && rb) return overlap(ra, rb) ? "same" : "different"
  if (a.time && b.time) return normalise(a.time.text) === normalise(b.time.text) ? "same" : "unknown"
  // One side has a time, the other none: the untimed claim is taken to speak of its publication days.
  const [timed, range, untimed] = ra ? [a, ra, b] : rb ? [b, rb, a] : [null, null, null]
  if (!timed || !range || !untimed) return "unknown"
  const published = parse(documents.get(untimed.documentId)?.publishedAt ?? null, false)
  if (published === null) return "unknown"
  return overlap(range, { start: published - PUBLICATION_WINDOW, end: published + DAY }) ? "same" : "different"
}
