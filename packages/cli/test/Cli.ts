/**
 * Runs the `crosscheck` CLI as a user would (the bundle `pnpm crosscheck` runs, built for the tests by
 * bundle.setup.ts), for the end-to-end tests. Asynchronous, so several run at once and the test worker
 * stays responsive while each one loads its model.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process"
import { join } from "node:path"

export const root = new URL("../../../", import.meta.url).pathname
/** The bundled CLI, as `pnpm crosscheck` runs it. */
export const bundle = join(root, "packages/cli/dist/bin.js")
/** The same CLI from its TypeScript sources, through tsx. */
export const sources = join(root, "packages/cli/src/bin.ts")

export interface Result {
  readonly code: number | null
  /** The signal that ended the process, e.g. "SIGKILL" from a crash test; null when it exited. */
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

export interface Started {
  readonly child: ChildProcessWithoutNullStreams
  readonly result: Promise<Result>
}

/**
 * Starts the CLI as one node process (no `pnpm` or `tsx` wrapper process), so a signal sent to
 * `child` reaches the process that holds the store.
 */
export const start = (
  args: ReadonlyArray<string>,
  stdin = "",
  bin: string = bundle,
  env: Readonly<Record<string, string>> = {},
): Started => {
  const loader = bin.endsWith(".ts") ? ["--import", "tsx"] : []
  const child = spawn(process.execPath, [...loader, bin, ...args], {
    cwd: root,
    env: { ...process.env, NO_COLOR: "1", ...env },
    stdio: "pipe",
  })
  const result = new Promise<Result>((resolve, reject) => {
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d
    })
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d
    })
    child.on("error", reject)
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
  child.stdin.end(stdin)
  return { child, result }
}

export const crosscheck = (
  args: ReadonlyArray<string>,
  stdin = "",
  bin: string = bundle,
  env: Readonly<Record<string, string>> = {},
): Promise<Result> => start(args, stdin, bin, env).result
