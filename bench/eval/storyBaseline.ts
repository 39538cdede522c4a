/**
 * The reference the story stage is measured against: a plain TF-IDF online clustering (one vector of
 * body words, cosine to story centroids, one threshold, no names, titles or dates), as in the bar.
 */
import type { Document } from "@crosscheck/domain"

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu

const counts = (text: string): Map<string, number> => {
  const out = new Map<string, number>()
  for (const m of text.toLowerCase().matchAll(WORD)) out.set(m[0], (out.get(m[0]) ?? 0) + 1)
  return out
}

/**
 * Stories of `documents` placed in the order given: each joins the story whose centroid (sum of its unit
 * vectors) is most similar by cosine if that is at least `threshold`, else starts one. The IDF is counted
 * over the whole feed first (scikit-learn's smoothed IDF, sublinear tf), which favours the baseline: an
 * online system cannot see the feed ahead. Every story is compared: no index, fine for an evaluation.
 */
export const cluster = (documents: ReadonlyArray<Document.Document>, threshold: number): Map<string, string> => {
  const tfs = documents.map((d) => counts(`${d.title ?? ""}\n${d.text}`))
  const df = new Map<string, number>()
  for (const tf of tfs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1)
  const n = documents.length
  const idf = (t: string) => Math.log((1 + n) / (1 + (df.get(t) ?? 0))) + 1
  const centroids: Array<Map<string, number>> = []
  const norms: number[] = []
  const out = new Map<string, string>()
  documents.forEach((d, i) => {
    const v = new Map<string, number>()
    let norm2 = 0
    for (const [t, c] of tfs[i] ?? []) {
      const w = (1 + Math.log(c)) * idf(t)
      v.set(t, w)
      norm2 += w * w
    }
    const norm = Math.sqrt(norm2) || 1
    for (const [t, w] of v) v.set(t, w / norm)
    let best = -1
    let bestScore = Number.NEGATIVE_INFINITY
    centroids.forEach((c, k) => {
      let dot = 0
      for (const [t, w] of v) dot += w * (c.get(t) ?? 0)
      const score = dot / (Math.sqrt(norms[k] ?? 0) || 1)
      if (score > bestScore) [best, bestScore] = [k, score]
    })
    if (best < 0 || bestScore < threshold) {
      best = centroids.length
      centroids.push(new Map())
      norms.push(0)
    }
    const c = centroids[best] as Map<string, number>
    let cq = 0
    for (const [t, w] of v) {
      cq += (c.get(t) ?? 0) * w
      c.set(t, (c.get(t) ?? 0) + w)
    }
    norms[best] = (norms[best] ?? 0) + 2 * cq + 1
    out.set(d.id, `b${best}`)
  })
  return out
}
