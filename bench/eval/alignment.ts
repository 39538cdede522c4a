/**
 * Alignment quality: pairwise precision and recall of aligned claim pairs on the gold story sets and
 * on hand-checked pairs of the seed page. A predicted pair counts when at least one of its claims is
 * in the gold (gold groups are complete for the claims they list); pairs of unjudged claims are only counted.
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
]
/** Pairs that are two facts: different times, different actors. */
const SEED_APART: ReadonlyArray<readonly [string, string]> = [
  ["about 5,000 artillery shells per day", "an average of 15,000 per day"],
  ["North Korea also dismantled its own propaganda speakers", "ordered propaganda speakers to be removed"],
  ["the North had removed its own frontline speakers", "including the removal of South Korean frontline loudspeakers"],
]

const seedScore = (docs: ReadonlyArray<Document.Document>, claims: ReadonlyArray<Claim.Claim>): Scored => {
  const holding = (quote: string) =>
    claims.filter((c) => {
      const doc = docs.find((d) => d.id === c.documentId)
      const at = doc?.text.indexOf(quote, c.span.start) ?? -1
      return at >= c.span.start && at < c.span.end
    })
  const positive = new Set<string>()
  const negative = new Set<string>()
  const judged = new Set<string>()
  const pairUp = (target: Set<string>, list: ReadonlyArray<Claim.Claim>) => {
    for (const c of list) judged.add(c.id)
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]
        const b = list[j]
        if (a && b && a.documentId !== b.documentId) target.add(Stories.pairKey(a.id, b.id))
      }
  }
  for (const g of SEED_GROUPS) pairUp(positive, g.quotes.flatMap(holding))
  for (const [x, y] of SEED_APART) {
    const xs = holding(x)
    const ys = holding(y)
    for (const a of xs) for (const b of ys) if (a.id !== b.id) negative.add(Stories.pairKey(a.id, b.id))
  }
  const groups = Alignment.align(claims, docs)
  // Same-document pairs (5,000 and 15,000 a day) never form a pair, so check them as one group too.
  let sameGroup = 0
  for (const [x, y] of SEED_APART) {
    const xs = new Set(holding(x).map((c) => c.id))
    const ys = new Set(holding(y).map((c) => c.id))
    if (groups.some((g) => g.members.some((m) => xs.has(m.claim.id)) && g.members.some((m) => ys.has(m.claim.id))))
      sameGroup++
  }
  const s = score(predictedPairs(groups), positive, negative, judged)
  return { ...s, violations: s.violations + sameGroup }
}

export const run = async (): Promise<ReadonlyArray<string>> => {
  const nlp = Extractor.loadModel()
  const sets = Stories.load()
  const lines: string[] = []
  let total: Scored = { tp: 0, fp: 0, fn: 0, violations: 0, unjudged: 0 }
  let missing = 0
  for (const set of sets) {
    const docs = await Stories.documents(set)
    const claims = docs.flatMap((d) => Extractor.extractWith(nlp, d))
    const gold = Stories.pairs(set, docs, claims)
    missing += gold.missing.length
    const s = score(predictedPairs(Alignment.align(claims, docs)), gold.positive, gold.negative, gold.judged)
    total = add(total, s)
    lines.push(line("alignment", set.name, s, `must-not-align ${s.violations}`))
  }
  lines.push(
    line(
      "alignment",
      `stories (${sets.length} sets)`,
      total,
      `must-not-align ${total.violations}, unjudged pairs ${total.unjudged}, gold claims not extracted ${missing}`,
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
