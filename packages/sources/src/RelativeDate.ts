/**
 * Relative publication times on scraped pages ("25 minutes ago", "3 hours ago", "yesterday"),
 * resolved against an anchor; with no anchor they stay null rather than being guessed.
 */

const DAY_MS = 86_400_000

const UNIT_MS: Record<string, number> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
}

const RELATIVE = /^\s*(an?|\d+)\s+(second|minute|hour|day|week|month|year)s?\s+ago\s*$/i

/** True when the line reads as a relative time. */
export const isRelative = (line: string): boolean =>
  RELATIVE.test(line) || /^\s*(yesterday|today|just now)\s*$/i.test(line)

/** The ISO date-time the expression points at, or null when it cannot be anchored. */
export const resolve = (line: string, anchor: Date | null): string | null => {
  if (!anchor) return null
  const word = line.trim().toLowerCase()
  if (word === "today" || word === "just now") return anchor.toISOString()
  if (word === "yesterday") return new Date(anchor.getTime() - DAY_MS).toISOString()
  const m = RELATIVE.exec(line)
  if (!m) return null
  const n = /^\d+$/.test(m[1] ?? "") ? Number(m[1]) : 1
  const unit = (m[2] ?? "").toLowerCase()
  const d = new Date(anchor.getTime())
  if (unit === "month") d.setUTCMonth(d.getUTCMonth() - n)
  else if (unit === "year") d.setUTCFullYear(d.getUTCFullYear() - n)
  else d.setTime(d.getTime() - n * (UNIT_MS[unit] ?? 0))
  return d.toISOString()
}
