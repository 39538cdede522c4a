/**
 * The second thread of `crosscheck report --db` (PagesPartner): reads the same store, and writes the
 * story pages it takes from the shared counter while the main thread writes report.json and then joins
 * in. It tells the main thread which pages it saw to; the main thread checks them against its own read.
 */
import { parentPort, workerData } from "node:worker_threads"
import { Ingest } from "@crosscheck/pipeline"
import { Effect } from "effect"
import type * as PagesPartner from "./PagesPartner.js"
import * as ReportFolder from "./ReportFolder.js"

const data = workerData as PagesPartner.WorkerData
const port = parentPort
if (!port) throw new Error("PagesWorker: expected to run in a worker thread")

const next = new Int32Array(data.next)
const report = await Effect.runPromise(
  Ingest.report({ since: data.since, generatedAt: new Date(data.generatedAt) }).pipe(
    Effect.provide(Ingest.storeLayer({ db: data.db, access: "read" })),
  ),
)
const { paged, kept } = ReportFolder.layoutOf(data.out, report)
const done = paged ? ReportFolder.writePages(data.out, report, kept, () => Atomics.add(next, 0, 1)).done : []
port.postMessage({ done } satisfies PagesPartner.Answer)
