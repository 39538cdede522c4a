/**
 * Runs the `crosscheck` CLI as a user would, for the end-to-end tests. Asynchronous, so several
 * run at once and the test worker stays responsive while each one loads its model.
 */
import { spawn } from "node:child_process"
import { join } from "node:path"

export const root = new URL("../../../", import.meta.url).pathname
const tsx = join(root, "node_modules/.bin/tsx")
const bin = join(root, "packages/cli/src/bin.ts")

export interface Result {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

export const crosscheck = (args: ReadonlyArray<string>, stdin = ""): Promise<Result> =>
  new Promise((resolve, reject) => {
    const child = spawn(tsx, [bin, ...args], { cwd: root, env: { ...process.env, NO_COLOR: "1" }, stdio: "pipe" })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d
    })
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d
    })
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(stdin)
  })
