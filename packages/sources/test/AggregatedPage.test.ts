import { readFileSync } from "node:fs"
import { AggregatedPage } from "@crosscheck/sources"
import { describe, expect, it } from "vitest"

const seed = readFileSync(new URL("../../../seeds/000_e79dfb977574f8ce.txt", import.meta.url), "utf8")

describe("AggregatedPage.split on the seed page", () => {
  const articles = AggregatedPage.split(seed)

  it("gives the four articles with their outlets and titles", () => {
    expect(articles.map((a) => a.outlet)).toEqual(["The Conversation", "Asahi Shimbun", "Asahi Shimbun", "Japan Today"])
    expect(articles.map((a) => a.title)).toEqual([
      "The Russia-Ukraine War Has Made North Korea More Dangerous",
      "EDITORIAL: Japan's role as a protector of peace now called into question",
      "South Korea's president vows to restore 2018 inter-Korean military agreement to ease tensions",
      "South Korea's president vows to restore 2018 inter-Korean military agreement to ease tensions",
    ])
    expect(articles.map((a) => a.when)).toEqual([null, "25 minutes ago", "3 hours ago", "3 hours ago"])
  })

  it("drops the page chrome and the republication credit but keeps the last paragraph", () => {
    for (const a of articles) {
      for (const chrome of [
        "Try Our AI Features",
        "No comments yet",
        "Related Articles",
        "Read the original article",
      ]) {
        expect(a.text).not.toContain(chrome)
      }
    }
    expect(articles[0]?.text.startsWith("The war between Russia and Ukraine")).toBe(true)
    expect(articles[0]?.text.endsWith("if his soft diplomacy approach with the North doesn't bear fruit.")).toBe(true)
    expect(articles[3]?.text).toContain("falsely claiming the North had removed its own frontline speakers")
  })
})

describe("AggregatedPage shape detection", () => {
  const block = (outlet: string, headline: string, body: string) =>
    `${outlet}\n2 hours ago\n- ${outlet}\n${headline}\n${body}\n`

  it("splits a page with other outlets and a single related article", () => {
    const page = `A Title\nFirst paragraph of the main story.\nSecond paragraph.\nShare\n\n${block("Daily Planet", "Heroes return", "The city cheered on Monday.")}`
    const articles = AggregatedPage.split(page)
    expect(articles.map((a) => [a.outlet, a.title, a.text])).toEqual([
      [null, "A Title", "First paragraph of the main story.\nSecond paragraph."],
      ["Daily Planet", "Heroes return", "The city cheered on Monday."],
    ])
  })

  it("does not take an ordinary article for an aggregated page", () => {
    expect(AggregatedPage.isAggregated("Title\nOne paragraph.\nAnother paragraph - with a dash.\n")).toBe(false)
  })
})
