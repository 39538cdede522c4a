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

describe("AggregatedPage variants, recognised by structure", () => {
  const MAIN = "A Title\nFirst paragraph of the main story.\nSecond paragraph, which ends the story."
  const block = (lines: ReadonlyArray<string>, body = "The city cheered on Monday.") =>
    `\n\n${lines.join("\n")}\n${body}\n`
  type Row = readonly [string, string, ReadonlyArray<readonly [string | null, string | null, string | null, string]>]
  const main = [
    null,
    "A Title",
    null,
    "First paragraph of the main story.\nSecond paragraph, which ends the story.",
  ] as const

  it.each<Row>([
    [
      "one related article from another outlet",
      `${MAIN}\nShare\n${block(["Daily Planet", "2 hours ago", "- Daily Planet", "Heroes return"])}`,
      [main, ["Daily Planet", "Heroes return", "2 hours ago", "The city cheered on Monday."]],
    ],
    [
      "two related articles, different chrome, en dash and abbreviated times",
      `${MAIN}\nAdvertisement\nMost Read\nYou may also like\n${block(["Gazette", "5 mins ago", "– Gazette", "Rain at last"], "Farmers welcomed the rain.")}${block(["Herald", "1h ago", "– Herald", "Bridge reopens"], "Traffic flowed again.\nShare this article")}`,
      [
        main,
        ["Gazette", "Rain at last", "5 mins ago", "Farmers welcomed the rain."],
        ["Herald", "Bridge reopens", "1h ago", "Traffic flowed again."],
      ],
    ],
    [
      "blocks without the dash line, with printed dates",
      `${MAIN}\nRelated stories\n${block(["Evening Post", "Aug 14, 2025", "Port strike ends"], "Dockers went back to work.")}`,
      [main, ["Evening Post", "Port strike ends", "Aug 14, 2025", "Dockers went back to work."]],
    ],
    [
      "blocks without a time line, the outlet printed twice",
      `${MAIN}\n${block(["Morning Star", "- Morning Star", "Ferry delayed"], "The ferry left two hours late.")}`,
      [main, ["Morning Star", "Ferry delayed", null, "The ferry left two hours late."]],
    ],
    [
      "no related articles, only chrome after the article",
      `${MAIN}\nThis article was originally published on The Courier. Read the original article.\n\nComments\nNo comments yet...\nRelated Articles\n`,
      [["The Courier", "A Title", null, "First paragraph of the main story.\nSecond paragraph, which ends the story."]],
    ],
    [
      "a republished article with nothing after its credit",
      `${MAIN}\nThis story was originally published by The Courier.`,
      [["The Courier", "A Title", null, "First paragraph of the main story.\nSecond paragraph, which ends the story."]],
    ],
  ])("%s", (_, page, expected) => {
    expect(AggregatedPage.split(page).map((a) => [a.outlet, a.title, a.when, a.text])).toEqual(expected)
  })

  it.each([
    ["an ordinary article with a dash in it", "Title\nOne paragraph.\nAnother paragraph - with a dash.\n"],
    [
      "an article opening with a byline and a dateline",
      "By Jane Doe\nAug 15, 2025\nThe council met on Tuesday.\nIt approved the plan.\n",
    ],
    [
      "an article opening with an outlet and a date",
      "Daily Planet\nAug 15, 2025\nThe council met on Tuesday.\nIt approved the plan.\n",
    ],
    ["an article whose last line is short", "Title\nThe council met on Tuesday.\nIt approved the plan.\nThe end\n"],
  ])("does not take %s for a page", (_, text) => {
    expect(AggregatedPage.isAggregated(text)).toBe(false)
  })

  it("strips a trailing copyright notice and keeps the agency it names", () => {
    const page = `${MAIN}\n${block(["Japan Today", "3 hours ago", "- Japan Today", "Talks resume"], "The two sides met again. © Copyright 2025 The Associated Press. All rights reserved. This material may not be published without permission.")}`
    const related = AggregatedPage.split(page)[1]
    expect([related?.text, related?.credits]).toEqual(["The two sides met again.", ["AP"]])
  })
})
