/**
 * The store, whatever engine holds it: its service, and the commit algorithm every backend shares
 * (read a snapshot, analyse outside any transaction, write in one short transaction that re-checks).
 */
import { createHash } from "node:crypto"
import {
  type AlignedGroup,
  Claim,
  type Document,
  type Finding,
  Ids,
  type Report,
  StoreError,
  type Story,
} from "@crosscheck/domain"
import { Context, Effect, Layer, type Scope } from "effect"
import * as Open from "./internal/Open.js"
import * as Location from "./Location.js"
import * as Postgres from "./Postgres.js"
import * as Sqlite from "./Sqlite.js"

export interface Options {
  /**
   * The SQLite file, created with its folder when missing (":memory:" keeps nothing), or a PostgreSQL
   * database's URL, `postgres://user@host:port/name`, whose database must exist.
   */
  readonly path: string
  /** "read" opens a read-only file for queries; "write" (the default) refuses one. */
  readonly access?: Open.Access
  /** How long to wait for another process's write before giving up (default 30 s). */
  readonly busyTimeoutMs?: number
}

export const DEFAULT_BUSY_TIMEOUT_MS = 30_000

export type ChangeKind = "new" | "verdict-changed" | "grown" | "gone"

/** What a run did to one finding, judged against the findings stored before it. */
export interface Change {
  readonly kind: ChangeKind
  readonly finding: Finding.Finding
  /** The finding it replaces, for verdict-changed, grown and gone. */
  readonly previous: { readonly id: string; readonly verdict: Finding.Verdict } | null
}

export interface Run {
  readonly id: number
  readonly startedAt: string
  readonly finishedAt: string
  readonly asOf: string | null
  readonly inputs: ReadonlyArray<string>
  readonly errors: ReadonlyArray<Report.InputError>
  readonly documentsAdded: number
  readonly claimsAdded: number
}

export interface Extracted {
  readonly document: Document.Document
  readonly claims: ReadonlyArray<Claim.Claim>
}

export interface RunInput {
  readonly startedAt: Date
  readonly asOf: string | null
  readonly inputs: ReadonlyArray<string>
  readonly errors: ReadonlyArray<Report.InputError>
  readonly extracted: ReadonlyArray<Extracted>
}

/** What the pipeline computes from everything stored; the store stays ignorant of how. */
export interface Analysis {
  /** Every document, with syndication groups recomputed. */
  readonly documents: ReadonlyArray<Document.Document>
  readonly groups: ReadonlyArray<AlignedGroup.AlignedGroup>
  readonly findings: ReadonlyArray<Finding.Finding>
  /** The stories, when the analysis forms them; each document's `storyId` is kept for the next run. */
  readonly stories?: ReadonlyArray<Story.Story>
}

export type Analyse = (documents: ReadonlyArray<Document.Document>, claims: ReadonlyArray<Claim.Claim>) => Analysis

export interface Snapshot {
  readonly documents: ReadonlyArray<Document.Document>
  readonly claims: ReadonlyArray<Claim.Claim>
  readonly findings: ReadonlyArray<Finding.Finding>
  readonly stories: ReadonlyArray<Story.Story>
}

export interface RunResult extends Snapshot {
  readonly run: Run
  /** The stored ids of this run's input documents, new or already stored, in input order. */
  readonly inputDocumentIds: ReadonlyArray<string>
  readonly changes: ReadonlyArray<Change>
}

export interface ClaimQuery {
  /** Whole words in the claim's text, subject, object or source, in any case ("North Korea"). */
  readonly entity?: string | null
  /** The outlet's name, in any case. */
  readonly outlet?: string | null
}

export interface StoredClaim {
  readonly claim: Claim.Claim
  readonly outlet: string
  readonly title: string | null
  readonly publishedAt: string | null
}

export interface Service {
  readonly path: string
  readonly version: number
  /**
   * For each document: "stored" (its content is, skip extracting it), "new", or "id-taken" (a
   * different article already has its id, e.g. an edited outlet line: give it another id first).
   */
  readonly classify: (
    documents: ReadonlyArray<Document.Document>,
  ) => Effect.Effect<ReadonlyArray<"stored" | "new" | "id-taken">, StoreError>
  /** Writes one run: new documents and claims, then everything re-analysed, in one transaction. */
  readonly commit: (input: RunInput, analyse: Analyse) => Effect.Effect<RunResult, StoreError>
  /** The stories, in the order they were started. */
  readonly stories: () => Effect.Effect<ReadonlyArray<Story.Story>, StoreError>
  /** Everything stored; with `since`, the findings first seen or changed since then and what they cite. */
  readonly snapshot: (options?: { readonly since?: string | null }) => Effect.Effect<Snapshot, StoreError>
  readonly claims: (query?: ClaimQuery) => Effect.Effect<ReadonlyArray<StoredClaim>, StoreError>
  readonly runs: () => Effect.Effect<ReadonlyArray<Run>, StoreError>
}

export class Store extends Context.Tag("@crosscheck/store/Store")<Store, Service>() {}

/** A document's identity in the store: the same outlet and text is the same article, whatever its path. */
export const contentHash = (document: Pick<Document.Document, "outlet" | "text">): string =>
  createHash("sha256").update(document.outlet).update("\u0000").update(document.text).digest("hex")

/** Each finding of `next` against the findings stored before: matched by id, else by a shared claim. */
export const diff = (
  previous: ReadonlyArray<Finding.Finding>,
  next: ReadonlyArray<Finding.Finding>,
): ReadonlyArray<Change> => {
  const previousIds = new Set(previous.map((f) => f.id as string))
  const nextIds = new Set(next.map((f) => f.id as string))
  const byClaim = new Map<string, Finding.Finding[]>()
  for (const f of previous) {
    if (nextIds.has(f.id)) continue
    for (const c of f.claimIds) byClaim.set(c, [...(byClaim.get(c) ?? []), f])
  }
  const claimed = new Set<string>()
  const changes: Change[] = []
  for (const f of next) {
    if (previousIds.has(f.id)) continue
    const overlapping = [...new Set(f.claimIds.flatMap((c) => byClaim.get(c) ?? []))]
    for (const p of overlapping) claimed.add(p.id)
    const before = overlapping.find((p) => p.verdict !== f.verdict) ?? overlapping[0]
    if (!before) changes.push({ kind: "new", finding: f, previous: null })
    else
      changes.push({
        kind: before.verdict === f.verdict ? "grown" : "verdict-changed",
        finding: f,
        previous: { id: before.id, verdict: before.verdict },
      })
  }
  for (const p of previous) {
    if (nextIds.has(p.id) || claimed.has(p.id)) continue
    changes.push({ kind: "gone", finding: p, previous: { id: p.id, verdict: p.verdict } })
  }
  return changes
}

// ---- The seam: what the commit algorithm asks of a backend (SQLite here, PostgreSQL elsewhere). ----

/** A document with its content hash, as the backend looks it up. */
export interface Hashed {
  readonly document: Document.Document
  readonly hash: string
}

/** What the store holds of one input document: its content ("stored", under `storedId`), its id only, or nothing. */
export interface Classified {
  readonly status: "stored" | "new" | "id-taken"
  readonly storedId: string | null
}

/** What a batch's read saw, handed back with its write: the write is refused if the store moved on since. */
export interface Token {
  /** The last run committed when the batch read. */
  readonly lastRun: number
}

/** The stored state a batch analyses against, read in one consistent snapshot. */
export interface Stored extends Snapshot {
  readonly token: Token
  /** The batch's own documents, looked up in the same snapshot. */
  readonly classified: ReadonlyArray<Classified>
}

/** One batch's results, written by the backend in one short transaction. */
export interface Batch {
  readonly expected: Token
  readonly run: {
    readonly startedAt: string
    readonly finishedAt: string
    readonly asOf: string | null
    readonly inputs: ReadonlyArray<string>
    readonly errors: ReadonlyArray<Report.InputError>
  }
  /** New documents (with their syndication group and story) and their claims. */
  readonly documents: ReadonlyArray<Hashed & { readonly claims: ReadonlyArray<Claim.Claim> }>
  /** Stored documents whose syndication group or story the analysis set. */
  readonly documentUpdates: ReadonlyArray<Document.Document>
  /** Every story, replacing those stored; null keeps them. */
  readonly stories: ReadonlyArray<Story.Story> | null
  /** The current aligned groups and findings, replacing those current before. */
  readonly groups: ReadonlyArray<{ readonly id: string; readonly group: AlignedGroup.AlignedGroup }>
  readonly findings: ReadonlyArray<{
    readonly finding: Finding.Finding
    readonly groupId: string | null
    readonly position: number
  }>
  readonly changes: ReadonlyArray<Change>
}

export interface Written {
  readonly run: Run
}

/** A backend's operations as effects; a synchronous engine gives them through `fromSync`. */
export interface Backend {
  readonly path: string
  readonly version: number
  readonly classify: (documents: ReadonlyArray<Hashed>) => Effect.Effect<ReadonlyArray<Classified>, StoreError>
  /** A consistent read of what a batch needs; never takes the write lock. */
  readonly read: (fresh: ReadonlyArray<Hashed>) => Effect.Effect<Stored, StoreError>
  /** Writes the batch in one transaction, or returns null (writing nothing) if the store moved on since `expected`. */
  readonly write: (batch: Batch) => Effect.Effect<Written | null, StoreError>
  readonly snapshot: (since: string | null) => Effect.Effect<Snapshot, StoreError>
  readonly claims: (query: ClaimQuery) => Effect.Effect<ReadonlyArray<StoredClaim>, StoreError>
  readonly stories: () => Effect.Effect<ReadonlyArray<Story.Story>, StoreError>
  readonly runs: () => Effect.Effect<ReadonlyArray<Run>, StoreError>
}

type Sync<F> = F extends (...args: infer A) => Effect.Effect<infer R, StoreError> ? (...args: A) => R : never

/** The same operations as plain calls that throw, for an engine like SQLite whose driver is synchronous. */
export type SyncBackend = { readonly path: string; readonly version: number } & {
  readonly [K in Exclude<keyof Backend, "path" | "version">]: Sync<Backend[K]>
}

/** Wraps a synchronous backend's calls as effects; `toError` turns a driver's throw into a StoreError. */
export const fromSync = (sync: SyncBackend, toError: (e: unknown) => StoreError): Backend => {
  const lift =
    <A extends unknown[], R>(f: (...args: A) => R) =>
    (...args: A): Effect.Effect<R, StoreError> =>
      Effect.try({ try: () => f(...args), catch: toError })
  return {
    path: sync.path,
    version: sync.version,
    classify: lift(sync.classify),
    read: lift(sync.read),
    write: lift(sync.write),
    snapshot: lift(sync.snapshot),
    claims: lift(sync.claims),
    stories: lift(sync.stories),
    runs: lift(sync.runs),
  }
}

const groupId = (group: AlignedGroup.AlignedGroup): string =>
  Ids.hashId("g", group.key, ...group.members.map((m) => m.claim.id))

const claimSetKey = (ids: ReadonlyArray<string>): string => [...new Set(ids)].sort().join(" ")

/** A string as a store gives it back: a lone surrogate cannot be stored in UTF-8 and comes back as U+FFFD. */
const wellFormed = (s: string): string => (s as string & { toWellFormed: () => string }).toWellFormed()
const nullableWellFormed = (s: string | null): string | null => (s === null ? null : wellFormed(s))

const asStored = (d: Document.Document): Document.Document => ({
  ...d,
  outlet: wellFormed(d.outlet),
  title: nullableWellFormed(d.title),
  url: nullableWellFormed(d.url),
  origin: { path: wellFormed(d.origin.path), index: d.origin.index },
  text: wellFormed(d.text),
})

/** How many times a batch is read and analysed again when other writers keep committing first. */
const MAX_ATTEMPTS = 20

/** The batch's writes from its analysis: which findings and groups are current, and what changed. */
const batchOf = (
  input: RunInput,
  stored: Stored,
  fresh: ReadonlyArray<Hashed & { readonly claims: ReadonlyArray<Claim.Claim> }>,
  analysis: Analysis,
): Batch => {
  const freshIds = new Set(fresh.map((f) => f.document.id as string))
  const analysed = new Map(analysis.documents.map((d) => [d.id as string, d]))
  const groupOfClaims = new Map<string, string[]>()
  const groups = analysis.groups.map((g) => {
    const id = groupId(g)
    const key = claimSetKey(g.members.map((m) => m.claim.id))
    groupOfClaims.set(key, [...(groupOfClaims.get(key) ?? []), id])
    return { id, group: g }
  })
  const findings = analysis.findings.map((finding, position) => ({
    finding,
    groupId: groupOfClaims.get(claimSetKey(finding.claimIds))?.shift() ?? null,
    position,
  }))
  return {
    expected: stored.token,
    run: {
      startedAt: input.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      asOf: input.asOf,
      inputs: input.inputs,
      errors: input.errors,
    },
    documents: fresh.map((f) => ({ ...f, document: analysed.get(f.document.id) ?? f.document })),
    documentUpdates: analysis.documents.filter((d) => !freshIds.has(d.id)),
    stories: analysis.stories ?? null,
    groups,
    findings,
    changes: diff(stored.findings, analysis.findings),
  }
}

/**
 * The service over a backend. A batch reads a snapshot, analyses outside any transaction and writes
 * in one short transaction; if another writer committed in between, it reads and analyses again.
 */
export const fromBackend = (backend: Backend): Service => {
  const commitOnce = (input: RunInput, analyse: Analyse, hashed: ReadonlyArray<Hashed>) =>
    Effect.gen(function* () {
      const stored = yield* backend.read(hashed)
      const inputDocumentIds: string[] = []
      const fresh: Array<Hashed & { readonly claims: ReadonlyArray<Claim.Claim> }> = []
      // This batch's own documents by hash and id: a second copy in one input is the first one.
      const idOfHash = new Map<string, string>()
      const ids = new Set<string>()
      input.extracted.forEach(({ document, claims }, i) => {
        const h = hashed[i] as Hashed
        const c = stored.classified[i]
        const copy = idOfHash.get(h.hash)
        if (c?.storedId) inputDocumentIds.push(c.storedId)
        else if (copy !== undefined) inputDocumentIds.push(copy)
        // Same path, index and text but another outlet name: the caller gives it another id first.
        else if (c?.status === "new" && !ids.has(document.id)) {
          idOfHash.set(h.hash, document.id)
          ids.add(document.id)
          inputDocumentIds.push(document.id)
          fresh.push({
            document: asStored(document),
            hash: h.hash,
            claims: claims.map((x) => (Claim.survivesJson(x) ? x : JSON.parse(JSON.stringify(x)))),
          })
        }
      })
      const documents = [...stored.documents, ...fresh.map((f) => f.document)]
      const claimIds = new Set(stored.claims.map((c) => c.id as string))
      const claims = [...stored.claims, ...fresh.flatMap((f) => f.claims).filter((c) => !claimIds.has(c.id))]
      const analysis = analyse(documents, claims)
      const batch = batchOf(input, stored, fresh, analysis)
      const written = yield* backend.write(batch)
      if (written === null) return null
      const result: RunResult = {
        run: written.run,
        inputDocumentIds,
        changes: batch.changes,
        documents: analysis.documents,
        claims,
        findings: analysis.findings,
        stories: analysis.stories ?? stored.stories,
      }
      return result
    })

  const commit = (input: RunInput, analyse: Analyse): Effect.Effect<RunResult, StoreError> => {
    const hashed = input.extracted.map(({ document }) => ({ document, hash: contentHash(document) }))
    const attempt = (n: number): Effect.Effect<RunResult, StoreError> =>
      Effect.flatMap(commitOnce(input, analyse, hashed), (result) =>
        result !== null
          ? Effect.succeed(result)
          : n + 1 < MAX_ATTEMPTS
            ? attempt(n + 1)
            : Effect.fail(
                new StoreError({
                  reason: "io",
                  path: backend.path,
                  message: `store: expected to write the batch, instead other writers committed first ${MAX_ATTEMPTS} times in a row (${backend.path})`,
                }),
              ),
      )
    return attempt(0)
  }

  return {
    path: backend.path,
    version: backend.version,
    classify: (documents) =>
      Effect.map(backend.classify(documents.map((document) => ({ document, hash: contentHash(document) }))), (cs) =>
        cs.map((c) => c.status),
      ),
    commit,
    stories: backend.stories,
    snapshot: (options = {}) => backend.snapshot(options.since ?? null),
    claims: (query = {}) => backend.claims(query),
    runs: backend.runs,
  }
}

/**
 * Opens the store for the scope's lifetime: a `postgres://` URL on its server (Location.ts decides),
 * anything else as a SQLite file, whose closing checkpoints the WAL.
 */
export const make = (options: Options): Effect.Effect<Service, StoreError, Scope.Scope> => {
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS
  const access = options.access ?? "write"
  const location = Location.parse(options.path)
  if (location.engine === "postgres")
    return Effect.map(Postgres.make({ url: location.url, access, busyTimeoutMs }), ({ backend }) =>
      fromBackend(backend),
    )
  return Effect.acquireRelease(
    Effect.try({
      try: () => Sqlite.open({ path: location.path, access, busyTimeoutMs }),
      catch: (e) => Open.toStoreError(location.path, e, busyTimeoutMs),
    }),
    ({ db }) => Effect.sync(() => db.close()),
  ).pipe(
    Effect.map(({ backend }) =>
      fromBackend(fromSync(backend, (e) => Open.toStoreError(location.path, e, busyTimeoutMs))),
    ),
  )
}

export const layer = (options: Options): Layer.Layer<Store, StoreError> => Layer.scoped(Store, make(options))
