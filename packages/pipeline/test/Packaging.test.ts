/**
 * Every package follows the one publishing scheme of docs/packaging.md, so a new package that misses a
 * step fails here with what to add, before the slower packed-install test.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { root } from "./readmeExample.js"

interface Manifest {
  readonly name: string
  readonly version: string
  readonly private?: boolean
  readonly engines?: Record<string, string>
  readonly exports?: Record<string, unknown>
  readonly publishConfig?: { readonly exports?: Record<string, unknown>; readonly types?: string }
  readonly files?: ReadonlyArray<string>
  readonly scripts?: Record<string, string>
  readonly bin?: Record<string, string>
  readonly dependencies?: Record<string, string>
}

const read = <A>(path: string): A => JSON.parse(readFileSync(path, "utf8")) as A
const dirs = readdirSync(join(root, "packages"), { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(root, "packages", e.name, "package.json")))
  .map((e) => e.name)
const manifest = (dir: string) => read<Manifest>(join(root, "packages", dir, "package.json"))
/** Packages whose users import them (an index.ts); the others are commands with a bundle of their own. */
const libraries = dirs.filter((dir) => existsSync(join(root, "packages", dir, "src/index.ts")))
const rootManifest = read<Manifest>(join(root, "package.json"))

describe("the packages' publishing scheme", () => {
  it.each(dirs)("%s is public, at the one version, built before packing", (dir) => {
    const m = manifest(dir)
    expect(m.name).toBe(`@crosscheck/${dir}`)
    expect(m.version).toBe(manifest("cli").version)
    expect(m.private).toBeUndefined()
    expect(m.engines).toEqual(rootManifest.engines)
    expect(m.files?.length).toBeGreaterThan(0)
    expect(m.scripts?.prepack).toBe("node ../../scripts/build.mjs")
  })

  it.each(libraries)("%s runs from src in the repository and from dist once packed", (dir) => {
    const m = manifest(dir)
    expect(m.exports).toEqual({ ".": "./src/index.ts", "./internal/*": null })
    expect(m.publishConfig).toEqual({
      exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" }, "./internal/*": null },
      types: "./dist/index.d.ts",
    })
    expect(m.files).toEqual(["dist", "!dist/.tsbuildinfo"])
  })

  it.each(libraries)("%s is compiled by tsc -b after the packages it imports", (dir) => {
    const config = read<{ extends: string; references?: ReadonlyArray<{ path: string }> }>(
      join(root, "packages", dir, "tsconfig.build.json"),
    )
    expect(config.extends).toBe("../../tsconfig.package.json")
    const ours = Object.keys(manifest(dir).dependencies ?? {})
      .filter((name) => name.startsWith("@crosscheck/"))
      .map((name) => `../${name.slice("@crosscheck/".length)}/tsconfig.build.json`)
    expect((config.references ?? []).map((r) => r.path).sort()).toEqual(ours.sort())
  })

  it("gives the CLI a bin: the bundle that `pnpm crosscheck` runs", () => {
    const cli = manifest("cli")
    expect(cli.bin).toEqual({ crosscheck: "dist/bin.js" })
    expect(rootManifest.scripts?.crosscheck).toBe("node packages/cli/bundle.mjs && node packages/cli/dist/bin.js")
    expect(rootManifest.scripts?.prepare).toBe("node scripts/build.mjs")
    expect(rootManifest.private).toBe(true)
  })
})
