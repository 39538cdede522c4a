/**
 * `crosscheck enqueue`: stores articles in a PostgreSQL store's queue for `crosscheck worker`s to
 * extract and check, and returns at once; `--json` prints what was queued.
 */
import { Ingest, Workers } from "@crosscheck/pipeline"
import type { Command } from "commander"
import { Effect } from "effect"
import * as ExitCode from "./ExitCode.js"
import * as Flags from "./Flags.js"
import type { Io } from "./Io.js"
import * as Terminal from "./Terminal.js"

interface EnqueueFlags {
  readonly db: string
  readonly asOf?: string
  readonly json?: boolean
}

export const execute = async (paths: ReadonlyArray<string>, flags: EnqueueFlags, io: Io): Promise<number> => {
  const refused = Workers.notQueueable(flags.db)
  if (refused) throw refused
  const asOf = Flags.date("--as-of", flags.asOf)
  const result = await Effect.runPromise(
    Workers.enqueue(paths, { asOf }).pipe(Effect.provide(Workers.enqueueLayer({ db: flags.db }))),
  )
  if (flags.json) io.stdout(`${Terminal.json(result)}\n`)
  else {
    const db = Ingest.displayDb(flags.db)
    io.stdout(
      `crosscheck: queued ${result.queued} documents (${result.skipped} already stored or queued) in ${Terminal.text(db)}\n`,
    )
    for (const e of result.errors) io.stdout(`  could not read ${Terminal.text(e.path)}: ${Terminal.text(e.message)}\n`)
    if (result.queued > 0) io.stdout(`Workers check them: crosscheck worker --db ${Terminal.text(db)}\n`)
  }
  return result.errors.length > 0 ? ExitCode.INPUT_ERRORS : ExitCode.OK
}

export const register = (root: Command, io: Io, done: (code: number) => void): Command =>
  root
    .command("enqueue")
    .description("Store articles in a PostgreSQL store's queue for `crosscheck worker`s to check.")
    .argument("<paths...>", "article files or folders (.txt, .md, .html, .jsonl)")
    .requiredOption("--db <url>", "the PostgreSQL store, postgres://user@host:port/name")
    .option("--as-of <date>", "anchor for relative dates when a document has none (ISO date)")
    .option("--json", "print {queued, skipped, errors} as JSON")
    .addHelpText(
      "after",
      "\nExample:\n  pnpm crosscheck enqueue later-articles/ --db postgres://desk@db.example:5432/archive\n",
    )
    .action(async (paths: string[], flags: EnqueueFlags) => done(await execute(paths, flags, io)))
