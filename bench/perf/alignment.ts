/**
 * Alignment time for 1k, 2k, 4k and 8k documents (BASIL articles and generated variants of them)
 * and the growth exponent: the slope of log(time) over log(documents); 1 is linear, the target ≤ 1.2.
 */
import type { Claim, Document } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import { Alignment } from "@crosscheck/matcher"
import { basil } from "../data.js"
import { asDocument, leastSquaresSlope } from "./timing.js"

const SIZES = [1000, 2000, 4000, 8000] as const

/**
 * A variant of a text for variant number `k`: every capitalised word becomes a pseudo-name of the same
 * length, the same in every place it occurs. Offsets stay valid, and each variant reads as another
 * story with other people and places, as a larger corpus would, rather than as copies of one story.
 */
export const renamer = (k: number) => {
  const cache = new Map<string, string>()
  const rename = (word: string): string => {
    const hit = cache.get(word)
    if (hit) return hit
    let h = 2166136261 ^ k
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619)
    let out = ""
    for (let i = 0; i < word.length; i++) {
      h = Math.imul(h ^ (h >>> 13), 2246822507)
      const letter = String.fromCharCode(97 + ((h >>> 0) % 26))
      out += i === 0 ? letter.toUpperCase() : letter
    }
    cache.set(word, out)
    return out
  }
  return (text: string): string => (k === 0 ? text : text.replace(/\b[A-Z][a-z]+\b/g, rename))
}

const variantClaim = (claim: Claim.Claim, document: Document.Document, r: (s: string) => string): Claim.Claim => {
  const rn = <T extends { text: string } | null>(x: T): T => (x ? { ...x, text: r(x.text) } : x)
  return {
    ...claim,
    id: `${claim.id}-${document.id}` as Claim.Claim["id"],
    documentId: document.id,
    text: r(claim.text),
    subject: claim.subject && r(claim.subject),
    object: claim.object && r(claim.object),
    attribution: {
      ...claim.attribution,
      source: rn(claim.attribution.source),
      content: rn(claim.attribution.content),
    },
    quantities: claim.quantities.map((q) => ({ ...q, text: r(q.text), counted: q.counted && r(q.counted) })),
    time: rn(claim.time),
  }
}

export const corpus = (n: number, base: ReadonlyArray<{ text: string; claims: ReadonlyArray<Claim.Claim> }>) => {
  const documents: Document.Document[] = []
  const claims: Claim.Claim[] = []
  for (let i = 0; documents.length < n; i++) {
    const k = Math.floor(i / base.length)
    const original = base[i % base.length]
    if (!original) break
    const r = renamer(k)
    const document = asDocument(r(original.text), i, `outlet-${i % 7}`)
    documents.push(document)
    for (const c of original.claims) claims.push(variantClaim(c, document, r))
  }
  return { documents, claims }
}

/** Least-squares slope of log(y) over log(x). */
export const growthExponent = (xs: ReadonlyArray<number>, ys: ReadonlyArray<number>): number =>
  leastSquaresSlope(xs.map(Math.log), ys.map(Math.log))

/** Wall and CPU milliseconds of one call: CPU time is the steadier figure on a shared machine. */
const measure = (fn: () => void): { wall: number; cpu: number } => {
  const cpu = process.cpuUsage()
  const started = performance.now()
  fn()
  const used = process.cpuUsage(cpu)
  return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000 }
}

export const run = async (): Promise<ReadonlyArray<string>> => {
  const articles = basil()
  if (articles.length === 0) return ["alignment  BASIL skipped: ../shared/data/basil not found"]
  const nlp = Extractor.loadModel()
  const base = articles.map((a, i) => ({ text: a.text, claims: Extractor.extractWith(nlp, asDocument(a.text, i)) }))
  // Warm-up: WordNet's index is read once per process and should not count against the first size.
  const warm = corpus(200, base)
  Alignment.align(warm.claims, warm.documents)
  const lines: string[] = []
  const walls: number[] = []
  const cpus: number[] = []
  for (const n of SIZES) {
    const { documents, claims } = corpus(n, base)
    let groups = 0
    const { wall, cpu } = measure(() => {
      groups = Alignment.align(claims, documents).length
    })
    walls.push(wall)
    cpus.push(cpu)
    const result = `alignment  ${String(n).padStart(5)} documents  ${(wall / 1000).toFixed(2).padStart(6)} s  (CPU ${(cpu / 1000).toFixed(2)} s; ${claims.length} claims, ${groups} groups, ${((1000 * wall) / claims.length).toFixed(0)} µs/claim)`
    lines.push(result)
    // The large sizes take minutes: show each as it is measured (stderr, so stdout stays the result).
    if (process.stderr.isTTY || process.env.CROSSCHECK_PROGRESS) process.stderr.write(`${result}\n`)
  }
  lines.push(
    `alignment  growth exponent ${growthExponent(SIZES, walls).toFixed(2)} (CPU time ${growthExponent(SIZES, cpus).toFixed(2)}) over ${SIZES[0]}–${SIZES[SIZES.length - 1]} documents (target ≤ 1.2; ${base.length} BASIL articles, the rest generated variants)`,
    `alignment  peak resident memory of the bench process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (all sizes, the corpora and the model included)`,
  )
  return lines
}
