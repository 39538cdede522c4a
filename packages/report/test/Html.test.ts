import { createHash } from "node:crypto"
import type { Finding, Report, Story } from "@crosscheck/domain"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Html } from "../src/index.js"
import { collapse } from "../src/internal/collapse.js"
import * as PageData from "../src/internal/pageData.js"
import { troops, twoFigures } from "./build.js"

const HOSTILE = `The ministry said 11,000 troops went. <script>alert(1)</script> "><img src=x onerror=alert(2)> </script><svg onload=alert(3)> \u2028 &amp;`

const build = (url: string | null = null) =>
  troops(HOSTILE, { outlet: `Evil <script>alert("o")</script>`, title: `"><img src=x onerror=alert(4)>`, url })

const dataOf = (html: string): PageData.PageData =>
  JSON.parse(html.slice(html.indexOf('id="report-data">') + 17, html.indexOf("</script>")))

describe("Html.render", () => {
  const html = Html.render(build())

  it("carries article text only inside inert JSON, never as markup", () => {
    expect(html).not.toContain("<img")
    expect(html).not.toContain("<svg")
    expect(html).not.toContain("alert(1)</script>")
    expect(html.match(/<script/g)).toHaveLength(2)
    expect(html).toContain('<script type="application/json" id="report-data">')
    const data = dataOf(html)
    expect(data.documents[0]?.outlet).toBe(`Evil <script>alert("o")</script>`)
    expect(data.claims.some((c) => c.text.includes("11,000 troops"))).toBe(true)
  })

  it("carries no article body, only the claims' sentences", () => {
    expect(html).not.toContain("alert(3)")
    expect(JSON.stringify(dataOf(html))).not.toContain('"text":"The ministry said 11,000 troops went. <script>')
  })

  it("pins its own script by hash in the Content-Security-Policy and loads nothing from elsewhere", () => {
    const script = html.slice(html.lastIndexOf("<script>") + 8, html.lastIndexOf("</script>"))
    const digest = createHash("sha256").update(script).digest("base64")
    expect(Html.contentSecurityPolicy()).toContain(`script-src 'sha256-${digest}'`)
    expect(html).toContain(`sha256-${digest}`)
    expect(Html.contentSecurityPolicy()).toContain("default-src 'none'")
    expect(html).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//)
  })

  it("shows the number of findings in the page itself", () => {
    expect(html).toContain('<span id="finding-count">1</span>')
  })

  it.each([
    ["https://news.example/troops", true],
    ["javascript:alert(1)", false],
    ["data:text/html,<b>x</b>", false],
  ])("links %s only when it is http(s)", (url, linked) => {
    const data = dataOf(Html.render(build(url)))
    expect(data.documents[0]?.url ?? null).toBe(linked ? url : null)
    expect(data.claims.filter((c) => c.doc === 0).every((c) => (c.fragment !== undefined) === linked)).toBe(true)
    expect(JSON.stringify(data)).not.toMatch(/javascript:|data:text/)
  })
})

describe("Html.embedJson", () => {
  it.each([
    ["plain text", '"plain text"'],
    ["</script><b>", '"\\u003c/script\\u003e\\u003cb\\u003e"'],
    ["R&D", '"R\\u0026D"'],
    ["line\u2028para\u2029", '"line\\u2028para\\u2029"'],
  ])("%j as JSON that no script element can end or break: %s", (value, expected) => {
    expect(Html.embedJson(value)).toBe(expected)
    expect(JSON.parse(Html.embedJson(value))).toBe(value)
  })
})

describe("the figure each finding weighs, in the page's data", () => {
  const report = twoFigures()
  const data = PageData.make(report)

  it("names, per finding, each claim's figure with its place in the sentence as the page shows it", () => {
    const shown = (f: PageData.PageFinding) =>
      (f.figures ?? []).map(([ci, value, start, end]) => [value, data.claims[ci]?.text.slice(start, end)])
    const [contradiction, agreement] = ["contradict", "agree"].map((v) => data.findings.find((f) => f.verdict === v))
    expect(shown(contradiction as PageData.PageFinding)).toEqual([
      ["More than 200", "More than 200"],
      ["about 120", "about 120"],
    ])
    expect(shown(agreement as PageData.PageFinding)).toEqual([
      ["nine hours", "nine hours"],
      ["nine hours", "nine hours"],
    ])
    // The second sentence's run of spaces is one on the page, so its figures stand two places earlier.
    expect(data.claims[1]?.text).toBe("Firefighters, about 120 of them, fought the blaze for nine hours.")
  })

  it("leaves figures out of a report written before findings named them", () => {
    const older = { ...report, findings: report.findings.map(({ figures: _, ...f }) => f) }
    expect(PageData.make(older).findings.every((f) => f.figures === undefined)).toBe(true)
  })

  it.each([
    ["a figure outside its claim's sentence", { start: 900, end: 905 }, "nine hours"],
    ["a figure whose text the sentence does not hold", { start: 0, end: 5 }, "twelve"],
  ])("finds no place for %s", (_, span, text) => {
    const c = report.claims[0] as (typeof report.claims)[number]
    expect(PageData.figureAt(c, PageData.flat(c.text), { claimId: c.id, text, span })).toBeNull()
  })
})

describe("PageData.visible: bidi controls, zero-width and control characters are shown, not obeyed, as in Markdown", () => {
  it.each([
    ["pay \u202Egnp.exe", "pay ⟨U+202E⟩gnp.exe"],
    ["a\u202Ab\u202Bc\u202Cd\u202De", "a⟨U+202A⟩b⟨U+202B⟩c⟨U+202C⟩d⟨U+202D⟩e"],
    ["\u2066x\u2067y\u2068z\u2069", "⟨U+2066⟩x⟨U+2067⟩y⟨U+2068⟩z⟨U+2069⟩"],
    ["left\u200Eright\u200F", "left⟨U+200E⟩right⟨U+200F⟩"],
    ["zero\u200Bwidth\u200C\u200Djoin\uFEFF", "zero⟨U+200B⟩width⟨U+200C⟩⟨U+200D⟩join⟨U+FEFF⟩"],
    [
      "a bell\u0007, a letter mark\u061C and a line separator\u2028",
      "a bell⟨U+0007⟩, a letter mark⟨U+061C⟩ and a line separator⟨U+2028⟩",
    ],
    ["plain text, עברית and العربية stay", "plain text, עברית and العربية stay"],
  ])("%j → %j", (input, expected) => {
    expect(PageData.visible(input)).toBe(expected)
  })

  it("applies to what the page carries from the article", () => {
    const r = troops("The ministry said 11,000 troops went.", { outlet: "Daily \u202Eswen" })
    expect(dataOf(Html.render(r)).documents[0]?.outlet).toBe("Daily ⟨U+202E⟩swen")
  })

  it("PageData.flat gives one line of any text as collapsing and showing it would, and tidy text as it is", () => {
    const unit = fc.oneof(
      fc.constantFrom(" ", "\t", "\n", "\u00a0", "\u2028", "\u3000", "\ufeff", "\u202e", "\u200b", "\u2066"),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
      fc.constantFrom("a", "B", "7", "é", "<", "&"),
    )
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 24 }), (s) => {
        expect(PageData.flat(s)).toBe(PageData.visible(collapse(s)))
      }),
      { numRuns: 3000 },
    )
    const plain = "Harbour Daily said 40 boats were out."
    expect(PageData.flat(plain)).toBe(plain)
  })
})

describe("PageData.make: the reading order", () => {
  const base = build("https://news.example/a")
  const [f] = base.findings as ReadonlyArray<Finding.Finding>
  if (!f) throw new Error("test setup: no finding")
  const story = (id: string, label: string): Story.Story =>
    ({ id, label, start: "2025-08-14", end: "2025-08-15", outlets: ["A"], documentIds: [] }) as unknown as Story.Story
  const finding = (id: string, verdict: Finding.Verdict, storyId: string | null, sources = 2): Finding.Finding => ({
    ...f,
    id: id as Finding.Finding["id"],
    verdict,
    storyId,
    independentSources: sources,
  })

  it("without stories, one group holds every finding, disputes first", () => {
    const r: Report.Report = { ...base, findings: [finding("f1", "agree", null), finding("f2", "disputed", null)] }
    const data = PageData.make(r)
    expect(data.stories.map((s) => s.label)).toEqual(["All findings"])
    expect(data.findings.map((x) => x.id)).toEqual(["f2", "f1"])
  })

  it("puts the most contested story first, and findings in no story last", () => {
    const r: Report.Report = {
      ...base,
      stories: [story("calm", "Budget vote"), story("hot", "Border shelling")],
      findings: [
        finding("a", "agree", "calm"),
        finding("b", "agree", "calm"),
        finding("c", "single-source", null),
        finding("d", "agree", "hot"),
        finding("e", "contradict", "hot", 2),
        finding("f", "disputed", "hot", 3),
        finding("g", "changed", "hot"),
      ],
    }
    const data = PageData.make(r)
    expect(data.stories.map((s) => s.label)).toEqual(["Border shelling", "Budget vote", "Not in a story"])
    expect(data.findings.map((x) => x.id)).toEqual(["f", "e", "g", "d", "a", "b", "c"])
  })

  it("keeps a changed figure's timeline, claim by claim", () => {
    const [cid] = f.claimIds
    if (!cid) throw new Error("test setup: no claim")
    const changed: Finding.Finding = {
      ...finding("t", "changed", null),
      timeline: [
        {
          claimId: cid,
          documentId: base.documents[0]?.id as Finding.TimelineEntry["documentId"],
          outlet: "A",
          value: "12 dead",
          low: 12,
          high: 12,
          time: "2025-08-11",
          defaulted: true,
        },
      ],
    }
    const data = PageData.make({ ...base, findings: [changed] })
    const entry = data.findings[0]?.timeline?.[0]
    expect(entry?.slice(1)).toEqual(["12 dead", "2025-08-11", true])
    expect(data.claims[entry?.[0] ?? -1]?.id).toBe(cid)
  })
})
