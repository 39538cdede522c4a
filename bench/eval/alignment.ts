/**
 * Alignment quality: pairwise precision and recall of aligned claim pairs on the gold story sets (of the root
 * `--root` names) and on hand-checked pairs of passages of the seed page. A predicted pair counts when at least
 * one of its claims is in the gold (gold groups are complete for the claims they list); pairs of unjudged claims
 * are only counted.
 */
import type { AlignedGroup, Claim, Document } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import { Alignment } from "@crosscheck/matcher"
import { Inputs } from "@crosscheck/sources"
import { Effect } from "effect"
import { type Counts, line } from "./metrics.js"
import * as Stories from "./stories.js"

/** Every pair of claims from different documents that share a group. */
export const predictedPairs = (groups: ReadonlyArray<AlignedGroup.AlignedGroup>): Set<string> => {
  const out = new Set<string>()
  for (const g of groups)
    for (let i = 0; i < g.members.length; i++)
      for (let j = i + 1; j < g.members.length; j++) {
        const a = g.members[i]?.claim
        const b = g.members[j]?.claim
        if (a && b && a.id !== b.id && a.documentId !== b.documentId) out.add(Stories.pairKey(a.id, b.id))
      }
  return out
}

interface Scored extends Counts {
  readonly violations: number
  readonly unjudged: number
}

const score = (
  predicted: ReadonlySet<string>,
  positive: ReadonlySet<string>,
  negative: ReadonlySet<string>,
  judged: ReadonlySet<string>,
): Scored => {
  let tp = 0
  let fp = 0
  let violations = 0
  let unjudged = 0
  for (const p of predicted) {
    const [a = "", b = ""] = p.split("|")
    if (positive.has(p)) tp++
    else if (judged.has(a) || judged.has(b)) fp++
    else unjudged++
    if (negative.has(p)) violations++
  }
  let fn = 0
  for (const p of positive) if (!predicted.has(p)) fn++
  return { tp, fp, fn, violations, unjudged }
}

const add = (x: Scored, y: Scored): Scored => ({
  tp: x.tp + y.tp,
  fp: x.fp + y.fp,
  fn: x.fn + y.fn,
  violations: x.violations + y.violations,
  unjudged: x.unjudged + y.unjudged,
})

const SEED = new URL("../../seeds/000_e79dfb977574f8ce.txt", import.meta.url)

/** Hand-checked pairs of the seed page, by quote (an exact substring of the claim's sentence). */
const SEED_GROUPS: ReadonlyArray<{ readonly what: string; readonly quotes: ReadonlyArray<string> }> = [
  {
    what: "the North's speakers",
    quotes: [
      "North Korea also dismantled its own propaganda speakers",
      "the North had removed its own frontline speakers",
    ],
  },
  {
    what: "Lee's removal of the South's speakers",
    quotes: [
      "ordered propaganda speakers to be removed",
      "including the removal of South Korean frontline loudspeakers",
    ],
  },
  { what: "North Korean troops", quotes: ["11,000 North Korean troops", "sending thousands of troops"] },
  // One figure at two times: a timeline (judged "changed"), not two facts, since schemaVersion 2.
  {
    what: "shells a day, then and later",
    quotes: ["about 5,000 artillery shells per day", "an average of 15,000 per day"],
  },
]
/** Pairs that are two facts: different actors. */
const SEED_APART: ReadonlyArray<readonly [string, string]> = [
  ["North Korea also dismantled its own propaganda speakers", "ordered propaganda speakers to be removed"],
  ["the North had removed its own frontline speakers", "including the removal of South Korean frontline loudspeakers"],
]

/**
 * The seed is judged by passage (a quote in one document), not by claim: a sentence may give a
 * statement and a numeric claim over one span, and the hand-checked pair is about the passages. A
 * gold pair of passages is found when any claims holding them are aligned together.
 */
const seedScore = (docs: ReadonlyArray<Document.Document>, claims: ReadonlyArray<Claim.Claim>): Scored => {
  /** Passage keys (document and quote) of each claim that holds a quote. */
  const passagesOf = new Map<string, string[]>()
  const passages = (quote: string): ReadonlyArray<string> => {
    const keys = new Set<string>()
    for (const c of claims) {
      const doc = docs.find((d) => d.id === c.documentId)
      const at = doc?.text.indexOf(quote, c.span.start) ?? -1
      if (at < c.span.start || at >= c.span.end) continue
      const key = `${c.documentId}#${quote}`
      keys.add(key)
      const list = passagesOf.get(c.id) ?? []
      if (!list.includes(key)) list.push(key)
      passagesOf.set(c.id, list)
    }
    return [...keys]
  }
  const documentOf = (passage: string) => passage.slice(0, passage.indexOf("#"))
  const positive = new Set<string>()
  const negative = new Set<string>()
  const across = (target: Set<string>, xs: ReadonlyArray<string>, ys: ReadonlyArray<string>) => {
    for (const x of xs) for (const y of ys) if (documentOf(x) !== documentOf(y)) target.add(Stories.pairKey(x, y))
  }
  for (const g of SEED_GROUPS) {
    const list = g.quotes.flatMap(passages)
    across(positive, list, list)
  }
  const apart = SEED_APART.map(([x, y]) => [passages(x), passages(y)] as const)
  for (const [xs, ys] of apart) across(negative, xs, ys)
  const groups = Alignment.align(claims, docs)
  const predicted = new Set<string>()
  let fp = 0
  let unjudged = 0
  for (const p of predictedPairs(groups)) {
    const [a = "", b = ""] = p.split("|")
    const pa = passagesOf.get(a) ?? []
    const pb = passagesOf.get(b) ?? []
    if (pa.length > 0 && pb.length > 0) across(predicted, pa, pb)
    else if (pa.length > 0 || pb.length > 0) fp++
    else unjudged++
  }
  let tp = 0
  let violations = 0
  for (const p of predicted) {
    if (positive.has(p)) tp++
    else fp++
    if (negative.has(p)) violations++
  }
  let fn = 0
  for (const p of positive) if (!predicted.has(p)) fn++
  // Same-document passages (5,000 and 15,000 a day) never form a pair, so check them as one group too.
  const passagesIn = groups.map((g) => new Set(g.members.flatMap((m) => passagesOf.get(m.claim.id) ?? [])))
  for (const [xs, ys] of apart)
    for (const x of xs)
      for (const y of ys)
        if (documentOf(x) === documentOf(y) && passagesIn.some((inGroup) => inGroup.has(x) && inGroup.has(y)))
          violations++
  return { tp, fp, fn, violations, unjudged }
}

export const run = async (root: string = Stories.storiesDir()): Promise<ReadonlyArray<string>> => {
  const nlp = Extractor.loadModel()
  const sets = Stories.load(root)
  const lines: string[] = []
  let total: Scored = { tp: 0, fp: 0, fn: 0, violations: 0, unjudged: 0 }
  let missing = 0
  let oneArticle = 0
  for (const set of sets) {
    const docs = await Stories.documents(set)
    const claims = docs.flatMap((d) => Extractor.extractWith(nlp, d))
    const gold = Stories.pairs(set, docs, claims)
    missing += gold.missing.length
    oneArticle += gold.oneArticle
    const s = score(predictedPairs(Alignment.align(claims, docs)), gold.positive, gold.negative, gold.judged)
    total = add(total, s)
    lines.push(line("alignment", set.name, s, `must-not-align ${s.violations}`))
  }
  lines.push(
    line(
      "alignment",
      `stories (${sets.length} sets)`,
      total,
      `must-not-align ${total.violations}, unjudged pairs ${total.unjudged}, gold claims not extracted ${missing}${oneArticle > 0 ? `, traps or not-aligned pairs within one article (not scored) ${oneArticle}` : ""}`,
    ),
  )
  const inputs = await Effect.runPromise(Inputs.read([SEED.pathname]))
  const seedClaims = inputs.documents.flatMap((d) => Extractor.extractWith(nlp, d))
  const seed = seedScore(inputs.documents, seedClaims)
  lines.push(
    line(
      "alignment",
      "seed page (hand-checked)",
      seed,
      `must-not-align ${seed.violations}, pairs of unchecked claims ${seed.unjudged}`,
    ),
  )
  return lines
}
