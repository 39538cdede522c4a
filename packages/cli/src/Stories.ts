/**
 * `crosscheck stories`: lists the stored stories (the events the articles were grouped into), each with
 * its label, time span, outlets and article count; `--json` prints one JSON object per story.
 */
import type { Story } from "@crosscheck/domain"
import { Ingest } from "@crosscheck/pipeline"
import type { Command } from "commander"
import { Effect } from "effect"
import * as ExitCode from "./ExitCode.js"
import * as Flags from "./Flags.js"
import { type Io, paintOut } from "./Io.js"
import * as Terminal from "./Terminal.js"

interface StoriesFlags {
  readonly db: string
  readonly json?: boolean
}

/** "2025-08-14 – 2025-08-15", one date when start and end agree, "undated" when none is known. */
export const span = (story: Story.Story): string => {
  const [start, end] = [story.start?.slice(0, 10) ?? null, story.end?.slice(0, 10) ?? null]
  if (!start || !end) return "undated"
  return start === end ? start : `${start} – ${end}`
}

const articles = (n: number): string => `${n} ${n === 1 ? "article" : "articles"}`

export const execute = async (flags: StoriesFlags, io: Io): Promise<number> => {
  const stories = await Effect.runPromise(
    Ingest.stories().pipe(Effect.provide(Ingest.storeLayer({ db: flags.db, access: "read" }))),
  )
  // Largest first: the events most outlets covered are the ones a desk looks at first.
  const ordered = [...stories].sort((a, b) => b.documentIds.length - a.documentIds.length)
  if (flags.json) {
    io.stdout(ordered.map((s) => `${Terminal.json(s)}\n`).join(""))
    return ExitCode.OK
  }
  const paint = paintOut(io)
  io.stdout(
    ordered
      .map(
        (s) =>
          // Labels and outlets come from the articles: shown inert, as every other terminal line.
          `${paint("bold", Terminal.text(s.label || s.id))}  ${paint("dim", span(s))}  ${articles(s.documentIds.length)} from ${s.outlets.map(Terminal.text).join(", ")}\n`,
      )
      .join(""),
  )
  if (io.stderrIsTty) io.stderr(`crosscheck: ${stories.length} stories\n`)
  return ExitCode.OK
}

export const register = (root: Command, io: Io, done: (code: number) => void): Command =>
  root
    .command("stories")
    .description("List the stories (events) the stored articles were grouped into, largest first.")
    .option("--db <file-or-url>", "the store: a SQLite file or postgres://user@host:port/name", Flags.defaultDb())
    .option("--json", "one JSON object per line: {id, label, start, end, outlets, documentIds}")
    .addHelpText(
      "after",
      "\nExamples:\n  pnpm crosscheck stories --db desk.db\n  pnpm --silent crosscheck stories --json | jq .label\n",
    )
    .action(async (flags: StoriesFlags) => done(await execute(flags, io)))
