/**
 * `crosscheck report`: writes the report of what is stored, or of what is new since a date,
 * without reading any article again.
 */
import { join } from "node:path"
import { Ingest } from "@crosscheck/pipeline"
import type { Command } from "commander"
import { Effect } from "effect"
import * as ExitCode from "./ExitCode.js"
import * as Flags from "./Flags.js"
import { type Io, paintOut } from "./Io.js"
import * as Output from "./Output.js"
import * as PagesPartner from "./PagesPartner.js"
import * as ReportFolder from "./ReportFolder.js"
import * as Resources from "./Resources.js"
import * as Terminal from "./Terminal.js"

interface ReportFlags {
  readonly db: string
  readonly since?: string
  readonly out: string
  readonly json?: boolean
}

export const execute = async (flags: ReportFlags, io: Io): Promise<number> => {
  const since = Flags.since(flags.since)
  const resources = Resources.make(io)
  // Started first: it reads the store while this thread does, then shares the story pages out. Both
  // make the report as of one moment, so every page says the same time.
  const generatedAt = new Date()
  const partner = PagesPartner.start(
    { db: flags.db, since, out: flags.out, generatedAt: generatedAt.toISOString() },
    io.env ?? {},
  )
  const [report, versions] = await Effect.runPromise(
    Effect.flatMap(Ingest.versions(), (versions) =>
      Effect.map(Ingest.report({ since, generatedAt, versions }), (report) => [report, versions] as const),
    ).pipe(Effect.provide(Ingest.storeLayer({ db: flags.db, access: "read" }))),
  ).catch((e: unknown) => {
    partner?.stop()
    throw e
  })
  resources.phase("read")
  const written = await ReportFolder.write(flags.out, report, partner ?? undefined)
  resources.phase("write")
  if (written.partnerFailure)
    io.stderr(
      `crosscheck: the second thread writing story pages stopped (${Terminal.text(written.partnerFailure)}); this one wrote them instead\n`,
    )
  // Printed with its password hidden, in the JSON too: a summary is logged and shared as messages are.
  const db = Ingest.displayDb(flags.db)
  // A reader never re-extracts: it says what an older crosscheck made and how to bring the store up to date.
  const outdated = Output.outdated(versions, db)
  if (outdated) io.stderr(`${outdated}\n`)
  if (flags.json)
    io.stdout(
      `${Terminal.json({ out: flags.out, db, since, documents: report.documents.length, claims: report.claims.length, findings: Output.counts(report), layout: written.layout, storyPages: { written: written.storyPages, kept: written.kept, ...(written.partner === undefined ? {} : { bySecondThread: written.partner }) }, store: { current: versions.current, staleDocuments: versions.staleDocuments, analysisVersion: versions.analysisVersion, analysisNow: versions.analysisNow } })}\n`,
    )
  else
    io.stdout(
      Output.summaryLine(report, paintOut(io)) +
        (since === null
          ? ""
          : `since ${typeof since === "number" ? `run ${since}` : since}: the stories changed since then, whole\n`) +
        (written.layout === "pages"
          ? `report: ${join(flags.out, "report.html")} (an index of stories; ${written.storyPages} story pages written, ${written.kept} unchanged; also report.md, report.json)\n`
          : `report: ${join(flags.out, "report.html")} (also report.md, report.json)\n`),
    )
  resources.done()
  return ExitCode.OK
}

export const register = (root: Command, io: Io, done: (code: number) => void): Command =>
  root
    .command("report")
    .description("Write report.json, report.md and report.html for what the store holds.")
    .option("--db <file-or-url>", "the store: a SQLite file or postgres://user@host:port/name", Flags.defaultDb())
    .option(
      "--since <date-or-run>",
      "only the stories changed since this date or date-time, or after this run (its id, as `run --json` prints it)",
    )
    .option("--out <dir>", "folder for the report files", Flags.DEFAULT_OUT)
    .option("--json", "print the summary as JSON")
    .addHelpText(
      "after",
      "\nExample:\n  pnpm crosscheck report --db desk.db --since 2025-08-15T09:00 --out morning\n  pnpm crosscheck report --db desk.db --since 12 --out desk-pages\n",
    )
    .action(async (flags: ReportFlags) => done(await execute(flags, io)))
