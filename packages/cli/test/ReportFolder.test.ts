import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Attribution, type Claim, type Document, type Finding, type Report, type Story } from "@crosscheck/domain"
import { Pipeline, StoryPages } from "@crosscheck/pipeline"
import { describe, expect, it } from "vitest"
import * as PagesPartner from "../src/PagesPartner.js"
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
  it("holds the one triage page for a report of few stories", async () => {
    const out = temp()
    const report = reportOf(range(3))
    expect(await ReportFolder.write(out, report)).toEqual({ layout: "one", storyPages: 0, kept: 0 })
    expect(readdirSync(out).sort()).toEqual(["report.html", "report.json", "report.md"])
    const whole = Pipeline.render(report)
    for (const name of ["report.json", "report.md", "report.html"] as const)
      expect(readFileSync(join(out, name), "utf8")).toBe(whole[name])
  })

  it("holds, for a large report, report.json whole, a paged index and a page per story", async () => {
    const out = temp()
    const report = reportOf(range(LARGE))
    expect(await ReportFolder.write(out, report)).toEqual({ layout: "pages", storyPages: LARGE, kept: 0 })
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

  it("rewrites only the pages of stories that changed, and keeps the others' files", async () => {
    const out = temp()
    await ReportFolder.write(out, reportOf(range(LARGE)))
    const page = (i: number) => join(out, `${StoryPages.pathOf(`s-${String(i).padStart(3, "0")}`)}.html`)
    const old = new Date("2020-01-01T00:00:00Z")
    for (const i of [3, 4]) utimesSync(page(i), old, old)
    expect(await ReportFolder.write(out, reportOf(range(LARGE)))).toEqual({
      layout: "pages",
      storyPages: 0,
      kept: LARGE,
    })
    const flipped = await ReportFolder.write(
      out,
      reportOf(range(LARGE), (i) => (i === 3 ? "contradict" : "agree")),
    )
    expect(flipped).toEqual({ layout: "pages", storyPages: 1, kept: LARGE - 1 })
    expect(statSync(page(3)).mtime.getTime()).toBeGreaterThan(old.getTime())
    expect(statSync(page(4)).mtime.getTime()).toBe(old.getTime())
    expect(readFileSync(page(3), "utf8")).toContain('"contradict"')
  })

  it("stays paged when a later run's report holds only the stories it touched, and lists every story", async () => {
    const out = temp()
    await ReportFolder.write(out, reportOf(range(LARGE)))
    const touched = await ReportFolder.write(
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
    expect(await ReportFolder.write(out, reportOf([]))).toEqual({ layout: "pages", storyPages: 0, kept: 0 })
    expect(ReportFolder.entries(out)).toHaveLength(LARGE + 1)
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain(`${LARGE + 1} stories`)
  })

  describe("with a partner thread sharing the story pages out", () => {
    /**
     * A partner as `report --db` has one: it writes the pages of `itsReport` (what it read) that it takes
     * from the shared counter, here before the main side starts, up to `upTo` stories, and then stops.
     */
    const partner = (out: string, itsReport: Report.Report, upTo: number): ReportFolder.Partner => {
      const next = new Int32Array(new SharedArrayBuffer(4))
      const take = () => {
        const i = Atomics.add(next, 0, 1)
        return i < upTo ? i : Number.MAX_SAFE_INTEGER
      }
      const { done } = ReportFolder.writePages(out, itsReport, ReportFolder.entries(out), take)
      return { next, done: async () => ({ done, failure: null }), stop: () => {} }
    }

    const pagesOf = (out: string) =>
      Object.fromEntries(
        readdirSync(join(out, "stories"))
          .sort()
          .map((f) => [f, readFileSync(join(out, "stories", f), "utf8")]),
      )

    it("writes the same folder as one thread does, each page once", async () => {
      const [alone, shared] = [temp(), temp()]
      const report = reportOf(range(LARGE))
      await ReportFolder.write(alone, report)
      const written = await ReportFolder.write(shared, report, partner(shared, report, 60))
      expect(written).toEqual({ layout: "pages", storyPages: LARGE, kept: 0, partner: 60 })
      expect(pagesOf(shared)).toEqual(pagesOf(alone))
      expect(ReportFolder.entries(shared)).toEqual(ReportFolder.entries(alone))
    })

    it("writes again each page the partner wrote from another state of the store, and each it took but did not report", async () => {
      const out = temp()
      const report = reportOf(range(LARGE))
      // The partner read the store before story 3 changed: its page of story 3 is out of date.
      const older = reportOf(range(LARGE), (i) => (i === 3 ? "contradict" : "agree"))
      const written = await ReportFolder.write(out, report, partner(out, older, 10))
      // Ten taken by the partner, nine of them kept: story 3 written again here.
      expect(written).toEqual({ layout: "pages", storyPages: LARGE, kept: 0, partner: 9 })
      const alone = temp()
      await ReportFolder.write(alone, report)
      expect(pagesOf(out)).toEqual(pagesOf(alone))
      // The partner's page of story 3 differed (it is replaced, not merely kept because it matched).
      const stale = temp()
      await ReportFolder.write(stale, older)
      const page3 = `${StoryPages.pathOf("s-003").slice("stories/".length)}.html`
      expect(pagesOf(stale)[page3]).not.toBe(pagesOf(out)[page3])
    })

    it("writes what a partner that failed left, and counts none of it as the partner's", async () => {
      const out = temp()
      const report = reportOf(range(LARGE))
      const next = new Int32Array(new SharedArrayBuffer(4))
      // It took the first 20 stories and stopped before writing any of them.
      Atomics.store(next, 0, 20)
      const failed: ReportFolder.Partner = {
        next,
        done: async () => ({ done: [], failure: "out of memory" }),
        stop: () => {},
      }
      expect(await ReportFolder.write(out, report, failed)).toEqual({
        layout: "pages",
        storyPages: LARGE,
        kept: 0,
        partner: 0,
        partnerFailure: "out of memory",
      })
      expect(readdirSync(join(out, "stories")).filter((f) => f.endsWith(".html"))).toHaveLength(LARGE)
    })

    it("is stopped, and writes nothing, for a report of one page", async () => {
      const out = temp()
      let stopped = false
      const next = new Int32Array(new SharedArrayBuffer(4))
      const idle: ReportFolder.Partner = {
        next,
        done: async () => ({ done: [], failure: null }),
        stop: () => {
          stopped = true
        },
      }
      expect(await ReportFolder.write(out, reportOf(range(3)), idle)).toEqual({ layout: "one", storyPages: 0, kept: 0 })
      expect(stopped).toBe(true)
      expect(existsSync(join(out, "stories"))).toBe(false)
    })
  })
})

describe("PagesPartner.wanted: a second thread only when asked for (one is faster on two cores)", () => {
  it.each([
    [{}, false],
    [{ CROSSCHECK_REPORT_THREADS: "1" }, false],
    [{ CROSSCHECK_REPORT_THREADS: "2" }, true],
  ])("env %j: %s", (env, expected) => {
    expect(PagesPartner.wanted(env)).toBe(expected)
  })
})
