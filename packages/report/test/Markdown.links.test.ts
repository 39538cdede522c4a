import type { Finding, Story } from "@crosscheck/domain"
import { describe, expect, it } from "vitest"
import { Markdown } from "../src/index.js"
import { troops } from "./build.js"

const TEXT = "Earlier on Friday. The ministry said 11,000 troops went."

describe("report.md links each passage to its sentence", () => {
  it("gives outlet and date as a link with a text fragment", () => {
    const md = Markdown.render(
      troops(TEXT, { outlet: "Harbour Daily", publishedAt: "2025-08-11T09:00:00Z", url: "https://news.example/a" }),
    )
    expect(md).toContain(
      "In the article: [Harbour Daily, 2025-08-11](<https://news.example/a#:~:text=The%20ministry%20said%2011%2C000%20troops%20went.>)",
    )
  })

  it.each(["javascript:alert(1)", "data:text/html,<b>x</b>"])("never links %s: it shows the file and place", (url) => {
    const md = Markdown.render(troops(TEXT, { outlet: "Evil", url }))
    expect(md).not.toMatch(/\]\(<?(javascript|data):/)
    expect(md).toContain("In the article: Evil (a.md\\#0 (characters 19–56))")
  })

  it("keeps link text as text", () => {
    const md = Markdown.render(troops(TEXT, { outlet: "Evil](javascript:x) *Times*", url: "https://news.example/a" }))
    expect(md).toContain("[Evil\\](javascript:x) \\*Times\\*](<https://news.example/a#:~:")
  })
})

describe("report.md reads story by story, most contested first", () => {
  const base = troops(TEXT)
  const [f] = base.findings as ReadonlyArray<Finding.Finding>
  if (!f) throw new Error("test setup: no finding")
  const story = (id: string, label: string) =>
    ({ id, label, start: "2025-08-11", end: "2025-08-14", outlets: [], documentIds: [] }) as unknown as Story.Story
  const finding = (id: string, verdict: Finding.Verdict, storyId: string | null): Finding.Finding => ({
    ...f,
    id: id as Finding.Finding["id"],
    verdict,
    storyId,
    summary: `finding ${id}`,
  })

  it("without stories keeps one list by verdict", () => {
    const md = Markdown.render(base)
    expect(md).not.toContain("## Story:")
    expect(md).toMatch(/^## Compatible/m)
  })

  it("puts the contested story first, its disputes before its agreements, findings in no story last", () => {
    const md = Markdown.render({
      ...base,
      stories: [story("calm", "Budget vote"), story("hot", "Border shelling")],
      findings: [
        finding("a", "agree", "calm"),
        finding("b", "agree", "hot"),
        finding("c", "contradict", "hot"),
        finding("d", "single-source", null),
      ],
    })
    const at = (s: string) => md.indexOf(s)
    expect(at("## Story: Border shelling (1 in dispute of 2 findings; 2025-08-11 to 2025-08-14)")).toBeGreaterThan(0)
    expect(at("## Story: Border shelling")).toBeLessThan(at("## Story: Budget vote"))
    expect(at("**Border shelling**")).toBeLessThan(at("**Budget vote**"))
    expect(at("#### 1. finding c")).toBeLessThan(at("#### 2. finding b"))
    expect(at("#### 2. finding b")).toBeLessThan(at("#### 3. finding a"))
    expect(at("## Not in a story")).toBeGreaterThan(at("#### 3. finding a"))
    expect(md).toContain("### Contradict:")
  })
})
