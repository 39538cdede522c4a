/**
 * Time against size of each hostile-input generator (issue #16), read and extracted in this thread:
 * the slope of a log-log fit from 10 KB to 100 KB, which stays near 1 when the work is linear (≤ 1.2).
 */
import { Extractor } from "@crosscheck/extractor"
import { Inputs } from "@crosscheck/sources"
import fc from "fast-check"
import { type Generator, generators, PUNCTUATION, repeatTo } from "../../packages/cli/test/Hostile.js"
import { leastSquaresSlope } from "./timing.js"

const SIZES = [10_000, 20_000, 40_000, 70_000, 100_000]
/** The bound the issue sets on the slope. */
const LIMIT = 1.2

/** Least-squares slope of log(ms) against log(size). */
export const slope = (points: ReadonlyArray<readonly [number, number]>): number =>
  leastSquaresSlope(
    points.map(([x]) => Math.log(x)),
    points.map(([, y]) => Math.log(Math.max(y, 0.01))),
  )

// Long runs of each punctuation character, and units fast-check makes from digits, separators, quotes,
// report verbs, names and markup (seeded, so each run measures the same inputs).
const runs: ReadonlyArray<Generator> = PUNCTUATION.map((c) => ({
  name: `run of ${c}`,
  ext: ".txt" as const,
  make: (n: number) => c.repeat(n),
}))
const pieces = [
  "1",
  "9",
  ",",
  ".",
  "-",
  "/",
  ":",
  '"',
  "“",
  "”",
  "'",
  " said ",
  " Kim ",
  " Lee Jae ",
  "<b>",
  "</b>",
  "%",
  "$",
]
const sampled: ReadonlyArray<Generator> = fc
  .sample(fc.array(fc.constantFrom(...pieces), { minLength: 2, maxLength: 8 }), { numRuns: 8, seed: 16 })
  .map((unit) => unit.join(""))
  .map((unit) => ({
    name: `fast-check ${JSON.stringify(unit)}`,
    ext: ".txt" as const,
    make: (n: number) => repeatTo(unit, n),
  }))

export const run = async (): Promise<ReadonlyArray<string>> => {
  const nlp = Extractor.loadModel()
  const lines: string[] = []
  for (const g of [...generators, ...runs, ...sampled]) {
    const texts = SIZES.map((n) => g.make(n))
    const once = (text: string) => {
      for (const d of Inputs.readText(`hostile${g.ext}`, text).documents) Extractor.extractWith(nlp, d)
    }
    // Milliseconds per call, over as many calls as fill 30 ms (a fast input is timed over several calls).
    const perCall = (text: string): number => {
      const started = performance.now()
      let calls = 0
      do {
        once(text)
        calls++
      } while (performance.now() - started < 30)
      return (performance.now() - started) / calls
    }
    // The fastest of three rounds, each over every size in turn: the machine is shared, noise only ever
    // adds time, and a busy spell then slows one round rather than one size.
    const best = SIZES.map(() => Number.POSITIVE_INFINITY)
    for (let round = 0; round < 3; round++)
      texts.forEach((text, i) => {
        best[i] = Math.min(best[i] ?? Number.POSITIVE_INFINITY, perCall(text))
      })
    const points = SIZES.map((n, i): readonly [number, number] => [n, best[i] ?? 0])
    const s = slope(points)
    const cells = points.map(([n, ms]) => `${n / 1000}k ${ms.toFixed(1)}ms`).join(", ")
    lines.push(`hostile    ${g.name.padEnd(34)} slope ${s.toFixed(2)}${s > LIMIT ? " ABOVE 1.2" : ""}  (${cells})`)
  }
  return lines
}
