/**
 * Verdicts for aligned groups (CONTRACT.md): quantities compared as intervals with a rounding
 * tolerance, vague against precise is compatible, different times are not a contradiction, and
 * syndicated copies count as one independent source.
 */
import { type AlignedGroup, type Claim, type Document, type Finding, Ids, type Quantity } from "@crosscheck/domain"

/** Relative tolerance for rounding ("nearly 3,000" and "2,950"). */
const ROUNDING = 0.05

const sourceOf = (documents: ReadonlyMap<string, Document.Document>, claim: Claim.Claim): string => {
  const doc = documents.get(claim.documentId)
  return doc?.syndicationGroup ?? claim.documentId
}

const widen = (q: Quantity.Quantity): [number, number] => {
  const tol = q.approximate === "exact" ? 0 : ROUNDING
  const low = q.approximate === "at-most" ? Number.NEGATIVE_INFINITY : q.low * (1 - tol)
  const high = q.approximate === "at-least" ? Number.POSITIVE_INFINITY : q.high * (1 + tol)
  return [low, high]
}

const overlaps = (a: Quantity.Quantity, b: Quantity.Quantity): boolean => {
  const [al, ah] = widen(a)
  const [bl, bh] = widen(b)
  return al <= bh && bl <= ah
}

const sameTime = (a: Claim.Claim, b: Claim.Claim): boolean => {
  if (!a.time || !b.time) return true
  if (a.time.start && b.time.start)
    return a.time.start <= (b.time.end ?? b.time.start) && b.time.start <= (a.time.end ?? a.time.start)
  return a.time.text.toLowerCase() === b.time.text.toLowerCase()
}

const describe = (q: Quantity.Quantity): string =>
  `"${q.text}" (${q.low === q.high ? q.low : `${q.low}–${q.high}`}, ${q.approximate})`

const outletOf = (documents: ReadonlyMap<string, Document.Document>, claim: Claim.Claim): string =>
  documents.get(claim.documentId)?.outlet ?? claim.documentId

const judgeNumeric = (
  group: AlignedGroup.AlignedGroup,
  documents: ReadonlyMap<string, Document.Document>,
): { verdict: Finding.Verdict; why: string } | null => {
  const pairs: Array<[AlignedGroup.Member, AlignedGroup.Member]> = []
  group.members.forEach((a, i) => {
    for (const b of group.members.slice(i + 1)) {
      if (sourceOf(documents, a.claim) !== sourceOf(documents, b.claim)) pairs.push([a, b])
    }
  })
  const timed = pairs.filter(([a, b]) => sameTime(a.claim, b.claim))
  if (pairs.length > 0 && timed.length === 0) return null
  for (const [a, b] of timed) {
    // A vague magnitude never contradicts a precise value: it is the same fact at lower precision.
    if (!a.quantity || !b.quantity || a.quantity.approximate === "vague" || b.quantity.approximate === "vague") continue
    if (!overlaps(a.quantity, b.quantity)) {
      return {
        verdict: "contradict",
        why: `${outletOf(documents, a.claim)} gives ${describe(a.quantity)} and ${outletOf(documents, b.claim)} gives ${describe(b.quantity)}: the intervals do not overlap, allowing ${ROUNDING * 100}% for rounding, and no different time scope separates them`,
      }
    }
  }
  const vague = group.members.some((m) => m.quantity?.approximate === "vague")
  const precise = group.members.some((m) => m.quantity && m.quantity.approximate !== "vague")
  const values = group.members.map((m) => (m.quantity ? describe(m.quantity) : "")).join(", ")
  if (vague && precise)
    return {
      verdict: "compatible",
      why: `values ${values} are consistent at different precision: a vague magnitude contains the precise value`,
    }
  return { verdict: "agree", why: `values ${values} overlap once ranges, approximations and rounding are allowed for` }
}

const judgeStatement = (group: AlignedGroup.AlignedGroup): { verdict: Finding.Verdict; why: string } => {
  const challenged = group.members.find((m) => m.claim.attribution.stance !== "asserts")
  const asserted = group.members.find((m) => m.claim.attribution.stance === "asserts")
  if (challenged && asserted) {
    return {
      verdict: "disputed",
      why: `one claim asserts it; another reports it with stance "${challenged.claim.attribution.stance}" (cue "${challenged.claim.attribution.cue?.text ?? "?"}")`,
    }
  }
  const polarities = new Set(group.members.map((m) => m.claim.polarity))
  if (polarities.size > 1)
    return { verdict: "contradict", why: "the same predicate and object appear with opposite polarity" }
  return { verdict: "agree", why: "the same predicate and object with the same polarity" }
}

/** Findings for every aligned group that has a verdict. */
export const judge = (
  groups: ReadonlyArray<AlignedGroup.AlignedGroup>,
  documentList: ReadonlyArray<Document.Document>,
): ReadonlyArray<Finding.Finding> => {
  const documents = new Map(documentList.map((d) => [d.id as string, d]))
  const findings: Finding.Finding[] = []
  for (const group of groups) {
    const claimIds = [...new Set(group.members.map((m) => m.claim.id))]
    if (claimIds.length < 2) continue
    const sources = new Set(group.members.map((m) => sourceOf(documents, m.claim)))
    const outlets = [...new Set(group.members.map((m) => outletOf(documents, m.claim)))].join(", ")
    const judged =
      sources.size < 2
        ? {
            verdict: "single-source" as const,
            why: "every claim comes from copies of one story, so there is one independent source",
          }
        : group.kind === "numeric"
          ? judgeNumeric(group, documents)
          : judgeStatement(group)
    if (!judged) continue
    findings.push({
      id: Ids.findingId(group.key, ...claimIds),
      verdict: judged.verdict,
      claimIds,
      independentSources: sources.size,
      summary: `${judged.verdict}: ${group.key
        .slice(2)
        .split("|")
        .filter((p) => p !== "-")
        .join(" / ")} (${outlets})`,
      explanation: `${group.reasons.join("; ")}. ${judged.why}.`,
    })
  }
  return findings
}
