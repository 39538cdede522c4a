import { readFileSync } from "node:fs"
import { HtmlPage } from "@crosscheck/sources"
import { Either } from "effect"
import { describe, expect, it } from "vitest"

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../fixtures/sources/${name}`, import.meta.url), "utf8")

const read = (name: string) => {
  const page = HtmlPage.read(name, fixture(name))
  if (Either.isLeft(page)) throw new Error(page.left.message)
  return page.right
}

describe("HtmlPage.read on the project's page layouts", () => {
  it.each([
    {
      file: "html/news-jsonld.html",
      title: "Harbour bridge to close for six weeks of repairs",
      outlet: "The Coastal Ledger",
      byline: "Mara Quint and Owen Pell",
      publishedAt: "2025-08-14T07:30:00+01:00",
      url: "https://www.coastal-ledger.example/news/2025/08/14/harbour-bridge-repairs",
      first: "The harbour bridge will close to traffic for six weeks from September 1",
      last: "the bearings had reached the end of their rated life.",
      paragraphs: 5,
      credits: [],
      absent: ["Advertisement", "Sign up", "Share", "Related stories", "Tunnel tolls", "east quay on Wednesday", "©"],
    },
    {
      file: "html/comments-related.html",
      title: "Council votes to expand library hours",
      outlet: "Riverside Daily",
      byline: "Priya Nandakumar",
      publishedAt: "2025-08-12T18:05:00Z",
      url: "https://riverside-daily.example/local/library-hours",
      first: "Riverside's three public libraries will open on Sundays from October",
      last: "with about 4,000 responses.",
      paragraphs: 4,
      credits: [],
      absent: ["About time!", "playgrounds first", "42 Comments", "You may also like", "Parks budget", "Share on"],
    },
    {
      file: "html/amp-article.html",
      title: "Drought forces water limits in three provinces",
      outlet: "Wire Feed",
      byline: "Reuters",
      publishedAt: "2025-08-15T06:45:00.000Z",
      url: "https://wirefeed.example/world/drought-limits",
      first: "MADRID (Reuters) - Authorities in three provinces imposed limits",
      last: "it would announce aid for affected farms next week.",
      paragraphs: 3,
      credits: ["Reuters"],
      absent: ["Menu", "Reporting by", "Read more", "Home"],
    },
  ])("$file", (row) => {
    const page = read(row.file)
    expect([page.title, page.outlet, page.byline, page.publishedAt, page.url]).toEqual([
      row.title,
      row.outlet,
      row.byline,
      row.publishedAt,
      row.url,
    ])
    expect(page.text.startsWith(row.first)).toBe(true)
    expect(page.text.endsWith(row.last)).toBe(true)
    expect(page.text.split("\n")).toHaveLength(row.paragraphs)
    expect(page.credits).toEqual(row.credits)
    for (const chrome of row.absent) expect(page.text).not.toContain(chrome)
  })
})

const page = (
  head: string,
  body = "<article><p>The council approved 40 new homes on Tuesday, the mayor said.</p></article>",
) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`

describe("HtmlPage.read metadata sources", () => {
  it.each([
    [
      "article:published_time",
      '<meta property="article:published_time" content="2025-08-15T10:00:00Z">',
      "2025-08-15T10:00:00Z",
    ],
    [
      "JSON-LD datePublished",
      '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-08-15"}</script>',
      "2025-08-15",
    ],
    [
      "JSON-LD in an array",
      '<script type="application/ld+json">[{"@type":["ReportageNewsArticle"],"datePublished":"2025-08-16"}]</script>',
      "2025-08-16",
    ],
    ["itemprop datePublished", '<meta itemprop="datePublished" content="August 17, 2025">', "2025-08-17"],
    ["parsely-pub-date", '<meta name="parsely-pub-date" content="2025-08-18T01:02:03Z">', "2025-08-18T01:02:03Z"],
    [
      "broken JSON-LD, then a meta tag",
      '<script type="application/ld+json">{oops</script><meta name="date" content="2025-08-19">',
      "2025-08-19",
    ],
    ["an ambiguous numeric date is not guessed", '<meta name="date" content="08/09/2025">', null],
    ["no date at all", "<title>x</title>", null],
  ])("%s", (_, head, expected) => {
    const r = HtmlPage.read("p.html", page(head))
    expect(Either.isRight(r) && r.right.publishedAt).toBe(expected)
  })

  it.each([
    [
      "og:site_name wins",
      '<meta property="og:site_name" content="Daily Planet"><link rel="canonical" href="https://planet.example/x">',
      "Daily Planet",
    ],
    [
      "JSON-LD publisher",
      '<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"Gazette"}}</script>',
      "Gazette",
    ],
    [
      "the canonical host when nothing names the site",
      '<link rel="canonical" href="https://www.herald.example/a/b">',
      "herald.example",
    ],
    ["nothing: left to the caller", "", null],
  ])("outlet: %s", (_, head, expected) => {
    const r = HtmlPage.read("p.html", page(head))
    expect(Either.isRight(r) && r.right.outlet).toBe(expected)
  })
})

describe("HtmlPage.read relative dates", () => {
  it.each([
    [new Date("2025-08-15T12:00:00Z"), "2025-08-15T10:00:00.000Z"],
    [null, null],
  ])("'2 hours ago' anchored at %j gives %j", (anchor, expected) => {
    const r = HtmlPage.read("p.html", page('<meta name="date" content="2 hours ago">'), anchor)
    expect(Either.isRight(r) && r.right.publishedAt).toBe(expected)
  })
})

describe("HtmlPage.read refuses pages without an article", () => {
  it.each([
    ["a section index", fixture("bad/no-article.html")],
    ["a login form", page("<title>Login</title>", "<form><input name=u><button>Sign in</button></form>")],
    [
      "a cookie wall",
      page("", "<div><p>We use cookies to improve your experience.</p><button>Accept all</button></div>"),
    ],
    ["an empty body", page("<title>Nothing</title>", "")],
  ])("%s", (_, html) => {
    const r = HtmlPage.read("x.html", html)
    expect(Either.isLeft(r) && r.left.reason).toBe("no-article")
    expect(Either.isLeft(r) && r.left.message).toMatch(
      /^sources: expected an article in the HTML page, instead found .*\(x\.html\)$/,
    )
  })

  it("reads an article nested thousands of elements deep, quickly", () => {
    const depth = 5000
    const html = `<html><body>${"<div>".repeat(depth)}<p>Officials said 1,200 people were evacuated on Friday.</p>${"</div>".repeat(depth)}</body></html>`
    const started = Date.now()
    const r = HtmlPage.read("deep.html", html)
    expect(Either.isRight(r) && r.right.text).toBe("Officials said 1,200 people were evacuated on Friday.")
    expect(Date.now() - started).toBeLessThan(30_000)
  })

  it("never takes script text for article text", () => {
    const html = page(
      "<script>var s = 'The council approved 99 homes, the mayor said.'</script>",
      "<article><p>The council approved 40 new homes on Tuesday, the mayor said.</p><script>document.write('Injected text that is long enough to be a sentence.')</script></article>",
    )
    const r = HtmlPage.read("s.html", html)
    expect(Either.isRight(r) && r.right.text).toBe("The council approved 40 new homes on Tuesday, the mayor said.")
  })
})
