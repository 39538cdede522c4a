/**
 * The `crosscheck` executable: runs a command and maps every failure to one line on stderr and
 * the exit code of CONTRACT.md.
 */
import * as Commands from "./Commands.js"
import * as ExitCode from "./ExitCode.js"

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
    if (outcome.message) io.stderr(`${outcome.message}\n`)
    return outcome.code
  }
  return code
}

main().then((code) => {
  process.exitCode = code
})
