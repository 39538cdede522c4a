import { spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import type { Document } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import { Inputs } from "@crosscheck/sources"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import * as Budget from "../src/Budget.js"
import { ExtractionPool } from "../src/index.js"
import { ARTICLES } from "./articles.js"

const root = new URL("../../../", import.meta.url).pathname
const seed = join(root, "seeds/000_e79dfb977574f8ce.txt")

/** The seed page's articles and the four short ones: a few dozen claims of every kind. */
const documents: ReadonlyArray<Document.Document> = [
  ...Inputs.readText(seed, readFileSync(seed, "utf8")).documents,
  ...Object.entries(ARTICLES).flatMap(([name, text]) => Inputs.readText(`articles/${name}`, text).documents),
]

const nlp = Extractor.loadModel()
const inThread = documents.map((d) => Extractor.extractWith(nlp, d, { asOf: "2025-08-15" }))
const standard = Extractor.layer({ asOf: "2025-08-15" })
const faulty = new URL("./fixtures/faultyExtractor.ts", import.meta.url)

const withText = (d: Document.Document, text: string): Document.Document => ({ ...d, text })

describe("ExtractionPool", () => {
  it("extracts on worker threads the same claims, in the same order, as in this thread", async () => {
    const progress: Array<[number, number]> = []
    const outcomes = await Effect.runPromise(
      ExtractionPool.extract(documents, {
        minChars: 0,
        workers: 2,
        batchSize: 2,
        onProgress: (done, total) => progress.push([done, total]),
      }).pipe(Effect.provide(standard)),
    )
    expect(documents.length).toBeGreaterThan(4)
    expect(outcomes).toEqual(inThread.map((claims) => ({ claims })))
    expect(inThread.flat().length).toBeGreaterThan(20)
    expect(progress.map(([done]) => done)).toEqual(documents.map((_, i) => i + 1))
    expect(progress.every(([, total]) => total === documents.length)).toBe(true)
  })

  it("keeps a small input in this thread, and any input of a stand-in extractor", () => {
    const calls: string[] = []
    const standIn = Layer.succeed(Extractor.Extractor, {
      extract: (d: Document.Document) => {
        calls.push(d.id)
        return []
      },
    })
    // runSync: no worker, nothing asynchronous.
    const outcomes = Effect.runSync(ExtractionPool.extract(documents, { minChars: 0 }).pipe(Effect.provide(standIn)))
    expect(outcomes).toEqual(documents.map(() => ({ claims: [] })))
    expect(calls).toEqual(documents.map((d) => d.id))
    const small = Effect.runSync(ExtractionPool.extract(documents.slice(0, 3)).pipe(Effect.provide(standard)))
    expect(small).toEqual(inThread.slice(0, 3).map((claims) => ({ claims })))
  })

  it("turns a document that throws, or that ends its worker, into an input error naming it; the rest go on", async () => {
    const docs = documents.map((d, i) =>
      i === 1 ? withText(d, `THROW ${d.text}`) : i === 4 ? withText(d, `CRASH ${d.text}`) : d,
    )
    const outcomes = await ExtractionPool.start(docs, { asOf: "2025-08-15" }, () => [], {
      workers: 2,
      batchSize: 3,
      factory: faulty,
    }).outcomes
    const at = (i: number) => `${docs[i]?.origin.path}#${docs[i]?.origin.index}`
    expect(outcomes[1]).toEqual({
      error: {
        path: docs[1]?.origin.path,
        message: `extractor: expected claims from the article, instead extraction failed: no claims in this one (${at(1)})`,
      },
    })
    expect(outcomes[4]).toEqual({
      error: {
        path: docs[4]?.origin.path,
        message: `extractor: expected claims from the article, instead the worker thread extracting it stopped: exit code 7 (${at(4)})`,
      },
    })
    // The documents after the crash in its batch, and every other one, still have their claims.
    outcomes.forEach((o, i) => {
      if (i !== 1 && i !== 4) expect(o).toEqual({ claims: inThread[i] })
    })
    const { extracted, errors } = ExtractionPool.partition(docs, outcomes)
    expect(extracted.map((e) => e.document.id)).toEqual(docs.filter((_, i) => i !== 1 && i !== 4).map((d) => d.id))
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining(at(1)), expect.stringContaining(at(4))])
  })

  it("extracts here a document whose worker ran out of memory on it", async () => {
    const docs = documents.map((d, i) => (i === 2 ? withText(d, `HOG ${d.text}`) : d))
    const here = (d: Document.Document) => Extractor.extractWith(nlp, d, { asOf: "2025-08-15" })
    const outcomes = await ExtractionPool.start(docs, { asOf: "2025-08-15" }, here, {
      workers: 2,
      batchSize: 2,
      factory: faulty,
    }).outcomes
    // The HOG document too: it took its worker down, and was extracted again here.
    expect(outcomes).toEqual(docs.map((d) => ({ claims: here(d) })))
  })

  it("stops a worker still on one document at the time budget; that document is an error, the rest go on", async () => {
    const docs = documents.map((d, i) => (i === 3 ? withText(d, `SPIN ${d.text}`) : d))
    const started = performance.now()
    const outcomes = await ExtractionPool.start(docs, { asOf: "2025-08-15" }, () => [], {
      workers: 1,
      batchSize: 2,
      factory: faulty,
      budget: Budget.make({ timeMs: 1_500 }),
    }).outcomes
    expect(performance.now() - started).toBeLessThan(30_000)
    expect(outcomes[3]).toEqual({
      error: {
        path: docs[3]?.origin.path,
        message: expect.stringMatching(
          /^extractor: expected an article's claims within 1,500 ms, instead extraction was still running after 1,[5-9]\d\d ms of its [\d,]+ characters and was stopped; no claims kept \(.*#\d+\)$/,
        ),
      },
    })
    outcomes.forEach((o, i) => {
      if (i !== 3) expect(o).toEqual({ claims: inThread[i] })
    })
  })

  it("refuses an article over the size budget and caps its claims per sentence and per article, counting the rest", () => {
    const budget = Budget.make({ claimsPerSentence: 1, claimsPerArticle: 3 })
    const doc = documents[0] as Document.Document
    const long = withText(doc, "x ".repeat(1_001))
    const [refused] = ExtractionPool.inThread(() => [], [long], undefined, Budget.make({ chars: 2_000 }))
    expect(refused).toEqual({
      error: {
        path: doc.origin.path,
        message: expect.stringMatching(/at most 2,000 characters, instead found 2,002; not extracted/),
      },
    })
    const index = inThread.findIndex((claims) => claims.length > 4)
    const claims = inThread[index] ?? []
    const [capped] = ExtractionPool.inThread(() => claims, [documents[index] as Document.Document], undefined, budget)
    const firstPerSentence = claims.filter((c, i) => claims.findIndex((o) => o.span.start === c.span.start) === i)
    expect(capped).toEqual({
      claims: firstPerSentence.slice(0, 3),
      note: {
        path: documents[index]?.origin.path,
        message: expect.stringMatching(
          /at most 1 claims per sentence and 3 per article, instead found \d+; kept 3, dropped \d+/,
        ),
        dropped: claims.length - 3,
      },
    })
  })

  it("extracts here what it cannot hand to any worker", async () => {
    const missing = new URL("./fixtures/no-such-extractor.ts", import.meta.url)
    const outcomes = await ExtractionPool.start(
      documents,
      {},
      (d) => Extractor.extractWith(nlp, d, { asOf: "2025-08-15" }),
      { workers: 2, factory: missing },
    ).outcomes
    expect(outcomes).toEqual(inThread.map((claims) => ({ claims })))
  })

  it("ends its workers, so a process that used them exits by itself", async () => {
    const script = new URL("./fixtures/exitsByItself.ts", import.meta.url).pathname
    const result = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      // Its own process group, so that the timeout below ends tsx's node child too.
      const child = spawn(join(root, "node_modules/.bin/tsx"), [script], {
        cwd: root,
        stdio: ["ignore", "pipe", "inherit"],
        detached: true,
      })
      let stdout = ""
      child.stdout.setEncoding("utf8").on("data", (d: string) => {
        stdout += d
      })
      // A process kept alive by a worker would run into this and end with a signal instead of code 0.
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 40_000)
      child.on("error", reject)
      child.on("close", (code) => {
        clearTimeout(timer)
        resolve({ code, stdout })
      })
    })
    expect(result).toEqual({ code: 0, stdout: "1 1 1\n" })
  })
})
