/**
 * Findings for aligned groups (CONTRACT.md): counts independent sources (syndicated copies once),
 * hands numeric and statement groups to their verdict rules, and writes the summary and explanation.
 */
import { type AlignedGroup, type Claim, type Document, type Finding, Ids } from "@crosscheck/domain"
import {
  type Context,
  clip,
  describeQuantity,
  describeTime,
  describeVoice,
  type Judged,
  make as makeContext,
  sourceLabel,
  sourceOf,
} from "./internal/context.js"
import * as NumericVerdict from "./NumericVerdict.js"
import * as StatementVerdict from "./StatementVerdict.js"

/** At most this many claims are spelled out in one explanation; the rest are counted. */
const LISTED = 6

const VERDICT_WORD: Record<Finding.Verdict, string> = {
  agree: "Agree",
  contradict: "Contradict",
  disputed: "Disputed",
  compatible: "Compatible",
  changed: "Changed",
  "single-source": "Single source",
}

/** The independent sources of a group, each with the claims and outlets behind it. */
const bySource = (ctx: Context, members: ReadonlyArray<AlignedGroup.Member>) => {
  const sources = new Map<string, AlignedGroup.Member[]>()
  for (const m of members) {
    const key = sourceOf(ctx, m.claim)
    sources.set(key, [...(sources.get(key) ?? []), m])
  }
  return [...sources.values()]
}

const topic = (group: AlignedGroup.AlignedGroup): string => {
  const q = group.members.find((m) => m.quantity)?.quantity
  if (group.kind === "numeric" && q) {
    const thing = q.counted ?? q.unit ?? "quantity"
    const unit = q.unit && q.counted && q.unit !== q.counted ? ` (${q.unit})` : ""
    return `${thing}${unit}${q.per ? ` per ${q.per}` : ""}`
  }
  const shortest = [...group.members].sort((a, b) => a.claim.text.length - b.claim.text.length)[0]?.claim
  return shortest ? `"${clip(shortest.attribution.content?.text ?? shortest.text, 100)}"` : group.key
}

const summarise = (ctx: Context, group: AlignedGroup.AlignedGroup, verdict: Finding.Verdict): string => {
  const sides = bySource(ctx, group.members).map((ms) => {
    const label = sourceLabel(
      ctx,
      ms.map((m) => m.claim),
    )
    const values = [...new Set(ms.flatMap((m) => (m.quantity ? [m.quantity.text] : [])))]
    const challenged = ms.find((m) => m.claim.attribution.stance !== "asserts")?.claim
    const stance = challenged
      ? ` (${challenged.attribution.source?.text ?? "a party"} ${challenged.attribution.stance === "denies" ? "denies" : "disputes"})`
      : ""
    return `${label}${values.length > 0 ? `: ${values.join(", ")}` : ""}${stance}`
  })
  return `${VERDICT_WORD[verdict]}: ${topic(group)} — ${sides.join(" vs ")}`
}

/** Each independent source's values, voice and time; copies of one story saying the same are listed once. */
const listClaims = (ctx: Context, members: ReadonlyArray<AlignedGroup.Member>): string => {
  const entries = new Map<string, { claims: Claim.Claim[]; text: string }>()
  for (const m of members) {
    const value = m.quantity ? `${describeQuantity(m.quantity)}, ` : ""
    const text = `${value}${describeVoice(m.claim)}, ${describeTime(m.claim)}`
    const key = `${sourceOf(ctx, m.claim)}\u0000${text}`
    const entry = entries.get(key) ?? { claims: [], text }
    entry.claims.push(m.claim)
    entries.set(key, entry)
  }
  const all = [...entries.values()]
  const lines = all.slice(0, LISTED).map((e) => `${sourceLabel(ctx, e.claims)}: ${e.text}`)
  const rest = all.length > LISTED ? `; and ${all.length - LISTED} more` : ""
  return `${lines.join("; ")}${rest}`
}

/** The finding on one group, or null without two distinct claims from two documents or without comparable values. */
const judgeGroup = (group: AlignedGroup.AlignedGroup, ctx: Context): Finding.Finding | null => {
  const seen = new Set<string>()
  const members = group.members.filter((m) => !seen.has(m.claim.id) && seen.add(m.claim.id))
  const claimIds = members.map((m) => m.claim.id)
  const [first, second] = claimIds
  // A finding rests on claims from at least two documents (CONTRACT.md), even if only copies.
  if (first === undefined || second === undefined || new Set(members.map((m) => m.claim.documentId)).size < 2)
    return null
  const deduped = { ...group, members }
  const sources = new Set(members.map((m) => sourceOf(ctx, m.claim))).size
  const judged: Judged | { verdict: "single-source"; rule: string; why: string } | null =
    sources < 2
      ? {
          verdict: "single-source",
          rule: "one-source",
          why: `every claim comes from ${sourceLabel(
            ctx,
            members.map((m) => m.claim),
          )}, one independent source, so nothing here is checked against anything else`,
        }
      : group.kind === "numeric"
        ? NumericVerdict.judge(deduped, ctx)
        : StatementVerdict.judge(deduped, ctx)
  if (!judged) return null
  const reasons = group.reasons.length > 0 ? `Aligned because: ${group.reasons.join("; ")}. ` : ""
  return {
    id: Ids.findingId(group.key, ...claimIds),
    verdict: judged.verdict,
    claimIds: [first, second, ...claimIds.slice(2)],
    independentSources: sources,
    summary: summarise(ctx, deduped, judged.verdict),
    explanation: `${reasons}Claims: ${listClaims(ctx, members)}. Rule ${judged.rule}: ${judged.why}${/[.!?]$/.test(judged.why) ? "" : "."}`,
  }
}

/** Findings for every aligned group that has at least two distinct claims. */
export const judge = (
  groups: ReadonlyArray<AlignedGroup.AlignedGroup>,
  documents: ReadonlyArray<Document.Document>,
): ReadonlyArray<Finding.Finding> => {
  const ctx = makeContext(documents)
  return groups.flatMap((g) => {
    const f = judgeGroup(g, ctx)
    return f ? [f] : []
  })
}

/** The number of independent sources behind some claims (syndicated copies count once). */
export const independentSources = (
  claims: ReadonlyArray<Claim.Claim>,
  documents: ReadonlyArray<Document.Document>,
): number => {
  const ctx = makeContext(documents)
  return new Set(claims.map((c) => sourceOf(ctx, c))).size
}
