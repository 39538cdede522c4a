/**
 * What a report folder holds: report.json, report.md and report.html; for a large report (StoryPages'
 * switch), index pages and a page per story instead, rewriting only the pages of stories that changed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { join } from "node:path"
import type { Report } from "@crosscheck/domain"
import { Pipeline, StoryPages } from "@crosscheck/pipeline"
import * as Output from "./Output.js"

/** The folder's stories as its index lists them, kept beside their pages. */
const MANIFEST = join("stories", "index.json")

/** The stories a paged folder holds; null when it holds no pages. */
export const entries = (out: string): ReadonlyArray<StoryPages.Entry> | null => {
  try {
    const value = JSON.parse(readFileSync(join(out, MANIFEST), "utf8")) as { entries?: unknown }
    return Array.isArray(value.entries) ? (value.entries as StoryPages.Entry[]) : null
  } catch {
    return null
  }
}

export interface Written {
  /** "one" for the single triage page, "pages" for the index and story pages. */
  readonly layout: "one" | "pages"
  /** Story pages written (HTML and Markdown each count once); the others were the same and kept. */
  readonly storyPages: number
  readonly kept: number
}

/** Writes the report into `out`: the three files, or report.json and pages (see StoryPages.paged). */
export const write = (out: string, report: Report.Report): Written => {
  mkdirSync(out, { recursive: true })
  const kept = entries(out)
  if (!StoryPages.paged(report, kept !== null)) {
    for (const [name, chunks] of Object.entries(Pipeline.chunks(report))) Output.writeChunks(join(out, name), chunks)
    return { layout: "one", storyPages: 0, kept: 0 }
  }
  Output.writeChunks(join(out, "report.json"), Pipeline.chunks(report)["report.json"])
  const dir = join(out, "stories")
  mkdirSync(dir, { recursive: true })
  // Once for the folder, not once a page: it lists thousands of files.
  Output.removeLeftovers(dir)
  const previous = new Map((kept ?? []).map((e) => [e.id, e.fingerprint]))
  const fresh: StoryPages.Entry[] = []
  let written = 0
  for (const story of StoryPages.stories(report)) {
    fresh.push(story.entry)
    const path = join(out, StoryPages.pathOf(story.entry.id))
    if (
      previous.get(story.entry.id) === story.entry.fingerprint &&
      existsSync(`${path}.html`) &&
      existsSync(`${path}.md`)
    )
      continue
    Output.writeChunks(`${path}.html`, StoryPages.storyHtml(story), { leftovers: false })
    Output.writeChunks(`${path}.md`, StoryPages.storyMarkdown(story), { leftovers: false })
    written += 1
  }
  const all = StoryPages.merge(kept ?? [], fresh)
  const { pages } = StoryPages.page(all, 1)
  for (let n = 1; n <= pages; n++) {
    Output.writeChunks(join(out, StoryPages.indexName(n, "html")), StoryPages.indexHtml(all, n, report.generatedAt))
    Output.writeChunks(join(out, StoryPages.indexName(n, "md")), StoryPages.indexMarkdown(all, n, report.generatedAt))
  }
  // Index pages beyond the last, left by an index that was longer, would point at stale numbering.
  for (const name of readdirSync(out)) {
    const n = /^report-(\d+)\.(?:html|md)$/.exec(name)?.[1]
    if (n !== undefined && Number(n) > pages) rmSync(join(out, name), { force: true })
  }
  // Last: a fingerprint listed here means its pages were written.
  Output.writeChunks(join(out, MANIFEST), [JSON.stringify({ entries: all })])
  return { layout: "pages", storyPages: written, kept: fresh.length - written }
}
