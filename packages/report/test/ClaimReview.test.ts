import { execFile } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import type { ClaimReview as SchemaClaimReview } from "schema-dts"
import { describe, expect, it } from "vitest"
import { ClaimReview, Judgement } from "../src/index.js"
import { claim, doc, numeric, qty, report, statement, voice } from "./build.js"
import { violations } from "./schemaOrg.js"

const conv = doc("conv", "North Korea also dismantled its own propaganda speakers. It sent 11,000 troops.", {
  outlet: "The Conversation",
  title: "The war has made North Korea more dangerous",
  url: "https://example.org/conv",
  publishedAt: "2025-08-14",
})
const ap = doc("ap", "Kim Yo Jong said Seoul was falsely claiming the North had removed its own frontline speakers.", {
  outlet: "Asahi Shimbun",
  url: "https://example.net/wire/speakers",
  syndicationGroup: "ap",
})
const ap2 = doc(
  "ap2",
  "Kim Yo Jong said Seoul was falsely claiming the North had removed its own frontline speakers.",
  {
    outlet: "Japan Today",
    syndicationGroup: "ap",
  },
)

const build = () => {
  const asserted = claim(conv, "North Korea also dismantled its own propaganda speakers.")
  const disputed = claim(ap, "the North had removed its own frontline speakers", {
    attribution: voice(ap, "Kim Yo Jong", "falsely claiming", "claim", "disputes"),
  })
  const copy = claim(ap2, "the North had removed its own frontline speakers", {
    attribution: voice(ap2, "Kim Yo Jong", "falsely claiming", "claim", "disputes"),
  })
  const troops = claim(conv, "It sent 11,000 troops.", { kind: "numeric" })
  const findings = Judgement.judge(
    [
      statement([disputed, asserted]),
      statement([disputed, copy]),
      numeric([
        [troops, qty("11,000", 11000)],
        [claim(ap, "Kim Yo Jong said Seoul", { kind: "numeric" }), qty("11,000", 11000)],
      ]),
    ],
    [conv, ap, ap2],
  )
  return report([conv, ap, ap2], [asserted, disputed, copy, troops], findings)
}

describe("ClaimReview URLs", () => {
  it("writes only http: and https: URLs, from documents and from the report's own address", () => {
    const r = build()
    const documents = r.documents.map((d, i) => ({
      ...d,
      url: ["https://example.org/ok", "javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4="][i] ?? null,
    }))
    const json = ClaimReview.toJson({ ...r, documents }, { reportUrl: "https://desk.example/report.html" })
    expect(json).not.toMatch(/javascript:|data:/)
    expect(json).toContain('"url": "https://example.org/ok"')
    // The report's own address is the caller's: a script URL there is refused, not written.
    expect(() => ClaimReview.toJson(r, { reportUrl: "javascript:alert(2)" })).toThrow(
      /http\(s\) URL or a relative path/,
    )
  })
})

describe("ClaimReview", () => {
  const r = build()
  const ld = ClaimReview.make(r, { reportUrl: "https://desk.example/report.html" })
  const disputed = r.findings.find((f) => f.verdict === "disputed")

  it("writes one schema.org ClaimReview per finding that compares sources", () => {
    expect(ld["@context"]).toBe("https://schema.org")
    expect(r.findings.map((f) => f.verdict).sort()).toEqual(["agree", "disputed", "single-source"])
    expect(ld["@graph"].map((x) => x.identifier)).toEqual(
      r.findings.filter((f) => f.verdict !== "single-source").map((f) => f.id),
    )
    for (const review of ld["@graph"]) {
      expect(review.datePublished).toBe("2025-08-15")
      expect(review.author).toEqual({ "@type": "Organization", name: "crosscheck" })
    }
  })

  it("is valid schema.org: every property belongs to its type and holds the expected kind of value", () => {
    expect(violations(ld["@graph"], ["ClaimReview"])).toEqual([])
    // What Google's fact-check markup requires of each review.
    for (const review of ld["@graph"]) {
      expect(review.claimReviewed).not.toBe("")
      expect(review.url).toMatch(/^https:\/\/desk\.example\/report\.html#finding-/)
      expect(review.reviewRating.alternateName).not.toBe("")
    }
    // The checker does catch what schema.org does not allow.
    const [first] = ld["@graph"]
    expect(violations({ ...first, rating: 1 }, ["ClaimReview"])).toEqual(["$: ClaimReview has no property rating"])
    expect(
      violations({ ...first, itemReviewed: { ...first?.itemReviewed, appearance: [{ "@type": "Rating" }] } }, [
        "ClaimReview",
      ]),
    ).toEqual(["$.itemReviewed.appearance[0]: a Rating where CreativeWork belongs"])
    expect(violations({ ...first, url: "javascript:alert(1)" }, ["ClaimReview"])).toHaveLength(1)
  })

  it("reviews the asserted claim of a dispute, naming every article it appeared in with its outlet", () => {
    const review = ld["@graph"].find((x) => x.identifier === disputed?.id)
    expect(review?.claimReviewed).toBe("North Korea also dismantled its own propaganda speakers.")
    expect(review?.url).toBe(`https://desk.example/report.html#finding-${disputed?.id}`)
    expect(review?.reviewRating).toEqual({
      "@type": "Rating",
      alternateName: "Disputed by other sources",
      ratingExplanation: disputed?.explanation,
    })
    const conversation = {
      "@type": "NewsArticle",
      url: "https://example.org/conv",
      headline: "The war has made North Korea more dangerous",
      datePublished: "2025-08-14",
      author: { "@type": "Organization", name: "The Conversation" },
    }
    expect(review?.itemReviewed).toEqual({
      "@type": "Claim",
      author: { "@type": "Organization", name: "The Conversation" },
      datePublished: "2025-08-14",
      firstAppearance: conversation,
      appearance: [
        conversation,
        {
          "@type": "NewsArticle",
          url: "https://example.net/wire/speakers",
          author: { "@type": "Organization", name: "Asahi Shimbun" },
        },
      ],
    })
  })

  it.each([
    ["agree", "Confirmed by other sources"],
    ["compatible", "Consistent with other sources"],
    ["changed", "Figure changed over time"],
    ["disputed", "Disputed by other sources"],
    ["contradict", "Sources disagree"],
  ] as const)("rates a %s finding as %j: how the sources relate, with no truth scale", (verdict, name) => {
    expect(ClaimReview.VERDICT_RATINGS[verdict]).toBe(name)
    const finding = r.findings.find((f) => f.verdict !== "single-source")
    const one = ClaimReview.make({ ...r, findings: finding ? [{ ...finding, verdict }] : [] })
    expect(one["@graph"][0]?.reviewRating).toEqual({
      "@type": "Rating",
      alternateName: name,
      ratingExplanation: finding?.explanation,
    })
  })

  it("writes only http: and https: article URLs", () => {
    const urls = (url: string | null) => {
      const docs = r.documents.map((d) => (d.outlet === "The Conversation" ? { ...d, url } : d))
      const review = ClaimReview.make({ ...r, documents: docs })["@graph"].find((x) => x.identifier === disputed?.id)
      return review?.itemReviewed.appearance[0]?.url
    }
    expect(urls("http://example.org/a?b=1#c")).toBe("http://example.org/a?b=1#c")
    expect(urls("HTTPS://Example.org/a")).toBe("https://example.org/a")
    for (const url of ["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "/relative", "", null])
      expect(urls(url)).toBeUndefined()
  })

  it("links each review to its finding in report.html beside it unless told where the report is served", () => {
    const review = ClaimReview.make(r)["@graph"][0]
    expect(review?.url).toBe(`report.html#finding-${review?.identifier}`)
    expect(ClaimReview.make(r, { reportUrl: "/desk/today.html" })["@graph"][0]?.url).toMatch(/^\/desk\/today\.html#/)
    for (const reportUrl of ["javascript:alert(1)", "data:text/html,x", " JavaScript:void(0)"])
      expect(() => ClaimReview.make(r, { reportUrl })).toThrow(expect.objectContaining({ _tag: "UsageError" }))
  })

  it("links each review to its story's page when the report is written as pages", () => {
    const inStory = {
      ...r,
      documents: r.documents.map((d) => ({ ...d, storyId: "s-speakers" })),
      findings: r.findings.map((f) => ({ ...f, storyId: null })),
    }
    const pages = ClaimReview.make(inStory, { reportUrl: "https://desk.example/today/report.html", pages: true })
    const review = pages["@graph"][0]
    expect(review?.url).toBe(`https://desk.example/today/stories/s-speakers.html#finding-${review?.identifier}`)
    expect(ClaimReview.make(inStory, { pages: true })["@graph"][0]?.url).toMatch(/^stories\/s-speakers\.html#finding-/)
    // Without stories there are no story pages: the one page it is.
    expect(ClaimReview.make(r, { pages: true })["@graph"][0]?.url).toMatch(/^report\.html#finding-/)
  })

  it("is valid JSON with a trailing newline, safe to paste into a script element", () => {
    const text = ClaimReview.toJson(r)
    expect(text.endsWith("}\n")).toBe(true)
    expect(JSON.parse(text)["@graph"]).toHaveLength(2)
    const hostile = {
      ...r,
      claims: r.claims.map((c) => ({ ...c, text: `${c.text} </script><script>alert(1)</script>` })),
    }
    const escaped = ClaimReview.toJson(hostile)
    expect(escaped).not.toContain("</script")
    expect(JSON.parse(escaped)["@graph"][0].claimReviewed).toContain("</script><script>alert(1)</script>")
  })
})

// The reviews are schema.org's ClaimReview as schema-dts types it: this line does not compile otherwise.
export const typed: ReadonlyArray<SchemaClaimReview> = ClaimReview.make(build())["@graph"]

describe("crosscheck run --claimreview FILE", () => {
  it("writes the JSON-LD, one review per finding that compares sources, each linked to report.html", async () => {
    const root = new URL("../../../", import.meta.url).pathname
    const dir = mkdtempSync(join(tmpdir(), "crosscheck-claimreview-"))
    const file = join(dir, "nested", "claimreview.jsonld")
    // Rejects on a non-zero exit code.
    await promisify(execFile)(
      process.execPath,
      // The bundled CLI that `pnpm crosscheck` runs (built by the tests' global set-up).
      [join(root, "packages/cli/dist/bin.js"), "run", "seeds/", "--out", join(dir, "out"), "--claimreview", file],
      { cwd: root },
    )
    const report = JSON.parse(readFileSync(join(dir, "out", "report.json"), "utf8")) as {
      findings: Array<{ id: string; verdict: string }>
    }
    const ld = JSON.parse(readFileSync(file, "utf8")) as ClaimReview.Graph
    const checked = report.findings.filter((f) => f.verdict !== "single-source")
    expect(ld["@graph"].map((x) => x.identifier)).toEqual(checked.map((f) => f.id))
    // From nested/claimreview.jsonld, report.html is ../out/report.html.
    expect(ld["@graph"].map((x) => x.url)).toEqual(checked.map((f) => `../out/report.html#finding-${f.id}`))
  })

  it("links to where --report-url says the report is served, and refuses a URL it would not write", async () => {
    const root = new URL("../../../", import.meta.url).pathname
    const dir = mkdtempSync(join(tmpdir(), "crosscheck-claimreview-"))
    const file = join(dir, "claimreview.jsonld")
    const run = (url: string) =>
      promisify(execFile)(
        process.execPath,
        [
          join(root, "packages/cli/dist/bin.js"),
          "run",
          "seeds/",
          "--out",
          dir,
          "--claimreview",
          file,
          "--report-url",
          url,
        ],
        { cwd: root },
      )
    await run("https://desk.example/today/report.html")
    const ld = JSON.parse(readFileSync(file, "utf8")) as ClaimReview.Graph
    expect(ld["@graph"][0]?.url).toMatch(/^https:\/\/desk\.example\/today\/report\.html#finding-f-/)
    const refused = await run("javascript:alert(1)").catch((e: { code: number; stderr: string }) => e)
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining("report URL") })
  })
})
