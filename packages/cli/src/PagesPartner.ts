/**
 * A second thread for `crosscheck report --db` on a machine with a core to spare: started before the main
 * thread reads the store, it reads the same store itself and writes story pages beside the main thread
 * (ReportFolder.Partner). A thread that cannot start or fails costs nothing but its share: the main
 * thread writes whatever it left.
 */
import { statSync } from "node:fs"
import { availableParallelism, freemem, loadavg } from "node:os"
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
 * Whether a second thread would have a core to itself: on two cores already busy it only adds its own
 * read of the store to the work (10,000 articles at load 4 on two cores: 7.8 s with it, 5.2 s without).
 * CROSSCHECK_REPORT_THREADS=1 never starts it, =2 always does; by default, when a core has been idle
 * over the last minute (load average at least one below the cores) and memory has `room` for its copy.
 */
export const wanted = (
  env: Readonly<Record<string, string | undefined>>,
  cores: number = availableParallelism(),
  load: number = loadavg()[0] ?? 0,
  room = true,
): boolean => {
  if (env.CROSSCHECK_REPORT_THREADS === "1") return false
  if (env.CROSSCHECK_REPORT_THREADS === "2") return true
  return cores >= 2 && load <= cores - 1 && room
}

/**
 * Whether memory has room for a second copy of the report: the second thread holds what it read as the
 * first does (about 0.6 of a SQLite store's file: 450 MB for a store of 726 MB at 10,000 articles), so it
 * runs only when free memory is at least twice the file. A PostgreSQL store is not measured here.
 */
const roomFor = (db: string): boolean => {
  if (/^postgres(ql)?:\/\//.test(db)) return true
  try {
    return freemem() >= 2 * statSync(db).size
  } catch {
    return true
  }
}

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
  if (!wanted(env, availableParallelism(), loadavg()[0] ?? 0, roomFor(options.db))) return null
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
