/**
 * A second thread for `crosscheck report --db`, when asked for (`wanted`): started before the main
 * thread reads the store, it reads the same store itself and writes story pages beside the main thread
 * (ReportFolder.Partner). A thread that cannot start or fails costs nothing but its share: the main
 * thread writes whatever it left.
 */
import { Thread } from "@crosscheck/pipeline"
import type * as ReportFolder from "./ReportFolder.js"

export interface WorkerData {
  readonly db: string
  readonly since: string | number | null
  readonly out: string
  /** The moment the main thread's report is made as of (ISO), so the pages of both threads say one time. */
  readonly generatedAt: string
  /** The shared counter's memory (ReportFolder.Partner.next). */
  readonly next: SharedArrayBuffer
}

export interface Answer {
  readonly done: ReadonlyArray<ReportFolder.Done>
}

const ENTRY = Thread.entryBeside(import.meta.url, "./PagesWorker")

/**
 * Whether to start a second thread: only when asked (CROSSCHECK_REPORT_THREADS=2); it holds a second copy
 * of the report (about 0.6 of a SQLite store's file: 340 MB more at 10,000 articles). Measured on the
 * two-core machine this is built on, quiet (load under 1.2), 10,000 articles into a new folder on tmpfs,
 * three alternate runs each: one thread 2.80 to 2.92 s wall (3.6 to 3.8 s CPU, 410 MB), two 3.12 to 3.23 s
 * (5.8 to 6.0 s CPU, 750 MB): the second thread's own read of the store costs more than its share of the
 * pages saves while V8's collector threads already use the spare core. It was on by default with a core
 * to spare until this was measured.
 */
export const wanted = (env: Readonly<Record<string, string | undefined>>): boolean =>
  env.CROSSCHECK_REPORT_THREADS === "2"

/**
 * The partner, or null when no second thread is wanted (the pages then come from the main thread alone,
 * as they do for a report that `run` writes).
 */
export const start = (
  options: {
    readonly db: string
    readonly since: string | number | null
    readonly out: string
    readonly generatedAt: string
  },
  env: Readonly<Record<string, string | undefined>> = {},
): ReportFolder.Partner | null => {
  if (!wanted(env)) return null
  const memory = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)
  const data: WorkerData = { ...options, next: memory }
  let worker: ReturnType<typeof Thread.start>
  try {
    worker = Thread.start(ENTRY, { ...data })
  } catch {
    return null
  }
  let answer: ReadonlyArray<ReportFolder.Done> = []
  let failure: string | null = null
  let stopping = false
  const stopped = new Promise<{ done: ReadonlyArray<ReportFolder.Done>; failure: string | null }>((resolve) => {
    worker.on("message", (message: Answer) => {
      answer = message.done
    })
    // A failure is not the report's: what the thread did not report done, the main thread writes.
    worker.on("error", (e) => {
      failure = e instanceof Error ? e.message : String(e)
    })
    worker.on("exit", (code) => {
      if (failure === null && code !== 0 && !stopping) failure = `exit code ${code}`
      resolve({ done: answer, failure })
    })
  })
  return {
    next: new Int32Array(memory),
    done: () => stopped,
    stop: () => {
      stopping = true
      void worker.terminate()
    },
  }
}
