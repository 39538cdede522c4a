/** Precision, recall and F1 from counts, and the one-line format every eval metric prints in. */

export interface Counts {
  readonly tp: number
  readonly fp: number
  readonly fn: number
}

export const prf = ({ tp, fp, fn }: Counts): { p: number; r: number; f1: number } => {
  const p = tp + fp === 0 ? 0 : tp / (tp + fp)
  const r = tp + fn === 0 ? 0 : tp / (tp + fn)
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) }
}

const pct = (x: number): string => (100 * x).toFixed(1)

export const line = (set: string, metric: string, c: Counts, note = ""): string => {
  const { p, r, f1 } = prf(c)
  return `${set.padEnd(10)} ${metric.padEnd(28)} F1 ${pct(f1).padStart(5)}  P ${pct(p).padStart(5)}  R ${pct(r).padStart(5)}  (tp ${c.tp} fp ${c.fp} fn ${c.fn})${note ? `  ${note}` : ""}`
}
