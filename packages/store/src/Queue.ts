/**
 * The job queue on a PostgreSQL store: documents waiting to be stored, an extract job for each and an
 * analyse job after them, taken by workers with FOR UPDATE SKIP LOCKED under a lease that expires.
 */

import { randomUUID } from "node:crypto"
import { hostname } from "node:os"
import type { Claim, Document, Report, StoreError } from "@crosscheck/domain"
import { Context, Effect, Layer, type Scope } from "effect"
import type pg from "pg"
import { records } from "./internal/Recordset.js"
import * as Rows from "./internal/Rows.js"
import * as Location from "./Location.js"
import * as Postgres from "./Postgres.js"

/** A document's extraction: its claims (with a note counting those dropped past its caps), or why it failed. */
export type Outcome =
  | { readonly claims: ReadonlyArray<Claim.Claim>; readonly note?: Report.InputError }
  | { readonly error: Report.InputError }

/**
 * extract: one document's claims. reextract: a stored document's claims by this extractor version, when an
 * older one made them. analyse: plans the batch of what is extracted (which stories it aligns).
 * align: one story of a plan. commit: stores the batch through the store's commit, with the plan's alignments.
 */
export type Kind = "extract" | "reextract" | "analyse" | "align" | "commit"

/** A job a worker holds until its lease runs out; `token` proves it still holds it when it finishes. */
export interface Job {
  readonly id: string
  readonly kind: Kind
  /**
   * extract: the document's content hash; reextract: the stored document's id; align: "<plan> <story key>";
   * commit: its plan (the analyse job's id).
   */
  readonly key: string
  readonly attempts: number
  readonly token: string
}

export interface Queued {
  readonly document: Document.Document
  readonly hash: string
  readonly input: string
  readonly asOf: string | null
}

/** A queued document with its extraction done, waiting for the analyse job that stores it. */
export interface Extracted extends Queued {
  readonly outcome: Outcome
}

/** A stored document extracted again by a worker, waiting for the commit job that replaces its claims. */
export interface Reextracted {
  readonly document: Document.Document
  readonly outcome: Outcome
}

export interface Counts {
  /** Jobs not yet done, taken or not. */
  readonly queued: number
  readonly done: number
  readonly failed: number
}

/** A job that failed this many times is given up (state failed, with its error), not taken again. */
export const MAX_ATTEMPTS = 3

export interface Service {
  /** Queues the documents (each once, whatever is already queued) with an extract job each, and an analyse job. */
  readonly enqueue: (documents: ReadonlyArray<Queued>) => Effect.Effect<{ readonly queued: number }, StoreError>
  /**
   * The oldest job nobody holds, now held by this worker for `leaseMs`; null when there is none to take.
   * A job whose lease ran out on its MAX_ATTEMPTS-th take (its worker stopped each time) is given up first,
   * an extract job's article with it, as `failed` gives up a job that throws.
   */
  readonly take: (leaseMs: number) => Effect.Effect<Job | null, StoreError>
  /** Extends the lease; false when it was lost (expired and taken by another worker). */
  readonly extend: (job: Job, leaseMs: number) => Effect.Effect<boolean, StoreError>
  /** The queued document an extract job is about; null when it has been stored meanwhile. */
  readonly document: (job: Job) => Effect.Effect<Queued | null, StoreError>
  /** Records the extraction and finishes the job in one transaction, only if the job is still this worker's. */
  readonly extracted: (job: Job, outcome: Outcome) => Effect.Effect<boolean, StoreError>
  /**
   * Queues a reextract job for each stored document whose claims another extractor version made (and
   * that is not extracted again by this one already, nor queued), and an analyse job after them: the
   * number queued. Any worker may call it at any time; a re-extraction cut short resumes where it stopped.
   */
  readonly queueStale: (extractorVersion: string) => Effect.Effect<number, StoreError>
  /** The stored document a reextract job is about; null when it is gone or no longer stale. */
  readonly storedDocument: (job: Job, extractorVersion: string) => Effect.Effect<Document.Document | null, StoreError>
  /** Records a re-extraction and finishes the job in one transaction, only if the job is still this worker's. */
  readonly extractedAgain: (job: Job, extractorVersion: string, outcome: Outcome) => Effect.Effect<boolean, StoreError>
  /** The stored documents extracted again by `extractorVersion` and not yet committed, in the order they were stored. */
  readonly reextracted: (extractorVersion: string) => Effect.Effect<ReadonlyArray<Reextracted>, StoreError>
  /** How many stored documents another extractor version made the claims of, not yet extracted again by this one. */
  readonly staleCount: (extractorVersion: string) => Effect.Effect<number, StoreError>
  /** Every queued document whose extraction is done, in the order they were queued. */
  readonly ready: () => Effect.Effect<ReadonlyArray<Extracted>, StoreError>
  /**
   * Finishes a commit job (or an analyse job with nothing to plan): drops the queued documents now stored or
   * given up (`dropped`, by hash) and the plan's alignments, and queues another analyse job if documents are
   * still waiting. False when the job was no longer this worker's.
   */
  readonly analysed: (job: Job, dropped: ReadonlyArray<string>) => Effect.Effect<boolean, StoreError>
  /**
   * Finishes an analyse job with its plan: the stories to align (key and input, as JSON), an align job
   * for each and a commit job after them. False when the job was no longer this worker's.
   */
  readonly planned: (
    job: Job,
    stories: ReadonlyArray<{ readonly key: string; readonly input: string }>,
  ) => Effect.Effect<boolean, StoreError>
  /** An align job's story input (JSON); null when its plan is gone. */
  readonly alignment: (job: Job) => Effect.Effect<string | null, StoreError>
  /** Records an align job's groups (JSON) and finishes it, only if the job is still this worker's. */
  readonly aligned: (job: Job, groups: string) => Effect.Effect<boolean, StoreError>
  /** The groups aligned for a commit job's plan, by story key. */
  readonly alignments: (job: Job) => Effect.Effect<ReadonlyMap<string, string>, StoreError>
  /**
   * Gives the job back after a failure, or gives it up after MAX_ATTEMPTS; an extract job given up
   * leaves its article extracted with that error, as one that could not be extracted.
   */
  readonly failed: (job: Job, error: string) => Effect.Effect<void, StoreError>
  readonly counts: () => Effect.Effect<Counts, StoreError>
  /** Who this worker is in `jobs.leased_by`: host and process. */
  readonly worker: string
}

export class Queue extends Context.Tag("@crosscheck/store/Queue")<Queue, Service>() {}

interface JobRow {
  id: string
  kind: Kind
  key: string
  attempts: number
  lease_token: string
}

const toJob = (r: JobRow): Job => ({ id: r.id, kind: r.kind, key: r.key, attempts: r.attempts, token: r.lease_token })

const toQueued = (r: { document: string; content_hash: string; input: string; as_of: string | null }): Queued => ({
  document: JSON.parse(r.document),
  hash: r.content_hash,
  input: r.input,
  asOf: r.as_of,
})

/**
 * The job to take: the oldest nobody holds (never leased, or its lease ran out: its worker died); an analyse
 * or commit job only once the extract and align jobs queued before it are done. SKIP LOCKED: two workers
 * never wait on each other.
 */
const TAKE = `
  UPDATE jobs SET attempts = attempts + 1, lease_token = $1, leased_by = $2,
    leased_until = clock_timestamp() + $3 * interval '1 millisecond'
  WHERE id = (
    SELECT j.id FROM jobs j
    WHERE j.state = 'queued' AND (j.leased_until IS NULL OR j.leased_until < clock_timestamp())
      AND (j.kind IN ('extract', 'reextract', 'align') OR NOT EXISTS (
        SELECT 1 FROM jobs e WHERE e.kind IN ('extract', 'reextract', 'align') AND e.state = 'queued' AND e.id < j.id))
    ORDER BY j.id
    FOR UPDATE SKIP LOCKED
    LIMIT 1)
  RETURNING id::text, kind, key, attempts, lease_token`

/**
 * Jobs whose lease ran out on their last allowed take (`$1`, MAX_ATTEMPTS): their worker stopped
 * holding them that many times (killed, out of memory, its machine gone). Given up rather than taken
 * again, so a job that kills every worker that takes it does not go round forever; the others are left
 * to TAKE. SKIP LOCKED: a job another worker is taking is left to it.
 */
const ABANDONED = `
  UPDATE jobs SET state = 'failed', finished_at = now(), leased_until = NULL, lease_token = NULL,
    error = 'its worker stopped holding it on each of its ' || attempts || ' takes (killed, or out of memory)'
  WHERE id IN (
    SELECT id FROM jobs
    WHERE state = 'queued' AND attempts >= $1 AND leased_until < clock_timestamp()
    FOR UPDATE SKIP LOCKED)
  RETURNING kind, key, attempts`

/**
 * A given-up extraction is its article's outcome, as an article that cannot be extracted is: the next
 * batch names it in its run's errors and drops it from the queue (enqueueing it again tries it again).
 * Left without one, the article would wait for an extraction that never comes, and each analyse job
 * would queue another for it. `why` says what became of the job ("failed 3 times, the last with ...").
 */
const extractionGivenUp = async (c: pg.PoolClient, hash: string, why: string): Promise<void> => {
  const rows = await c.query<{ document: string }>(
    "SELECT document FROM queued_documents WHERE content_hash = $1 AND outcome IS NULL",
    [hash],
  )
  const row = rows.rows[0]
  if (!row) return
  const { origin } = JSON.parse(row.document) as Pick<Document.Document, "origin">
  const outcome: Outcome = {
    error: {
      path: origin.path,
      message: `worker: expected claims from the article, instead its extract job ${why} (${origin.path}#${origin.index})`,
    },
  }
  await c.query("UPDATE queued_documents SET outcome = $2 WHERE content_hash = $1", [hash, JSON.stringify(outcome)])
}

/** The queue over a pool; each operation is one transaction. */
export const fromPool = (pool: pg.Pool, url: string): Service => {
  const worker = `${hostname()}:${process.pid}`
  const attempt = <A>(f: () => Promise<A>): Effect.Effect<A, StoreError> =>
    Effect.tryPromise({ try: f, catch: (e) => Postgres.toStoreError(url, e) })
  const inTransaction = <A>(f: (c: pg.PoolClient) => Promise<A | null>): Promise<A | null> =>
    Postgres.transaction(pool, "queue", f)
  /** Marks the job done if this worker still holds it; the caller's transaction rolls back otherwise. */
  const finish = async (c: pg.PoolClient, job: Job): Promise<boolean> =>
    ((
      await c.query(
        "UPDATE jobs SET state = 'done', finished_at = now(), leased_until = NULL WHERE id = $1 AND lease_token = $2 AND state = 'queued'",
        [job.id, job.token],
      )
    ).rowCount ?? 0) === 1

  return {
    worker,
    enqueue: (documents) =>
      attempt(async () => {
        const queued = await inTransaction(async (c) => {
          const now = new Date().toISOString()
          const added = await c.query<{ content_hash: string }>(
            `INSERT INTO queued_documents (content_hash, document, input, as_of, enqueued_at)
             SELECT h, d, i, a, $2 FROM ROWS FROM (json_to_recordset($1::json) AS (h text, d text, i text, a text))
               WITH ORDINALITY AS t(h, d, i, a, n)
             ORDER BY n
             ON CONFLICT (content_hash) DO NOTHING
             RETURNING content_hash`,
            [records(documents.map((d) => ({ h: d.hash, d: JSON.stringify(d.document), i: d.input, a: d.asOf }))), now],
          )
          const hashes = new Set(added.rows.map((r) => r.content_hash))
          // In input order, so workers take them as a run would extract them.
          const order = [...new Set(documents.map((d) => d.hash))].filter((h) => hashes.has(h))
          await c.query(
            `INSERT INTO jobs (kind, key) SELECT 'extract', h FROM unnest($1::text[]) WITH ORDINALITY AS t(h, n) ORDER BY n
             ON CONFLICT (kind, key) WHERE state = 'queued' DO NOTHING`,
            [order],
          )
          await c.query(
            "INSERT INTO jobs (kind, key) VALUES ('analyse', 'store') ON CONFLICT (kind, key) WHERE state = 'queued' DO NOTHING",
          )
          return order.length
        })
        return { queued: queued ?? 0 }
      }),
    take: (leaseMs) =>
      attempt(async () => {
        await inTransaction(async (c) => {
          const stopped = await c.query<{ kind: string; key: string; attempts: number }>(ABANDONED, [MAX_ATTEMPTS])
          for (const job of stopped.rows)
            if (job.kind === "extract")
              await extractionGivenUp(
                c,
                job.key,
                `was taken ${job.attempts} times and its worker stopped each time before finishing it (killed, or out of memory)`,
              )
          return null
        })
        const rows = await pool.query<JobRow>(TAKE, [randomUUID(), worker, leaseMs])
        const row = rows.rows[0]
        return row ? toJob(row) : null
      }),
    extend: (job, leaseMs) =>
      attempt(
        async () =>
          ((
            await pool.query(
              `UPDATE jobs SET leased_until = clock_timestamp() + $3 * interval '1 millisecond'
               WHERE id = $1 AND lease_token = $2 AND state = 'queued'`,
              [job.id, job.token, leaseMs],
            )
          ).rowCount ?? 0) === 1,
      ),
    document: (job) =>
      attempt(async () => {
        const rows = await pool.query("SELECT * FROM queued_documents WHERE content_hash = $1", [job.key])
        return rows.rows[0] ? toQueued(rows.rows[0]) : null
      }),
    extracted: (job, outcome) =>
      attempt(async () => {
        const done = await inTransaction(async (c) => {
          if (!(await finish(c, job))) return null
          await c.query("UPDATE queued_documents SET outcome = $2 WHERE content_hash = $1", [
            job.key,
            JSON.stringify(outcome),
          ])
          return true
        })
        return done === true
      }),
    queueStale: (version) =>
      attempt(async () => {
        const queued = await inTransaction(async (c) => {
          const added = await c.query(
            `INSERT INTO jobs (kind, key)
             SELECT 'reextract', d.id FROM documents d
             WHERE d.extractor_version IS DISTINCT FROM $1
               AND NOT EXISTS (SELECT 1 FROM reextractions r WHERE r.document_id = d.id AND r.extractor_version = $1)
             ORDER BY d.seq
             ON CONFLICT (kind, key) WHERE state = 'queued' DO NOTHING`,
            [version],
          )
          const n = added.rowCount ?? 0
          // Also when all were extracted again before a worker stopped: the commit is what is left to do.
          await c.query(
            `INSERT INTO jobs (kind, key) SELECT 'analyse', 'store'
             WHERE $1::int > 0 OR EXISTS (SELECT 1 FROM reextractions r JOIN documents d ON d.id = r.document_id
               WHERE r.extractor_version = $2 AND d.extractor_version IS DISTINCT FROM $2)
             ON CONFLICT (kind, key) WHERE state = 'queued' DO NOTHING`,
            [n, version],
          )
          return n
        })
        return queued ?? 0
      }),
    storedDocument: (job, version) =>
      attempt(async () => {
        const rows = await pool.query<Rows.DocumentRow>(
          "SELECT * FROM documents WHERE id = $1 AND extractor_version IS DISTINCT FROM $2",
          [job.key, version],
        )
        return rows.rows[0] ? Rows.toDocument(rows.rows[0]) : null
      }),
    extractedAgain: (job, version, outcome) =>
      attempt(async () => {
        const done = await inTransaction(async (c) => {
          if (!(await finish(c, job))) return null
          await c.query(
            `INSERT INTO reextractions (document_id, extractor_version, outcome) VALUES ($1, $2, $3)
             ON CONFLICT (document_id) DO UPDATE SET extractor_version = excluded.extractor_version, outcome = excluded.outcome`,
            [job.key, version, JSON.stringify(outcome)],
          )
          return true
        })
        return done === true
      }),
    reextracted: (version) =>
      attempt(async () =>
        (
          await pool.query<Rows.DocumentRow & { outcome: string }>(
            `SELECT d.*, r.outcome FROM reextractions r JOIN documents d ON d.id = r.document_id
             WHERE r.extractor_version = $1 AND d.extractor_version IS DISTINCT FROM $1 ORDER BY d.seq`,
            [version],
          )
        ).rows.map((r) => ({ document: Rows.toDocument(r), outcome: JSON.parse(r.outcome) as Outcome })),
      ),
    staleCount: (version) =>
      attempt(
        async () =>
          (
            await pool.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM documents d WHERE d.extractor_version IS DISTINCT FROM $1
                 AND NOT EXISTS (SELECT 1 FROM reextractions r WHERE r.document_id = d.id AND r.extractor_version = $1)`,
              [version],
            )
          ).rows[0]?.n ?? 0,
      ),
    ready: () =>
      attempt(async () =>
        (await pool.query("SELECT * FROM queued_documents WHERE outcome IS NOT NULL ORDER BY seq")).rows.map((r) => ({
          ...toQueued(r),
          outcome: JSON.parse(r.outcome) as Outcome,
        })),
      ),
    analysed: (job, dropped) =>
      attempt(async () => {
        const done = await inTransaction(async (c) => {
          if (!(await finish(c, job))) return null
          await c.query(
            `DELETE FROM queued_documents q WHERE q.content_hash = ANY($1::text[])
               OR EXISTS (SELECT 1 FROM documents d WHERE d.content_hash = q.content_hash)`,
            [[...dropped]],
          )
          if (job.kind === "commit") await c.query("DELETE FROM alignments WHERE plan = $1", [job.key])
          // Re-extractions now stored (their documents carry that version), or given up (tried again when queued again).
          await c.query(
            `DELETE FROM reextractions r WHERE r.outcome LIKE '{"error"%' OR EXISTS (
               SELECT 1 FROM documents d WHERE d.id = r.document_id AND d.extractor_version = r.extractor_version)`,
          )
          // Documents queued while this job ran are stored by the next one.
          await c.query(
            `INSERT INTO jobs (kind, key) SELECT 'analyse', 'store' WHERE EXISTS (SELECT 1 FROM queued_documents)
             ON CONFLICT (kind, key) WHERE state = 'queued' DO NOTHING`,
          )
          return true
        })
        return done === true
      }),
    planned: (job, stories) =>
      attempt(async () => {
        const done = await inTransaction(async (c) => {
          if (!(await finish(c, job))) return null
          await c.query(
            `INSERT INTO alignments (plan, key, input)
             SELECT $1, * FROM json_to_recordset($2::json) AS r(key text, input text) ON CONFLICT DO NOTHING`,
            [job.id, records(stories.map((x) => ({ key: x.key, input: x.input })))],
          )
          await c.query(
            `INSERT INTO jobs (kind, key) SELECT 'align', $1 || ' ' || k FROM unnest($2::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n
             ON CONFLICT (kind, key) WHERE state = 'queued' DO NOTHING`,
            [job.id, stories.map((x) => x.key)],
          )
          await c.query("INSERT INTO jobs (kind, key) VALUES ('commit', $1)", [job.id])
          return true
        })
        return done === true
      }),
    alignment: (job) =>
      attempt(async () => {
        const [plan, key] = job.key.split(" ")
        const rows = await pool.query<{ input: string }>("SELECT input FROM alignments WHERE plan = $1 AND key = $2", [
          plan,
          key,
        ])
        return rows.rows[0]?.input ?? null
      }),
    aligned: (job, groups) =>
      attempt(async () => {
        const [plan, key] = job.key.split(" ")
        const done = await inTransaction(async (c) => {
          if (!(await finish(c, job))) return null
          await c.query("UPDATE alignments SET groups = $3 WHERE plan = $1 AND key = $2", [plan, key, groups])
          return true
        })
        return done === true
      }),
    alignments: (job) =>
      attempt(async () => {
        const rows = await pool.query<{ key: string; groups: string }>(
          "SELECT key, groups FROM alignments WHERE plan = $1 AND groups IS NOT NULL",
          [job.key],
        )
        return new Map(rows.rows.map((r) => [r.key, r.groups]))
      }),
    failed: (job, error) =>
      attempt(async () => {
        await inTransaction(async (c) => {
          const given = await c.query<{ state: string }>(
            // The token goes with the lease: the renewal the worker forked beside the job may land after
            // this, and must not find the job its own again and hold it for a whole lease.
            `UPDATE jobs SET leased_until = NULL, lease_token = NULL, error = $3,
               state = CASE WHEN attempts >= $4 THEN 'failed' ELSE 'queued' END,
               finished_at = CASE WHEN attempts >= $4 THEN now() END
             WHERE id = $1 AND lease_token = $2 AND state = 'queued'
             RETURNING state`,
            [job.id, job.token, error, MAX_ATTEMPTS],
          )
          if (job.kind !== "extract" || given.rows[0]?.state !== "failed") return null
          await extractionGivenUp(c, job.key, `failed ${job.attempts} times, the last with ${error.split("\n")[0]}`)
          return null
        })
      }),
    counts: () =>
      attempt(async () => {
        const rows = await pool.query<{ state: string; n: number }>(
          "SELECT state, count(*)::int AS n FROM jobs GROUP BY state",
        )
        const of = (state: string) => rows.rows.find((r) => r.state === state)?.n ?? 0
        return { queued: of("queued"), done: of("done"), failed: of("failed") }
      }),
  }
}

/** The queue of the PostgreSQL store at `url`, for the scope's lifetime (its own two connections). */
export const make = (options: {
  readonly url: string
  readonly busyTimeoutMs: number
}): Effect.Effect<Service, StoreError, Scope.Scope> =>
  Effect.map(
    Effect.acquireRelease(
      Effect.tryPromise({
        try: () =>
          Postgres.connect({ url: options.url, access: "write", busyTimeoutMs: options.busyTimeoutMs, connections: 2 }),
        catch: (e) => Postgres.toStoreError(options.url, e),
      }),
      ({ pool }) => Effect.promise(() => pool.end().catch(() => {})),
    ),
    ({ pool }) => fromPool(pool, Location.display(options.url)),
  )

export const layer = (options: {
  readonly url: string
  readonly busyTimeoutMs: number
}): Layer.Layer<Queue, StoreError> => Layer.scoped(Queue, make(options))
