/**
 * What a report folder holds: report.json, report.md and report.html; for a large report (StoryPages'
 * switch), index pages and a page per story instead, rewriting only the pages of stories that changed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { join } from "node:path"
import type { Report } from "@crosscheck/domain"
import { Notices, Pipeline, StoryPages } from "@crosscheck/pipeline"
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
  /** With a partner thread: the story pages it saw to (written or found unchanged) that this side kept as they were. */
  readonly partner?: number
  /** Why the partner thread stopped early, when it did (its pages were written here instead). */
  readonly partnerFailure?: string
}

/** A story page one side saw to: its place in the report's stories, and whether its files were written. */
export interface Done {
  readonly index: number
  readonly id: string
  readonly fingerprint: string
  readonly written: boolean
}

/**
 * Another thread writing the same report's story pages (`report --db`: it read the same store itself).
 * Each side takes the next story from `next`, shared between them, and writes its pages.
 */
export interface Partner {
  /** One counter in shared memory: the index of the next story not yet taken by either side. */
  readonly next: Int32Array
  /** What the partner saw to, once it has stopped, and why it stopped early if it failed (what it finished before counts). */
  readonly done: () => Promise<{ readonly done: ReadonlyArray<Done>; readonly failure: string | null }>
  /** Stops it, for a report that turns out not to need pages. */
  readonly stop: () => void
}

/** The script and style every story page carries to stand alone, encoded once for all of them. */
const SHARED = Output.shared(StoryPages.shared)

/** Each story's fingerprint in the folder's index, when the folder holds pages. */
const fingerprints = (kept: ReadonlyArray<StoryPages.Entry> | null): ReadonlyMap<string, string> =>
  new Map((kept ?? []).map((e) => [e.id, e.fingerprint]))

/**
 * Writes one story's two pages unless they are there and were written from the same story, by the
 * folder's index (`previous`; null writes them whatever is there).
 */
const writeStory = (
  out: string,
  story: StoryPages.StoryPage,
  previous: ReadonlyMap<string, string> | null,
): boolean => {
  const path = join(out, StoryPages.pathOf(story.entry.id))
  if (
    previous !== null &&
    previous.get(story.entry.id) === story.entry.fingerprint &&
    existsSync(`${path}.html`) &&
    existsSync(`${path}.md`)
  )
    return false
  Output.writeChunks(`${path}.html`, StoryPages.storyHtml(story), { leftovers: false, shared: SHARED })
  Output.writeChunks(`${path}.md`, StoryPages.storyMarkdown(story), { leftovers: false })
  return true
}

/**
 * The story pages of the stories this side takes (`take` gives the next index, increasing), and every
 * story's index entry, in the report's order.
 */
export const writePages = (
  out: string,
  report: Report.Report,
  kept: ReadonlyArray<StoryPages.Entry> | null,
  take: () => number,
): { readonly entries: ReadonlyArray<StoryPages.Entry>; readonly done: ReadonlyArray<Done> } => {
  mkdirSync(join(out, "stories"), { recursive: true })
  const previous = fingerprints(kept)
  const all: StoryPages.Entry[] = []
  const done: Done[] = []
  let mine = take()
  for (const story of StoryPages.stories(report)) {
    const index = all.length
    all.push(story.entry)
    if (index !== mine) continue
    const { id, fingerprint } = story.entry
    done.push({ index, id, fingerprint, written: writeStory(out, story, previous) })
    mine = take()
  }
  return { entries: all, done }
}

/** Whether a report goes into `out` as pages, and the index the folder holds now. */
export const layoutOf = (
  out: string,
  report: Report.Report,
): { readonly paged: boolean; readonly kept: ReadonlyArray<StoryPages.Entry> | null } => {
  const kept = entries(out)
  return { paged: StoryPages.paged(report, kept !== null), kept }
}

/**
 * Writes the report into `out`: the three files, or report.json and pages (see StoryPages.paged). With a
 * partner, story pages are shared out between the two threads while this one writes report.json; a page
 * the partner wrote from another state of the store (a run committed between the two reads) or did not
 * finish is written again here, so every page matches the index written last.
 */
export const write = async (out: string, report: Report.Report, partner?: Partner): Promise<Written> => {
  mkdirSync(out, { recursive: true })
  const { paged, kept } = layoutOf(out, report)
  if (!paged) {
    partner?.stop()
    for (const [name, chunks] of Object.entries(Pipeline.chunks(report))) Output.writeChunks(join(out, name), chunks)
    return { layout: "one", storyPages: 0, kept: 0 }
  }
  const dir = join(out, "stories")
  mkdirSync(dir, { recursive: true })
  // Once for the folder, not once a page: it lists thousands of files. (A partner's own `.partial` files
  // belong to this process, which is alive, so they stay.)
  Output.removeLeftovers(dir)
  Output.writeChunks(join(out, "report.json"), Pipeline.chunks(report)["report.json"])
  let local = 0
  const take = partner ? () => Atomics.add(partner.next, 0, 1) : () => local++
  const mine = writePages(out, report, kept, take)
  const fresh = mine.entries
  let written = mine.done.filter((d) => d.written).length
  let byPartner = 0
  let failure: string | null = null
  if (partner) {
    const answer = await partner.done()
    failure = answer.failure
    const theirs = new Map(answer.done.map((d) => [d.index, d]))
    const ours = new Set(mine.done.map((d) => d.index))
    const again = new Set<number>()
    fresh.forEach((entry, index) => {
      if (ours.has(index)) return
      const d = theirs.get(index)
      if (d && d.id === entry.id && d.fingerprint === entry.fingerprint) {
        written += d.written ? 1 : 0
        byPartner += 1
      } else again.add(index)
    })
    if (again.size > 0) {
      let index = 0
      for (const story of StoryPages.stories(report)) {
        if (again.has(index)) {
          writeStory(out, story, null)
          written += 1
        }
        index += 1
      }
    }
  }
  const all = StoryPages.merge(kept ?? [], fresh)
  const { pages } = StoryPages.page(all, 1)
  const notices = Notices.of(report)
  for (let n = 1; n <= pages; n++) {
    Output.writeChunks(
      join(out, StoryPages.indexName(n, "html")),
      StoryPages.indexHtml(all, n, report.generatedAt, notices),
      { shared: SHARED },
    )
    Output.writeChunks(
      join(out, StoryPages.indexName(n, "md")),
      StoryPages.indexMarkdown(all, n, report.generatedAt, notices),
    )
  }
  // Index pages beyond the last, left by an index that was longer, would point at stale numbering.
  for (const name of readdirSync(out)) {
    const n = /^report-(\d+)\.(?:html|md)$/.exec(name)?.[1]
    if (n !== undefined && Number(n) > pages) rmSync(join(out, name), { force: true })
  }
  // Last: a fingerprint listed here means its pages were written.
  Output.writeChunks(join(out, MANIFEST), [JSON.stringify({ entries: all })])
  return {
    layout: "pages",
    storyPages: written,
    kept: fresh.length - written,
    ...(partner ? { partner: byPartner } : {}),
    ...(failure === null ? {} : { partnerFailure: failure }),
  }
}
