/**
 * The `crosscheck` commands over the pipeline: argument parsing (commander), output files and
 * summaries. Every command returns an exit code; bin.ts turns failures into messages.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { Report, UsageError } from "@crosscheck/domain"
import { Pipeline } from "@crosscheck/pipeline"
import { Command, Option } from "commander"
import { Effect } from "effect"
import * as ExitCode from "./ExitCode.js"
import * as VerifyCommand from "./Verify.js"

export interface Io {
  readonly stdout: (s: string) => void
  readonly stderr: (s: string) => void
  readonly stderrIsTty: boolean
}

const VERDICTS = ["agree", "contradict", "disputed", "compatible", "single-source"] as const

const checkDate = (value: string | undefined): string | null => {
  if (value === undefined) return null
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError({
      reason: "bad-value",
      message: `crosscheck: expected --as-of to be an ISO date such as 2025-08-15, instead found ${JSON.stringify(value)}`,
    })
  }
  return value
}

interface RunFlags {
  readonly out: string
  readonly asOf?: string
  readonly failOn?: string
  readonly progress?: boolean
  readonly json?: boolean
  readonly claimreview?: string
}

const runCommand = async (paths: ReadonlyArray<string>, flags: RunFlags, io: Io): Promise<number> => {
  const asOf = checkDate(flags.asOf)
  const showProgress = flags.progress === true || io.stderrIsTty
  const report = await Effect.runPromise(
    Pipeline.run(paths, {
      asOf,
      ...(showProgress
        ? { onProgress: (done: number, total: number) => io.stderr(`\rextracting ${done}/${total}`) }
        : {}),
    }).pipe(Effect.provide(Pipeline.layer({ asOf }))),
  )
  if (showProgress) io.stderr("\n")
  mkdirSync(flags.out, { recursive: true })
  for (const [name, content] of Object.entries(Pipeline.render(report))) writeFileSync(join(flags.out, name), content)
  if (flags.claimreview) {
    mkdirSync(dirname(flags.claimreview), { recursive: true })
    writeFileSync(flags.claimreview, Pipeline.claimReview(report))
  }
  const counts: Record<string, number> = {}
  for (const f of report.findings) counts[f.verdict] = (counts[f.verdict] ?? 0) + 1
  if (flags.json) {
    io.stdout(
      `${JSON.stringify({ out: flags.out, documents: report.documents.length, claims: report.claims.length, findings: counts, errors: report.errors })}\n`,
    )
  } else {
    const verdicts = VERDICTS.filter((v) => counts[v])
      .map((v) => `${counts[v]} ${v}`)
      .join(", ")
    io.stdout(
      `crosscheck: ${report.documents.length} documents, ${report.claims.length} claims, ${report.findings.length} findings${verdicts ? ` (${verdicts})` : ""}\n` +
        `report: ${join(flags.out, "report.html")} (also report.md, report.json)\n`,
    )
    for (const e of report.errors) io.stderr(`crosscheck: could not read ${e.path}: ${e.message}\n`)
  }
  if (flags.failOn && report.findings.some((f) => f.verdict === flags.failOn)) return ExitCode.FAIL_ON
  return report.errors.length > 0 ? ExitCode.INPUT_ERRORS : ExitCode.OK
}

/** Builds the program; `done` receives each command's exit code. */
export const program = (io: Io, done: (code: number) => void): Command => {
  const root = new Command("crosscheck")
    .description("Extract numeric and attributed claims from articles and check them against each other.")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} })
    .showSuggestionAfterError(true)

  root
    .command("run")
    .description("Read articles, align their claims and write report.json, report.md and report.html.")
    .argument("<path...>", "files or folders of articles (.txt, .md, .jsonl)")
    .option("--out <dir>", "folder for the report files", "crosscheck-report")
    .option("--as-of <date>", "anchor for relative dates when a document has none (ISO date)")
    .addOption(new Option("--fail-on <verdict>", "exit 1 when a finding has this verdict").choices([...VERDICTS]))
    .option("--progress", "show progress on stderr even when it is not a terminal")
    .option("--json", "print the summary as JSON")
    .option("--claimreview <file>", "also write the findings as schema.org ClaimReview JSON-LD to this file")
    .addHelpText("after", "\nExample:\n  pnpm crosscheck run seeds/ --out crosscheck-report --fail-on contradict\n")
    .action(async (paths: string[], flags: RunFlags) => done(await runCommand(paths, flags, io)))

  root
    .command("schema")
    .description("Print the JSON Schema of report.json, generated from the domain schema.")
    .addHelpText("after", "\nExample:\n  pnpm --silent crosscheck schema > report.schema.json\n")
    .action(() => {
      io.stdout(`${JSON.stringify(Report.jsonSchema(), null, 2)}\n`)
      done(ExitCode.OK)
    })

  VerifyCommand.register(root, io, done)

  return root
}
