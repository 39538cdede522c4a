import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { root, start } from "./Cli.js"

const { version } = JSON.parse(readFileSync(join(root, "packages/cli/package.json"), "utf8")) as { version: string }

describe("crosscheck --version", () => {
  it.each(["--version", "-V"])("%s prints the package's version and nothing else, exit code 0", async (flag) => {
    expect(await start([flag]).result).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: "" })
  })

  it("is listed in --help", async () => {
    expect((await start(["--help"]).result).stdout).toContain("-V, --version")
  })
})
