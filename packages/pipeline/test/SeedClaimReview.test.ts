import { join } from "node:path"
import { ClaimReview } from "@crosscheck/report"
import { Inputs } from "@crosscheck/sources"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { createCrosscheck } from "../src/index.js"
import { root } from "./readmeExample.js"

describe("ClaimReview of the seed page", () => {
  it("names every article of the speakers finding with its URL and outlet", async () => {
    // The seed page gives no URLs; here its articles arrive as a feed would carry them, each with one.
    const seed = await Effect.runPromise(Inputs.read([join(root, "seeds")]))
    const url = (i: number) => `https://news.example/${i}`
    const articles = seed.documents.map((d, i) => ({
      outlet: d.outlet,
      title: d.title,
      publishedAt: d.publishedAt,
      url: url(i),
      text: d.text,
    }))
    const crosscheck = await createCrosscheck()
    try {
      const { report } = await crosscheck.ingest({ articles })
      const reviews = (await crosscheck.claimReview(report))["@graph"]
      // The loudspeakers along the border: one outlet says the North dismantled its own, the wire story
      // has Kim Yo Jong call that a false claim; and both report the South removing its own.
      const speakers = reviews.filter((r) => /speakers/.test(r.claimReviewed))
      expect(speakers.length).toBeGreaterThan(0)
      const outletOf = new Map(seed.documents.map((d, i) => [url(i), d.outlet]))
      for (const review of speakers) {
        const finding = report.findings.find((f) => f.id === review.identifier)
        expect(finding?.verdict).not.toBe("single-source")
        if (finding && finding.verdict !== "single-source")
          expect(review.reviewRating.alternateName).toBe(ClaimReview.VERDICT_RATINGS[finding.verdict])
        // The Conversation's article and the wire story in both its copies, each with its URL and outlet.
        const appearances = review.itemReviewed.appearance
        expect(appearances.map((a) => a.author.name).sort()).toEqual([
          "Asahi Shimbun",
          "Japan Today",
          "The Conversation",
        ])
        for (const a of appearances) {
          expect(a).toMatchObject({ "@type": "NewsArticle", author: { "@type": "Organization" } })
          expect(outletOf.get(a.url ?? "")).toBe(a.author.name)
        }
      }
    } finally {
      await crosscheck.close()
    }
  })
})
