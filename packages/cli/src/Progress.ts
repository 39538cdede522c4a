/**
 * The progress bar on stderr (cli-progress), shown only when stderr is a terminal or `--progress`
 * asks for it, so stdout carries nothing but the command's output.
 */
import cliProgress from "cli-progress"
import type { Io } from "./Io.js"

export interface Progress {
  readonly update: (done: number, total: number) => void
  /** A stage starts: one line naming it and what it works on, so a long step never looks frozen. */
  readonly phase: (name: string, count: number) => void
  readonly stop: () => void
}

const none: Progress = { update: () => {}, phase: () => {}, stop: () => {} }

/** What each stage counts. */
const UNITS: Readonly<Record<string, string>> = {
  reading: "paths",
  extracting: "new documents",
  stories: "documents",
  aligning: "claims",
  judging: "aligned groups",
  storing: "findings",
  "writing reports": "files",
}

export const make = (io: Io, label: string, requested: boolean): Progress => {
  if (!requested && !io.stderrIsTty) return none
  // cli-progress only needs write, isTTY and columns; readline's cursor moves go through write too.
  const stream = {
    write: (s: string) => {
      io.stderr(s)
      return true
    },
    isTTY: io.stderrIsTty,
    columns: io.stderrColumns,
  } as unknown as NodeJS.WriteStream
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} [{bar}] {value}/{total} documents | {eta_formatted} left`,
      barsize: 30,
      hideCursor: io.stderrIsTty,
      clearOnComplete: io.stderrIsTty,
      noTTYOutput: !io.stderrIsTty,
      notTTYSchedule: 1000,
      etaBuffer: 50,
    },
    cliProgress.Presets.legacy,
  )
  let started = false
  return {
    phase: (name, count) => {
      if (started) {
        bar.stop()
        started = false
      }
      io.stderr(`crosscheck: ${name} (${count} ${UNITS[name] ?? "items"})\n`)
    },
    update: (done, total) => {
      if (!started) {
        bar.start(total, 0)
        started = true
      }
      bar.update(done)
    },
    stop: () => {
      if (started) bar.stop()
    },
  }
}
