/**
 * Which documents are copies of one story. Texts are compared by their word 5-gram shingles:
 * two documents whose shared shingles cover most of the shorter one are copies, whatever the
 * headline, caption, byline or copyright lines around them. Groups are closed transitively.
 */
import { type Document, Ids } from "@crosscheck/domain"

const SHINGLE = 5
/** Share of the smaller document's shingles that must be shared. */
const THRESHOLD = 0.6

const shingles = (text: string): Set<string> => {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  const out = new Set<string>()
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(" "))
  return out
}

export const containment = (a: Set<string>, b: Set<string>): number => {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  if (small.size === 0) return 0
  let shared = 0
  for (const s of small) if (large.has(s)) shared++
  return shared / small.size
}

/** Returns the documents with `syndicationGroup` set for every document that has a copy. */
export const group = (documents: ReadonlyArray<Document.Document>): ReadonlyArray<Document.Document> => {
  const sets = documents.map((d) => shingles(d.text))
  const parent = documents.map((_, i) => i)
  const find = (i: number): number => {
    let r = i
    while (parent[r] !== r) r = parent[r] ?? r
    return r
  }
  // Candidate pairs come from an index of shingles, so unrelated documents are never compared.
  const index = new Map<string, number[]>()
  sets.forEach((set, i) => {
    for (const s of set) {
      const list = index.get(s)
      if (list) list.push(i)
      else index.set(s, [i])
    }
  })
  const compared = new Set<string>()
  for (const list of index.values()) {
    if (list.length < 2 || list.length > 50) continue
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = list[x] ?? 0
        const b = list[y] ?? 0
        const key = `${a}:${b}`
        if (compared.has(key)) continue
        compared.add(key)
        if (containment(sets[a] ?? new Set(), sets[b] ?? new Set()) >= THRESHOLD) parent[find(a)] = find(b)
      }
    }
  }
  const members = new Map<number, number[]>()
  documents.forEach((_, i) => {
    const r = find(i)
    members.set(r, [...(members.get(r) ?? []), i])
  })
  const groupOf = new Map<number, string>()
  for (const [root, list] of members) {
    if (list.length < 2) continue
    const ids = list.map((i) => documents[i]?.id ?? "").sort()
    groupOf.set(root, Ids.hashId("s", ...ids))
  }
  return documents.map((d, i) => ({ ...d, syndicationGroup: groupOf.get(find(i)) ?? null }))
}
