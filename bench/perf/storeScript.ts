/**
 * Runs a short script with the SQLite driver, in a process of its own from the store package (where the
 * driver is installed): benches read a store raw this way, as a baseline or to compare stores.
 */
import { spawn } from "node:child_process"
import { join } from "node:path"

const storePackage = join(new URL("../../", import.meta.url).pathname, "packages/store")

/** The script's standard output parsed as JSON, and the milliseconds it took; rejects with its stderr. */
export const runStoreScript = <A>(script: string, db: string, what: string): Promise<{ value: A; ms: number }> =>
  new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, ["-e", script, db], { cwd: storePackage, stdio: "pipe" })
    let out = ""
    let err = ""
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      out += d
    })
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      err += d
    })
    child.on("error", reject)
    child.on("close", (code) =>
      code === 0
        ? resolve({ value: JSON.parse(out) as A, ms: performance.now() - started })
        : reject(new Error(`${what} of ${db} exited ${code}: ${err.slice(-800)}`)),
    )
  })
