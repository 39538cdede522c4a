import { writeFileSync } from "node:fs"
import { StoreError, UsageError } from "@crosscheck/domain"
import { describe, expect, it } from "vitest"
import { createCrosscheck, Pipeline } from "../src/index.js"
import { folder, tempDb } from "./articles.js"

describe("createCrosscheck", () => {
  it("ingests, reports, lists claims and verifies, resolving with plain values", async () => {
    const crosscheck = await createCrosscheck({ db: tempDb() })
    try {
      const first = await crosscheck.ingest(folder("alpha", "beta"))
      expect(first.documentsAdded).toBe(2)
      const later = await crosscheck.ingest({
        articles: [
          {
            outlet: "Gamma Wire",
            publishedAt: "2025-08-12",
            text: "Russian forces fired 20,000 artillery shells a day near Kursk.",
          },
          { text: 42 } as never,
        ],
      })
      expect(later.documentsAdded).toBe(1)
      expect(later.report.errors).toEqual([
        { path: "api", message: 'sources: expected a "text" string in the record, instead found none (article 2)' },
      ])
      // Alpha's 5,000 shells of 10 August against Gamma's 20,000 of the 12th, undated: a changed figure.
      expect(later.changes.map((c) => [c.kind, c.finding.verdict])).toEqual([["new", "changed"]])
      expect((await crosscheck.report()).findings).toHaveLength(2)
      expect((await crosscheck.claims({ entity: "kursk" })).map((c) => c.outlet)).toEqual(["Alpha News", "Gamma Wire"])
      expect((await crosscheck.claims({ outlet: "beta times" })).length).toBeGreaterThan(0)

      // Alpha gives the figure as officials' claim, plainly: compared as their claim, it supports. Beta's
      // short article gives it "according to Seoul": words that attribute it, not a hedge, so it supports
      // as Seoul's claim too.
      const reported = await crosscheck.verify("North Korea sent 11,000 troops to Russia.")
      expect(reported.stance).toBe("supports")
      expect(reported.explanation).toContain("as the claim of officials")
      expect(reported.evidence.map((e) => e.text)).toEqual([
        "North Korea has sent 11,000 troops to Russia, officials said.",
        "Pyongyang deployed 11,000 troops to Russia, according to Seoul.",
      ])
      expect((await crosscheck.verify("North Korea sent 2,000 troops to Russia.")).stance).toBe("contradicts")
      expect(await crosscheck.verify("The weather in Paris was sunny.")).toMatchObject({
        stance: "unrelated",
        evidence: [],
      })
      // Against files instead of the store: only Gamma's 20,000 shells disagree with 5,000.
      const shells = await crosscheck.verify("The army fired 5,000 artillery shells a day.", {
        sources: [folder("gamma")],
      })
      expect(shells.stance).toBe("contradicts")
    } finally {
      await crosscheck.close()
    }
  })

  it("rejects with our own typed errors, not Effect's fiber wrappers", async () => {
    const notAStore = tempDb()
    writeFileSync(notAStore, "not a database, just notes\n".repeat(10))
    const refused = await createCrosscheck({ db: notAStore }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(StoreError)
    expect(refused).toMatchObject({ _tag: "StoreError", reason: "not-sqlite" })
    expect(Object.getOwnPropertySymbols(refused)).not.toContain(Symbol.for("effect/Runtime/FiberFailure"))

    await expect(createCrosscheck({ asOf: "yesterday" })).rejects.toBeInstanceOf(UsageError)

    const crosscheck = await createCrosscheck()
    const missing = await crosscheck.ingest("no/such/folder").catch((e: unknown) => e)
    expect(missing).toBeInstanceOf(UsageError)
    expect(missing).toMatchObject({ reason: "not-found" })
    await crosscheck.close()
    await expect(crosscheck.report()).rejects.toMatchObject({
      _tag: "UsageError",
      message: "crosscheck: expected an open crosscheck, instead it was closed",
    })
  })

  it("renders a report as `crosscheck run` writes its files, and as ClaimReview JSON-LD", async () => {
    const crosscheck = await createCrosscheck()
    try {
      const { report } = await crosscheck.ingest(folder("alpha", "beta", "gamma"))
      const files = Pipeline.render(report)
      expect(await crosscheck.render(report, "html")).toBe(files["report.html"])
      expect(await crosscheck.render(report, "markdown")).toBe(files["report.md"])
      expect(await crosscheck.render(report, "json")).toBe(files["report.json"])
      await expect(crosscheck.render(report, "pdf" as never)).rejects.toMatchObject({
        _tag: "UsageError",
        message: 'crosscheck: expected a format of html, markdown, json, instead found "pdf"',
      })
      await expect(crosscheck.render(report, "toString" as never)).rejects.toBeInstanceOf(UsageError)

      const reviews = await crosscheck.claimReview(report, { reportUrl: "https://desk.example/r.html" })
      // Gamma's shells, two days after Alpha's and undated in its text, are a changed figure (see Ingest.test.ts).
      expect(report.findings.map((f) => f.verdict).sort()).toEqual(["agree", "changed"])
      expect(reviews["@graph"].map((r) => [r.url, r.reviewRating.alternateName])).toEqual(
        report.findings.map((f) => [
          `https://desk.example/r.html#finding-${f.id}`,
          f.verdict === "agree" ? "Confirmed by other sources" : "Figure changed over time",
        ]),
      )
      await expect(crosscheck.claimReview(report, { reportUrl: "javascript:alert(1)" })).rejects.toBeInstanceOf(
        UsageError,
      )
      // The stories of the stored picture (none until the story stage stores them).
      expect(await crosscheck.stories()).toEqual((await crosscheck.report()).stories ?? [])
    } finally {
      await crosscheck.close()
    }
    await expect(crosscheck.stories()).rejects.toBeInstanceOf(UsageError)
  })
})

describe("createCrosscheck's arguments", () => {
  it("rejects wrong arguments with a UsageError naming them, never a raw TypeError or a synchronous throw", async () => {
    await expect(createCrosscheck({ asOf: "2025-02-30" })).rejects.toMatchObject({
      _tag: "UsageError",
      message: expect.stringMatching(
        /^crosscheck: expected createCrosscheck's options to be valid, instead: .*2025-02-30/,
      ),
    })
    await expect(createCrosscheck({ busyTimeoutMs: -1 })).rejects.toBeInstanceOf(UsageError)
    const crosscheck = await createCrosscheck()
    try {
      const wrong: ReadonlyArray<() => Promise<unknown>> = [
        () => crosscheck.ingest(42 as never),
        () => crosscheck.ingest(null as never),
        () => crosscheck.ingest({ articles: "not a list" } as never),
        () => crosscheck.ingest([], { onProgress: "tick" } as never),
        () => crosscheck.report({ since: "2025-13-01" }),
        () => crosscheck.verify(undefined as never),
        () => crosscheck.verify("North Korea sent troops", { sources: [7] } as never),
        () => crosscheck.claims({ entity: 5 } as never),
      ]
      for (const call of wrong) {
        let promise: Promise<unknown> | undefined
        expect(() => {
          promise = call()
        }).not.toThrow()
        const error = await promise?.catch((e: unknown) => e)
        expect(error).toBeInstanceOf(UsageError)
        expect(error).not.toBeInstanceOf(TypeError)
      }
      // A bad article among good ones is an error entry, as a bad JSON line is.
      const ingested = await crosscheck.ingest({
        articles: [{ text: "The council approved 40 homes." }, { title: 3 } as never],
      })
      expect(ingested.report.errors).toHaveLength(1)
    } finally {
      await crosscheck.close()
    }
  })
})
