import { execFile } from "node:child_process"
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { promisify } from "node:util"
import { afterAll, describe, it } from "vitest"
import { example, expectRan, root } from "./readmeExample.js"

// By path: `--import tsx` would resolve tsx from the example's working folder, outside the repository.
const tsxLoader = pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href

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
    expectRan(await promisify(execFile)(process.execPath, ["--import", tsxLoader, file], { cwd }), cwd)
  })
})
