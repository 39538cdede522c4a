/**
 * `pnpm bench workers`: two `crosscheck worker`s against one on the same queue (BASIL articles repeated
 * to 2,000, as `scale` makes them) on a PostgreSQL server of its own: the speed-up, measured in one run,
 * and how long each stage took (extract, plan, align, commit), read from the jobs' finish times.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as PostgresServer from "../../packages/store/test/PostgresServer.js"
import { basil } from "../data.js"
import { writeCorpus } from "./scale.js"

const root = new URL("../../", import.meta.url).pathname
const bin = join(root, "packages/cli/dist/bin.js")
const DOCS = Number(process.env.CROSSCHECK_WORKERS_DOCS ?? 2000)

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`

/** The stages of a batch, in order, by the kind of job that does each. */
const STAGES = [
  ["extract", "extract"],
  ["analyse", "plan"],
  ["align", "align"],
  ["commit", "commit"],
] as const

/** Runs the CLI to the end; rejects with its stderr when it fails. */
const crosscheck = (args: ReadonlyArray<string>): Promise<{ stdout: string; stderr: string }> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let stdout = ""
    let stderr = ""
    child.stdout?.setEncoding("utf8").on("data", (d: string) => {
      stdout += d
    })
    child.stderr?.setEncoding("utf8").on("data", (d: string) => {
      stderr = (stderr + d).slice(-20_000)
    })
    child.on("error", reject)
    child.on("close", (code) =>
      code === 0
        ? resolve({ stdout, stderr })
        : reject(new Error(`crosscheck ${args[0]} exited ${code}: ${stderr.slice(-2000)}`)),
    )
  })

/** Queues the corpus in a fresh database, then times `workers` workers from start until the last one stops. */
const measure = async (server: PostgresServer.Server, corpus: string, workers: number) => {
  const url = await server.createDatabase()
  await crosscheck(["enqueue", corpus, "--db", url])
  const started = performance.now()
  const startedAt = Date.now()
  const summaries = await Promise.all(
    Array.from({ length: workers }, () =>
      crosscheck(["worker", "--db", url, "--exit-when-idle", "--json"]).then(
        (r) => JSON.parse(r.stdout) as { done: number; lost: number; failed: number },
      ),
    ),
  )
  const ms = performance.now() - started
  const rows = await PostgresServer.query<{ verdict: string; claim_ids: string }>(
    url,
    "SELECT verdict, claim_ids FROM findings WHERE current = 1",
  )
  const findings = rows.map((r) => `${r.verdict} ${[...(JSON.parse(r.claim_ids) as string[])].sort()}`).sort()
  // Each stage ends when its last job finishes; the analyse and commit jobs are one worker's each.
  const ends = await PostgresServer.query<{ kind: string; last: string }>(
    url,
    "SELECT kind, extract(epoch FROM max(finished_at)) * 1000 AS last FROM jobs GROUP BY kind",
  )
  const endOf = new Map(ends.map((r) => [r.kind, Number(r.last) - startedAt]))
  let previous = 0
  const stages = STAGES.flatMap(([kind, name]) => {
    const end = endOf.get(kind)
    if (end === undefined) return []
    const took = end - previous
    previous = end
    return [`${name} ${seconds(took)}`]
  })
  return { ms, summaries, findings, stages }
}

export const run = async (): Promise<ReadonlyArray<string>> => {
  const articles = basil()
  if (articles.length === 0) return ["workers    BASIL skipped: ../shared/data/basil not found"]
  if (!PostgresServer.present) return [`workers    skipped: ${PostgresServer.skipReason}`]
  execFileSync(process.execPath, [join(root, "packages/cli/bundle.mjs")], { stdio: "inherit" })
  const dir = mkdtempSync(join(tmpdir(), "crosscheck-bench-workers-"))
  // Durable, as a desk's server would be: every job's commit reaches the disk.
  const server = await PostgresServer.start({ durable: true })
  try {
    const corpus = join(dir, `basil-${DOCS}.jsonl`)
    writeCorpus(corpus, DOCS, articles)
    const one = await measure(server, corpus, 1)
    const two = await measure(server, corpus, 2)
    const same = JSON.stringify(one.findings) === JSON.stringify(two.findings) ? "same findings" : "FINDINGS DIFFER"
    const jobs = (m: typeof one) => m.summaries.map((s) => `${s.done} jobs${s.failed ? `, ${s.failed} failed` : ""}`)
    const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")
    return [
      `workers    ${DOCS} documents: 2 workers ${(one.ms / two.ms).toFixed(2)}x 1 worker  (1 worker ${seconds(one.ms)}: ${jobs(one).join("; ")}; 2 workers ${seconds(two.ms)}: ${jobs(two).join(" + ")}; ${one.findings.length} findings, ${same}; load average ${load})`,
      `workers    stages, each until its last job finished: 1 worker ${one.stages.join(", ")}; 2 workers ${two.stages.join(", ")} (plan and commit are one job each, on one worker)`,
    ]
  } finally {
    server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
