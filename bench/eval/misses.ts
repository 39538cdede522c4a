/**
 * `pnpm eval misses [--root DIR]`: why the gold story findings the pipeline misses are missed, counted by
 * cause, so a change is aimed at the largest and its effect on each cause can be read. Not part of the
 * default run (it explains, it does not score): a missed group is one whose best finding (Flags.bestFinding,
 * as the findings recall counts) lacks its verdict. Its cause is where it was lost: its claims never met in
 * one aligned group (then why the first two did not, as the matcher explains that pair), or they met and
 * the judgement gave no finding or another verdict.
 */
import type { Claim, Finding } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import { Alignment } from "@crosscheck/matcher"
import { Pipeline } from "@crosscheck/pipeline"
import * as Flags from "./flags.js"
import * as Stories from "./stories.js"

/** What the matcher said of the first two claims of a group that never aligned. */
export interface PairReading {
  readonly comparable: boolean
  readonly score: number
  /** The last reason that counted nothing or against: why a pair is not comparable. */
  readonly against: string | null
  /**
   * For a pair that scores at or above the threshold yet sits in no group together: where the two claims
   * ended instead (see `parted`).
   */
  readonly parted?: string | null
}

/** The threshold a pair's score must reach to align (the matcher's). */
const THRESHOLD = Alignment.THRESHOLD

/**
 * A missed group's cause, in words that group alike: figures and quoted words are masked, so "different
 * things counted" is one cause whatever the words.
 */
export const cause = (
  gold: Finding.Verdict,
  aligned: boolean,
  found: Finding.Verdict | null,
  pair: PairReading | null,
): string => {
  if (aligned) return found === null ? `aligned, no finding (gold ${gold})` : `aligned, ${found} where gold ${gold}`
  if (!pair) return `not aligned (gold ${gold})`
  if (pair.comparable && pair.score >= THRESHOLD)
    return `not aligned, the pair scores at or above the threshold${pair.parted ? ` (${pair.parted})` : ""}`
  if (pair.comparable) return "not aligned, the pair scores below the threshold"
  const why = (pair.against ?? "no reason given")
    .replace(/"[^"]*"/g, "…")
    .replace(/name:.+?(?= and |, |$)/g, "…")
    .replace(/…(?:, …)+/g, "…")
    .replace(/\d[\d,.]*/g, "N")
  return `not aligned, not comparable: ${why}`
}

/** An aligned group as the pipeline's analysis gives it. */
export type Group = ReturnType<typeof Pipeline.analyse>["groups"][number]

/**
 * Where two claims that score high enough to align ended instead, in words that group alike: kept out of
 * the other's group by a membership rule (the group's reasons name the figure: "rule years-apart"), each
 * in a group holding a figure of the other's article already (one article's two figures for one time
 * never share a group), each in another group, one in a group and the other alone, or neither in any.
 * The kept-out reasons name at most two figures a group, so a rule may go unnamed.
 */
export const parted = (a: Claim.Claim, b: Claim.Claim, ga: Group | undefined, gb: Group | undefined): string => {
  const keptBy = (g: Group | undefined, c: Claim.Claim): string | null => {
    if (!g) return null
    const texts = c.quantities.map((q) => `"${q.text}"`)
    const reason = g.reasons.find((r) => r.startsWith("rule ") && texts.some((t) => r.includes(` kept out ${t}`)))
    return reason?.split(" ")[1] ?? null
  }
  const rule = keptBy(ga, b) ?? keptBy(gb, a)
  if (rule) return `kept out by rule ${rule}`
  const holdsArticle = (g: Group | undefined, c: Claim.Claim) =>
    g?.members.some((m) => m.claim.documentId === c.documentId && m.claim.id !== c.id) ?? false
  if (holdsArticle(ga, b) || holdsArticle(gb, a)) return "a group already holds another figure of the other's article"
  if (ga && gb) return "each in another group"
  if (ga || gb) return "one in another group, the other alone"
  return "neither in any group"
}

/** Causes by count, most first, as eval lines. */
export const lines = (tally: ReadonlyMap<string, number>, groups: number, sets: number): ReadonlyArray<string> => {
  const missed = [...tally.values()].reduce((a, n) => a + n, 0)
  return [
    `misses     ${missed} of ${groups} gold findings missed in ${sets} story sets, by cause:`,
    ...[...tally]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([k, n]) => `misses     ${String(n).padStart(5)}  ${k}`),
  ]
}

export const run = async (root: string = Stories.storiesDir()): Promise<ReadonlyArray<string>> => {
  const loaded = Stories.loadOrSkip(root, "misses")
  if ("skipped" in loaded) return [loaded.skipped]
  const sets = loaded.sets
  const nlp = Extractor.loadModel()
  const tally = new Map<string, number>()
  // CROSSCHECK_EVAL_VERBOSE=1: each miss too, with its cause and the quotes of its first two claims.
  const verbose = process.env.CROSSCHECK_EVAL_VERBOSE === "1"
  const each: string[] = []
  let groups = 0
  for (const set of sets) {
    const docs = await Stories.documents(set)
    const claims = docs.flatMap((d) => Extractor.extractWith(nlp, d))
    const analysis = Pipeline.analyse(docs, claims)
    const byId = new Map(claims.map((c) => [c.id as string, c]))
    for (const g of set.gold.groups) {
      if (g.trap) continue
      groups++
      const ids = Flags.refIds(g.claims, docs, claims)
      const ranges = Flags.quoteRanges(g.claims, docs)
      const found = Flags.bestFinding(analysis.findings, ids, ranges, claims)
      if (found?.verdict === g.verdict) continue
      let key: string
      if (ids.length < 2) key = "claims not extracted"
      else {
        // Whether a figure of a claim lies inside one of the gold's quotes.
        const covered = (c: Claim.Claim | undefined, q: { span: { start: number; end: number } }) =>
          ranges.some((r) => r.documentId === c?.documentId && r.start <= q.span.start && q.span.end <= r.end)
        // Met in one group: two of the gold's claims there, each by a figure its quote holds (or by a
        // statement, or a claim none of whose figures the quote holds).
        const inQuote = (m: (typeof analysis.groups)[number]["members"][number]) => {
          const c = byId.get(m.claim.id)
          return !m.quantity || !c?.quantities.some((q) => covered(c, q)) || covered(c, m.quantity)
        }
        // A claim with only the figures its quote holds; the whole claim when it holds none or all.
        const quoted = (c: Claim.Claim | undefined): Claim.Claim | undefined => {
          const inside = c?.quantities.filter((q) => covered(c, q)) ?? []
          return c && inside.length > 0 && inside.length < c.quantities.length ? { ...c, quantities: inside } : c
        }
        const aligned = analysis.groups.some(
          (gr) =>
            ids.filter((r) => r.some((id) => gr.members.some((m) => m.claim.id === id && inQuote(m)))).length >= 2,
        )
        // The pair explained is the gold's first two claims, each narrowed to the figures its quote holds:
        // a sentence of several figures is explained by the one the gold is about, not by its first.
        const [a, b] = [0, 1].map((k) => quoted(byId.get(ids[k]?.[0] ?? "")))
        const explained = !aligned && a && b ? Alignment.explain(a, b, docs, {}, claims) : null
        const groupOf = (c: Claim.Claim | undefined) =>
          analysis.groups.find((gr) => gr.members.some((m) => m.claim.id === c?.id && inQuote(m)))
        const pair: PairReading | null = explained
          ? {
              comparable: explained.comparable,
              score: explained.comparable ? explained.score : 0,
              against: explained.reasons.filter((r) => r.weight <= 0).at(-1)?.detail ?? null,
              parted: a && b ? parted(a, b, groupOf(a), groupOf(b)) : null,
            }
          : null
        key = cause(g.verdict, aligned, found?.verdict ?? null, pair)
      }
      tally.set(key, (tally.get(key) ?? 0) + 1)
      if (verbose)
        each.push(
          `  miss  ${set.name} group ${set.gold.groups.indexOf(g) + 1} (${g.verdict}): ${key}${found?.rule ? ` [rule ${found.rule}]` : ""} | ${g.claims
            .slice(0, 2)
            .map((c) => `${c.file}: ${c.quote}`)
            .join(" || ")}`,
        )
    }
  }
  return [...lines(tally, groups, sets.length), ...each]
}
