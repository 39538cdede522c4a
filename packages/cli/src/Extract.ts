/**
 * `crosscheck extract` (docs/report-format.md): claims only, no alignment. From paths, one JSON line per
 * document; from stdin, one JSON line per input line, in order, a bad line answered with its error.
 */
import { type Budget, Extraction, Pipeline } from "@crosscheck/pipeline"
import type { Command } from "commander"
import { Effect } from "effect"
import * as ExitCode from "./ExitCode.js"
import * as Flags from "./Flags.js"
import type { Io } from "./Io.js"
import * as Lines from "./Lines.js"
import * as Terminal from "./Terminal.js"

interface ExtractFlags extends Flags.BudgetFlags {
  readonly asOf?: string
}

/** Answers each stdin line as it arrives, so a long feed streams through; a line over the limit is answered with its error. */
const fromStdin = async (io: Io, extract: Extraction.Extract, budget: Budget.Budget): Promise<number> => {
  if (!io.stdin) return ExitCode.OK
  let failed = false
  let n = 0
  for await (const line of Lines.read(io.stdin, Lines.MAX_LINE_BYTES)) {
    n++
    const answer =
      "tooLong" in line
        ? { id: null, error: Lines.tooLong(line.tooLong, n) }
        : Extraction.line(extract, line.text, n, "stdin", budget)
    if ("error" in answer) failed = true
    io.stdout(`${Terminal.json(answer)}\n`)
  }
  return failed ? ExitCode.INPUT_ERRORS : ExitCode.OK
}

export const execute = async (paths: ReadonlyArray<string>, flags: ExtractFlags, io: Io): Promise<number> => {
  const asOf = Flags.date("--as-of", flags.asOf)
  const budget = Flags.budget(flags)
  const layer = Pipeline.layer({ asOf })
  if (paths.length === 0)
    return fromStdin(io, await Effect.runPromise(Extraction.extractor.pipe(Effect.provide(layer))), budget)
  const answers = await Effect.runPromise(Extraction.paths(paths, asOf, budget).pipe(Effect.provide(layer)))
  for (const a of answers) io.stdout(`${Terminal.json(a)}\n`)
  return answers.some((a) => a.error !== undefined) ? ExitCode.INPUT_ERRORS : ExitCode.OK
}

export const register = (root: Command, io: Io, done: (code: number) => void): Command =>
  Flags.withBudget(root.command("extract"))
    .description(
      'Claims only, no alignment. Without paths, reads JSON Lines from stdin ({"id", "text", ...} per line) and writes {"id", "claims"} or {"id", "error"} per line, in order.',
    )
    .argument("[path...]", "files or folders of articles; none: JSON Lines on stdin")
    .option("--as-of <date>", "anchor for relative dates when a document has none (ISO date)")
    .addHelpText(
      "after",
      `\nExamples:\n  echo '{"id": "a1", "text": "Officials said 11,000 troops were sent."}' | pnpm --silent crosscheck extract\n  pnpm --silent crosscheck extract seeds/ > claims.jsonl\n`,
    )
    .action(async (paths: string[], flags: ExtractFlags) => done(await execute(paths, flags, io)))
