/**
 * FNC-1 stage 1 (dev half) through `verify --pairs`: the challenge's relative score, per-class F1
 * and pairs per second. Each headline/body pair becomes one pairs line; bodies are extracted once.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Pipeline, Verify } from "@crosscheck/pipeline"
import { Effect } from "effect"
import { locate } from "../data.js"
import { line } from "./metrics.js"

const LABEL: Record<string, string> = {
  supports: "agree",
  contradicts: "disagree",
  discusses: "discuss",
  unrelated: "unrelated",
}
const CLASSES = ["agree", "disagree", "discuss", "unrelated"] as const

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
export const parseCsv = (text: string): ReadonlyArray<ReadonlyArray<string>> => {
  const rows: string[][] = []
  let row: string[] = []
  let field = ""
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else field += c
    } else if (c === '"') quoted = true
    else if (c === ",") {
      row.push(field)
      field = ""
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++
      row.push(field)
      rows.push(row)
      row = []
      field = ""
    } else field += c
  }
  if (field !== "" || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows.filter((r) => r.length > 1 || r[0] !== "")
}

/** Each pair scores 0.25 for the right label, 0.5 more when that label is related, 0.25 when both are related. */
export const challengeScore = (pairs: ReadonlyArray<readonly [string, string]>): number => {
  let total = 0
  let best = 0
  for (const [gold, predicted] of pairs) {
    if (gold === predicted) total += 0.25
    if (gold === predicted && gold !== "unrelated") total += 0.5
    if (gold !== "unrelated" && predicted !== "unrelated") total += 0.25
    best += gold === "unrelated" ? 0.25 : 1
  }
  return best === 0 ? 0 : total / best
}

export const run = async (): Promise<ReadonlyArray<string>> => {
  const dir = locate("fnc1")
  if (!dir) return ["fnc1       skipped: ../shared/data/fnc1 is not there"]
  const [, ...bodyRows] = parseCsv(readFileSync(join(dir, "train_bodies.csv"), "utf8"))
  const bodies = new Map(bodyRows.map(([id, body]) => [id ?? "", body ?? ""]))
  const [, ...stanceRows] = parseCsv(readFileSync(join(dir, "dev_stances.csv"), "utf8"))
  const gold: string[] = []
  const lines = stanceRows.flatMap(([headline, bodyId, stance], i) => {
    const text = bodies.get(bodyId ?? "")
    if (text === undefined || headline === undefined || stance === undefined) return []
    gold.push(stance)
    return [JSON.stringify({ id: i, claim: headline, text })]
  })
  const started = performance.now()
  const out = await Effect.runPromise(Verify.pairs(lines, "fnc1").pipe(Effect.provide(Pipeline.layer())))
  const seconds = (performance.now() - started) / 1000
  const predicted = out.map((o) => ("stance" in o ? (LABEL[o.stance] ?? "unrelated") : "unrelated"))
  const pairs = gold.map((g, i) => [g, predicted[i] ?? "unrelated"] as const)
  const confusion = CLASSES.map((g) => CLASSES.map((p) => pairs.filter(([a, b]) => a === g && b === p).length))
  return [
    `fnc1       challenge relative score      ${(100 * challengeScore(pairs)).toFixed(2)}%  (baseline 75.20, winner 82.02)  ${pairs.length} pairs, ${(pairs.length / seconds).toFixed(0)} pairs/s`,
    ...CLASSES.map((c) =>
      line("fnc1", `stance ${c}`, {
        tp: pairs.filter(([g, p]) => g === c && p === c).length,
        fp: pairs.filter(([g, p]) => g !== c && p === c).length,
        fn: pairs.filter(([g, p]) => g === c && p !== c).length,
      }),
    ),
    `fnc1       confusion (rows gold, cols predicted; ${CLASSES.join(", ")}): ${confusion.map((r) => r.join(" ")).join(" | ")}`,
  ]
}
