/**
 * One extraction worker thread (ExtractionPool): makes its extractor once, loading the wink model
 * here, then answers every document it is sent, in the order sent, with its claims or why it failed.
 */
import { parentPort, workerData } from "node:worker_threads"
import { Claim, type Document } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import type * as ExtractionPool from "../ExtractionPool.js"

const data = workerData as ExtractionPool.WorkerData

const standard: ExtractionPool.Factory = (options) => {
  const nlp = Extractor.loadModel()
  return (document) => Extractor.extractWith(nlp, document, options)
}

const make: ExtractionPool.Factory = data.factory
  ? ((await import(data.factory)) as { make: ExtractionPool.Factory }).make
  : standard
const extract = make(data.options)
const port = parentPort
if (!port) throw new Error("ExtractionWorker: expected to run in a worker thread")

port.on("message", (batch: ExtractionPool.Batch) => {
  batch.documents.forEach((document: Document.Document, k) => {
    const index = batch.indices[k] ?? -1
    let answer: ExtractionPool.Answer
    // The pool times each document from here, and stops this thread when it overruns its budget.
    port.postMessage({ index, started: true } satisfies ExtractionPool.Answer)
    try {
      const claims = extract(document)
      // As JSON, which the main thread parses into leaner objects than a structured clone gives.
      answer = claims.every(Claim.survivesJson) ? { index, json: JSON.stringify(claims) } : { index, claims }
    } catch (error) {
      answer = { index, failure: error instanceof Error ? error.message : String(error) }
    }
    port.postMessage(answer)
  })
})
port.postMessage({ ready: true } satisfies ExtractionPool.Ready)
