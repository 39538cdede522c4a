/**
 * `crosscheck worker`: takes jobs from a PostgreSQL store's queue (extract a document; store and
 * analyse what is extracted) until stopped, or with `--exit-when-idle` until no job is queued or held
 * by any worker. Exits 3 when a batch it committed had input errors (articles left out or cut), as `run` does.
 */
import { Workers } from "@crosscheck/pipeline"
import type { Command } from "commander"
import { Effect } from "effect"
import * as ExitCode from "./ExitCode.js"
import * as Flags from "./Flags.js"
import type { Io } from "./Io.js"
import * as Output from "./Output.js"
import * as Terminal from "./Terminal.js"

interface WorkerFlags extends Flags.BudgetFlags {
  readonly db: string
  readonly exitWhenIdle?: boolean
  readonly leaseMs?: string
  readonly asOf?: string
  readonly json?: boolean
}

const STALE_PROGRESS_MS = 5_000

export const execute = async (flags: WorkerFlags, io: Io): Promise<number> => {
  const refused = Workers.notQueueable(flags.db)
  if (refused) throw refused
  const asOf = Flags.date("--as-of", flags.asOf)
  const budget = Flags.budget(flags)
  const leaseMs = Flags.positive("--lease-ms", flags.leaseMs) ?? Workers.DEFAULT_LEASE_MS
  // Re-extraction of a large store is thousands of jobs: its progress at most every few seconds, and when done.
  let said = 0
  // As `run`: a batch this worker committed that left articles out or cut them (its run's errors) makes exit 3.
  let inputErrors = 0
  const summary = await Effect.runPromise(
    Workers.work({
      leaseMs,
      budget,
      exitWhenIdle: flags.exitWhenIdle === true,
      onJob: (job, result) => {
        // One line per batch planned or committed (a handful per queue), not per document or story (thousands).
        if (job.kind === "analyse" || job.kind === "commit" || result !== "done")
          io.stderr(`crosscheck worker: ${job.kind} job ${job.id}: ${result}\n`)
      },
      onError: (e) => {
        inputErrors++
        io.stderr(Output.errorLine(e))
      },
      onStale: (progress) => {
        if ("queued" in progress) {
          io.stderr(
            `crosscheck worker: ${progress.queued} stored documents were extracted by an older extractor; queued to extract again\n`,
          )
          return
        }
        if (progress.left > 0 && Date.now() - said < STALE_PROGRESS_MS) return
        said = Date.now()
        io.stderr(`crosscheck worker: ${progress.left} stored documents left to extract again\n`)
      },
    }).pipe(Effect.provide(Workers.layer({ db: flags.db, asOf }))),
  )
  if (flags.json) io.stdout(`${Terminal.json(summary)}\n`)
  else
    io.stderr(
      `crosscheck worker: ${summary.done} jobs done, ${summary.lost} lost to another worker, ${summary.failed} failed\n`,
    )
  return inputErrors > 0 ? ExitCode.INPUT_ERRORS : ExitCode.OK
}

export const register = (root: Command, io: Io, done: (code: number) => void): Command =>
  Flags.withBudget(
    root
      .command("worker")
      .description("Take jobs from a PostgreSQL store's queue: extract articles, then store and check them.")
      .requiredOption("--db <url>", "the PostgreSQL store, postgres://user@host:port/name")
      .option(
        "--exit-when-idle",
        // What Workers.work checks: no job in state queued, whether waiting or held. Queue.failed alone gives
        // a job up (when it throws); a lease that runs out only frees the job to be taken again.
        "stop once no job is queued, waiting or held by any worker: a job whose worker was killed is taken again once its lease runs out, up to three takes (a job that throws on its third, or whose worker stops on its third, is given up, and given-up jobs do not count) (default: wait for more)",
      )
      .option(
        "--lease-ms <ms>",
        `a job this worker holds is taken by another after this long without word from it (default ${Workers.DEFAULT_LEASE_MS})`,
      )
      .option("--as-of <date>", "anchor for relative dates when a document has none (ISO date)")
      .option("--json", "print {done, lost, failed} as JSON when it stops"),
  )
    .addHelpText(
      "after",
      "\nExit codes: 0 done; 3 done, but a batch this worker committed had articles that could not be read or extracted, or were cut at their budget (printed on stderr and kept in the run's errors); 2 bad usage.\n\nExample:\n  pnpm crosscheck worker --db postgres://desk@db.example:5432/archive --exit-when-idle\n",
    )
    .action(async (flags: WorkerFlags) => done(await execute(flags, io)))
