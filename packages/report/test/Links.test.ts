import { describe, expect, it } from "vitest"
import { Links } from "../src/index.js"
import { doc } from "./build.js"

const span = (text: string, passage: string, from = 0) => {
  const start = text.indexOf(passage, from)
  if (start < 0) throw new Error(`test setup: "${passage}" is not in the text`)
  return { start, end: start + passage.length }
}

describe("Links.safeUrl: only http(s) becomes a link", () => {
  it.each([
    ["https://news.example/a?b=1", "https://news.example/a?b=1"],
    ["http://news.example/", "http://news.example/"],
    ["  HTTPS://News.Example/x  ", "https://news.example/x"],
    ["javascript:alert(1)", null],
    ["JavaScript:alert(1)", null],
    [" javascript:alert(1)", null],
    ["data:text/html,<script>alert(1)</script>", null],
    ["vbscript:msgbox(1)", null],
    ["file:///etc/passwd", null],
    ["//news.example/a", null],
    ["not a url", null],
    ["", null],
    [null, null],
  ])("%j → %j", (url, expected) => {
    expect(Links.safeUrl(url)).toBe(expected)
  })
})

describe("Links.encodeTerm: the directive's syntax characters are encoded", () => {
  it.each([
    ["plain words", "plain%20words"],
    ["well-known", "well%2Dknown"],
    ["a, b & c", "a%2C%20b%20%26%20c"],
    ["it's (mostly) true!", "it%27s%20%28mostly%29%20true%21"],
    ["~5*", "%7E5%2A"],
    ["café", "caf%C3%A9"],
  ])("%j → %j", (term, expected) => {
    expect(Links.encodeTerm(term)).toBe(expected)
  })
})

describe("Links.textDirective", () => {
  const TEXT =
    "The mayor said 12 people died. Later the count rose.\nThe mayor said 12 people died, the agency repeated on Monday. A long sentence follows here with many more words than the short form can carry in full."

  it.each([
    ["a short sentence is quoted whole", "Later the count rose.", 0, "text=Later%20the%20count%20rose."],
    [
      "a long one by its first and last five words",
      "A long sentence follows here with many more words than the short form can carry in full.",
      0,
      "text=A%20long%20sentence%20follows%20here,form%20can%20carry%20in%20full.",
    ],
    [
      "a repeated passage gets the words before it on its line",
      "12 people died",
      40,
      "text=The%20mayor%20said-,12%20people%20died",
    ],
    [
      "a passage that occurs once needs no context, though its words occur before",
      "12 people died, the agency repeated on Monday.",
      0,
      "text=12%20people%20died%2C%20the%20agency%20repeated%20on%20Monday.",
    ],
    [
      "a repeated opening at a line start gets the words after it instead",
      "The mayor said 12 people died",
      40,
      "text=The%20mayor%20said%2012%20people%20died,-%2C%20the%20agency",
    ],
    [
      "the first occurrence needs no context",
      "The mayor said 12 people died.",
      0,
      "text=The%20mayor%20said%2012%20people%20died.",
    ],
  ])("%s", (_, passage, from, expected) => {
    expect(Links.textDirective(TEXT, span(TEXT, passage, from))).toBe(expected)
  })

  it("widens a span that cuts a word to the whole word, and collapses white space", () => {
    const text = "Officials   counted\n\n forty-two boats."
    expect(Links.textDirective(text, { start: 13, end: 24 })).toBe("text=counted%20forty")
    expect(Links.textDirective(text, { start: 13, end: 30 })).toBe("text=counted%20forty%2Dtwo")
  })

  it("gives nothing for a span without a word", () => {
    expect(Links.textDirective("a  b", { start: 1, end: 3 })).toBeNull()
  })
})

describe("Links.fragmentUrl", () => {
  const text = "Rescuers found 31 survivors on Thursday."
  const passage = span(text, "found 31 survivors")

  it("adds the text fragment to an http(s) URL", () => {
    const d = doc("a", text, { url: "https://news.example/story" })
    expect(Links.fragmentUrl(d, passage)).toBe("https://news.example/story#:~:text=found%2031%20survivors")
  })

  it("keeps the URL's own fragment before the directive", () => {
    const d = doc("a", text, { url: "https://news.example/story#live" })
    expect(Links.fragmentUrl(d, passage)).toBe("https://news.example/story#live:~:text=found%2031%20survivors")
  })

  it.each([null, "javascript:alert(1)", "data:text/html,x"])("gives no link for %j", (url) => {
    expect(Links.fragmentUrl(doc("a", text, { url }), passage)).toBeNull()
  })

  it("names the file, the article's place in it and the characters when there is no URL", () => {
    expect(Links.place(doc("a", text), passage)).toBe("a.md#0 (characters 9–27)")
  })
})
