/**
 * Which documents are copies of one story. Copies share most of their own (unquoted) wording, whatever
 * headline, caption, byline or copyright lines surround it; agency credits move the bar up or down.
 */
import { type Document, Ids } from "@crosscheck/domain"
import * as Shingles from "./internal/shingles.js"
import * as UnionFind from "./internal/unionFind.js"
import * as WireCredit from "./WireCredit.js"

/** Share of the smaller document's shingles found in the other one that makes a copy. */
export const THRESHOLD = 0.5
/** When both documents credit the same agency, a rewritten or updated wire story still counts. */
export const THRESHOLD_SAME_WIRE = 0.3
/** When they credit different agencies only, they are two agencies' stories: ask for near identity. */
export const THRESHOLD_OTHER_WIRE = 0.8
/** Fewer shared shingles than this (about two sentences) is not evidence of copying at all. */
export const MIN_SHARED = 10
/** Candidates verified per document, best first. */
const CANDIDATES = 8
/** A fingerprint found in more clusters than this is a stock phrase, useless for finding copies. */
const MAX_POSTING = 200

export interface Options {
  /** Agencies credited per document id, found by the readers in lines they dropped from the text. */
  readonly credits?: ReadonlyMap<string, ReadonlyArray<string>>
}

/** Why two documents were put in one group: the figures a reader can check. */
export interface Link {
  readonly a: string
  readonly b: string
  /** Share of the smaller document's unquoted shingles that the other one has too. */
  readonly containment: number
  readonly shared: number
  readonly threshold: number
  /** The agency both credit, when that lowered the bar. */
  readonly wire: string | null
}

interface Prepared {
  readonly text: string
  readonly own: Uint32Array
  /** Whole-text shingles, computed only when a comparison needs them. */
  all: Uint32Array | null
  readonly fingerprints: ReadonlyArray<number>
  readonly wires: ReadonlyArray<string>
  /** The outlet (canonical when known) and the day it published: an outlet's own follow-up is not a copy. */
  readonly outlet: string
  readonly day: string | null
}

const prepare = (d: Document.Document, credits: ReadonlyArray<string> | undefined): Prepared => {
  const own = Shingles.own(d.text)
  const wires = [...new Set([...(credits ?? []), ...WireCredit.find(d.text)])]
  const all = Shingles.tooFew(own) ? Shingles.all(d.text) : null
  return {
    text: d.text,
    own,
    all,
    fingerprints: Shingles.fingerprints(all ?? own),
    wires,
    outlet: d.canonicalOutlet ?? d.outlet,
    day: d.publishedAt?.slice(0, 10) ?? null,
  }
}

const whole = (p: Prepared): Uint32Array => {
  if (!p.all) p.all = Shingles.all(p.text)
  return p.all
}

/** The bar two documents must clear, and the agency that set it, from what they credit. */
export const thresholdFor = (
  a: ReadonlyArray<string>,
  b: ReadonlyArray<string>,
): { threshold: number; wire: string | null } => {
  const common = a.find((w) => b.includes(w))
  if (common) return { threshold: THRESHOLD_SAME_WIRE, wire: common }
  if (a.length > 0 && b.length > 0) return { threshold: THRESHOLD_OTHER_WIRE, wire: null }
  return { threshold: THRESHOLD, wire: null }
}

const compare = (ids: ReadonlyArray<string>, docs: ReadonlyArray<Prepared>, i: number, j: number): Link | null => {
  const a = docs[i]
  const b = docs[j]
  if (!a || !b) return null
  // One outlet's article of a later day that repeats its earlier one's background is its own follow-up,
  // not a copy: a figure it changed is an update the report shows, not hidden as "copies of one story".
  if (a.outlet === b.outlet && a.day !== null && b.day !== null && a.day !== b.day) return null
  // Quoted passages are left out unless one side is mostly quotation; then both sides keep them.
  const [sa, sb] = Shingles.tooFew(a.own) || Shingles.tooFew(b.own) ? [whole(a), whole(b)] : [a.own, b.own]
  const shared = Shingles.shared(sa, sb)
  if (shared < MIN_SHARED) return null
  const containment = shared / Math.min(sa.length, sb.length)
  const { threshold, wire } = thresholdFor(a.wires, b.wires)
  if (containment < threshold) return null
  return { a: ids[j] ?? "", b: ids[i] ?? "", containment, shared, threshold, wire }
}

/**
 * Every link that joins two documents into one group, each with its figures. Candidates come from an
 * index of sampled shingles in which each group appears once, so a story reprinted by hundreds of
 * outlets stays cheap and unrelated documents are never compared.
 */
export const links = (documents: ReadonlyArray<Document.Document>, options: Options = {}): ReadonlyArray<Link> => {
  const ids = documents.map((d) => d.id as string)
  const docs = documents.map((d) => prepare(d, options.credits?.get(d.id)))
  const { find, union } = UnionFind.make(documents.length)
  // A fingerprint's documents: most have one, kept as the number itself (a million small arrays
  // would weigh over 100 MB at 10,000 articles); an array once there are more.
  const index = new Map<number, number | number[]>()
  const out: Link[] = []
  docs.forEach((doc, i) => {
    const votes = new Map<number, number>()
    for (const f of doc.fingerprints) {
      const posting = index.get(f)
      if (posting === undefined) continue
      if (typeof posting === "number") votes.set(posting, (votes.get(posting) ?? 0) + 1)
      else if (posting.length <= MAX_POSTING) for (const j of posting) votes.set(j, (votes.get(j) ?? 0) + 1)
    }
    const ranked = [...votes].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, CANDIDATES)
    for (const [j] of ranked) {
      if (find(i) === find(j)) continue
      const link = compare(ids, docs, i, j)
      if (link) {
        out.push(link)
        union(i, j)
      }
    }
    const root = find(i)
    for (const f of doc.fingerprints) {
      const posting = index.get(f)
      if (posting === undefined) index.set(f, i)
      else if (typeof posting === "number") {
        if (find(posting) !== root) index.set(f, [posting, i])
      } else if (posting.length <= MAX_POSTING && !posting.some((j) => find(j) === root)) posting.push(i)
    }
  })
  return out
}

/** Returns the documents with `syndicationGroup` set for every document that has a copy. */
export const group = (
  documents: ReadonlyArray<Document.Document>,
  options: Options = {},
): ReadonlyArray<Document.Document> => {
  const byId = new Map(documents.map((d, i) => [d.id as string, i]))
  const { find, union } = UnionFind.make(documents.length)
  for (const link of links(documents, options)) {
    const a = byId.get(link.a)
    const b = byId.get(link.b)
    if (a !== undefined && b !== undefined) union(a, b)
  }
  const members = new Map<number, number[]>()
  documents.forEach((_, i) => {
    const r = find(i)
    const list = members.get(r)
    if (list) list.push(i)
    else members.set(r, [i])
  })
  const groupOf = new Map<number, string>()
  for (const [root, list] of members) {
    if (list.length < 2) continue
    const ids = list.map((i) => documents[i]?.id ?? "").sort()
    groupOf.set(root, Ids.hashId("s", ...ids))
  }
  return documents.map((d, i) => ({ ...d, syndicationGroup: groupOf.get(find(i)) ?? null }))
}
