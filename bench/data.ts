/**
 * Where the public benchmark data sets are (`../shared/data`, or CROSSCHECK_DATA) and readers for
 * the ones used by both eval and bench. The data is read in place, never copied into the repository.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join, resolve } from "node:path"

export const dataDir = (): string =>
  resolve(process.env.CROSSCHECK_DATA ?? join(import.meta.dirname, "../../shared/data"))

/** The path of a set inside the data folder, or null when it is not there. */
export const locate = (relative: string): string | null => {
  const path = join(dataDir(), relative)
  return existsSync(path) ? path : null
}

export interface BasilArticle {
  readonly file: string
  readonly title: string
  readonly date: string
  readonly source: string
  readonly triplet: string
  readonly text: string
}

/** Every BASIL article, sorted by file name; paragraphs joined by newlines. */
export const basil = (): ReadonlyArray<BasilArticle> => {
  const root = locate("basil")
  if (!root) return []
  const out: BasilArticle[] = []
  for (const year of readdirSync(root).sort()) {
    for (const name of readdirSync(join(root, year)).sort()) {
      if (!name.endsWith(".json")) continue
      const raw = JSON.parse(readFileSync(join(root, year, name), "utf8")) as {
        title: string
        date: string
        source: string
        "triplet-uuid": string
        "body-paragraphs": string[][]
      }
      out.push({
        file: join(year, name),
        title: raw.title,
        date: raw.date,
        source: raw.source,
        triplet: raw["triplet-uuid"],
        text: raw["body-paragraphs"].map((p) => p.join(" ")).join("\n"),
      })
    }
  }
  return out
}
