import { execFile } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { promisify } from "node:util"
import { afterAll, describe, expect, it } from "vitest"

const root = new URL("../../../", import.meta.url).pathname
// By path: `--import tsx` would resolve tsx from the example's working folder, outside the repository.
const tsxLoader = pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href
const readme = readFileSync(join(root, "README.md"), "utf8")

/** The fenced block right after the marker comment, exactly as a reader copies it. */
const example = (): string => {
  const marker = readme.indexOf("<!-- embedding-example")
  const block = readme.slice(marker).match(/```ts\n([\s\S]*?)```/)
  if (marker < 0 || !block?.[1]) throw new Error("README: no embedding example after its marker")
  return block[1]
}

describe("the README's embedding example", () => {
  // Inside the package, so `@crosscheck/pipeline` resolves as it does for a user (self-reference).
  const dir = mkdtempSync(join(root, "packages/pipeline/.readme-"))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it("runs as written, against a store of its own", async () => {
    const file = join(dir, "example.ts")
    writeFileSync(file, example())
    const cwd = mkdtempSync(join(tmpdir(), "crosscheck-readme-"))
    symlinkSync(join(root, "seeds"), join(cwd, "seeds"))
    // Rejects, failing the test with the example's stderr, if it exits with an error.
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", tsxLoader, file], { cwd })
    expect(stderr).toBe("")
    const lines = stdout.trim().split("\n")
    expect(lines[0]).toMatch(/^stored 4 articles, \d+ findings$/)
    expect(lines).toContainEqual(expect.stringMatching(/^\d+ claims mention Kim Jong Un$/))
    expect(lines).toContainEqual(expect.stringMatching(/^(supports|discusses), with [1-9]\d* pieces of evidence$/))
    expect(lines.at(-1)).toMatch(/^\d+ findings new or changed since 15 August$/)
    expect(existsSync(join(cwd, "desk.db"))).toBe(true)
  })
})
