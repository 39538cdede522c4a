/**
 * The findings do not depend on where the articles lie: a document's id hashes its path, so the same
 * folder read from two places gives other ids, and nothing that decides a finding may be ordered by them.
 */
import { cpSync, mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Extractor } from "@crosscheck/extractor"
import { Inputs } from "@crosscheck/sources"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { Pipeline } from "../src/index.js"

// A made-up story whose groups hold figures of several outlets and days (written for the eval, never tuned on here).
const story = new URL("../../../fixtures/fresh/2026-12-03e/factory-layoffs/", import.meta.url).pathname

const findingsAt = async (nlp: ReturnType<typeof Extractor.loadModel>, dir: string) => {
  const input = await Effect.runPromise(Inputs.read([dir]))
  const claims = input.documents.flatMap((d) => Extractor.extractWith(nlp, d))
  const { findings } = Pipeline.analyse(input.documents, claims)
  const text = new Map(claims.map((c) => [c.id as string, `${c.text}|${c.quantities.map((q) => q.text).join(",")}`]))
  // Ids differ with the place; the verdict, rule and the claims' words (in their order) must not.
  return findings.map((f) => `${f.verdict} ${f.rule} ${f.claimIds.map((id) => text.get(id)).join(" / ")}`).sort()
}

describe("findings wherever the articles lie", () => {
  it("are the same for one folder copied to two places", async () => {
    const nlp = Extractor.loadModel()
    const here = mkdtempSync(join(tmpdir(), "crosscheck-here-"))
    const there = join(mkdtempSync(join(tmpdir(), "crosscheck-there-")), "deeper", "still")
    cpSync(story, here, { recursive: true, filter: (f) => !f.endsWith(".json") })
    cpSync(story, there, { recursive: true, filter: (f) => !f.endsWith(".json") })
    const a = await findingsAt(nlp, here)
    const b = await findingsAt(nlp, there)
    expect(a.length).toBeGreaterThan(5)
    expect(b).toEqual(a)
  }, 60_000)
})
