/**
 * `tsx bench/polnear-misses.ts [A|B] [cue|fp]`: the PolNeAR gold cues of one half that no predicted cue
 * overlaps (or, with fp, the predicted cues no gold cue overlaps), counted by their words, for finding kinds.
 * N=k prints k contexts per kind (2 by default). Read half A only: half B is the held-out check.
 */
import { Extractor } from "@crosscheck/extractor"
import { extract, half, load } from "./eval/polnear.js"

const which = process.argv[2] ?? "A"
const mode = process.argv[3] ?? "cue"
const docs = (load() ?? []).filter((d) => half(d.name) === which)
const nlp = Extractor.loadModel()
const counts = new Map<string, string[]>()
for (const d of docs) {
  const claims = extract(nlp, d)
  const cues = claims.flatMap((c) => (c.attribution.cue ? [c.attribution.cue.span] : []))
  const hit = (a: number, b: number) => cues.some((s) => s.start < b && a < s.end)
  const show = (a: number, b: number, key: string) => {
    const ctx = `${d.text.slice(Math.max(0, a - 90), a)}[[${d.text.slice(a, b)}]]${d.text.slice(b, b + 60)}`.replace(
      /\s+/g,
      " ",
    )
    counts.set(key, [...(counts.get(key) ?? []), ctx])
  }
  if (mode === "fp") {
    const gold = d.gold.flatMap((g) => g.cue ?? [])
    const seen = new Set<string>()
    for (const s of cues) {
      const k = `${s.start}:${s.end}`
      if (seen.has(k)) continue
      seen.add(k)
      if (!gold.some((g) => g[0] < s.end && s.start < g[1]))
        show(s.start, s.end, d.text.slice(s.start, s.end).toLowerCase())
    }
    continue
  }
  for (const g of d.gold) {
    if (!g.cue || g.cue.length === 0) continue
    const first = g.cue[0]
    const last = g.cue[g.cue.length - 1]
    if (!first || !last) continue
    if (g.cue.some(([a, b]) => hit(a, b))) continue
    const key = g.cue
      .map(([a, b]) => d.text.slice(a, b))
      .join(" … ")
      .toLowerCase()
    show(first[0], last[1], key)
  }
}
const sorted = [...counts].sort((x, y) => y[1].length - x[1].length)
for (const [k, v] of sorted) {
  console.log(`${v.length}\t${k}`)
  for (const c of v.slice(0, Number(process.env.N ?? 2))) console.log(`\t\t${c}`)
}
