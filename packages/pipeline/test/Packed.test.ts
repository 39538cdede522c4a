/**
 * What a newsroom installs: every package packed by `pnpm pack`, the tarballs installed with plain npm
 * into an empty project, then the README's embedding example and `npx crosscheck` run with plain node.
 */
import { execFile } from "node:child_process"
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { example, expectRan, root } from "./readmeExample.js"

const run = promisify(execFile)
// npm compiles better-sqlite3 from source where no prebuilt binary can be fetched: about a minute idle,
// four on a busy two-core machine.
const INSTALL_TIMEOUT = 12 * 60_000

/** The environment without the `npm_*` variables `pnpm test` sets, which would configure the user's npm. */
const cleanEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && !/^pnpm_/i.test(key)))

const packages = readdirSync(join(root, "packages"), { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(root, "packages", e.name, "package.json")))
  .map((e) => JSON.parse(readFileSync(join(root, "packages", e.name, "package.json"), "utf8")) as { name: string })
const rootManifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  devDependencies: Record<string, string>
}
/** Every package is released at one version; `crosscheck --version` prints it. */
const { version } = JSON.parse(readFileSync(join(root, "packages/cli/package.json"), "utf8")) as { version: string }

describe("the packed packages, installed with npm in an empty project", () => {
  const work = mkdtempSync(join(tmpdir(), "crosscheck-packed-"))
  const packs = join(work, "packs")
  const project = join(work, "desk-tool")
  const env = cleanEnv()
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  beforeAll(async () => {
    // Each package's prepack runs the build (fast when nothing changed); one at a time, so that two
    // builds never write the same files.
    await run(
      "pnpm",
      ["-r", "--workspace-concurrency=1", "--filter", "./packages/*", "pack", "--pack-destination", packs],
      { cwd: root },
    )
    const tarballs = readdirSync(packs).map((f) => join(packs, f))
    expect(tarballs).toHaveLength(packages.length)
    cpSync(join(root, "seeds"), join(project, "seeds"), { recursive: true })
    writeFileSync(
      join(project, "package.json"),
      `${JSON.stringify({ name: "desk-tool", private: true, type: "module" })}\n`,
    )
    // With the TypeScript and Node types the repository uses, for a TypeScript user's type check.
    const tools = ["typescript", "@types/node"].map((name) => `${name}@${rootManifest.devDependencies[name]}`)
    await run("npm", ["install", "--no-audit", "--no-fund", ...tarballs, ...tools], { cwd: project, env })
  }, INSTALL_TIMEOUT)

  it("installs every package compiled, without workspace links or sources", () => {
    for (const { name } of packages) {
      const dir = join(project, "node_modules", name)
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))
      expect(manifest.version).toBe(version)
      expect(manifest.private).toBeUndefined()
      expect(JSON.stringify(manifest.dependencies ?? {})).not.toContain("workspace:")
      expect(existsSync(join(dir, "src"))).toBe(false)
      expect(existsSync(join(dir, "dist", ".tsbuildinfo"))).toBe(false)
    }
    const pipeline = join(project, "node_modules/@crosscheck/pipeline")
    for (const file of ["index.js", "index.d.ts", "index.js.map", "internal/worker.mjs"])
      expect(existsSync(join(pipeline, "dist", file))).toBe(true)
  })

  it("runs the README's embedding example with plain node", async () => {
    writeFileSync(join(project, "example.mjs"), example())
    expectRan(await run(process.execPath, ["example.mjs"], { cwd: project, env }), project)
  })

  it("type-checks the README's example against the installed declarations, strictly", async () => {
    writeFileSync(join(project, "desk.ts"), example())
    // No skipLibCheck: the shipped .d.ts files are checked too, with the packages they import.
    const compilerOptions = {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      noEmit: true,
      types: ["node"],
    }
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["desk.ts"] }))
    // Fails with tsc's messages (on its stdout) if a declaration is missing or wrong.
    await run(process.execPath, [join(project, "node_modules/typescript/bin/tsc"), "-p", project], {
      cwd: project,
      env,
    }).catch((error: { stdout?: string; message: string }) => {
      throw new Error(
        `tsc rejected the README example against the installed declarations:\n${error.stdout ?? error.message}`,
      )
    })
  })

  it("extracts on worker threads from the installed pipeline", async () => {
    // A broken worker entry would otherwise go unnoticed: the pool falls back to this thread.
    const script = `import { Crosscheck, ExtractionPool } from "@crosscheck/pipeline"
const { documents } = Crosscheck.readArticles([
  { outlet: "Alpha", text: "The ministry said 4,000 people were evacuated on Monday." },
  { outlet: "Beta", text: "About 3,500 residents left their homes, officials said." },
])
const pool = ExtractionPool.start(documents, { asOf: null }, () => { throw new Error("extracted in the main thread") }, { workers: 1 })
const outcomes = await pool.outcomes
await pool.terminate()
console.log(JSON.stringify(outcomes.map((o) => ("claims" in o ? o.claims.length : o.error.message))))
`
    writeFileSync(join(project, "workers.mjs"), script)
    const { stdout } = await run(process.execPath, ["workers.mjs"], { cwd: project, env })
    const counts = JSON.parse(stdout) as ReadonlyArray<unknown>
    expect(counts).toHaveLength(2)
    for (const count of counts) expect(count).toBeGreaterThan(0)
  })

  it("runs `npx crosscheck` on the seeds, and prints its version", async () => {
    // As a user types it; npm_config_yes=false (what `--no` sets, which would also end npx's own options)
    // keeps npx from fetching another package called crosscheck if ours had no bin.
    const npx = (...args: string[]) =>
      run("npx", ["crosscheck", ...args], { cwd: project, env: { ...env, npm_config_yes: "false" } })
    const { stdout } = await npx("run", "seeds/", "--claimreview", "crosscheck-report/claimreview.jsonld")
    expect(stdout).toMatch(/^crosscheck: 4 documents, \d+ claims, \d+ findings/)
    const report = JSON.parse(readFileSync(join(project, "crosscheck-report/report.json"), "utf8"))
    expect(report.documents).toHaveLength(4)
    for (const file of ["report.html", "report.md", "crosscheck.db", "claimreview.jsonld"])
      expect(existsSync(join(project, "crosscheck-report", file))).toBe(true)
    expect((await npx("--version")).stdout).toBe(`${version}\n`)
  })
})
