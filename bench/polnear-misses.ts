/**
 * `tsx bench/polnear-misses.ts [A|B] [cue|fp|source|content]`: the PolNeAR gold cues of one half that no
 * predicted cue overlaps (fp: predicted cues no gold cue overlaps; source, content: gold attributions whose
 * cue is found but whose source at the cue, or content, is not), counted by their words, for finding kinds.
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
  if (mode === "content" || mode === "source") {
    for (const g of d.gold) {
      const cue = g.cue ?? []
      const a = cue[0]?.[0] ?? -1
      const b = cue[cue.length - 1]?.[1] ?? -1
      const mine = claims.filter(
        (c) => c.attribution.cue && c.attribution.cue.span.start < b && a < c.attribution.cue.span.end,
      )
      if (a < 0 || mine.length === 0) continue
      const wanted = (mode === "content" ? g.content : g.source) ?? []
      if (mode === "source") {
        const at = mine.flatMap((c) => (c.attribution.mention ? [c.attribution.mention.span] : []))
        if (
          at.some((m) => wanted.some(([x, y]) => m.start < y && x < m.end)) ||
          (wanted.length === 0 && at.length === 0)
        )
          continue
        const said = [...new Set(mine.map((c) => c.attribution.mention?.text ?? "-"))].join(" || ")
        show(a, b, `gold ${wanted.map(([x, y]) => d.text.slice(x, y)).join(" … ") || "-"} | predicted ${said}`)
        continue
      }
      // As the eval scores it: the pieces one cue holds together cover half the gold content.
      const total = wanted.reduce((n, [x, y]) => n + y - x, 0)
      const byCue = new Map<number, number>()
      for (const c of mine) {
        const s = c.attribution.content?.span
        const at = c.attribution.cue?.span.start ?? -1
        if (!s) continue
        const covered = wanted.reduce((n, [x, y]) => n + Math.max(0, Math.min(y, s.end) - Math.max(x, s.start)), 0)
        byCue.set(at, (byCue.get(at) ?? 0) + covered)
      }
      if (total === 0 || [...byCue.values()].some((v) => 2 * v >= total)) continue
      const gold = wanted.map(([x, y]) => d.text.slice(x, y)).join(" … ")
      const got = mine.map((c) => c.attribution.content?.text ?? "").join(" || ")
      show(a, b, `gold ${gold.slice(0, 160)} | predicted ${got.slice(0, 160)}`.replace(/\s+/g, " "))
    }
    continue
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
