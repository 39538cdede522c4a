/**
 * What a command may touch of the outside world, passed in so tests can run commands in-process:
 * stdout for the command's output, stderr for progress and messages, stdin for `extract`.
 */
import * as Style from "./Style.js"

export interface Io {
  readonly stdout: (s: string) => void
  readonly stderr: (s: string) => void
  readonly stderrIsTty: boolean
  readonly stdoutIsTty?: boolean
  readonly stderrColumns?: number
  readonly stdin?: NodeJS.ReadableStream
  readonly env?: Readonly<Record<string, string | undefined>>
}

/** Colour for stdout text (summaries), per NO_COLOR and whether stdout is a terminal. */
export const paintOut = (io: Io): Style.Paint => Style.painter(Style.enabled(io.stdoutIsTty === true, io.env ?? {}))
