/**
 * `crosscheck claims`: lists stored claims, by entity (whole words in the claim, its subject,
 * object or source) and by outlet; `--json` prints one JSON object per claim.
 */
import { Ingest } from "@crosscheck/pipeline"
import type { Command } from "commander"
import { Effect } from "effect"
import * as ExitCode from "./ExitCode.js"
import * as Flags from "./Flags.js"
import { type Io, paintOut } from "./Io.js"
import * as Terminal from "./Terminal.js"

interface ClaimsFlags {
  readonly db: string
  readonly entity?: string
  readonly outlet?: string
  readonly json?: boolean
}

const oneLine = (text: string): string => Terminal.text(text.replace(/\s+/g, " ").trim())

export const execute = async (flags: ClaimsFlags, io: Io): Promise<number> => {
  const found = await Effect.runPromise(
    Ingest.claims({ entity: flags.entity ?? null, outlet: flags.outlet ?? null }).pipe(
      Effect.provide(Ingest.storeLayer({ db: flags.db, access: "read" })),
    ),
  )
  if (flags.json) {
    io.stdout(found.map((c) => `${Terminal.json(c)}\n`).join(""))
    return ExitCode.OK
  }
  const paint = paintOut(io)
  io.stdout(
    found
      .map(
        ({ claim, outlet }) =>
          `${paint("bold", oneLine(outlet))}  ${paint("dim", claim.kind)}  ${oneLine(claim.text)}${claim.attribution.source ? `  ${paint("dim", `(source: ${oneLine(claim.attribution.source.text)})`)}` : ""}\n`,
      )
      .join(""),
  )
  if (io.stderrIsTty) io.stderr(`crosscheck: ${found.length} claims\n`)
  return ExitCode.OK
}

export const register = (root: Command, io: Io, done: (code: number) => void): Command =>
  root
    .command("claims")
    .description("List the claims in the store, optionally about one entity or from one outlet.")
    .option("--db <file-or-url>", "the store: a SQLite file or postgres://user@host:port/name", Flags.defaultDb())
    .option("--entity <name>", 'whole words in the claim, its subject, object or source ("North Korea")')
    .option("--outlet <name>", "only claims from this outlet (any case)")
    .option("--json", "one JSON object per line: {claim, outlet, title, publishedAt}")
    .addHelpText(
      "after",
      '\nExamples:\n  pnpm crosscheck claims --db desk.db --entity "North Korea"\n  pnpm --silent crosscheck claims --outlet "Japan Today" --json | jq .claim.text\n',
    )
    .action(async (flags: ClaimsFlags) => done(await execute(flags, io)))
