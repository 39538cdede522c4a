/**
 * Work shared by many processes through a PostgreSQL store's queue: `enqueue` stores documents and
 * queues their work; `work` takes jobs (extract a document, plan a batch, align a story, commit the batch).
 */
import { type AlignedGroup, type Claim, type Report, type StoreError, UsageError } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import { Inputs } from "@crosscheck/sources"
import { Location, Queue, Store } from "@crosscheck/store"
import { Effect, Layer, Schedule } from "effect"
import * as Budget from "./Budget.js"
import * as ExtractionPool from "./ExtractionPool.js"
import * as Incremental from "./Incremental.js"
import * as Ingest from "./Ingest.js"
import * as Pipeline from "./Pipeline.js"
import * as StoryAlignment from "./StoryAlignment.js"

export interface Enqueued {
  /** Documents queued now (not already stored, nor already waiting in the queue). */
  readonly queued: number
  /** Documents of the inputs already stored or already queued. */
  readonly skipped: number
  /** Inputs that could not be read; nothing of theirs is queued. */
  readonly errors: ReadonlyArray<Report.InputError>
}

/** `crosscheck enqueue`: reads the paths and queues every document the store does not hold yet. */
export const enqueue = (
  paths: ReadonlyArray<string>,
  options: { readonly asOf?: string | null } = {},
): Effect.Effect<Enqueued, UsageError | StoreError, Store.Store | Queue.Queue> =>
  Effect.gen(function* () {
    const read = yield* Inputs.read(paths, { asOf: options.asOf ?? null })
    const { fresh } = yield* Ingest.unstored(read.documents)
    const queue = yield* Queue.Queue
    const { queued } = yield* queue.enqueue(
      fresh.map((document) => ({
        document,
        hash: Store.contentHash(document),
        input: JSON.stringify(paths),
        asOf: options.asOf ?? null,
      })),
    )
    return { queued, skipped: read.documents.length - queued, errors: read.errors }
  })

export interface Options {
  /** How long a job stays this worker's without word from it (default 120 s); a killed worker's job is then retaken. */
  readonly leaseMs?: number
  /**
   * Stop once no job is queued, waiting or held by any worker (default: wait for more). A killed worker's
   * job is held until its lease runs out, then taken again, up to Queue.MAX_ATTEMPTS takes in all (then
   * given up); given-up jobs do not count.
   */
  readonly exitWhenIdle?: boolean
  /** How long to wait before looking again when there is nothing to take (default 250 ms). */
  readonly pollMs?: number
  readonly budget?: Budget.Budget
  /** Told after each job, with what became of it. */
  readonly onJob?: (job: Queue.Job, result: Result) => void
  /** Told of each article a stored batch left out or cut (its run's errors: why, and its file), as `run` lists them. */
  readonly onError?: (error: Report.InputError) => void
  /**
   * Told when the worker starts how many stored documents it queued to extract again (an older extractor
   * made their claims), and after each reextract job how many stored documents are still stale.
   */
  readonly onStale?: (progress: { readonly queued: number } | { readonly left: number }) => void
}

export const DEFAULT_LEASE_MS = 120_000

/** What became of a job: done; lost (its lease ran out and another worker took it, so this result is dropped); failed. */
export type Result = "done" | "lost" | "failed"

export interface Summary {
  readonly done: number
  readonly lost: number
  readonly failed: number
}

/** One extract job: the document's claims (or why it has none), recorded only if the job is still ours. */
const extractJob = (job: Queue.Job, budget: Budget.Budget) =>
  Effect.gen(function* () {
    const queue = yield* Queue.Queue
    const queued = yield* queue.document(job)
    // Stored meanwhile (enqueued again after a run stored it): nothing left to extract.
    if (queued === null) return yield* queue.extracted(job, { claims: [] })
    const [outcome] = yield* ExtractionPool.extract([queued.document], { budget })
    return yield* queue.extracted(job, outcome ?? { claims: [] })
  })

/**
 * One reextract job: a stored document's claims by this extractor, recorded only if the job is still
 * ours; the commit job after it replaces the stored claims with them.
 */
const reextractJob = (job: Queue.Job, budget: Budget.Budget) =>
  Effect.gen(function* () {
    const queue = yield* Queue.Queue
    const document = yield* queue.storedDocument(job, Extractor.VERSION)
    // Extracted again and committed meanwhile, or no longer stored: nothing to do.
    if (document === null) return yield* queue.extractedAgain(job, Extractor.VERSION, { claims: [] })
    const [outcome] = yield* ExtractionPool.extract([document], { budget })
    return yield* queue.extractedAgain(job, Extractor.VERSION, outcome ?? { claims: [] })
  })

/**
 * The batch the queue's extracted documents make, with the stored documents extracted again: what a
 * run over them would commit, and the hashes it leaves out.
 */
const batchOf = (
  ready: ReadonlyArray<Queue.Extracted>,
  again: ReadonlyArray<Queue.Reextracted> = [],
): { readonly input: Store.RunInput; readonly dropped: string[] } => {
  const extracted: Store.Extracted[] = []
  const errors: Report.InputError[] = []
  const dropped: string[] = []
  for (const r of ready) {
    if ("claims" in r.outcome) {
      extracted.push({ document: r.document, claims: r.outcome.claims })
      if (r.outcome.note) errors.push(r.outcome.note)
    } else {
      // Not stored, as in a run: enqueueing it again tries it again.
      errors.push(r.outcome.error)
      dropped.push(r.hash)
    }
  }
  const asOfs = new Set(ready.map((r) => r.asOf))
  const reextracted: Store.Extracted[] = []
  const notReextracted: Array<Queue.Reextracted["document"]> = []
  for (const r of again) {
    if ("claims" in r.outcome) reextracted.push({ document: r.document, claims: r.outcome.claims })
    else {
      // Its old claims stay stored but out of every finding until it is extracted again.
      errors.push(r.outcome.error)
      notReextracted.push(r.document)
    }
  }
  return {
    input: {
      startedAt: new Date(),
      asOf: asOfs.size === 1 ? (ready[0]?.asOf ?? null) : null,
      inputs: [...new Set(ready.flatMap((r) => JSON.parse(r.input) as string[]))],
      errors,
      extracted,
      // Workers extract with this crosscheck's extractor: its claims are not stale to the next run.
      extractorVersion: Extractor.VERSION,
      reextracted,
      notReextracted,
    },
    dropped,
  }
}

/** Thrown by a planning analysis to stop the commit before it aligns or writes anything. */
class Planned {
  constructor(readonly stories: ReadonlyArray<StoryAlignment.StoryInput>) {}
}

/**
 * The analyse job plans the batch: the store's own commit runs up to its analysis (reading, placing the
 * new documents in stories, finding the stories they touch) and stops there; each story it would align
 * becomes an align job, which workers share, and a commit job follows them.
 */
const analyseJob = (job: Queue.Job) =>
  Effect.gen(function* () {
    const queue = yield* Queue.Queue
    const store = yield* Store.Store
    const ready = yield* queue.ready()
    const again = yield* queue.reextracted(Extractor.VERSION)
    if (ready.length === 0 && again.length === 0) return yield* queue.analysed(job, [])
    const planning: Store.Incremental = {
      ...Incremental.make(),
      analyse: (documents, claims) => {
        throw new Planned(Pipeline.storyInputs(documents, claims, true))
      },
      analyseAll: (documents, claims) => {
        throw new Planned(Pipeline.storyInputs(documents, claims, false))
      },
    }
    const stories = yield* store.commit(batchOf(ready, again).input, planning).pipe(
      Effect.as([] as ReadonlyArray<StoryAlignment.StoryInput>),
      Effect.catchAllDefect((d) => (d instanceof Planned ? Effect.succeed(d.stories) : Effect.die(d))),
    )
    return yield* queue.planned(
      job,
      stories.map((input) => ({ key: StoryAlignment.inputKey(input), input: JSON.stringify(input) })),
    )
  })

/** A group as an align job stores it: its claims by id and quantity index, so the commit rebuilds it from its own claims. */
interface StoredGroup extends Omit<AlignedGroup.AlignedGroup, "members"> {
  readonly members: ReadonlyArray<{ readonly claimId: string; readonly quantity: number | null }>
}

/** An align job's result: its story's groups, and its blocks split or left out (counted in the commit's report). */
interface StoredAlignment {
  readonly groups: ReadonlyArray<StoredGroup>
  readonly blocks: StoryAlignment.Aligned["blocks"]
}

const toStoredGroup = (g: AlignedGroup.AlignedGroup): StoredGroup => ({
  ...g,
  members: g.members.map((m) => ({
    claimId: m.claim.id,
    quantity: m.quantity ? m.claim.quantities.indexOf(m.quantity) : null,
  })),
})

/** The groups back over the commit's claims; undefined (align it again) if any member cannot be found. */
const fromStoredGroups = (
  stored: ReadonlyArray<StoredGroup>,
  claims: ReadonlyArray<Claim.Claim>,
): ReadonlyArray<AlignedGroup.AlignedGroup> | undefined => {
  const byId = new Map(claims.map((c) => [c.id as string, c]))
  const groups: AlignedGroup.AlignedGroup[] = []
  for (const g of stored) {
    const members: AlignedGroup.Member[] = []
    for (const m of g.members) {
      const claim = byId.get(m.claimId)
      const quantity = m.quantity === null ? null : claim?.quantities[m.quantity]
      if (!claim || quantity === undefined) return undefined
      members.push({ claim, quantity })
    }
    groups.push({ ...g, members })
  }
  return groups
}

/** An align job: one story of a plan, aligned as the analysis would align it. */
const alignJob = (job: Queue.Job) =>
  Effect.gen(function* () {
    const queue = yield* Queue.Queue
    const input = yield* queue.alignment(job)
    if (input === null) return yield* queue.aligned(job, "null")
    const blocks = { split: 0, skipped: 0 }
    const groups = StoryAlignment.alignStory(JSON.parse(input) as StoryAlignment.StoryInput, {
      onBlocks: (stats) => {
        blocks.split += stats.split
        blocks.skipped += stats.skipped
      },
    })
    const stored: StoredAlignment = { groups: groups.map(toStoredGroup), blocks }
    return yield* queue.aligned(job, JSON.stringify(stored))
  })

/**
 * The commit job: every extracted document is stored in one batch, through the same commit as `run`
 * (read, analyse the stories it touches outside any transaction, one short write that re-checks), with
 * the stories the align jobs aligned used as they are; any other story (the store moved on) is aligned here.
 */
const commitJob = (job: Queue.Job, onError: Options["onError"]) =>
  Effect.gen(function* () {
    const queue = yield* Queue.Queue
    const store = yield* Store.Store
    const ready = yield* queue.ready()
    const again = yield* queue.reextracted(Extractor.VERSION)
    const aligned = yield* queue.alignments(job)
    const { input, dropped } = batchOf(ready, again)
    if (ready.length > 0 || again.length > 0)
      yield* store.commit(
        input,
        Incremental.make(undefined, undefined, (story) => {
          const stored = aligned.get(StoryAlignment.inputKey(story))
          const parsed: StoredAlignment | null = stored === undefined ? null : JSON.parse(stored)
          const groups = parsed ? fromStoredGroups(parsed.groups, story.claims) : undefined
          return parsed && groups ? { groups, blocks: parsed.blocks } : undefined
        }),
      )
    const ours = yield* queue.analysed(job, dropped)
    if (ours) for (const e of input.errors) onError?.(e)
    return ours
  })

/** Runs one job while renewing its lease; a throw gives it back to the queue (given up after Queue.MAX_ATTEMPTS). */
const runJob = (
  job: Queue.Job,
  leaseMs: number,
  budget: Budget.Budget,
  onError: Options["onError"],
): Effect.Effect<Result, StoreError, Extractor.Extractor | Store.Store | Queue.Queue> =>
  Effect.gen(function* () {
    const queue = yield* Queue.Queue
    const renew = yield* Effect.fork(
      Effect.repeat(queue.extend(job, leaseMs), Schedule.spaced(Math.max(50, Math.floor(leaseMs / 3)))),
    )
    const work: Effect.Effect<boolean, StoreError, Extractor.Extractor | Store.Store | Queue.Queue> =
      job.kind === "extract"
        ? extractJob(job, budget)
        : job.kind === "reextract"
          ? reextractJob(job, budget)
          : job.kind === "align"
            ? alignJob(job)
            : job.kind === "commit"
              ? commitJob(job, onError)
              : analyseJob(job)
    const result: Result = yield* work.pipe(
      Effect.map((ours): Result => (ours ? "done" : "lost")),
      Effect.catchAllCause((cause) => Effect.as(queue.failed(job, String(cause).slice(0, 2000)), "failed" as Result)),
      Effect.ensuring(Effect.ignore(renew.interruptAsFork(renew.id()))),
    )
    return result
  })

/** `crosscheck worker`: takes jobs until stopped (or, with exitWhenIdle, until none is left). */
export const work = (
  options: Options = {},
): Effect.Effect<Summary, StoreError, Extractor.Extractor | Store.Store | Queue.Queue> =>
  Effect.gen(function* () {
    const queue = yield* Queue.Queue
    const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS
    const budget = options.budget ?? Budget.DEFAULT
    const counts: Record<Result, number> = { done: 0, lost: 0, failed: 0 }
    // A store an older extractor filled is brought up to date by workers, a job per document: one cut
    // short (a worker killed) resumes from what was recorded, as every worker queues what is left.
    const stale = yield* queue.queueStale(Extractor.VERSION)
    if (stale > 0) options.onStale?.({ queued: stale })
    for (;;) {
      const job = yield* queue.take(leaseMs)
      if (job === null) {
        // Jobs held by other workers may still come back (a killed worker's, once its lease runs out).
        if (options.exitWhenIdle && (yield* queue.counts()).queued === 0) return counts
        yield* Effect.sleep(options.pollMs ?? 250)
        continue
      }
      const result = yield* runJob(job, leaseMs, budget, options.onError)
      counts[result]++
      options.onJob?.(job, result)
      if (job.kind === "reextract" || (job.kind === "commit" && stale > 0))
        options.onStale?.({ left: yield* queue.staleCount(Extractor.VERSION) })
    }
  })

/** Why `db` cannot hold a queue (it is not a PostgreSQL URL: a SQLite file has no workers), or null. */
export const notQueueable = (db: string): UsageError | null =>
  Location.isPostgres(db)
    ? null
    : new UsageError({
        reason: "bad-value",
        message: `crosscheck: expected --db to be a PostgreSQL database (postgres://user@host:port/name) to queue work for workers, instead found ${JSON.stringify(db)}; a SQLite store is checked by \`crosscheck run\``,
      })

/** The queue of the store `db` names, which must be a PostgreSQL one. */
export const queueLayer = (options: {
  readonly db: string
  readonly busyTimeoutMs?: number
}): Layer.Layer<Queue.Queue, StoreError | UsageError> => {
  const refused = notQueueable(options.db)
  return refused
    ? Layer.fail(refused)
    : Queue.layer({ url: options.db, busyTimeoutMs: options.busyTimeoutMs ?? Store.DEFAULT_BUSY_TIMEOUT_MS })
}

/** What `enqueue` needs: the store and its queue. */
export const enqueueLayer = (
  options: Ingest.StoreOptions,
): Layer.Layer<Store.Store | Queue.Queue, StoreError | UsageError> =>
  Layer.merge(queueLayer(options), Ingest.storeLayer(options))

/** What a worker needs: the extractor with its model, the store and its queue. */
export const layer = (
  options: Ingest.StoreOptions & { readonly asOf?: string | null },
): Layer.Layer<Extractor.Extractor | Store.Store | Queue.Queue, StoreError | UsageError> =>
  Layer.merge(queueLayer(options), Ingest.layer(options))
