import type { Document, Finding, Report, Story } from "@crosscheck/domain"
import { describe, expect, it } from "vitest"
import { Html, Markdown, StoryPages } from "../src/index.js"
import { claim, doc, report } from "./build.js"

const inStory = (d: Document.Document, storyId: string): Document.Document => ({ ...d, storyId })

const story = (id: string, label: string, documents: ReadonlyArray<Document.Document>, end: string | null) =>
  ({
    id: id as Story.Story["id"],
    label,
    start: end,
    end,
    outlets: documents.map((d) => d.outlet),
    documentIds: documents.map((d) => d.id),
  }) as Story.Story

const finding = (id: string, verdict: Finding.Verdict, claimIds: ReadonlyArray<string>, storyId: string | null) =>
  ({
    id,
    verdict,
    claimIds,
    independentSources: 2,
    summary: `${verdict} ${id}`,
    explanation: "made up",
    storyId,
  }) as Finding.Finding

/** Two made-up stories, a finding in each, and one across both (same actor, action and object). */
const build = (): Report.Report => {
  const a = inStory(doc("a", "The mayor said 40 buses ran.", { outlet: "North Desk" }), "s-buses")
  const b = inStory(doc("b", "The mayor said 45 buses ran.", { outlet: "South Desk" }), "s-buses")
  const c = inStory(doc("c", "The council closed the bridge.", { outlet: "River Post" }), "s-bridge")
  const d = inStory(doc("d", "The council reopened <b>the</b> bridge.", { outlet: "Hill Times" }), "s-bridge")
  const [ca, cb, cc, cd] = [
    claim(a, "The mayor said 40 buses ran."),
    claim(b, "The mayor said 45 buses ran."),
    claim(c, "The council closed the bridge."),
    claim(d, "The council reopened <b>the</b> bridge."),
  ]
  return {
    ...report(
      [a, b, c, d],
      [ca, cb, cc, cd],
      [
        finding("f-buses", "contradict", [ca.id, cb.id], "s-buses"),
        finding("f-bridge", "agree", [cc.id, cd.id], "s-bridge"),
        finding("f-across", "disputed", [ca.id, cc.id], null),
      ],
    ),
    stories: [
      story("s-buses", "Buses <script>", [a, b], "2025-03-02"),
      story("s-bridge", "Bridge", [c, d], "2025-03-05"),
    ],
  }
}

describe("story pages", () => {
  it("give each story its articles, its findings and those across stories citing it, and only the claims they cite", () => {
    const pages = [...StoryPages.stories(build())]
    expect(pages.map((p) => p.entry.id)).toEqual(["s-buses", "s-bridge"])
    const [buses, bridge] = pages
    expect(buses?.report.findings.map((f) => f.id)).toEqual(["f-buses", "f-across"])
    expect(bridge?.report.findings.map((f) => f.id)).toEqual(["f-bridge", "f-across"])
    // The finding across stories brings the other story's article it cites, not the whole other story.
    expect(buses?.report.documents.map((d) => d.outlet)).toEqual(["North Desk", "South Desk", "River Post"])
    expect(buses?.report.claims).toHaveLength(3)
    expect(buses?.entry.counts).toEqual({ contradict: 1, disputed: 1 })
    expect(buses?.report.stories?.map((s) => s.id)).toEqual(["s-buses"])
  })

  it("have a fingerprint that changes when what the page shows changes, and only then", () => {
    const fingerprint = (r: Report.Report) => [...StoryPages.stories(r)].map((p) => p.entry.fingerprint)
    const before = fingerprint(build())
    expect(fingerprint({ ...build(), generatedAt: "2026-01-01T00:00:00.000Z" })).toEqual(before)
    const r = build()
    const flipped = {
      ...r,
      findings: r.findings.map((f) => (f.id === "f-bridge" ? { ...f, verdict: "contradict" as const } : f)),
    }
    const after = fingerprint(flipped)
    expect(after[0]).toBe(before[0])
    expect(after[1]).not.toBe(before[1])
  })

  it("are listed newest first, undated last, the folder's entries replaced by the same story's new ones", () => {
    const entry = (id: string, end: string | null, agree = 0): StoryPages.Entry => ({
      id,
      label: id,
      start: end,
      end,
      articles: 2,
      outlets: ["X"],
      counts: agree ? { agree } : {},
      fingerprint: id,
    })
    const kept = [entry("old", "2025-01-01"), entry("undated", null), entry("mid", "2025-02-01")]
    const merged = StoryPages.merge(kept, [entry("old", "2025-03-01", 4), entry("new", "2025-02-15")])
    expect(merged.map((e) => e.id)).toEqual(["old", "new", "mid", "undated"])
    expect(merged[0]?.counts).toEqual({ agree: 4 })
  })

  it("are indexed N to a page, every page reached from the others", () => {
    const entries = Array.from({ length: StoryPages.STORIES_PER_PAGE * 2 + 7 }, (_, i) => ({
      id: `s-${String(i).padStart(3, "0")}`,
      label: `story ${i}`,
      start: null,
      end: null,
      articles: 1,
      outlets: ["X"],
      counts: {},
      fingerprint: "",
    }))
    expect(StoryPages.page(entries, 3)).toMatchObject({ pages: 3 })
    expect(StoryPages.page(entries, 3).entries).toHaveLength(7)
    const second = [...StoryPages.indexHtml(entries, 2, "2025-08-15T12:00:00.000Z")].join("")
    expect(second).toContain('<a rel="prev" href="report.html">')
    expect(second).toContain('<a rel="next" href="report-3.html">')
    expect(second).toContain(`<ol class="stories" start="${StoryPages.STORIES_PER_PAGE + 1}">`)
    expect(second.match(/<li class="story-entry">/g)).toHaveLength(StoryPages.STORIES_PER_PAGE)
    const md = [...StoryPages.indexMarkdown(entries, 3, "2025-08-15T12:00:00.000Z")].join("")
    expect(md).toContain(`${StoryPages.STORIES_PER_PAGE * 2 + 1}. [story 100](<stories/s-100.md>)`)
    expect(md).toContain("[1](<report.md>) · [2](<report-2.md>) · **3**")
  })

  it("index pages run nothing and show article text as text", () => {
    const entries = [...StoryPages.stories(build())].map((p) => p.entry)
    const html = [...StoryPages.indexHtml(entries, 1, "2025-08-15T12:00:00.000Z")].join("")
    expect(html).not.toContain("<script")
    expect(html).toContain("Buses &lt;script&gt;")
    expect(html).toContain("default-src &#39;none&#39;")
    expect(html).toContain('href="stories/s-buses.html"')
    const md = [...StoryPages.indexMarkdown(entries, 1, "2025-08-15T12:00:00.000Z")].join("")
    expect(md).toContain("[Buses \\<script\\>](<stories/s-buses.md>)")
  })

  it("a story page is the triage page of that story, with a way back to the index", () => {
    const [buses] = [...StoryPages.stories(build())]
    if (!buses) throw new Error("no page")
    const html = [...StoryPages.storyHtml(buses)].join("")
    expect(html).toContain('<nav class="up" aria-label="Report"><a href="../report.html">All stories</a></nav>')
    expect(html).toContain("<title>crosscheck: Buses &lt;script&gt;</title>")
    expect(html.replace(/<nav class="up".*<\/nav>\n/, "").replace(/<title>.*<\/title>/, "")).toBe(
      Html.render(buses.report).replace(/<title>.*<\/title>/, ""),
    )
    const md = [...StoryPages.storyMarkdown(buses)].join("")
    expect(md).toBe(`[All stories](<../report.md>)\n\n${Markdown.render(buses.report)}`)
  })

  it("each page carries its style and script as pieces of their own, the very strings a writer encodes once", () => {
    const [buses] = [...StoryPages.stories(build())]
    if (!buses) throw new Error("no page")
    const pieces = [...StoryPages.storyHtml(buses)]
    const [style, script] = StoryPages.shared
    expect(pieces.filter((p) => p === style)).toHaveLength(1)
    expect(pieces.filter((p) => p === script)).toHaveLength(1)
    expect(style).toMatch(/^<style>[\s\S]+<\/style>\n<\/head>\n$/)
    expect(script).toMatch(/^<script>[\s\S]+<\/script>\n<\/body>\n<\/html>\n$/)
    const index = [...StoryPages.indexHtml([buses.entry], 1, "2025-08-15T12:00:00.000Z")]
    expect(index.filter((p) => p === style)).toHaveLength(1)
  })

  it("are used above the switch, or where the folder holds pages already, even for a report of no story", () => {
    const many = (n: number): Report.Report => ({
      ...build(),
      stories: Array.from({ length: n }, (_, i) => story(`s-${i}`, `s ${i}`, [], null)),
    })
    expect(StoryPages.paged(many(StoryPages.ONE_PAGE_MAX_STORIES), false)).toBe(false)
    expect(StoryPages.paged(many(StoryPages.ONE_PAGE_MAX_STORIES + 1), false)).toBe(true)
    expect(StoryPages.paged(many(1), true)).toBe(true)
    expect(StoryPages.paged({ ...build(), stories: [] }, true)).toBe(true)
    expect(StoryPages.paged({ ...build(), stories: [] }, false)).toBe(false)
  })
})
