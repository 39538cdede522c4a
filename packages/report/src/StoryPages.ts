/**
 * A large report as pages: one page per story (HTML and Markdown, each a report of that story alone)
 * and an index of the stories, newest first, a fixed number to a page, each with its counts and links.
 */
import { createHash } from "node:crypto"
import type { Claim, Document, Finding, Report, Story } from "@crosscheck/domain"
import * as Html from "./Html.js"
import { visible } from "./internal/pageData.js"
import * as Markdown from "./Markdown.js"
import * as ReportFile from "./ReportFile.js"

/** Stories on one index page: a screen or two of one-line entries, on a phone too. */
export const STORIES_PER_PAGE = 50

/** The switch between the one triage page and pages (ReportFile.ONE_PAGE_MAX_STORIES). */
export const ONE_PAGE_MAX_STORIES = ReportFile.ONE_PAGE_MAX_STORIES

/**
 * Pages, when the report is larger than one page suits, or the folder holds pages already: it stays
 * paged, even for a report of no story (`report --since` when nothing changed), which keeps its index.
 */
export const paged = (report: Report.Report, folderIsPaged: boolean): boolean =>
  folderIsPaged || ReportFile.large(report)

/** One story as the index lists it; the index of a folder is kept as these (`stories/index.json`). */
export interface Entry {
  readonly id: string
  readonly label: string
  readonly start: string | null
  readonly end: string | null
  readonly articles: number
  readonly outlets: ReadonlyArray<string>
  /** Findings by verdict, only verdicts it has. */
  readonly counts: Readonly<Partial<Record<Finding.Verdict, number>>>
  /** What its page was written from: a page with the same fingerprint need not be written again. */
  readonly fingerprint: string
}

/** A story's page, without extension, relative to the report folder: story ids are hashes, kept to safe characters. */
export const pathOf = (storyId: string): string => `stories/${storyId.replace(/[^A-Za-z0-9_-]/g, "_")}`

/** Index page n (from 1): the first is report.html / report.md, so the folder opens where it always did. */
export const indexName = (page: number, extension: "html" | "md"): string =>
  page === 1 ? `report.${extension}` : `report-${page}.${extension}`

export interface StoryPage {
  readonly entry: Entry
  /** The story's part of the report: its documents, its findings (and those across stories citing it), what they cite. */
  readonly report: Report.Report
}

/**
 * Each story of the report with its part of it. A finding across stories (storyId null) is on the page
 * of every story whose articles it cites. One pass over the report, however many stories it has.
 */
export function* stories(report: Report.Report): Generator<StoryPage> {
  const docs = new Map(report.documents.map((d) => [d.id as string, d]))
  const claims = new Map(report.claims.map((c) => [c.id as string, c]))
  const findingsOf = new Map<string, Finding.Finding[]>()
  const add = (story: string, f: Finding.Finding) => {
    const list = findingsOf.get(story)
    if (list) list.push(f)
    else findingsOf.set(story, [f])
  }
  for (const f of report.findings) {
    if (f.storyId) add(f.storyId, f)
    else if (f.storyId === null) {
      const touched = new Set<string>()
      for (const id of f.claimIds) {
        const story = docs.get(claims.get(id)?.documentId ?? "")?.storyId
        if (story && !touched.has(story)) {
          touched.add(story)
          add(story, f)
        }
      }
    }
  }
  for (const story of report.stories ?? []) {
    const findings = findingsOf.get(story.id) ?? []
    const cited: Claim.Claim[] = []
    const seen = new Set<string>()
    for (const f of findings)
      for (const id of f.claimIds) {
        const c = claims.get(id)
        if (c && !seen.has(id)) {
          seen.add(id)
          cited.push(c)
        }
      }
    const own = new Set<string>(story.documentIds)
    for (const c of cited) own.add(c.documentId)
    const documents = [...own].flatMap((id) => {
      const d = docs.get(id)
      return d ? [d] : []
    })
    yield {
      entry: entryOf(story, documents, findings, report.outdatedStore),
      report: {
        schemaVersion: report.schemaVersion,
        generatedAt: report.generatedAt,
        asOf: report.asOf,
        documents,
        claims: cited,
        findings,
        errors: [],
        stories: [story],
        // Every page of a store an older crosscheck left says so: an editor may open a story's page alone.
        ...(report.outdatedStore ? { outdatedStore: report.outdatedStore } : {}),
      },
    }
  }
}

const entryOf = (
  story: Story.Story,
  documents: ReadonlyArray<Document.Document>,
  findings: ReadonlyArray<Finding.Finding>,
  outdatedStore: Report.OutdatedStore | undefined,
): Entry => {
  const counts: Partial<Record<Finding.Verdict, number>> = {}
  for (const f of findings) counts[f.verdict] = (counts[f.verdict] ?? 0) + 1
  const hash = createHash("sha256").update(JSON.stringify(story))
  // The page says what of the store is outdated: once that changes, so does the page (a current store adds nothing).
  if (outdatedStore) hash.update(`\u0002${JSON.stringify(outdatedStore)}`)
  for (const d of documents) hash.update(`\u0000${d.id}\u0001${d.syndicationGroup ?? ""}`)
  for (const f of findings)
    hash.update(`\u0000${f.id}\u0001${f.verdict}\u0001${f.independentSources}\u0001${f.summary}`)
  return {
    id: story.id,
    label: story.label,
    start: story.start,
    end: story.end,
    articles: story.documentIds.length,
    outlets: story.outlets,
    counts,
    fingerprint: hash.digest("hex").slice(0, 32),
  }
}

const newest = (a: Entry, b: Entry): number => {
  const [x, y] = [a.end ?? a.start, b.end ?? b.start]
  if (x !== y) return x === null ? 1 : y === null ? -1 : x < y ? 1 : -1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** The folder's entries with these replacing those of the same story, newest first (undated last). */
export const merge = (kept: ReadonlyArray<Entry>, fresh: ReadonlyArray<Entry>): ReadonlyArray<Entry> => {
  const byId = new Map(kept.map((e) => [e.id, e]))
  for (const e of fresh) byId.set(e.id, e)
  return [...byId.values()].sort(newest)
}

/** The entries of index page n (from 1) and how many pages there are (at least one). */
export const page = (
  entries: ReadonlyArray<Entry>,
  n: number,
): { readonly entries: ReadonlyArray<Entry>; readonly pages: number } => ({
  entries: entries.slice((n - 1) * STORIES_PER_PAGE, n * STORIES_PER_PAGE),
  pages: Math.max(1, Math.ceil(entries.length / STORIES_PER_PAGE)),
})

const LABELS: Record<Finding.Verdict, string> = {
  disputed: "disputed",
  contradict: "contradict",
  changed: "changed",
  compatible: "compatible",
  agree: "agree",
  "single-source": "single source",
}

const dates = (e: Entry): string => {
  const [start, end] = [e.start?.slice(0, 10), e.end?.slice(0, 10)]
  return !start || !end ? "undated" : start === end ? start : `${start} – ${end}`
}

/** Only its own style; nothing runs on the index, and nothing is fetched. */
const INDEX_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'"

const pageLinks = (n: number, pages: number, extension: "html" | "md"): ReadonlyArray<{ n: number; href: string }> =>
  Array.from({ length: pages }, (_, i) => ({ n: i + 1, href: indexName(i + 1, extension) })).filter(
    (p) => p.n === 1 || p.n === pages || Math.abs(p.n - n) <= 3,
  )

/**
 * Index page n as HTML: static, no script; each story a link to its page, with its dates, size and
 * counts; the report's notices (Notices.of) under the heading.
 */
export function* indexHtml(
  entries: ReadonlyArray<Entry>,
  n: number,
  generatedAt: string,
  notices: ReadonlyArray<string> = [],
): Generator<string> {
  const { entries: shown, pages } = page(entries, n)
  const e = Html.escapeHtml
  yield* Html.headChunks(`crosscheck report: ${entries.length} stories, page ${n} of ${pages}`, INDEX_POLICY)
  yield `<body>
<header class="top">
<h1>crosscheck report <span class="sub">${entries.length} stories · page ${n} of ${pages}</span></h1>
${Html.noticesHtml(notices)}<p class="keys">Stories newest first, ${STORIES_PER_PAGE} to a page; each opens its own triage page. Generated ${e(generatedAt)}.</p>
</header>
<main aria-label="Stories">
<ol class="stories" start="${(n - 1) * STORIES_PER_PAGE + 1}">
`
  for (const x of shown) {
    const counts = ReportFile.VERDICT_ORDER.filter((v) => x.counts[v])
      .map((v) => `<span class="badge v-${v}">${x.counts[v]} ${LABELS[v]}</span>`)
      .join(" ")
    const outlets = x.outlets.map((o) => `<bdi>${e(visible(o))}</bdi>`).join(", ")
    yield `<li class="story-entry"><a href="${e(pathOf(x.id))}.html"><bdi>${e(visible(x.label || x.id))}</bdi></a> <span class="sub">(<a href="${e(pathOf(x.id))}.md" aria-label="${e(visible(x.label || x.id))} as Markdown">md</a>)</span>
<p class="meta">${e(dates(x))} · ${x.articles} ${x.articles === 1 ? "article" : "articles"} · ${outlets}</p>
<p class="meta">${counts || "no findings"}</p></li>
`
  }
  yield `</ol>
</main>
<nav class="pages" aria-label="Index pages">${n > 1 ? `<a rel="prev" href="${indexName(n - 1, "html")}">Newer</a> ` : ""}${pageLinks(
    n,
    pages,
    "html",
  )
    .map((p) => (p.n === n ? `<span aria-current="page">${p.n}</span>` : `<a href="${p.href}">${p.n}</a>`))
    .join(" ")}${n < pages ? ` <a rel="next" href="${indexName(n + 1, "html")}">Older</a>` : ""}</nav>
</body>
</html>
`
}

/** Index page n as Markdown, the same list with links to the stories' Markdown pages, and the same notices. */
export function* indexMarkdown(
  entries: ReadonlyArray<Entry>,
  n: number,
  generatedAt: string,
  notices: ReadonlyArray<string> = [],
): Generator<string> {
  const { entries: shown, pages } = page(entries, n)
  const md = Markdown.md
  yield `# crosscheck report: ${entries.length} stories, page ${n} of ${pages}\n\n`
  for (const notice of notices) yield `${Markdown.note(notice)}\n\n`
  yield `Stories newest first, ${STORIES_PER_PAGE} to a page. Generated ${md(generatedAt)}.\n\n`
  let i = (n - 1) * STORIES_PER_PAGE
  for (const x of shown) {
    i += 1
    const counts = ReportFile.VERDICT_ORDER.filter((v) => x.counts[v])
      .map((v) => `${x.counts[v]} ${LABELS[v]}`)
      .join(" · ")
    yield `${i}. [${md(x.label || x.id)}](<${pathOf(x.id)}.md>) · ${dates(x)} · ${x.articles} ${x.articles === 1 ? "article" : "articles"} from ${x.outlets.map(md).join(", ")} · ${counts || "no findings"}\n`
  }
  const links = pageLinks(n, pages, "md").map((p) => (p.n === n ? `**${p.n}**` : `[${p.n}](<${p.href}>)`))
  yield `\nPages: ${links.join(" · ")}\n`
}

/** What every HTML page repeats as it is (Html.shared): a writer of thousands of pages encodes it once. */
export const shared: ReadonlyArray<string> = Html.shared

/** A story's page as HTML: the triage page of its part of the report, with a link back to the index. */
export const storyHtml = (story: StoryPage): Iterable<string> =>
  Html.chunks(story.report, {
    index: "../report.html",
    title: `crosscheck: ${visible(story.entry.label || story.entry.id)}`,
  })

/** A story's page as Markdown: report.md of its part of the report, after a link back to the index. */
export function* storyMarkdown(story: StoryPage): Generator<string> {
  yield "[All stories](<../report.md>)\n\n"
  yield* Markdown.chunks(story.report)
}
