/**
 * Groups claims from different documents that are about the same thing. Candidates come from a
 * blocking index (counted thing + unit + rate for quantities; predicate + object head for
 * statements), so documents are never compared pairwise. Each group says why it was formed.
 */
import type { AlignedGroup, Claim, Document, Quantity } from "@crosscheck/domain"

type Group = AlignedGroup.AlignedGroup
type Member = AlignedGroup.Member

const head = (phrase: string | null): string | null => {
  if (!phrase) return null
  const words = phrase.toLowerCase().split(/\s+/).filter(Boolean)
  return words[words.length - 1] ?? null
}

const quantityKey = (q: Quantity.Quantity): string | null => {
  // Without a counted thing, "24 years" and "80 years" share only a unit, which is not a fact.
  const thing = head(q.counted)
  if (!thing) return null
  return `${thing ?? "-"}|${q.unit ?? "-"}|${q.per ?? "-"}`
}

const statementKey = (c: Claim.Claim): string | null => {
  const object = head(c.object)
  if (!c.predicate || !object) return null
  return `${c.predicate}|${object}`
}

/** Aligned groups: every key shared by claims of at least two documents. */
export const align = (
  claims: ReadonlyArray<Claim.Claim>,
  _documents: ReadonlyArray<Document.Document> = [],
): ReadonlyArray<Group> => {
  const index = new Map<string, { kind: Group["kind"]; members: Member[] }>()
  const add = (key: string, kind: Group["kind"], member: Member) => {
    const entry = index.get(key) ?? { kind, members: [] }
    entry.members.push(member)
    index.set(key, entry)
  }
  for (const claim of claims) {
    if (claim.kind === "numeric") {
      for (const q of claim.quantities) {
        const key = quantityKey(q)
        if (key) add(`n:${key}`, "numeric", { claim, quantity: q })
      }
    } else {
      const key = statementKey(claim)
      if (key) add(`s:${key}`, "statement", { claim, quantity: null })
    }
  }
  const groups: Group[] = []
  for (const [key, { kind, members }] of index) {
    const docs = new Set(members.map((m) => m.claim.documentId))
    if (docs.size < 2) continue
    const [thing, unit, per] = key.slice(2).split("|")
    const reasons =
      kind === "numeric"
        ? [`same counted thing "${thing}"`, `same unit ${unit}`, per === "-" ? "no rate" : `same rate per ${per}`]
        : [`same predicate "${thing}"`, `same object "${unit}"`]
    groups.push({ kind, key, members, reasons })
  }
  return groups.sort((a, b) => (a.key < b.key ? -1 : 1))
}
