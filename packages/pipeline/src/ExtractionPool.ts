/**
 * Extraction of many documents on worker threads, one wink model per thread, the claims returned in
 * input order; small inputs stay in this thread. A document that fails becomes an input error.
 */
import { availableParallelism } from "node:os"
import type { Worker } from "node:worker_threads"
import { Claim, type Document, type Report } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import type { Store } from "@crosscheck/store"
import { Effect } from "effect"
import * as Budget from "./Budget.js"
import * as Thread from "./Thread.js"

/**
 * A document's claims (with a note counting those dropped past its budget's caps), or the input
 * error that names it when it could not be extracted.
 */
export type Outcome =
  | { readonly claims: ReadonlyArray<Claim.Claim>; readonly note?: Report.InputError }
  | { readonly error: Report.InputError }

export type Extract = (document: Document.Document) => ReadonlyArray<Claim.Claim>

/** What a worker runs: the extractor, made once per thread. */
export type Factory = (options: Extractor.Options) => Extract

/**
 * Below this many characters in all, extraction stays in this thread. A worker took 2–3 s to start
 * under tsx (0.6 s from the CLI's bundle), loading its own model. Measured on a busy two-core machine
 * (BASIL articles, ~4,000 characters each), two workers lost at 400 and 800 articles, broke even around
 * 1,000 and won by a quarter at 2,000; on the same machine idle, at 2,000 they were 0.94 times as fast
 * as this thread (workers under tsx: `pnpm bench scale`), so the gain depends on the cores.
 */
export const MIN_CHARS = 4_000_000

export interface Options {
  /** Called after each document is extracted, in whatever order they finish. */
  readonly onProgress?: (done: number, total: number) => void
  /** Inputs with fewer characters than this stay in this thread (default MIN_CHARS). */
  readonly minChars?: number
  /** Worker threads at most (default: os.availableParallelism()). */
  readonly workers?: number
  /** Documents sent to a worker at a time (default: up to 16, so that every worker gets several batches). */
  readonly batchSize?: number
  /** A module exporting `make: Factory`, run in the workers instead of the standard extractor (tests). */
  readonly factory?: URL
  /** What one article may cost (default Budget.DEFAULT). */
  readonly budget?: Budget.Budget
}

/** The pool's options from a caller's (a run's, an ingest's): progress and budget, when given. */
export const optionsOf = (options: {
  readonly onProgress?: ((done: number, total: number) => void) | undefined
  readonly budget?: Budget.Budget | undefined
}): Options => ({
  ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  ...(options.budget ? { budget: options.budget } : {}),
})

/** @internal The protocol between the pool and its workers. */
export interface WorkerData {
  readonly entry: string
  readonly options: Extractor.Options
  readonly factory: string | null
}
/** @internal */
export interface Batch {
  readonly indices: ReadonlyArray<number>
  readonly documents: ReadonlyArray<Document.Document>
}
/** @internal */
export type Answer =
  | { readonly index: number; readonly started: true }
  | { readonly index: number; readonly json: string }
  | { readonly index: number; readonly claims: ReadonlyArray<Claim.Claim> }
  | { readonly index: number; readonly failure: string }
/** @internal */
export interface Ready {
  readonly ready: true
}

const failed = (document: Document.Document, why: string): Outcome => ({
  error: {
    path: document.origin.path,
    message: `extractor: expected claims from the article, instead ${why} (${document.origin.path}#${document.origin.index})`,
  },
})

const threw = (document: Document.Document, error: unknown): Outcome =>
  failed(document, `extraction failed: ${error instanceof Error ? error.message : String(error)}`)

/** The claims within the budget's caps, with the note that counts the rest. */
const kept = (document: Document.Document, claims: ReadonlyArray<Claim.Claim>, budget: Budget.Budget): Outcome => {
  const capped = Budget.cap(document, claims, budget)
  return capped.note ? { claims: capped.claims, note: capped.note } : { claims: capped.claims }
}

/** One document in this thread, within the budget's size and caps (the time budget needs a worker). */
export const attempt = (extract: Extract, document: Document.Document, budget: Budget.Budget): Outcome => {
  if (document.text.length > budget.chars) return { error: Budget.tooLong(document, budget) }
  try {
    return kept(document, extract(document), budget)
  } catch (error) {
    return threw(document, error)
  }
}

/** Every document in this thread, in order. */
export const inThread = (
  extract: Extract,
  documents: ReadonlyArray<Document.Document>,
  onProgress?: (done: number, total: number) => void,
  budget: Budget.Budget = Budget.DEFAULT,
): ReadonlyArray<Outcome> =>
  documents.map((document, i) => {
    const outcome = attempt(extract, document, budget)
    onProgress?.(i + 1, documents.length)
    return outcome
  })

const ENTRY = Thread.entryBeside(import.meta.url, "./internal/ExtractionWorker")

/**
 * Each worker's heap. With V8's defaults the peak memory of extracting 10,000 documents was 1.1 GB;
 * with these limits 0.8 GB, the time within this machine's noise. A document that needs more (a huge
 * one) is extracted again in this thread, whose heap is not limited.
 */
const LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 }

export interface Pool {
  /** Every document's outcome, in input order. */
  readonly outcomes: Promise<ReadonlyArray<Outcome>>
  /** Stops every worker; safe to call at any time, and more than once. */
  readonly terminate: () => Promise<void>
}

interface Slot {
  readonly worker: Worker
  ready: boolean
  /** Indices sent and not answered yet, in the order the worker takes them. */
  readonly pending: number[]
  failure: string | null
  outOfMemory: boolean
  /** The document the worker is extracting, since when, and the timer that stops it at the budget. */
  current: { readonly index: number; readonly at: number; readonly timer: NodeJS.Timeout } | null
  /** Set when the time budget stopped the worker: the document it was on and how long it had run. */
  overran: { readonly index: number; readonly ms: number } | null
}

/**
 * Starts workers over the documents. A worker that dies takes only the document it was on with it
 * (an error outcome naming it, or, if the worker ran out of memory, the document extracted here with
 * `fallback`); the rest of its batch goes to the others and a replacement starts. If no worker can
 * start at all, the documents are extracted here with `fallback`. A worker still on one document when
 * the budget's time is up is terminated: that document becomes an error saying so, the rest go on.
 */
export const start = (
  documents: ReadonlyArray<Document.Document>,
  extractorOptions: Extractor.Options,
  fallback: Extract,
  options: Options = {},
): Pool => {
  const total = documents.length
  const budget = options.budget ?? Budget.DEFAULT
  const parallelism = Math.max(1, options.workers ?? availableParallelism())
  const batchSize = Math.max(1, options.batchSize ?? Math.min(16, Math.ceil(total / (parallelism * 8))))
  const outcomes: Array<Outcome | undefined> = new Array(total)
  // Too long to extract: answered here, never sent.
  const sent = documents.flatMap((d, i) => (d.text.length > budget.chars ? [] : [i]))
  const queue: number[][] = []
  for (let i = 0; i < sent.length; i += batchSize) queue.push(sent.slice(i, i + batchSize))
  const slots = new Set<Slot>()
  // The values claims repeat (kinds, dates, a plain attribution) shared among all of this pool's.
  const share = Claim.sharer()
  let done = 0
  let closing = false
  let resolve: (value: ReadonlyArray<Outcome>) => void = () => {}
  const finished = new Promise<ReadonlyArray<Outcome>>((r) => {
    resolve = r
  })

  const settle = (index: number, outcome: Outcome) => {
    if (outcomes[index] !== undefined) return
    outcomes[index] = outcome
    done++
    options.onProgress?.(done, total)
    if (done === total) {
      closing = true
      resolve(outcomes as ReadonlyArray<Outcome>)
    }
  }

  // Keeps about two batches with each worker, so it never waits for the next one to arrive.
  const feed = (slot: Slot) => {
    while (slot.pending.length <= batchSize && queue.length > 0) {
      const indices = queue.shift() ?? []
      slot.pending.push(...indices)
      const batch: Batch = { indices, documents: indices.map((i) => documents[i] as Document.Document) }
      slot.worker.postMessage(batch)
    }
  }

  const onExit = (slot: Slot, code: number) => {
    slots.delete(slot)
    if (slot.current) clearTimeout(slot.current.timer)
    if (closing) return
    const lost = slot.pending.splice(0)
    if (slot.ready) {
      // It answers in the order sent, so the first unanswered document is the one it died on.
      const culprit = lost.shift()
      const document = culprit === undefined ? undefined : documents[culprit]
      if (culprit !== undefined && document)
        settle(
          culprit,
          slot.overran?.index === culprit
            ? { error: Budget.tooSlow(document, budget, slot.overran.ms) }
            : slot.outOfMemory
              ? attempt(fallback, document, budget)
              : failed(document, `the worker thread extracting it stopped: ${slot.failure ?? `exit code ${code}`}`),
        )
    }
    if (lost.length > 0) queue.unshift(lost)
    if (closing || queue.length === 0) return
    for (const other of slots) feed(other)
    if (slot.ready) spawn()
    else if (slots.size === 0) {
      // No worker could start (not a document's fault): do the rest here rather than not at all.
      for (const batch of queue.splice(0))
        for (const i of batch) {
          const document = documents[i]
          if (document) settle(i, attempt(fallback, document, budget))
        }
    }
  }

  const spawn = () => {
    const data: WorkerData = {
      entry: ENTRY.href,
      options: extractorOptions,
      factory: options.factory?.href ?? null,
    }
    const slot: Slot = {
      worker: Thread.start(ENTRY, { ...data }, { resourceLimits: LIMITS }),
      ready: false,
      pending: [],
      failure: null,
      outOfMemory: false,
      current: null,
      overran: null,
    }
    slots.add(slot)
    slot.worker.on("message", (message: Answer | Ready) => {
      if ("ready" in message) {
        slot.ready = true
        return
      }
      if (slot.current) clearTimeout(slot.current.timer)
      slot.current = null
      if ("started" in message) {
        const at = performance.now()
        // The worker is busy in synchronous code: only terminating it stops the work.
        const timer = setTimeout(() => {
          // The timer fires once the budget has passed by the event loop's clock, which may read a
          // millisecond short of performance.now(): the message never says less than the budget.
          slot.overran = { index: message.index, ms: Math.max(budget.timeMs, performance.now() - at) }
          void slot.worker.terminate()
        }, budget.timeMs)
        slot.current = { index: message.index, at, timer }
        return
      }
      const at = slot.pending.indexOf(message.index)
      if (at >= 0) slot.pending.splice(at, 1)
      const document = documents[message.index]
      if (!document) return
      if ("failure" in message) settle(message.index, threw(document, message.failure))
      else {
        // Parsed or cloned claims carry copies of their texts; slices of the document take less memory.
        const claims: ReadonlyArray<Claim.Claim> = "json" in message ? JSON.parse(message.json) : message.claims
        settle(message.index, kept(document, share(Claim.shareText(claims, document.text), document.id), budget))
      }
      if (!closing) feed(slot)
    })
    slot.worker.on("error", (error: Error & { code?: string }) => {
      slot.failure = error.message
      slot.outOfMemory = error.code === "ERR_WORKER_OUT_OF_MEMORY"
    })
    slot.worker.on("messageerror", (error) => {
      slot.failure = error.message
    })
    slot.worker.on("exit", (code) => onExit(slot, code))
    feed(slot)
  }

  for (let i = 0; i < total; i++) {
    const document = documents[i]
    if (document && document.text.length > budget.chars) settle(i, { error: Budget.tooLong(document, budget) })
  }
  if (total === 0) resolve([])
  else if (done < total) for (let i = 0; i < Math.min(parallelism, queue.length); i++) spawn()

  return {
    outcomes: finished,
    terminate: async () => {
      closing = true
      for (const s of slots) if (s.current) clearTimeout(s.current.timer)
      await Promise.all([...slots].map((s) => s.worker.terminate()))
      slots.clear()
    },
  }
}

/**
 * Every document's claims or error, in input order: on worker threads when the input is large
 * enough to pay for their start-up, or holds an article long enough to need the time budget
 * enforced, and the extractor is the standard one; else in this thread.
 */
export const extract = (
  documents: ReadonlyArray<Document.Document>,
  options: Options = {},
): Effect.Effect<ReadonlyArray<Outcome>, never, Extractor.Extractor> =>
  Effect.flatMap(Extractor.Extractor, (service) => {
    const chars = documents.reduce((n, d) => n + d.text.length, 0)
    const { options: extractorOptions } = service
    const budget = options.budget ?? Budget.DEFAULT
    const long = documents.some((d) => d.text.length > Budget.IN_THREAD_MAX_CHARS && d.text.length <= budget.chars)
    const large = documents.length >= 2 && chars >= (options.minChars ?? MIN_CHARS)
    if (extractorOptions === undefined || !(large || long))
      return Effect.sync(() => inThread(service.extract, documents, options.onProgress, budget))
    return Effect.acquireUseRelease(
      Effect.sync(() => start(documents, extractorOptions, service.extract, options)),
      (pool) => Effect.promise(() => pool.outcomes),
      (pool) => Effect.promise(() => pool.terminate()),
    )
  })

/** The documents that were extracted, with their claims, and an input error for each that was not. */
export interface Partitioned {
  readonly extracted: ReadonlyArray<Store.Extracted>
  readonly errors: ReadonlyArray<Report.InputError>
}

/** `extract`, then `partition`: what every caller that does not report document by document needs. */
export const extractAll = (
  documents: ReadonlyArray<Document.Document>,
  options: Options = {},
): Effect.Effect<Partitioned, never, Extractor.Extractor> =>
  Effect.map(extract(documents, options), (outcomes) => partition(documents, outcomes))

export const partition = (
  documents: ReadonlyArray<Document.Document>,
  outcomes: ReadonlyArray<Outcome>,
): Partitioned => {
  const extracted: Store.Extracted[] = []
  const errors: Report.InputError[] = []
  documents.forEach((document, i) => {
    const outcome = outcomes[i]
    if (outcome && "claims" in outcome) {
      extracted.push({ document, claims: outcome.claims })
      if (outcome.note) errors.push(outcome.note)
    } else if (outcome) errors.push(outcome.error)
  })
  return { extracted, errors }
}
