/**
 * Proves a speed change to the extractor left its output alone: hashes the JSON of the claims of the
 * seed page, every BASIL article and every story/fresh fixture article, per corpus and per document.
 * `tsx bench/check-extract.ts save FILE` records the hashes; `tsx bench/check-extract.ts compare FILE`
 * exits 1 naming each document whose claims differ, or differ on a second pass after the instance
 * was made again. Fixture sets under test elsewhere are left out.
 */
import { createHash } from "node:crypto"
import { readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Extractor } from "@crosscheck/extractor"
import { basil } from "./data.js"
import { asDocument } from "./perf/timing.js"

const root = join(import.meta.dirname, "..")
// The development batches (each run once unseen, then recorded); a batch still held out is never read here.
const FRESH = [
  "2026-12-03",
  "2026-12-03b",
  "2026-12-03c",
  "2026-12-03d",
  "2026-12-03e",
  "2026-12-03f",
  "2026-12-03g",
  "2026-12-03h",
  "2026-12-03i",
]

/** Every `.md` article one or two folders below `dir`, by sorted path. */
const articles = (dir: string): ReadonlyArray<{ readonly name: string; readonly text: string }> =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .flatMap((story) =>
      readdirSync(join(dir, story))
        .filter((f) => f.endsWith(".md"))
        .sort()
        .map((f) => ({ name: `${story}/${f}`, text: readFileSync(join(dir, story, f), "utf8") })),
    )

const corpora = (): ReadonlyArray<{ readonly corpus: string; readonly name: string; readonly text: string }> => [
  { corpus: "seed", name: "seed", text: readFileSync(join(root, "seeds/000_e79dfb977574f8ce.txt"), "utf8") },
  ...basil().map((a) => ({ corpus: "basil", name: a.file, text: a.text })),
  ...articles(join(root, "fixtures/stories")).map((a) => ({ corpus: "stories", ...a })),
  ...FRESH.flatMap((set) => articles(join(root, "fixtures/fresh", set)).map((a) => ({ corpus: `fresh/${set}`, ...a }))),
]

const sha = (s: string): string => createHash("sha256").update(s).digest("hex")

const hashes = (nlp: ReturnType<typeof Extractor.loadModel>): Record<string, string> => {
  const out: Record<string, string> = {}
  const perCorpus = new Map<string, string[]>()
  corpora().forEach((c, i) => {
    const h = sha(JSON.stringify(Extractor.extractWith(nlp, asDocument(c.text, i, c.corpus))))
    out[`${c.corpus}:${c.name}`] = h
    perCorpus.set(c.corpus, [...(perCorpus.get(c.corpus) ?? []), h])
  })
  for (const [corpus, hs] of perCorpus) out[`${corpus} (${hs.length} docs)`] = sha(hs.join("\n"))
  return out
}

const [mode, file] = process.argv.slice(2)
if (!file || (mode !== "save" && mode !== "compare")) {
  console.error("usage: tsx bench/check-extract.ts save|compare FILE")
  process.exit(2)
}
// Twice on one instance: the second pass reads every document after the instance has been made
// again (UnknownWords renews it every 20,000 words learnt, some 290 articles), and must agree.
const nlp = Extractor.loadModel()
const now = hashes(nlp)
const again = hashes(nlp)
const unstable = Object.keys(now).filter((k) => now[k] !== again[k])
for (const k of unstable) console.log(`DIFFERS on a second pass ${k}`)
for (const [k, v] of Object.entries(now)) if (k.includes(" docs)")) console.log(`${v.slice(0, 16)}  ${k}`)
if (mode === "save") {
  writeFileSync(file, JSON.stringify(now, null, 1))
  process.exit(unstable.length === 0 ? 0 : 1)
} else {
  const before = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>
  const keys = new Set([...Object.keys(before), ...Object.keys(now)])
  const differ = [...keys].filter((k) => before[k] !== now[k])
  for (const k of differ) console.log(`DIFFERS ${k}`)
  console.log(differ.length === 0 ? `identical: ${keys.size} hashes` : `${differ.length} hashes differ`)
  process.exit(differ.length === 0 && unstable.length === 0 ? 0 : 1)
}
