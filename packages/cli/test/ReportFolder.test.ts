import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Attribution, type Claim, type Document, type Finding, type Report, type Story } from "@crosscheck/domain"
import { Pipeline, StoryPages } from "@crosscheck/pipeline"
import { describe, expect, it } from "vitest"
import * as ReportFolder from "../src/ReportFolder.js"

const temp = () => mkdtempSync(join(tmpdir(), "crosscheck-folder-"))

/** Story i: two made-up articles on one day, a numeric claim each, and one finding between them. */
const storyParts = (i: number, verdict: Finding.Verdict = "agree") => {
  const storyId = `s-${String(i).padStart(3, "0")}`
  const date = new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10)
  const documents = [0, 1].map(
    (k): Document.Document => ({
      id: `d-${storyId}-${k}` as Document.Document["id"],
      outlet: k === 0 ? "Harbour Daily" : "Coast Radio",
      title: null,
      publishedAt: date,
      url: null,
      origin: { path: `feed.jsonl`, index: i * 2 + k },
      syndicationGroup: null,
      storyId,
      text: `The harbour office said ${10 + i} boats were out.`,
    }),
  )
  const claims = documents.map(
    (d): Claim.Claim => ({
      id: `c-${d.id}` as Claim.Claim["id"],
      documentId: d.id,
      kind: "numeric",
      text: d.text,
      span: { start: 0, end: d.text.length },
      attribution: Attribution.asserted(),
      subject: null,
      predicate: null,
      object: null,
      polarity: "positive",
      quantities: [],
      time: null,
    }),
  )
  const finding: Finding.Finding = {
    id: `f-${storyId}-${verdict}` as Finding.Finding["id"],
    verdict,
    claimIds: claims.map((c) => c.id),
    independentSources: 2,
    summary: `boats → ${verdict}`,
    explanation: "made up",
    storyId,
  }
  const story: Story.Story = {
    id: storyId as Story.Story["id"],
    label: `Harbour boats ${i}`,
    start: date,
    end: date,
    outlets: ["Harbour Daily", "Coast Radio"],
    documentIds: documents.map((d) => d.id),
  }
  return { documents, claims, finding, story }
}

const reportOf = (
  indices: ReadonlyArray<number>,
  verdictOf: (i: number) => Finding.Verdict = () => "agree",
): Report.Report => {
  const parts = indices.map((i) => storyParts(i, verdictOf(i)))
  return {
    schemaVersion: 2,
    generatedAt: "2025-08-15T12:00:00.000Z",
    asOf: null,
    documents: parts.flatMap((p) => p.documents),
    claims: parts.flatMap((p) => p.claims),
    findings: parts.map((p) => p.finding),
    errors: [],
    stories: parts.map((p) => p.story),
  }
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i)
const LARGE = StoryPages.ONE_PAGE_MAX_STORIES + 30

describe("a report folder", () => {
  it("holds the one triage page for a report of few stories", () => {
    const out = temp()
    const report = reportOf(range(3))
    expect(ReportFolder.write(out, report)).toEqual({ layout: "one", storyPages: 0, kept: 0 })
    expect(readdirSync(out).sort()).toEqual(["report.html", "report.json", "report.md"])
    const whole = Pipeline.render(report)
    for (const name of ["report.json", "report.md", "report.html"] as const)
      expect(readFileSync(join(out, name), "utf8")).toBe(whole[name])
  })

  it("holds, for a large report, report.json whole, a paged index and a page per story", () => {
    const out = temp()
    const report = reportOf(range(LARGE))
    expect(ReportFolder.write(out, report)).toEqual({ layout: "pages", storyPages: LARGE, kept: 0 })
    // Streamed piece by piece, the same bytes as the whole report at once.
    expect(readFileSync(join(out, "report.json"), "utf8")).toBe(Pipeline.render(report)["report.json"])
    const pages = Math.ceil(LARGE / StoryPages.STORIES_PER_PAGE)
    for (let n = 1; n <= pages; n++) {
      expect(existsSync(join(out, StoryPages.indexName(n, "html")))).toBe(true)
      expect(existsSync(join(out, StoryPages.indexName(n, "md")))).toBe(true)
    }
    expect(existsSync(join(out, StoryPages.indexName(pages + 1, "html")))).toBe(false)
    expect(readdirSync(join(out, "stories")).filter((f) => f.endsWith(".html"))).toHaveLength(LARGE)
    // Newest first: the last story on top of the first page.
    expect(readFileSync(join(out, "report.md"), "utf8")).toContain(
      `1. [Harbour boats ${LARGE - 1}](<stories/s-${LARGE - 1}.md>)`,
    )
    expect(ReportFolder.entries(out)).toHaveLength(LARGE)
  })

  it("rewrites only the pages of stories that changed, and keeps the others' files", () => {
    const out = temp()
    ReportFolder.write(out, reportOf(range(LARGE)))
    const page = (i: number) => join(out, `${StoryPages.pathOf(`s-${String(i).padStart(3, "0")}`)}.html`)
    const old = new Date("2020-01-01T00:00:00Z")
    for (const i of [3, 4]) utimesSync(page(i), old, old)
    expect(ReportFolder.write(out, reportOf(range(LARGE)))).toEqual({ layout: "pages", storyPages: 0, kept: LARGE })
    const flipped = ReportFolder.write(
      out,
      reportOf(range(LARGE), (i) => (i === 3 ? "contradict" : "agree")),
    )
    expect(flipped).toEqual({ layout: "pages", storyPages: 1, kept: LARGE - 1 })
    expect(statSync(page(3)).mtime.getTime()).toBeGreaterThan(old.getTime())
    expect(statSync(page(4)).mtime.getTime()).toBe(old.getTime())
    expect(readFileSync(page(3), "utf8")).toContain('"contradict"')
  })

  it("stays paged when a later run's report holds only the stories it touched, and lists every story", () => {
    const out = temp()
    ReportFolder.write(out, reportOf(range(LARGE)))
    const touched = ReportFolder.write(
      out,
      reportOf([5, LARGE], () => "disputed"),
    )
    expect(touched).toEqual({ layout: "pages", storyPages: 2, kept: 0 })
    const entries = ReportFolder.entries(out) ?? []
    expect(entries).toHaveLength(LARGE + 1)
    expect(entries[0]?.id).toBe(`s-${LARGE}`)
    expect(entries.find((e) => e.id === "s-005")?.counts).toEqual({ disputed: 1 })
    // report.json is the run's: the stories it touched.
    const json = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as Report.Report
    expect(json.stories?.map((s) => s.id)).toEqual(["s-005", `s-${LARGE}`])
    // Nothing changed since (report --since the last run): the index and every page stay.
    expect(ReportFolder.write(out, reportOf([]))).toEqual({ layout: "pages", storyPages: 0, kept: 0 })
    expect(ReportFolder.entries(out)).toHaveLength(LARGE + 1)
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain(`${LARGE + 1} stories`)
  })
})
