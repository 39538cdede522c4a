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
}

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
    const outcome = ExitCode.fromError(unwrap(error))
    if (outcome.message) io.stderr(`${outcome.message}\n`)
    return outcome.code
  }
  return code
}

/** Effect's runPromise rejects with a FiberFailure; the typed error is its cause. */
const unwrap = (error: unknown): unknown => {
  if (error && typeof error === "object") {
    const cause = (error as { cause?: { _tag?: string; error?: unknown; failure?: unknown } })[
      Symbol.for("effect/Runtime/FiberFailure/Cause") as never
    ] as { _tag?: string; error?: unknown } | undefined
    if (cause?._tag === "Fail") return cause.error
  }
  return error
}

main().then((code) => {
  process.exitCode = code
})
