/**
 * Which news agencies (AP, Reuters, AFP, …) an article credits for its story: datelines "(AP) —",
 * agency bylines, copyright notices and "contributed to this report" lines. Photo credits do not count.
 */
import catalogue from "./wires.json" with { type: "json" }

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/** Alias as printed → canonical agency name. Aliases are case-sensitive: "ap" or "efe" are words. */
const CANONICAL = new Map(catalogue.wires.flatMap((w) => w.aliases.map((a) => [a, w.name] as const)))

// Longest alias first, so "The Associated Press" wins over "AP".
const ALIASES = [...CANONICAL.keys()]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join("|")

const PATTERNS = catalogue.credits.map((p) => new RegExp(p.replace("{wire}", `(${ALIASES})`), "gm"))
const REUTERS_SIGNOFF = new RegExp(catalogue.reutersSignoff)

/** The canonical names of the agencies credited in the text, in catalogue order. */
export const find = (text: string): ReadonlyArray<string> => {
  const found = new Set<string>()
  for (const re of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const name = CANONICAL.get(m[1] ?? "")
      if (name) found.add(name)
    }
  }
  if (REUTERS_SIGNOFF.test(text)) found.add("Reuters")
  return names.filter((n) => found.has(n))
}

/** Known agency names, canonical, in catalogue order. */
export const names: ReadonlyArray<string> = catalogue.wires.map((w) => w.name)

/** The agencies a byline names ("By Jane Doe, Associated Press", "Reuters"). */
export const inByline = (byline: string | null): ReadonlyArray<string> => {
  if (!byline) return []
  const found = new Set<string>()
  for (const m of byline.matchAll(new RegExp(`(?<![\\p{L}])(${ALIASES})(?![\\p{L}])`, "gu"))) {
    const name = CANONICAL.get(m[1] ?? "")
    if (name) found.add(name)
  }
  return names.filter((n) => found.has(n))
}
