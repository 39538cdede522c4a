/**
 * `crosscheck run` at 1k, 2k, 4k, 8k and 10k documents (BASIL articles and generated variants), each
 * a process of its own with a fresh store: time, documents per second, peak memory and the growth.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { availableParallelism, tmpdir } from "node:os"
import { join } from "node:path"
import { isDeepStrictEqual } from "node:util"
import { Extractor } from "@crosscheck/extractor"
import { ExtractionPool } from "@crosscheck/pipeline"
import { Inputs } from "@crosscheck/sources"
import { Effect } from "effect"
import { type BasilArticle, basil } from "../data.js"
import { growthExponent, renamer } from "./alignment.js"

const root = new URL("../../", import.meta.url).pathname
const SIZES = (process.env.CROSSCHECK_SCALE_SIZES ?? "1000,2000,4000,8000,10000").split(",").map(Number)
/** A size still running after this long is stopped and reported as failed. */
const TIMEOUT_S = Number(process.env.CROSSCHECK_SCALE_TIMEOUT_S ?? 3600)
/** Documents extracted both ways for the pool's speed-up: enough that the workers' start-up is not all it shows. */
const SPEEDUP_DOCS = Number(process.env.CROSSCHECK_SCALE_SPEEDUP_DOCS ?? 2000)

const DAY_MS = 86_400_000

/**
 * Documents 0..n-1 as `.jsonl` records: document i is variant i / 135 of BASIL article i % 135
 * (alignment's renamer), so each variant's three outlets tell one story with their own pseudo-names, as
 * a larger corpus would. `daysApart` moves each variant's dates on, making it another event in time too.
 */
export const corpus = (
  n: number,
  articles: ReadonlyArray<BasilArticle>,
  daysApart = 0,
): Array<{ id: string; outlet: string; title: string; publishedAt: string; text: string }> => {
  const out: Array<{ id: string; outlet: string; title: string; publishedAt: string; text: string }> = []
  let rename = renamer(0)
  for (let i = 0; i < n; i++) {
    const k = Math.floor(i / articles.length)
    const a = articles[i % articles.length]
    if (!a) break
    if (i % articles.length === 0) rename = renamer(k)
    out.push({
      id: `${k}-${a.file}`,
      outlet: k === 0 ? a.source : `${a.source}-${k}`,
      title: rename(a.title),
      publishedAt:
        daysApart === 0 ? a.date : new Date(Date.parse(a.date) + k * daysApart * DAY_MS).toISOString().slice(0, 10),
      text: rename(a.text),
    })
  }
  return out
}

/** Writes `corpus(n, articles)` as the lines of a `.jsonl` feed. */
export const writeCorpus = (path: string, n: number, articles: ReadonlyArray<BasilArticle>, daysApart = 0): void => {
  writeFileSync(
    path,
    `${corpus(n, articles, daysApart)
      .map((r) => JSON.stringify(r))
      .join("\n")}\n`,
  )
}

const show = (line: string): void => {
  // The large sizes take many minutes: show each as it is measured (stderr, so stdout stays the result).
  if (process.stderr.isTTY || process.env.CROSSCHECK_PROGRESS) process.stderr.write(`${line}\n`)
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`
export const megabytes = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`

/** Wall and CPU milliseconds of `f` (CPU of the whole process: worker threads included). */
const timed = async <A>(f: () => Promise<A>): Promise<{ value: A; ms: number; cpuMs: number }> => {
  const cpu = process.cpuUsage()
  const started = performance.now()
  const value = await f()
  const used = process.cpuUsage(cpu)
  return { value, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 }
}

/** Extraction of the same documents in this thread and on the pool, each with a model of its own. */
const speedUp = async (path: string): Promise<string> => {
  const { documents } = Effect.runSync(Inputs.read([path]))
  const extract = (minChars: number) =>
    Effect.runPromise(ExtractionPool.extract(documents, { minChars }).pipe(Effect.provide(Extractor.layer())))
  const alone = await timed(() => extract(Number.POSITIVE_INFINITY))
  const pool = await timed(() => extract(0))
  const same = isDeepStrictEqual(alone.value, pool.value) ? "claims identical" : "CLAIMS DIFFER"
  const figures = (t: { ms: number; cpuMs: number }) => `${seconds(t.ms)} (${seconds(t.cpuMs)} CPU)`
  return `scale      extraction of ${documents.length} documents: ${(alone.ms / pool.ms).toFixed(2)}x in-thread throughput with ${Math.min(availableParallelism(), documents.length)} worker threads  (pool ${figures(pool)}, in-thread ${figures(alone)}, start-up and model loads included; ${same})`
}

interface Outcome {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly timedOut: boolean
  readonly stdout: string
  readonly stderr: string
  readonly ms: number
}

/** Runs the CLI as a user would (the bundle `pnpm crosscheck` runs), in a process group of its own so a timeout ends it all. */
export const crosscheck = (args: ReadonlyArray<string>): Promise<Outcome> =>
  new Promise((resolve, reject) => {
    const started = performance.now()
    const child: ChildProcess = spawn(process.execPath, [join(root, "packages/cli/dist/bin.js"), ...args], {
      cwd: root,
      env: { ...process.env, CROSSCHECK_RESOURCES: "1", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    })
    let stdout = ""
    let stderr = ""
    let timedOut = false
    child.stdout?.setEncoding("utf8").on("data", (d: string) => {
      stdout += d
    })
    // Only the end of stderr is kept: the resources line, or why it failed.
    child.stderr?.setEncoding("utf8").on("data", (d: string) => {
      stderr = (stderr + d).slice(-20_000)
    })
    const timer = setTimeout(() => {
      timedOut = true
      if (child.pid) process.kill(-child.pid, "SIGKILL")
    }, TIMEOUT_S * 1000)
    child.on("error", reject)
    child.on("close", (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, timedOut, stdout, stderr, ms: performance.now() - started })
    })
  })

interface Resources {
  readonly maxRssBytes: number
  readonly userMs: number
  readonly systemMs: number
  readonly phases: ReadonlyArray<{
    readonly name: string
    readonly ms: number
    readonly maxRssBytes: number
    /** The resident set and live heap as the phase ended (absent from an older CLI's line). */
    readonly rssBytes?: number
    readonly heapBytes?: number
  }>
}

export const resourcesOf = (stderr: string): Resources | null => {
  const line = stderr.split("\n").find((l) => l.startsWith("crosscheck: resources "))
  return line ? (JSON.parse(line.slice("crosscheck: resources ".length)) as Resources) : null
}

/** One size: `run` over a fresh store. */
const measure = async (dir: string, n: number, articles: ReadonlyArray<BasilArticle>) => {
  const path = join(dir, `basil-${n}.jsonl`)
  writeCorpus(path, n, articles)
  const out = await crosscheck([
    "run",
    path,
    "--db",
    join(dir, `store-${n}.db`),
    "--out",
    join(dir, `report-${n}`),
    "--json",
  ])
  rmSync(join(dir, `store-${n}.db`), { force: true })
  rmSync(join(dir, `report-${n}`), { recursive: true, force: true })
  const resources = resourcesOf(out.stderr)
  const label = `scale      ${String(n).padStart(5)} documents`
  if (out.code !== 0 || !resources) {
    const why = out.timedOut
      ? `stopped after ${TIMEOUT_S} s`
      : out.signal
        ? `killed by ${out.signal}`
        : `exit status ${out.code}`
    const tail = out.stderr.trim().split("\n").slice(-4).join(" | ").slice(-600)
    return {
      n,
      ok: false as const,
      line: `${label}  FAILED after ${seconds(out.ms)}: ${why}; stderr: ${tail || "(empty)"}`,
    }
  }
  const summary = JSON.parse(out.stdout) as { claims: number; findings: Record<string, number> }
  const findings = Object.values(summary.findings).reduce((s, v) => s + v, 0)
  // Each phase's time, and the peak so far at its end: where that rises is the phase that set the peak.
  const phases = resources.phases.map((p) => `${p.name} ${seconds(p.ms)} ≤${megabytes(p.maxRssBytes)}`).join(", ")
  return {
    n,
    ok: true as const,
    ms: out.ms,
    line: `${label}  ${seconds(out.ms).padStart(8)}  ${((n * 1000) / out.ms).toFixed(1).padStart(6)} docs/s  peak ${megabytes(resources.maxRssBytes).padStart(7)}  (${summary.claims} claims, ${findings} findings; ${phases})`,
  }
}

export const run = async (): Promise<ReadonlyArray<string>> => {
  const articles = basil()
  if (articles.length === 0) return ["scale      BASIL skipped: ../shared/data/basil not found"]
  // The bundle is what `pnpm crosscheck` runs, and what is measured.
  execFileSync(process.execPath, [join(root, "packages/cli/bundle.mjs")], { stdio: "inherit" })
  const dir = mkdtempSync(join(tmpdir(), "crosscheck-bench-scale-"))
  const lines: string[] = []
  try {
    const sample = join(dir, "speed-up.jsonl")
    writeCorpus(sample, SPEEDUP_DOCS, articles)
    lines.push(await speedUp(sample))
    show(lines[lines.length - 1] ?? "")
    const measured: Array<{ n: number; ms: number }> = []
    for (const n of SIZES) {
      const result = await measure(dir, n, articles)
      lines.push(result.line)
      show(result.line)
      if (result.ok) measured.push({ n, ms: result.ms })
    }
    lines.push(
      measured.length >= 2
        ? `scale      growth exponent ${growthExponent(
            measured.map((m) => m.n),
            measured.map((m) => m.ms),
          ).toFixed(2)} over ${measured.map((m) => m.n).join(", ")} documents (wall time of the whole run; 1 is linear)`
        : `scale      growth exponent: needs two sizes that finished, ${measured.length} did`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return lines
}
