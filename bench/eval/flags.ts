/**
 * Issue 15's end-to-end measures on a root of gold story sets: findings recall (gold groups found with their
 * verdict), flagged conflicts (contradict/disputed) and how many the gold makes, and "must not flag" cases flagged.
 */
import type { Claim, Document, Finding } from "@crosscheck/domain"
import * as Stories from "./stories.js"

/** The verdicts a reader acts on as a conflict between sources. */
const CONFLICT: ReadonlySet<Finding.Verdict> = new Set(["contradict", "disputed"])

/**
 * A gold group's references as claim ids, one entry per reference: the claim its quote names, then the
 * claim the same quote names in any other article of the set whose sentence reads word for word the
 * same (a wire copy: the gold cites one copy, the pipeline may cite the other, and either is the claim).
 */
export type RefIds = ReadonlyArray<ReadonlyArray<string>>

/** How many of the references have a claim (or a copy of it) among the finding's claims. */
export const shared = (f: Finding.Finding, refs: RefIds): number => held(f, refs).length

const held = (f: Finding.Finding, refs: RefIds): RefIds =>
  refs.filter((ids) => ids.some((id) => (f.claimIds as ReadonlyArray<string>).includes(id)))

/**
 * How many of the references a finding sets against each other: those it holds, except that a finding
 * listing sides (a contradiction's positions, a dispute's claim and its denials) says that references
 * which all stand on one of its sides agree (the two outlets giving "eight" against a third's "six"),
 * so those count as one. What flags a must-not-flag case; `shared` is what finds a gold group (and makes a
 * flagged conflict right).
 */
export const opposed = (f: Finding.Finding, refs: RefIds): number => {
  const h = held(f, refs)
  const onOneSide = (side: ReadonlyArray<string>) => h.every((ids) => ids.some((id) => side.includes(id)))
  return h.length >= 2 && f.sides?.some(onOneSide) ? 1 : h.length
}

/** Where a gold group's quotes stand: in the article each names and in every article that repeats it word for word. */
export interface QuoteRange {
  readonly documentId: string
  readonly start: number
  readonly end: number
}

export const quoteRanges = (
  refs: ReadonlyArray<Stories.ClaimRef>,
  docs: ReadonlyArray<Document.Document>,
): ReadonlyArray<QuoteRange> =>
  refs.flatMap((ref) =>
    docs.flatMap((d) => {
      const at = d.text.indexOf(ref.quote)
      return at < 0 ? [] : [{ documentId: d.id as string, start: at, end: at + ref.quote.length }]
    }),
  )

/** How many of a finding's figures lie inside a gold group's quotes (0 for a finding with no figures). */
const figuresQuoted = (
  f: Finding.Finding,
  ranges: ReadonlyArray<QuoteRange>,
  documentOf: (claimId: string) => string | undefined,
): number =>
  (f.figures ?? []).filter((fig) => {
    const d = documentOf(fig.claimId)
    return ranges.some((r) => r.documentId === d && r.start <= fig.span.start && fig.span.end <= r.end)
  }).length

/**
 * The finding that best covers a gold group: the most of its claims, then the most of its figures (a
 * sentence may give two: "More than 200 firefighters fought the blaze for nine hours", and the group is
 * about one of them), then the fewest other claims (a finding for one day's figures beside the timeline
 * that also holds them); undefined when none holds two. `ranges` and `claims` place the figures; without
 * them figures are not weighed.
 */
export const bestFinding = (
  findings: ReadonlyArray<Finding.Finding>,
  refs: RefIds,
  ranges: ReadonlyArray<QuoteRange> = [],
  claims: ReadonlyArray<Claim.Claim> = [],
): Finding.Finding | undefined => {
  if (refs.length < 2) return undefined
  const documents = new Map(claims.map((c) => [c.id as string, c.documentId as string]))
  const quoted = (f: Finding.Finding) => figuresQuoted(f, ranges, (id) => documents.get(id))
  const best = [...findings].sort(
    (a, b) => shared(b, refs) - shared(a, refs) || quoted(b) - quoted(a) || a.claimIds.length - b.claimIds.length,
  )[0]
  return best && shared(best, refs) >= 2 ? best : undefined
}

/** The references' claims with their copies (see `RefIds`); two references naming one claim count once. */
export const refIds = (
  refs: ReadonlyArray<Stories.ClaimRef>,
  docs: ReadonlyArray<Document.Document>,
  claims: ReadonlyArray<Claim.Claim>,
): RefIds => {
  const seen = new Set<string>()
  return refs.flatMap((ref) => {
    const { claim } = Stories.locate(ref, docs, claims)
    if (!claim || seen.has(claim.id)) return []
    seen.add(claim.id)
    const copies = docs.flatMap((d) => {
      if (d.id === claim.documentId || !d.text.includes(ref.quote)) return []
      const copy = Stories.locate({ file: Stories.fileOf(d), quote: ref.quote }, docs, claims).claim
      return copy && copy.text === claim.text ? [copy.id as string] : []
    })
    return [[claim.id as string, ...copies]]
  })
}

interface Count {
  total: number
  hit: number
}

export interface FlagTally {
  /** Non-trap gold groups by verdict; `hit`: the finding holding most of its claims (at least two) has its verdict. */
  readonly recall: Map<string, Count>
  /** Flagged conflicts by verdict; `hit`: a non-trap gold group of that verdict holds two of its claims. */
  readonly flagged: Map<string, Count>
  /** Must-not-flag cases by kind; `hit`: a contradict/disputed finding holds two of the case's claims. */
  readonly mustNotFlag: Map<string, Count>
  /** Right flagged conflicts that also hold a must-not-flag case (a true conflict lumped with unrelated numbers). */
  mixed: number
  readonly misses: string[]
}

export const tally = (): FlagTally => ({
  recall: new Map(),
  flagged: new Map(),
  mustNotFlag: new Map(),
  mixed: 0,
  misses: [],
})

const bump = (m: Map<string, Count>, key: string, hit: boolean) => {
  const c = m.get(key) ?? { total: 0, hit: 0 }
  c.total++
  if (hit) c.hit++
  m.set(key, c)
}

/**
 * Scores one set's end-to-end findings. A group whose quotes found fewer than two claims counts as not found
 * (the extractor missed it), so recall is over every non-trap gold group. Must-not-flag cases are the trap
 * groups, the non-trap groups whose gold verdict is not a conflict (agree, compatible, changed, single-source)
 * and the not-aligned pairs.
 */
export const score = (
  t: FlagTally,
  set: Stories.StorySet,
  docs: ReadonlyArray<Document.Document>,
  claims: ReadonlyArray<Claim.Claim>,
  findings: ReadonlyArray<Finding.Finding>,
): void => {
  const conflicts = findings.filter((f) => CONFLICT.has(f.verdict))
  const flaggedBy = (ids: RefIds) => (ids.length >= 2 ? conflicts.find((f) => opposed(f, ids) >= 2) : undefined)
  const goldIds = set.gold.groups.map((g) => refIds(g.claims, docs, claims))
  const mustNot = [
    ...goldIds.filter((_, i) => {
      const g = set.gold.groups[i]
      return g !== undefined && (g.trap || !CONFLICT.has(g.verdict))
    }),
    ...set.gold.notAligned.map((pair) => refIds(pair, docs, claims)),
  ].filter((ids) => ids.length >= 2)
  set.gold.groups.forEach((g, i) => {
    const where = `${set.name} group ${i + 1} (${g.trap ? "trap " : ""}${g.verdict})`
    const ids = goldIds[i] ?? []
    const flag = flaggedBy(ids)
    if (g.trap || !CONFLICT.has(g.verdict)) {
      bump(t.mustNotFlag, g.trap ? "traps" : "non-conflict groups", flag !== undefined)
      if (flag) t.misses.push(`${where}: must not flag, flagged ${flag.verdict}: ${flag.summary}`)
    }
    if (g.trap) return
    const found = bestFinding(findings, ids, quoteRanges(g.claims, docs), claims)
    bump(t.recall, g.verdict, found?.verdict === g.verdict)
    if (found?.verdict !== g.verdict)
      t.misses.push(`${where}: ${ids.length < 2 ? "claims not extracted" : `got ${found?.verdict ?? "no finding"}`}`)
  })
  set.gold.notAligned.forEach((pair, i) => {
    const flag = flaggedBy(refIds(pair, docs, claims))
    bump(t.mustNotFlag, "not-aligned pairs", flag !== undefined)
    if (flag) t.misses.push(`${set.name} not-aligned pair ${i + 1}: flagged ${flag.verdict}: ${flag.summary}`)
  })
  for (const f of conflicts) {
    const right = set.gold.groups.some((g, i) => !g.trap && g.verdict === f.verdict && shared(f, goldIds[i] ?? []) >= 2)
    bump(t.flagged, f.verdict, right)
    if (!right) t.misses.push(`${set.name}: wrong ${f.verdict}: ${f.summary}`)
    else if (mustNot.some((ids) => opposed(f, ids) >= 2)) {
      t.mixed++
      t.misses.push(`${set.name}: right ${f.verdict} that also holds a must-not-flag case: ${f.summary}`)
    }
  }
}

const sum = (m: Map<string, Count>): Count =>
  [...m.values()].reduce((a, c) => ({ total: a.total + c.total, hit: a.hit + c.hit }), { total: 0, hit: 0 })

const parts = (m: Map<string, Count>): string =>
  [...m.keys()]
    .sort()
    .map((k) => `${k} ${m.get(k)?.hit ?? 0}/${m.get(k)?.total ?? 0}`)
    .join(", ")

/** The three measures as `pnpm eval` lines, with issue 15's bars for unseen stories beside them. */
export const lines = (t: FlagTally): ReadonlyArray<string> => {
  const recall = sum(t.recall)
  const flagged = sum(t.flagged)
  const mustNot = sum(t.mustNotFlag)
  const ratio = recall.total === 0 ? 0 : recall.hit / recall.total
  return [
    `verdicts   ${"findings recall".padEnd(28)} ${ratio.toFixed(2).padStart(5)}  (${recall.hit}/${recall.total} gold groups found with their verdict: ${parts(t.recall)})  (target 0.70)`,
    `verdicts   ${"flagged conflicts right".padEnd(28)} ${`${flagged.hit}/${flagged.total}`.padStart(5)}  (${parts(t.flagged) || "none flagged"}; right but also holding a must-not-flag case ${t.mixed})  (target 9 of 10)`,
    `verdicts   ${"must-not-flag cases flagged".padEnd(28)} ${`${mustNot.hit}/${mustNot.total}`.padStart(5)}  (${parts(t.mustNotFlag)})  (target 0)`,
  ]
}
