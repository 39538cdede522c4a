/**
 * EQUATE NewsNLI (dev half) through `verify --pairs`: does a news sentence support a numeric claim?
 * 2-way accuracy (supports → entailment), next to the majority class and the "every number occurs" rule.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Pipeline, Verify } from "@crosscheck/pipeline"
import { Effect } from "effect"
import { locate } from "../data.js"

interface Pair {
  readonly id: string
  readonly claim: string
  readonly text: string
  readonly gold: string
}

/** EQUATE's labels: entailment against everything else; a third class only where the data has one. */
const label = (gold: string): "entailment" | "neutral" | "contradiction" => {
  const g = gold.toLowerCase()
  return g === "entailment" ? "entailment" : g === "contradiction" ? "contradiction" : "neutral"
}

const NUMBER = /\d[\d,]*(?:\.\d+)?/g
const numbers = (text: string): ReadonlyArray<string> =>
  (text.match(NUMBER) ?? []).map((n) => n.replace(/,/g, "").replace(/\.0+$/, ""))

/** The one-line rule the issue measures against: entailment when every number of the claim occurs in the sentence. */
export const everyNumberOccurs = (claim: string, text: string): boolean => {
  const found = new Set(numbers(text))
  return numbers(claim).every((n) => found.has(n))
}

/**
 * The pairs split in two by the parity of their numeric id: rules are tuned looking at the first half
 * only, so the second is a check on fitting (the held-out half of the set is a third, unseen one).
 */
const half = (id: string): "tune" | "check" => (Number(id.replace(/\D/g, "")) % 2 === 0 ? "tune" : "check")

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`

const accuracy = (rows: ReadonlyArray<{ readonly gold: string; readonly predicted: string }>): number =>
  rows.length === 0 ? 0 : rows.filter((r) => r.gold === r.predicted).length / rows.length

export const run = async (): Promise<ReadonlyArray<string>> => {
  const path = locate("equate/newsnli_dev.jsonl")
  if (!path) return ["equate     skipped: ../shared/data/equate/newsnli_dev.jsonl is not there"]
  const pairs: ReadonlyArray<Pair> = readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Pair)
  const lines = pairs.map((p) => JSON.stringify({ id: p.id, claim: p.claim, text: p.text }))
  const started = performance.now()
  const out = await Effect.runPromise(Verify.pairs(lines, "equate").pipe(Effect.provide(Pipeline.layer())))
  const seconds = (performance.now() - started) / 1000
  const stances = out.map((o) => ("stance" in o ? o.stance : "error"))
  const rows = pairs.map((p, i) => {
    const gold = label(p.gold)
    const stance = stances[i] ?? "error"
    return {
      id: p.id,
      half: half(p.id),
      gold2: gold === "entailment" ? "entailment" : "not",
      gold3: gold,
      ours2: stance === "supports" ? "entailment" : "not",
      ours3: stance === "supports" ? "entailment" : stance === "contradicts" ? "contradiction" : "neutral",
      rule2: everyNumberOccurs(p.claim, p.text) ? "entailment" : "not",
    }
  })
  const two = (rs: typeof rows, key: "ours2" | "rule2") =>
    accuracy(rs.map((r) => ({ gold: r.gold2, predicted: r[key] })))
  const entailed = rows.filter((r) => r.gold2 === "entailment").length
  const majority = Math.max(entailed, rows.length - entailed) / Math.max(1, rows.length)
  const byHalf = (h: "tune" | "check") => rows.filter((r) => r.half === h)
  const counts = new Map<string, number>()
  for (const s of stances) counts.set(s, (counts.get(s) ?? 0) + 1)
  const hasContradictions = rows.some((r) => r.gold3 === "contradiction")
  return [
    `equate     newsnli 2-way accuracy           ${pct(two(rows, "ours2"))}  (${rows.length} pairs; tune half ${pct(two(byHalf("tune"), "ours2"))}, check half ${pct(two(byHalf("check"), "ours2"))}; target 70.0% on the held-out half)  ${(rows.length / seconds).toFixed(0)} pairs/s`,
    `equate     every-number-occurs rule        ${pct(two(rows, "rule2"))}  (tune half ${pct(two(byHalf("tune"), "rule2"))}, check half ${pct(two(byHalf("check"), "rule2"))})`,
    `equate     majority class                   ${pct(majority)} here  (published: 50.7% on the whole set, data README)`,
    hasContradictions
      ? `equate     newsnli 3-way accuracy           ${pct(accuracy(rows.map((r) => ({ gold: r.gold3, predicted: r.ours3 }))))}`
      : "equate     3-way accuracy                   not applicable: NewsNLI labels only entailment and neutral",
    `equate     stances: ${[...counts].map(([s, n]) => `${s} ${n}`).join(", ")}`,
  ]
}

/** `tsx bench/eval/equate.ts --dump`: every pair with gold, stance and explanation, for reading failures. */
export const dump = async (): Promise<void> => {
  const path = locate("equate/newsnli_dev.jsonl")
  if (!path) return
  const pairs: ReadonlyArray<Pair> = readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Pair)
  const lines = pairs.map((p) => JSON.stringify({ id: p.id, claim: p.claim, text: p.text }))
  const out = await Effect.runPromise(Verify.pairs(lines, "equate").pipe(Effect.provide(Pipeline.layer())))
  pairs.forEach((p, i) => {
    const o = out[i]
    console.log(
      JSON.stringify({
        id: p.id,
        half: half(p.id),
        gold: label(p.gold),
        stance: o && "stance" in o ? o.stance : "error",
        claim: p.claim,
        text: p.text,
        why: o && "stance" in o ? o.explanation : o?.error,
      }),
    )
  })
}

if (process.argv[1] && join(process.argv[1]) === join(import.meta.filename) && process.argv.includes("--dump"))
  await dump()
