/**
 * `crosscheck run`: reads articles into the store, checks the new ones against the stories they join,
 * writes those stories as report.json/.md/.html and says what this run changed.
 */
import { mkdirSync } from "node:fs"
import { dirname, join, relative, resolve, sep } from "node:path"
import { UsageError } from "@crosscheck/domain"
import { Ingest, Pipeline } from "@crosscheck/pipeline"
import { type Command, Option } from "commander"
import { Effect } from "effect"
import * as ExitCode from "./ExitCode.js"
import * as Flags from "./Flags.js"
import * as Heap from "./Heap.js"
import { type Io, paintOut } from "./Io.js"
import * as Output from "./Output.js"
import * as Progress from "./Progress.js"
import * as ReportFolder from "./ReportFolder.js"
import * as Resources from "./Resources.js"
import * as Style from "./Style.js"
import * as Terminal from "./Terminal.js"

export interface RunFlags extends Flags.BudgetFlags {
  readonly out: string
  readonly db?: string
  readonly asOf?: string
  readonly failOn?: string
  readonly progress?: boolean
  readonly json?: boolean
  readonly claimreview?: string
  readonly reportUrl?: string
}

/** Articles from which a run collects garbage between its stages (where extraction goes to worker threads). */
const LARGE_RUN = 1_000

/** How many changed findings the text summary lists before "and N more". */
const LISTED = 10

/** report.html as seen from the ClaimReview file's folder, as a URL path: where each review links by default. */
const reportPath = (claimreview: string, out: string): string =>
  relative(dirname(resolve(claimreview)), resolve(out, "report.html"))
    .split(sep)
    .map(encodeURIComponent)
    .join("/")

const changeLine = (paint: Style.Paint, change: Ingest.Change): string => {
  const { finding, previous } = change
  switch (change.kind) {
    case "new":
      return `  new      ${Terminal.text(finding.summary)}`
    case "verdict-changed":
      return `  changed  (was ${previous?.verdict ?? "?"}, now ${Style.verdict(paint, finding.verdict)}) ${Terminal.text(finding.summary)}`
    case "grown":
      return `  grown    ${Terminal.text(finding.summary)}`
    default:
      return `  gone     ${Terminal.text(finding.summary)}`
  }
}

export const execute = async (paths: ReadonlyArray<string>, flags: RunFlags, io: Io): Promise<number> => {
  const asOf = Flags.date("--as-of", flags.asOf)
  const budget = Flags.budget(flags)
  const claimReview = flags.claimreview
    ? Pipeline.claimReviewOptions({ reportUrl: flags.reportUrl ?? reportPath(flags.claimreview, flags.out) })
    : null
  // With no paths the run reads nothing new: it brings a store made by an older crosscheck up to date.
  if (paths.length === 0 && flags.db === undefined)
    throw new UsageError({
      reason: "bad-option",
      message:
        "crosscheck: expected files or folders of articles, or --db naming a store to bring up to date, instead found neither",
    })
  // Bad paths are bad usage before any store file is created.
  if (paths.length > 0) await Effect.runPromise(Ingest.check(paths, [flags.out]))
  const db = flags.db ?? Flags.defaultDb(flags.out)
  const progress = Progress.make(io, "extracting", flags.progress === true)
  const resources = Resources.make(io)
  let parts = 0
  // A part's stages each leave garbage the next does not need: the extraction its threads' messages, placing
  // and reading the stories touched their rows and the story state's. It is collected as the next stage
  // starts, so that stage's heap grows from what is live. Each part's peak is split there too.
  let reached: "extracting" | "stories" | "aligning" = "extracting"
  // Only a large run collects (a full collection costs a tenth of a second or so): one whose extraction
  // goes to worker threads (about 1,000 articles) or that is stored in parts.
  let large = false
  const onPhase: Pipeline.OnPhase = (name, count) => {
    progress.phase(name, count)
    if (name === "extracting") large = count >= LARGE_RUN
    // Placing from part of the story state places again after each read of what it lacked: the last
    // placing (its clusterer, every centroid read numbered again) is garbage as the next one starts.
    if (name === "stories" && reached === "stories" && (large || parts > 0)) Heap.collect()
    const part = parts === 0 ? "" : `part ${parts + 1} `
    const ended =
      name === "stories" && reached === "extracting"
        ? `${part}read+extract`
        : name === "aligning" && reached !== "aligning"
          ? `${part}stories`
          : null
    if (ended === null) return
    if (large || parts > 0) Heap.collect()
    resources.phase(ended)
    reached = name === "stories" ? "stories" : "aligning"
  }
  // A run in parts: each part's peak so far, then the heap it grew given back before the next.
  const betweenParts = () => {
    parts += 1
    reached = "extracting"
    // Collected first, so the part's mark says what it leaves held for the next.
    Heap.collect()
    resources.phase(`part ${parts}`)
  }
  const layer = Ingest.layer({ db, asOf })
  const options = {
    asOf,
    onProgress: progress.update,
    onPhase,
    budget,
    exclude: [flags.out],
    betweenParts,
    // Articles per part of a large run (a measuring knob: memory follows the part, time the number of parts).
    ...(Number(io.env?.CROSSCHECK_PART_DOCUMENTS) > 0
      ? { partDocuments: Number(io.env?.CROSSCHECK_PART_DOCUMENTS) }
      : {}),
  }
  const startedAt = new Date().toISOString()
  // Read before this run writes its own: a run killed while writing its report left it.
  const previous = Output.interrupted(flags.out)
  const result = await Effect.runPromise(
    (paths.length === 0 ? Ingest.update(options) : Ingest.paths(paths, options)).pipe(
      Effect.provide(layer),
      Effect.ensuring(Effect.sync(progress.stop)),
    ),
  )
  resources.phase("store+analyse")
  const { report, changes } = result
  progress.phase("writing reports", flags.claimreview ? 4 : 3)
  await Output.writeMarked(flags.out, { run: result.runId, since: startedAt }, async () => {
    const written = await ReportFolder.write(flags.out, report)
    if (flags.claimreview) {
      mkdirSync(dirname(flags.claimreview), { recursive: true })
      // With pages, each review links to its finding on its story's page, not on the index.
      const options = { ...claimReview, pages: written.layout === "pages" }
      Output.writeChunks(flags.claimreview, [Pipeline.claimReview(report, options)])
    }
  })
  // Its changes are in the store: `report --since` gives them, with this run's.
  const recover = previous
    ? `crosscheck: run ${previous.run} was stopped while writing its report; this report holds what it stored, and \`crosscheck report --db ${Ingest.displayDb(db)} --since ${previous.since}\` lists the stories changed since it began`
    : ""
  resources.phase("write")
  const changed = changes.filter((c) => c.kind !== "grown" && c.kind !== "gone")
  if (flags.json) {
    io.stdout(
      `${Terminal.json({
        out: flags.out,
        db: Ingest.displayDb(db),
        run: result.runId,
        documents: report.documents.length,
        claims: report.claims.length,
        findings: Output.counts(report),
        stories: report.stories?.length ?? 0,
        added: { documents: result.documentsAdded, claims: result.claimsAdded },
        alreadyStored: result.documentsSkipped,
        changes: changes.map((c) => ({
          change: c.kind,
          id: c.finding.id,
          verdict: c.finding.verdict,
          previousVerdict: c.previous?.verdict ?? null,
          summary: c.finding.summary,
        })),
        errors: report.errors,
        ...(previous ? { interrupted: previous } : {}),
      })}\n`,
    )
  } else {
    const paint = paintOut(io)
    const news = changes.filter((c) => c.kind === "new").length
    const flipped = changes.filter((c) => c.kind === "verdict-changed").length
    io.stdout(
      Output.summaryLine(report, paint) +
        `this run: ${result.documentsAdded} new documents (${result.documentsSkipped} already stored), ${news} new findings, ${flipped} changed verdicts\n` +
        changed
          .slice(0, LISTED)
          .map((c) => `${changeLine(paint, c)}\n`)
          .join("") +
        (changed.length > LISTED ? `  and ${changed.length - LISTED} more (run with --json for all)\n` : "") +
        `report: ${join(flags.out, "report.html")} (also report.md, report.json)\n` +
        `store: ${Ingest.displayDb(db)}\n`,
    )
    for (const e of report.errors) io.stderr(Output.errorLine(e))
  }
  if (recover) io.stderr(`${Terminal.text(recover)}\n`)
  resources.done()
  if (flags.failOn && report.findings.some((f) => f.verdict === flags.failOn)) return ExitCode.FAIL_ON
  return report.errors.length > 0 ? ExitCode.INPUT_ERRORS : ExitCode.OK
}

export const register = (root: Command, io: Io, done: (code: number) => void): Command =>
  Flags.withBudget(root.command("run"))
    .description(
      "Read articles, check them against each other and against everything already in the store, and write report.json, report.md and report.html.",
    )
    .argument(
      "[path...]",
      "files or folders of articles (.txt, .md, .jsonl); none with --db: bring the store up to date (what an older crosscheck extracted or judged, done again)",
    )
    .option("--out <dir>", "folder for the report files", Flags.DEFAULT_OUT)
    .option(
      "--db <file-or-url>",
      `the store: a SQLite file (default: ${Flags.defaultDb("<out>")}; ":memory:" keeps nothing) or postgres://user@host:port/name`,
    )
    .option("--as-of <date>", "anchor for relative dates when a document has none (ISO date)")
    .addOption(new Option("--fail-on <verdict>", "exit 1 when a finding has this verdict").choices([...Flags.VERDICTS]))
    .option("--progress", "show progress on stderr even when it is not a terminal")
    .option("--json", "print the summary as JSON")
    .option("--claimreview <file>", "also write the findings as schema.org ClaimReview JSON-LD to this file")
    .option(
      "--report-url <url>",
      "where report.html will be served (http(s) URL or relative path), for the ClaimReview links; default: its path from the JSON-LD file",
    )
    .addHelpText(
      "after",
      "\nExamples:\n  pnpm crosscheck run seeds/ --out crosscheck-report --fail-on contradict\n  pnpm crosscheck run later-articles/ --db desk.db --json\n  pnpm crosscheck run --db desk.db   (after upgrading crosscheck: the store brought up to date)\n",
    )
    .action(async (paths: string[], flags: RunFlags) => done(await execute(paths, flags, io)))
