/**
 * The `crosscheck` executable: runs a command and maps every failure to one line on stderr and
 * the exit code of docs/report-format.md.
 */
import { setFlagsFromString } from "node:v8"
import * as Commands from "./Commands.js"
import * as ExitCode from "./ExitCode.js"
import * as Terminal from "./Terminal.js"

// V8 lets the heap grow to several times what is live before it collects: `run` over 10,000 articles
// once peaked at 2.2 GB with 0.65 GB live; growing by a fifth at a time, the same run peaked at 1.1 GB,
// for 5% more CPU time (5%: 1.03 GB, for 30% more). The flag is read at every collection, so setting
// it here works.
setFlagsFromString(`--heap-growing-percent=${process.env.CROSSCHECK_HEAP_GROWING_PERCENT ?? 20}`)

const io: Commands.Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrIsTty: process.stderr.isTTY === true,
  stdoutIsTty: process.stdout.isTTY === true,
  ...(process.stderr.columns ? { stderrColumns: process.stderr.columns } : {}),
  stdin: process.stdin,
  env: process.env,
}

// `crosscheck claims | head` closes stdout early: that is the reader being done, not a crash.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(ExitCode.OK)
  throw error
})

const main = async (): Promise<number> => {
  let code: number = ExitCode.OK
  try {
    await Commands.program(io, (c) => {
      code = c
    }).parseAsync(process.argv)
  } catch (error) {
    // commander reports --help and --version as "errors" with exit code 0.
    if (error && typeof error === "object" && "exitCode" in error && (error as { exitCode: number }).exitCode === 0)
      return ExitCode.OK
    const outcome = ExitCode.fromError(error)
    // Messages quote paths and values from input: escaped, so that none reaches the terminal as a command.
    if (outcome.message) io.stderr(`${Terminal.text(outcome.message)}\n`)
    return outcome.code
  }
  return code
}

main().then((code) => {
  process.exitCode = code
})
