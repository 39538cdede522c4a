/**
 * `crosscheck verify`: one claim against sources (`--claim TEXT <path>...`) or a file of claim/text
 * pairs (`--pairs FILE.jsonl`, `-` for stdin), one JSON line out per judgement (docs/report-format.md).
 */
import { readFileSync } from "node:fs"
import { UsageError } from "@crosscheck/domain"
import { Pipeline, Verify } from "@crosscheck/pipeline"
import type { Command } from "commander"
import { Effect } from "effect"
import * as ExitCode from "./ExitCode.js"
import type { Io } from "./Io.js"
import * as Output from "./Output.js"
import * as Terminal from "./Terminal.js"

interface Flags {
  readonly claim?: string
  readonly pairs?: string
}

const usage = (message: string): UsageError =>
  new UsageError({ reason: "bad-option", message: `crosscheck: ${message}` })

const readPairs = (file: string): string => {
  try {
    return readFileSync(file === "-" ? 0 : file, "utf8")
  } catch {
    throw new UsageError({
      reason: "not-found",
      message: `crosscheck: expected --pairs to name a readable JSON Lines file, instead found nothing at ${file}`,
    })
  }
}

const verifyCommand = async (paths: ReadonlyArray<string>, flags: Flags, io: Io): Promise<number> => {
  if (flags.claim !== undefined && flags.pairs !== undefined)
    throw usage("expected either --claim TEXT <path>... or --pairs FILE, instead found both")
  if (flags.pairs !== undefined) {
    if (paths.length > 0)
      throw usage(`expected no paths with --pairs (each line carries its text), instead found ${paths.join(" ")}`)
    const lines = readPairs(flags.pairs).split("\n")
    const where = flags.pairs === "-" ? "stdin" : flags.pairs
    const out = await Effect.runPromise(Verify.pairs(lines, where).pipe(Effect.provide(Pipeline.layer())))
    for (const line of out) io.stdout(`${Terminal.json(line)}\n`)
    return out.some((l) => "error" in l) ? ExitCode.INPUT_ERRORS : ExitCode.OK
  }
  if (flags.claim === undefined) throw usage("expected --claim TEXT <path>... or --pairs FILE, instead found neither")
  if (flags.claim.trim() === "") throw usage("expected --claim to hold the claim's text, instead found an empty string")
  if (paths.length === 0)
    throw usage("expected at least one file or folder to check --claim against, instead found none")
  const { errors, ...result } = await Effect.runPromise(
    Verify.claim(flags.claim, paths).pipe(Effect.provide(Pipeline.layer())),
  )
  io.stdout(`${Terminal.json(result)}\n`)
  for (const e of errors) io.stderr(Output.errorLine(e))
  return errors.length > 0 ? ExitCode.INPUT_ERRORS : ExitCode.OK
}

/** Adds `verify` to the program. */
export const register = (root: Command, io: Io, done: (code: number) => void): void => {
  root
    .command("verify")
    .description("Judge a claim against sources: supports, contradicts, discusses or unrelated, with the evidence.")
    .argument("[path...]", "files or folders of articles to check the claim against (with --claim)")
    .option("--claim <text>", "the claim to check")
    .option("--pairs <file>", 'JSON Lines of {"id", "claim", "text"}, one judgement per line ("-" reads stdin)')
    .addHelpText(
      "after",
      '\nExamples:\n  pnpm --silent crosscheck verify --claim "North Korea sent 11,000 troops" seeds/\n  pnpm --silent crosscheck verify --pairs pairs.jsonl\n',
    )
    .action(async (paths: string[], flags: Flags) => done(await verifyCommand(paths, flags, io)))
}
