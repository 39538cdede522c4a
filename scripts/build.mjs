/**
 * Builds every package for publishing: `tsc -b` compiles each package with a `tsconfig.build.json` to
 * its `dist/` (ESM, `.d.ts`, source maps), the files its code reads beside itself are copied there, and
 * a package with a `bundle.mjs` (the CLI) runs it. Fast when nothing changed; run by `pnpm install`.
 *
 * In the repository the packages' `exports` point at `src/`, so tests, tsx and the type check never need
 * this; `pnpm pack` swaps in `publishConfig`, whose `exports` point here. See docs/packaging.md.
 */
import { execFileSync } from "node:child_process"
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const packages = readdirSync(join(root, "packages"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => join(root, "packages", entry.name))
const compiled = packages.filter((dir) => existsSync(join(dir, "tsconfig.build.json")))

const tsc = createRequire(join(root, "package.json")).resolve("typescript/bin/tsc")
try {
  execFileSync(process.execPath, [tsc, "-b", ...compiled.map((dir) => join(dir, "tsconfig.build.json"))], {
    stdio: "inherit",
  })
} catch {
  // tsc printed what failed; the usual cause once the type check passes is a missing project reference.
  console.error(
    "crosscheck build: tsc -b failed. A package that imports another @crosscheck package lists it in the `references` of its tsconfig.build.json (docs/packaging.md).",
  )
  process.exit(1)
}

const files = (dir) =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()) : []

/** The source a file in dist/ was made from: tsc's outputs come from `.ts`, anything else is a copy. */
const sourceOf = (path) => path.replace(/(\.d\.ts|\.js\.map|\.js)$/, ".ts")
/** tsc emits TypeScript and the JSON catalogues itself; any other file in src/ is read at run time from beside the code. */
const isAsset = (path) => !path.endsWith(".ts") && !path.endsWith(".json")

for (const dir of compiled) {
  const src = join(dir, "src")
  const dist = join(dir, "dist")
  for (const entry of files(src)) {
    const from = join(entry.parentPath, entry.name)
    const rel = relative(src, from)
    if (!isAsset(rel)) continue
    const to = join(dist, rel)
    if (existsSync(to) && readFileSync(to).equals(readFileSync(from))) continue
    mkdirSync(dirname(to), { recursive: true })
    copyFileSync(from, to)
  }
  // tsc never deletes: the output of a source file that was removed or renamed would ship otherwise.
  for (const entry of files(dist)) {
    const rel = relative(dist, join(entry.parentPath, entry.name))
    if (rel === ".tsbuildinfo") continue
    if (!existsSync(join(src, sourceOf(rel))) && !existsSync(join(src, rel))) rmSync(join(dist, rel))
  }
}

for (const dir of packages)
  if (existsSync(join(dir, "bundle.mjs")))
    execFileSync(process.execPath, [join(dir, "bundle.mjs")], { stdio: "inherit" })
