/**
 * `pnpm crosscheck` runs the bundle in packages/cli/dist (bundle.mjs): it must do what the sources do,
 * including the extraction workers, which start from their own bundle beside it.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { Worker } from "node:worker_threads"
import type { Claim, Document } from "@crosscheck/domain"
import { Ingest } from "@crosscheck/pipeline"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { bundle, crosscheck, root, sources } from "./Cli.js"

const dir = mkdtempSync(join(tmpdir(), "crosscheck-bundle-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** report.json without the time it was written. */
const reportOf = (out: string): unknown => {
  const { generatedAt: _, ...rest } = JSON.parse(readFileSync(join(out, "report.json"), "utf8"))
  return rest
}

/**
 * fixtures/ with one of its blind story batches (fixtures/fresh gains one or more every session, each as
 * plain as the next): every kind of input it holds, at a size that does not grow with each batch added.
 */
const sample = (): string => {
  const to = join(dir, "fixtures-sample")
  for (const entry of readdirSync(join(root, "fixtures")))
    if (entry !== "fresh") cpSync(join(root, "fixtures", entry), join(to, entry), { recursive: true })
  cpSync(join(root, "fixtures/fresh/2026-12-28"), join(to, "fresh/2026-12-28"), { recursive: true })
  return to
}

describe("the bundled CLI", () => {
  // fixtures/ holds saved web pages (linkedom and Readability, loaded at run time), feeds, and bad input.
  it.each([
    ["seeds", () => "seeds/"],
    ["fixtures", sample],
  ])("writes the same report as the sources for %s/", async (input, path) => {
    const from = path()
    const args = (out: string) => ["run", from, "--out", join(dir, out), "--db", ":memory:", "--json"]
    const [fromBundle, fromSources] = await Promise.all([
      crosscheck(args(`${input}-bundle`), "", bundle),
      crosscheck(args(`${input}-sources`), "", sources),
    ])
    expect(fromBundle.stderr).toBe(fromSources.stderr)
    expect(fromBundle.code).toBe(fromSources.code)
    expect(JSON.parse(fromBundle.stdout)).toEqual({
      ...JSON.parse(fromSources.stdout),
      out: join(dir, `${input}-bundle`),
    })
    const report = reportOf(join(dir, `${input}-bundle`)) as { readonly claims: ReadonlyArray<unknown> }
    expect(report).toEqual(reportOf(join(dir, `${input}-sources`)))
    expect(report.claims.length).toBeGreaterThan(100)
  })

  it("starts extraction workers from the bundle that give the claims the sources give", async () => {
    const asOf = "2025-08-15"
    const { documents, claims } = await Effect.runPromise(
      Ingest.extractOnly([join(root, "seeds")], asOf).pipe(Effect.provide(Ingest.layer({ db: ":memory:", asOf }))),
    )
    const worker = new Worker(new URL("internal/worker.mjs", pathToFileURL(bundle)), {
      workerData: {
        entry: new URL("internal/ExtractionWorker.js", pathToFileURL(bundle)).href,
        options: { asOf },
        factory: null,
      },
    })
    try {
      const answers = await new Promise<ReadonlyArray<{ index: number; json?: string; failure?: string }>>(
        (resolve, reject) => {
          const got: Array<{ index: number; json?: string }> = []
          worker.on("error", reject)
          worker.on("message", (m: { ready?: true; started?: true; index: number; json?: string }) => {
            if (m.ready) {
              const batch: { indices: number[]; documents: ReadonlyArray<Document.Document> } = {
                indices: documents.map((_, i) => i),
                documents,
              }
              worker.postMessage(batch)
              // A worker says when it starts each document (the pool times it); the answers follow.
            } else if (!m.started && got.push(m) === documents.length) resolve(got)
          })
        },
      )
      const fromWorker: Claim.Claim[] = answers.flatMap((a) => (a.json ? JSON.parse(a.json) : []))
      expect(answers.map((a) => a.failure)).toEqual(documents.map(() => undefined))
      expect(fromWorker).toEqual(JSON.parse(JSON.stringify(claims)))
      expect(fromWorker.length).toBeGreaterThan(100)
    } finally {
      await worker.terminate()
    }
  })
})
