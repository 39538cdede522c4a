import type { Report } from "@crosscheck/domain"
import { describe, expect, it } from "vitest"
import { Html, Markdown, Notices, StoryPages } from "../src/index.js"
import { claim, doc, report } from "./build.js"

const outdatedStore: Report.OutdatedStore = {
  documents: 12,
  staleDocuments: 5,
  analysisVersion: "analysis-6",
  analysisNow: "analysis-14",
}

/** A made-up report of one story, as a store reader would give it. */
const build = (extra: Partial<Report.Report> = {}): Report.Report => {
  const a = { ...doc("a", "The port said 40 cranes worked.", { outlet: "Quay Post" }), storyId: "s-port" }
  const b = { ...doc("b", "The port said 44 cranes worked.", { outlet: "Harbour Times" }), storyId: "s-port" }
  const [ca, cb] = [claim(a, "The port said 40 cranes worked."), claim(b, "The port said 44 cranes worked.")]
  return {
    ...report(
      [a, b],
      [ca, cb],
      [
        {
          id: "f-1" as never,
          verdict: "contradict",
          claimIds: [ca.id, cb.id],
          independentSources: 2,
          summary: "cranes",
          explanation: "made up",
          storyId: "s-port",
        },
      ],
    ),
    stories: [
      {
        id: "s-port" as never,
        label: "Port cranes",
        start: "2025-03-02",
        end: "2025-03-02",
        outlets: ["Quay Post", "Harbour Times"],
        documentIds: [a.id, b.id],
      },
    ],
    ...extra,
  }
}

describe("a report's notices", () => {
  it("say what of an outdated store is older, and what was left out, as sentences (table)", () => {
    const cases: ReadonlyArray<readonly [Partial<Report.Report>, ReadonlyArray<string>]> = [
      [{}, []],
      [
        { outdatedStore },
        [
          "This report shows the store as an older crosscheck left it: 5 of its 12 documents were extracted by an older crosscheck; its findings were judged by analysis-6 (this is analysis-14). Running crosscheck run --db with the store and no paths brings it up to date.",
        ],
      ],
      [
        { outdatedStore: { ...outdatedStore, staleDocuments: 0, analysisVersion: null } },
        [
          "This report shows the store as an older crosscheck left it: its findings were judged by a crosscheck from before versions (this is analysis-14). Running crosscheck run --db with the store and no paths brings it up to date.",
        ],
      ],
      [
        {
          outdatedStore: { ...outdatedStore, analysisVersion: "analysis-14" },
          coverage: { skippedBlocks: 2, storiesLeftOut: 0 },
        },
        [
          "This report shows the store as an older crosscheck left it: 5 of its 12 documents were extracted by an older crosscheck. Running crosscheck run --db with the store and no paths brings it up to date.",
          "Left out of this analysis, and so not checked: 2 blocks of candidate claims too large to compare pair by pair, 0 linked stories beyond the batch's cap.",
        ],
      ],
    ]
    for (const [extra, expected] of cases) expect(Notices.of(build(extra))).toEqual(expected)
  })

  it("stand above the findings in report.md and report.html, escaped, and nowhere for a current store", () => {
    const hostile = build({ outdatedStore: { ...outdatedStore, analysisVersion: "<b>analysis*6</b>" } })
    const md = Markdown.render(hostile)
    const html = Html.render(hostile)
    expect(md).toContain("> **Note:** This report shows the store as an older crosscheck left it: 5 of its 12")
    expect(md).toContain("judged by \\<b\\>analysis\\*6\\</b\\>")
    expect(md.indexOf("Note:")).toBeLessThan(md.indexOf("| verdict | findings |"))
    expect(html).toContain('<p class="notice" role="note"><strong>Note:</strong> This report shows the store')
    expect(html).toContain("judged by &lt;b&gt;analysis*6&lt;/b&gt;")
    expect(html.indexOf('class="notice"')).toBeLessThan(html.indexOf('id="controls"'))
    for (const page of [Markdown.render(build()), Html.render(build())]) expect(page).not.toContain("Note:")
  })

  it("are on every story page and index page, and a story page's fingerprint changes with them", () => {
    const [page] = [...StoryPages.stories(build({ outdatedStore }))]
    const [current] = [...StoryPages.stories(build())]
    expect(page?.report.outdatedStore).toEqual(outdatedStore)
    expect([...StoryPages.storyHtml(page as StoryPages.StoryPage)].join("")).toContain("5 of its 12 documents")
    expect([...StoryPages.storyMarkdown(page as StoryPages.StoryPage)].join("")).toContain("5 of its 12 documents")
    expect(page?.entry.fingerprint).not.toBe(current?.entry.fingerprint)
    const [fewer] = [...StoryPages.stories(build({ outdatedStore: { ...outdatedStore, staleDocuments: 4 } }))]
    expect(fewer?.entry.fingerprint).not.toBe(page?.entry.fingerprint)
    const notices = Notices.of(build({ outdatedStore }))
    const entries = [page?.entry as StoryPages.Entry]
    expect([...StoryPages.indexHtml(entries, 1, "2025-03-03T00:00:00.000Z", notices)].join("")).toContain(
      '<p class="notice" role="note">',
    )
    expect([...StoryPages.indexMarkdown(entries, 1, "2025-03-03T00:00:00.000Z", notices)].join("")).toContain(
      "> **Note:** This report shows the store",
    )
    expect([...StoryPages.indexHtml(entries, 1, "2025-03-03T00:00:00.000Z")].join("")).not.toContain('class="notice"')
  })
})
