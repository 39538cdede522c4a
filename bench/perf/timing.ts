/** Shared timing helpers for `pnpm bench`: repeated runs after a warm-up, and documents from text. */
import { type Document, Ids } from "@crosscheck/domain"

/** Mean milliseconds per call, over as many calls as fit in `minMs` after one warm-up call. */
export const time = (fn: () => void, minMs = 1500): number => {
  fn()
  let runs = 0
  const started = performance.now()
  while (performance.now() - started < minMs) {
    fn()
    runs++
  }
  return (performance.now() - started) / runs
}

export const asDocument = (text: string, index: number, outlet = "bench"): Document.Document => ({
  id: Ids.documentId("bench", index, text),
  outlet,
  title: null,
  publishedAt: null,
  url: null,
  origin: { path: "bench", index },
  syndicationGroup: null,
  text,
})

/** Least-squares slope of y over x (0 when every x is the same). */
export const leastSquaresSlope = (xs: ReadonlyArray<number>, ys: ReadonlyArray<number>): number => {
  const mx = xs.reduce((s, v) => s + v, 0) / xs.length
  const my = ys.reduce((s, v) => s + v, 0) / ys.length
  let num = 0
  let den = 0
  xs.forEach((x, i) => {
    num += (x - mx) * ((ys[i] ?? 0) - my)
    den += (x - mx) ** 2
  })
  return den === 0 ? 0 : num / den
}
