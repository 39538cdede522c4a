import type { Finding, Report, Story } from "@crosscheck/domain"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Html, Markdown, ReportFile } from "../src/index.js"
import * as JsonChunks from "../src/internal/JsonChunks.js"
import * as PageData from "../src/internal/pageData.js"
import { troops } from "./build.js"

const build = () => troops("The ministry said 11,000 troops went. <script>\u2028 & “quoted”", { outlet: "A <b>" })

describe("report files in pieces", () => {
  const r = build()

  it("are the same bytes as the whole files", () => {
    const json = [...ReportFile.jsonChunks(r)]
    expect(json.length).toBeGreaterThan(10)
    expect(json.join("")).toBe(`${JSON.stringify(r, null, 2)}\n`)
    expect(ReportFile.toJson(r)).toBe(`${JSON.stringify(r, null, 2)}\n`)
    expect([...Html.chunks(r)].join("")).toBe(Html.render(r))
    expect(Html.render(r)).toContain(`id="report-data">${Html.embedJson(PageData.make(r))}</script>`)
    expect([...Markdown.chunks(r)].join("")).toBe([...Markdown.lines(r)].join("\n"))
  })

  it("are compact for a report of more stories than one page holds (read by programs), indented below", () => {
    const story = (i: number): Story.Story => ({
      id: `s-${i}` as Story.Story["id"],
      label: `Harbour story ${i}`,
      start: null,
      end: null,
      outlets: ["Harbour Daily"],
      documentIds: [],
    })
    const withStories = (n: number): Report.Report => ({ ...r, stories: Array.from({ length: n }, (_, i) => story(i)) })
    const [onePage, paged] = [
      withStories(ReportFile.ONE_PAGE_MAX_STORIES),
      withStories(ReportFile.ONE_PAGE_MAX_STORIES + 1),
    ]
    expect(ReportFile.toJson(onePage)).toBe(`${JSON.stringify(onePage, null, 2)}\n`)
    expect([...ReportFile.jsonChunks(paged)].join("")).toBe(`${JSON.stringify(paged)}\n`)
    expect(ReportFile.toJson(paged)).toBe(`${JSON.stringify(paged)}\n`)
  })

  it("give a large page's data member by member, escaped as the whole would be", () => {
    // More findings than one piece holds: each a copy of the report's under another id.
    const copies = (i: number) => r.findings.map((f) => ({ ...f, id: `${f.id}-${i}` as Finding.Finding["id"] }))
    const large: Report.Report = { ...r, findings: Array.from({ length: 2_100 }, (_, i) => copies(i)).flat() }
    const pieces = [...Html.chunks(large)]
    expect(pieces.length).toBeGreaterThan(2_000)
    expect(pieces.join("")).toContain(`id="report-data">${Html.embedJson(PageData.make(large))}</script>`)
  })

  it("write what JSON.stringify writes, for any JSON value, indented or not, at any depth", () => {
    const value = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.array(fc.anything()))),
      fc.array(
        fc.oneof(
          fc.jsonValue(),
          fc.constant(undefined),
          fc.constant(() => 1),
        ),
      ),
    )
    fc.assert(
      fc.property(value, fc.constantFrom(0, 2, 4), fc.integer({ min: 0, max: 4 }), (v, indent, levels) => {
        expect([...JsonChunks.chunks(v, indent, levels)].join("")).toBe(JSON.stringify(v, null, indent))
      }),
      { numRuns: 500 },
    )
  })
})
