import { execFile } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { describe, expect, it } from "vitest"
import { ClaimReview, Judgement } from "../src/index.js"
import { claim, doc, numeric, qty, report, statement, voice } from "./build.js"

const conv = doc("conv", "North Korea also dismantled its own propaganda speakers. It sent 11,000 troops.", {
  outlet: "The Conversation",
  title: "The war has made North Korea more dangerous",
  url: "https://example.org/conv",
  publishedAt: "2025-08-14",
})
const ap = doc("ap", "Kim Yo Jong said Seoul was falsely claiming the North had removed its own frontline speakers.", {
  outlet: "Asahi Shimbun",
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
    const json = ClaimReview.toJson({ ...r, documents }, { reportUrl: "javascript:alert(2)" })
    expect(json).not.toMatch(/javascript:|data:/)
    expect(json).toContain('"url": "https://example.org/ok"')
  })
})

describe("ClaimReview", () => {
  const r = build()
  const ld = ClaimReview.make(r, { reportUrl: "https://desk.example/report.html" }) as {
    "@context": string
    "@graph": Array<
      Record<string, unknown> & { reviewRating: Record<string, unknown>; itemReviewed: Record<string, unknown> }
    >
  }

  it("writes one schema.org ClaimReview per finding that compares independent sources", () => {
    expect(ld["@context"]).toBe("https://schema.org")
    expect(r.findings.map((f) => f.verdict).sort()).toEqual(["agree", "disputed", "single-source"])
    expect(ld["@graph"]).toHaveLength(2)
    for (const review of ld["@graph"]) {
      expect(review["@type"]).toBe("ClaimReview")
      expect(review.datePublished).toBe("2025-08-15")
      expect(review.author).toEqual({ "@type": "Organization", name: "crosscheck" })
      expect(review.reviewRating).toMatchObject({ "@type": "Rating", bestRating: 5, worstRating: 1 })
    }
  })

  it("reviews the asserted claim of a dispute, with where it appeared and why", () => {
    const disputed = r.findings.find((f) => f.verdict === "disputed")
    const review = ld["@graph"].find((x) => x.identifier === disputed?.id)
    expect(review?.claimReviewed).toBe("North Korea also dismantled its own propaganda speakers.")
    expect(review?.url).toBe(`https://desk.example/report.html#finding-${disputed?.id}`)
    expect(review?.reviewRating).toMatchObject({ ratingValue: 2, alternateName: "Disputed" })
    expect(review?.reviewRating.ratingExplanation).toBe(disputed?.explanation)
    expect(review?.itemReviewed).toEqual({
      "@type": "Claim",
      author: { "@type": "Organization", name: "The Conversation" },
      datePublished: "2025-08-14",
      appearance: [
        {
          "@type": "NewsArticle",
          url: "https://example.org/conv",
          headline: "The war has made North Korea more dangerous",
          datePublished: "2025-08-14",
          publisher: { "@type": "Organization", name: "The Conversation" },
        },
        { "@type": "NewsArticle", publisher: { "@type": "Organization", name: "Asahi Shimbun" } },
      ],
    })
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

describe("crosscheck run --claimreview FILE", () => {
  it("writes the JSON-LD next to the report, one review per cross-source finding", async () => {
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
    const ld = JSON.parse(readFileSync(file, "utf8"))
    const checked = report.findings.filter((f) => f.verdict !== "single-source")
    expect(ld["@graph"].map((x: { identifier: string }) => x.identifier)).toEqual(checked.map((f) => f.id))
  })
})
