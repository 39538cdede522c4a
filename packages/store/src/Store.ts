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
import { wellFormed } from "./internal/Rows.js"
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
  /** How many parts a large input was stored in (each a batch of its own), when more than one. */
  readonly parts?: number
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
  /** A later part of a run stored in parts: the first part's run id, so `runs` lists the run once. */
  readonly partOf?: number | null
  /** The extractor version that made the claims, stamped on each. */
  readonly extractorVersion?: string | null
  /**
   * Stored documents extracted again (by `extractorVersion`, from `stale`): their claims replace the
   * stored ones, and their stories are judged again in the same batch.
   */
  readonly reextracted?: ReadonlyArray<Extracted>
  /**
   * Stored documents due to be extracted again that could not be: their old claims stay stored (the
   * next run tries again) but are left out of the analysis, so no finding mixes two extractor versions.
   */
  readonly notReextracted?: ReadonlyArray<Document.Document>
}

/** What the pipeline computes from everything stored; the store stays ignorant of how. */
export interface Analysis {
  /** Every document, with syndication groups recomputed. */
  readonly documents: ReadonlyArray<Document.Document>
  readonly groups: ReadonlyArray<AlignedGroup.AlignedGroup>
  readonly findings: ReadonlyArray<Finding.Finding>
  /** The stories, when the analysis forms them; each document's `storyId` is kept for the next run. */
  readonly stories?: ReadonlyArray<Story.Story>
  /** Candidate blocks the alignment left out (over its cap even when split): counted for the report. */
  readonly skippedBlocks?: number
  /**
   * The story stage's saved state after these documents, as rows, kept so the next batch places its
   * documents with the whole store's term statistics without reading them.
   */
  readonly storyState?: StateRows
}

/**
 * The story stage's state as rows (plain JSON, opaque to the store): counters every story shares and
 * one record per story. As a batch's change, each count is an amount to add and each record replaces
 * its story's, so a batch writes only what it changed and two batches on different stories both count.
 */
export interface StateRows {
  /** [key, count, note], in the order first written; a key's note is kept from its first write. */
  readonly counters: ReadonlyArray<readonly [string, number, string | null]>
  /** [story id, record], in the order the stories were started; in part of a state, null when only the id was read. */
  readonly stories: ReadonlyArray<readonly [string, unknown]>
  /**
   * [key, story id]: the story is filed under the key, so a document looking under it finds the story.
   * In a change, the filings it adds; in part of a state, those read for the keys `read`.
   */
  readonly postings?: ReadonlyArray<readonly [string, string]>
  /** Only in part of a state: the keys whose stories were read, each its newest `postingsPerKey` (or all). */
  readonly read?: ReadonlyArray<string>
}

/** What a placement from part of the story state still needs read, by key and story id. */
export interface StateNeeds {
  /** Keys whose stories (the newest `postingsPerKey`) to read. */
  readonly keys: ReadonlyArray<string>
  /** Stories whose records to read. */
  readonly stories: ReadonlyArray<string>
  /** Counters to read. */
  readonly counters: ReadonlyArray<string>
}

/** Part of the stored story state, as a backend reads it: rows with where each stands in the store. */
export interface StatePart {
  /** [key, count, note, order first written]. */
  readonly counters: ReadonlyArray<readonly [string, number, string | null, number]>
  /** [story id, record or null, position]: null when only the id was read (found under a key). */
  readonly stories: ReadonlyArray<readonly [string, unknown, number]>
  readonly postings: ReadonlyArray<readonly [string, string]>
  readonly read: ReadonlyArray<string>
}

export type Analyse = (documents: ReadonlyArray<Document.Document>, claims: ReadonlyArray<Claim.Claim>) => Analysis

/**
 * An analysis that works on the part of the store a batch touches. The store finds the stories a new
 * document may join through `storyKeys`, lets `place` put it in one, then analyses the touched stories
 * whole, with the stories whose claims share a `claimKeys` key with theirs (the cross-story rule).
 */
export interface Incremental {
  /** The version of the analysis: a store last analysed by another version is analysed whole again. */
  readonly version: string
  /** Keys a document's story is found under; the store probes the rarest first. */
  readonly storyKeys: (document: Document.Document) => ReadonlyArray<string>
  /**
   * Places `fresh` among `stored` (whole stories, each document keeping its `storyId`), going on from
   * the story stage's saved `state` when the store has one: every document with its story, the stories
   * of all of them, and what placing them changed in the state. Given part of the state (`read` set),
   * it may answer what else it needs instead; the store reads that too and asks again.
   */
  readonly place: (
    stored: ReadonlyArray<Document.Document>,
    fresh: ReadonlyArray<Document.Document>,
    state: StateRows | null,
  ) =>
    | {
        readonly documents: ReadonlyArray<Document.Document>
        readonly stories: ReadonlyArray<Story.Story>
        readonly state?: StateRows
      }
    | { readonly needs: StateNeeds }
  /** The story state's counters placing a document reads: the store reads only these (and what `place` asks for). */
  readonly stateKeys: (document: Document.Document) => ReadonlyArray<string>
  /** How many stories, newest first, `place` needs of each key it asks for. */
  readonly postingsPerKey: number
  /** Keys under which claims of two stories may still be aligned: [claim id, key] pairs. */
  readonly claimKeys: (
    claims: ReadonlyArray<Claim.Claim>,
    documents: ReadonlyArray<Document.Document>,
  ) => ReadonlyArray<readonly [string, string]>
  /** The analysis of whole stories whose documents are placed already (it forms no stories). */
  readonly analyse: Analyse
  /** The analysis of everything, stories included: a store's first batch, or one analysed by another version. */
  readonly analyseAll: Analyse
}

export interface Snapshot {
  readonly documents: ReadonlyArray<Document.Document>
  readonly claims: ReadonlyArray<Claim.Claim>
  readonly findings: ReadonlyArray<Finding.Finding>
  readonly stories: ReadonlyArray<Story.Story>
  /**
   * Read by `snapshot` only: the input errors of the runs it covers (with `since`, those runs'; without,
   * every run's that still applies: none for a file a later run stored a document from), oldest first.
   */
  readonly errors?: ReadonlyArray<Report.InputError>
}

export interface RunResult extends Snapshot {
  readonly run: Run
  /** The stored ids of this run's input documents, new or already stored, in input order. */
  readonly inputDocumentIds: ReadonlyArray<string>
  readonly changes: ReadonlyArray<Change>
  /**
   * "all" when the batch analysed the whole store (and the snapshot is everything); "touched" when it
   * analysed only the stories it touched, which are then all the snapshot holds.
   */
  readonly scope?: "all" | "touched"
  /** Stories linked to the touched ones through claim keys that were not analysed with them (over the cap). */
  readonly leftOut?: number
  /** Candidate blocks the batch's alignment left out. */
  readonly skippedBlocks?: number
  /** How many times the batch was read and analysed: more than 1 when another writer changed what it relied on. */
  readonly attempts?: number
}

export interface ClaimQuery {
  /** Whole words in the claim's text, subject, object or source, in any case ("North Korea"). */
  readonly entity?: string | null
  /** The outlet's name, in any case. */
  readonly outlet?: string | null
}

/**
 * Where a report of changes starts: an ISO date or date-time (the runs that finished then or later), or
 * a run's id (the runs after it: what changed since that run's report).
 */
export type Since = string | number

export interface SnapshotOptions {
  readonly since?: Since | null
  /**
   * "all" (the default): every claim of the documents (with `since`, those of the documents added since
   * as well as those cited); "cited": only the claims the findings cite, what a report shows (at 10,000
   * articles a tenth of them, and most of the time it takes to read the store).
   */
  readonly claims?: "all" | "cited"
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
  /** `classify` by id and content hash (`contentHash`), for documents whose texts are not at hand. */
  readonly lookup: (
    documents: ReadonlyArray<{ readonly id: string; readonly hash: string }>,
  ) => Effect.Effect<ReadonlyArray<"stored" | "new" | "id-taken">, StoreError>
  /** Writes one run: new documents and claims, then everything re-analysed, in one transaction. */
  readonly commit: (input: RunInput, analyse: Analyse | Incremental) => Effect.Effect<RunResult, StoreError>
  /** The stories, in the order they were started. */
  readonly stories: () => Effect.Effect<ReadonlyArray<Story.Story>, StoreError>
  /**
   * Everything stored; with `since`, the stories changed since then (a document added, a finding new,
   * changed or gone) with all their current findings, the findings changed in no story, and what they cite.
   */
  readonly snapshot: (options?: SnapshotOptions) => Effect.Effect<Snapshot, StoreError>
  readonly claims: (query?: ClaimQuery) => Effect.Effect<ReadonlyArray<StoredClaim>, StoreError>
  /**
   * Findings by id, current or replaced since (a run in parts names in its changes findings a later part
   * replaced), in the order asked; an id never stored is left out.
   */
  readonly findings: (ids: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<Finding.Finding>, StoreError>
  readonly runs: () => Effect.Effect<ReadonlyArray<Run>, StoreError>
  /** The stored documents whose claims another extractor version made (or an unknown one): to extract again. */
  readonly stale: (extractorVersion: string) => Effect.Effect<ReadonlyArray<Document.Document>, StoreError>
  /** How current the store is for this crosscheck, counted without reading any document: for readers to say so. */
  readonly versions: (extractorVersion: string) => Effect.Effect<Versions, StoreError>
}

/** What made the stored claims and findings, against the versions of the crosscheck reading them. */
export interface Versions {
  readonly documents: number
  /** Stored documents whose claims another (or an unknown) extractor version made. */
  readonly staleDocuments: number
  /** The analysis version the findings were last judged with; null for an empty store or one from before versions. */
  readonly analysisVersion: string | null
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

/** What looking a document up needs: its id and content hash, not its text (a large input is listed without texts). */
export interface Keyed {
  readonly document: { readonly id: string }
  readonly hash: string
}

/** What the store holds of one input document: its content ("stored", under `storedId`), its id only, or nothing. */
export interface Classified {
  readonly status: "stored" | "new" | "id-taken"
  readonly storedId: string | null
  /** The stored document's story, when it has one. */
  readonly storyId?: string | null
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

/** What an incremental batch reads first: its documents looked up, and the stories they may join. */
export interface Candidates {
  readonly token: Token
  readonly classified: ReadonlyArray<Classified>
  /** The analysis version the store was last analysed with; null for a new store, or one from before versions. */
  readonly analysisVersion: string | null
  /**
   * Every document of the candidate stories, each with its `storyId`; none when the story state is
   * stored, which places documents without them.
   */
  readonly documents: ReadonlyArray<Document.Document>
  /**
   * The part of the story stage's state the batch's documents read first (their counters); null when
   * none is stored (a store from before it).
   */
  readonly storyState: StatePart | null
}

export interface ScopeRequest {
  /** The stories the batch's documents joined or started. */
  readonly stories: ReadonlyArray<string>
  /** The claim keys of the batch's new claims: stored stories with claims under them are analysed too. */
  readonly claimKeys: ReadonlyArray<string>
  /** At most this many stories are read beyond `stories`; the rest are counted as left out. */
  readonly maxStories: number
}

/** The stored part of a batch's analysis: whole stories, their claims and current findings. */
export interface StoryScope extends Snapshot {
  /**
   * Its stories are those asked for (when stored) and those linked to them through claim keys; its
   * findings, and the aligned groups here, are theirs, which the batch's analysis replaces.
   */
  readonly groupIds: ReadonlyArray<string>
  /** Linked stories not read because of `maxStories`. */
  readonly leftOut: number
}

/**
 * What an incremental batch relied on, checked by its write instead of the whole store: a batch whose
 * stories no other writer touched since it read is written at once, whatever else was committed.
 */
export interface Relies {
  /** Stories it read, placed documents into, started or judged again: none may have been written since. */
  readonly stories: ReadonlyArray<string>
  /** Its new documents' story keys: no story filed under one (one they might have joined) may have been written since. */
  readonly storyKeys: ReadonlyArray<string>
  /** Its new claims' claim keys: likewise (a story whose claims would be aligned with them). */
  readonly claimKeys: ReadonlyArray<string>
  /** The story state's keys whose stories it read: likewise (a story filed under one since could change its placing). */
  readonly stateKeys?: ReadonlyArray<string>
  /** Its new documents' content hashes: none may have been stored since (another batch stored the same article). */
  readonly hashes: ReadonlyArray<string>
  /** The analysis version the store was last analysed with when it read. */
  readonly analysisVersion: string | null
}

/** One batch's results, written by the backend in one short transaction. */
export interface Batch {
  /** Without `relies`, the write is refused if any run was committed since `expected`. */
  readonly expected: Token
  readonly relies?: Relies
  readonly run: {
    readonly startedAt: string
    readonly finishedAt: string
    readonly asOf: string | null
    readonly inputs: ReadonlyArray<string>
    readonly errors: ReadonlyArray<Report.InputError>
    readonly partOf?: number | null
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
  /**
   * The stories the batch analysed, and the findings and groups of theirs it replaces; without it the
   * batch analysed everything and replaces all current findings, groups and keys.
   */
  readonly scope?: {
    readonly stories: ReadonlyArray<string>
    readonly findingIds: ReadonlyArray<string>
    readonly groupIds: ReadonlyArray<string>
  }
  /** Keys to file stories under, [story id, key]; added to those stored (replacing them without a scope). */
  readonly storyKeys?: ReadonlyArray<readonly [string, string]>
  /** Claim keys, [claim id, story id, key]; likewise. */
  readonly claimKeys?: ReadonlyArray<readonly [string, string, string]>
  /** The stories each written finding and group belongs to, [story id, finding or group id]. */
  readonly storyItems?: ReadonlyArray<readonly [string, string]>
  /** The analysis version that made the findings; recorded as the store's. */
  readonly analysisVersion?: string | null
  /** The extractor version that made the new claims. */
  readonly extractorVersion?: string | null
  /** Stored documents whose claims are replaced by these, made by `extractorVersion`. */
  readonly reextracted?: ReadonlyArray<{ readonly documentId: string; readonly claims: ReadonlyArray<Claim.Claim> }>
  /**
   * What the batch changed in the story stage's state (with a `scope`), or the whole state after it
   * (without one, replacing the stored one); null removes it (the stories were formed without one, so a
   * stored state would no longer match them).
   */
  readonly storyState: StateRows | null
}

export interface Written {
  readonly run: Run
}

/** A backend's operations as effects; a synchronous engine gives them through `fromSync`. */
export interface Backend {
  readonly path: string
  readonly version: number
  readonly classify: (documents: ReadonlyArray<Keyed>) => Effect.Effect<ReadonlyArray<Classified>, StoreError>
  /** A consistent read of what a batch needs; never takes the write lock. */
  readonly read: (fresh: ReadonlyArray<Hashed>) => Effect.Effect<Stored, StoreError>
  /** Writes the batch in one transaction, or returns null (writing nothing) if the store moved on since `expected`. */
  readonly write: (batch: Batch) => Effect.Effect<Written | null, StoreError>
  readonly stale: (extractorVersion: string) => Effect.Effect<ReadonlyArray<Document.Document>, StoreError>
  readonly versions: (extractorVersion: string) => Effect.Effect<Versions, StoreError>
  /** An incremental batch's first read: the stories its documents may join, found through their keys. */
  readonly candidates: (
    fresh: ReadonlyArray<Hashed>,
    keys: ReadonlyArray<ReadonlyArray<string>>,
    stateKeys: ReadonlyArray<string>,
  ) => Effect.Effect<Candidates, StoreError>
  /** More of the story state for a placement: the newest `postingsPerKey` stories of each key, records, counters. */
  readonly statePart: (needs: StateNeeds, postingsPerKey: number) => Effect.Effect<StatePart, StoreError>
  /** An incremental batch's second read: the stories it analyses, whole. */
  readonly scope: (request: ScopeRequest) => Effect.Effect<StoryScope, StoreError>
  readonly snapshot: (since: Since | null, claims: "all" | "cited") => Effect.Effect<Snapshot, StoreError>
  readonly claims: (query: ClaimQuery) => Effect.Effect<ReadonlyArray<StoredClaim>, StoreError>
  /** Findings by id, current or not, in the order asked; unknown ids left out. */
  readonly findings: (ids: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<Finding.Finding>, StoreError>
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
    candidates: lift(sync.candidates),
    statePart: lift(sync.statePart),
    scope: lift(sync.scope),
    snapshot: lift(sync.snapshot),
    claims: lift(sync.claims),
    findings: lift(sync.findings),
    stories: lift(sync.stories),
    runs: lift(sync.runs),
    stale: lift(sync.stale),
    versions: lift(sync.versions),
  }
}

const groupId = (group: AlignedGroup.AlignedGroup): string =>
  Ids.hashId("g", group.key, ...group.members.map((m) => m.claim.id))

const claimSetKey = (ids: ReadonlyArray<string>): string => [...new Set(ids)].sort().join(" ")

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

/** How many stories linked through claim keys a batch analyses beyond those it touched. */
export const MAX_LINKED_STORIES = 64

/** The analysed documents and the claims in the order the store keeps them: stored first, then the batch's in input order. */
const inStoredOrder = (
  analysed: ReadonlyMap<string, Document.Document>,
  documents: ReadonlyArray<Document.Document>,
  claims: ReadonlyArray<Claim.Claim>,
): { readonly documents: Document.Document[]; readonly claims: Claim.Claim[] } => {
  const seen = new Set<string>()
  return {
    documents: documents.map((d) => analysed.get(d.id) ?? d),
    claims: claims.filter((c) => !seen.has(c.id) && seen.add(c.id)),
  }
}

type Fresh = Hashed & { readonly claims: ReadonlyArray<Claim.Claim> }

const byId = (a: { readonly id: string }, b: { readonly id: string }): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0

/**
 * Documents by id, and claims by document then place in it: the analysis sees the same order whatever
 * order the batches came in, so the same input gives the same findings.
 */
const canonical = (
  documents: ReadonlyArray<Document.Document>,
  claims: ReadonlyArray<Claim.Claim>,
): { readonly documents: Document.Document[]; readonly claims: Claim.Claim[] } => ({
  documents: [...documents].sort(byId),
  claims: [...claims].sort(
    (a, b) =>
      (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0) ||
      a.span.start - b.span.start ||
      a.span.end - b.span.end ||
      byId(a, b),
  ),
})

/**
 * The batch's documents the store does not hold yet, and the stored id of each input document. A second
 * copy in one input is the first one; an id taken by another article is left out (the caller renames it).
 */
const pickFresh = (
  input: RunInput,
  hashed: ReadonlyArray<Hashed>,
  classified: ReadonlyArray<Classified>,
): { readonly fresh: Fresh[]; readonly inputDocumentIds: string[]; readonly storedStories: Set<string> } => {
  const inputDocumentIds: string[] = []
  const fresh: Fresh[] = []
  const storedStories = new Set<string>()
  const idOfHash = new Map<string, string>()
  const ids = new Set<string>()
  input.extracted.forEach(({ document, claims }, i) => {
    const h = hashed[i] as Hashed
    const c = classified[i]
    const copy = idOfHash.get(h.hash)
    if (c?.storyId) storedStories.add(c.storyId)
    if (c?.storedId) inputDocumentIds.push(c.storedId)
    else if (copy !== undefined) inputDocumentIds.push(copy)
    else if (c?.status === "new" && !ids.has(document.id)) {
      idOfHash.set(h.hash, document.id)
      ids.add(document.id)
      inputDocumentIds.push(document.id)
      fresh.push({
        document: asStored(document),
        hash: h.hash,
        claims: jsonSafe(claims),
      })
    }
  })
  return { fresh, inputDocumentIds, storedStories }
}

const jsonSafe = (claims: ReadonlyArray<Claim.Claim>): Claim.Claim[] =>
  claims.map((x) => (Claim.survivesJson(x) ? x : JSON.parse(JSON.stringify(x))))

/** The batch's documents extracted again, and the stored claims with theirs replaced by the new ones. */
const reextraction = (input: RunInput, stored: ReadonlyArray<Claim.Claim>) => {
  const reextracted = (input.reextracted ?? []).map((e) => ({
    documentId: e.document.id as string,
    claims: jsonSafe(e.claims),
  }))
  const failed = input.notReextracted ?? []
  const replaced = new Set([...reextracted.map((e) => e.documentId), ...failed.map((d) => d.id as string)])
  const claims = [...stored.filter((c) => !replaced.has(c.documentId)), ...reextracted.flatMap((e) => e.claims)]
  const stories = [...(input.reextracted ?? []).map((e) => e.document), ...failed]
    .map((d) => d.storyId)
    .filter((s): s is string => !!s)
  return { reextracted, claims, stories }
}

const runOf = (input: RunInput): Batch["run"] => ({
  startedAt: input.startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  asOf: input.asOf,
  inputs: input.inputs,
  errors: input.errors,
  partOf: input.partOf ?? null,
})

/** Each group with its id, and each finding with its position and the group it came from. */
const groupsAndFindings = (analysis: Pick<Analysis, "groups" | "findings">) => {
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
  return { groups, findings }
}

/** The stories each finding and group belongs to: those of its claims' documents. */
const storyItemsOf = (
  documents: ReadonlyArray<Document.Document>,
  claims: ReadonlyArray<Claim.Claim>,
  groups: ReadonlyArray<{ readonly id: string; readonly group: AlignedGroup.AlignedGroup }>,
  findings: ReadonlyArray<Finding.Finding>,
): Array<readonly [string, string]> => {
  const storyOfDocument = new Map(documents.map((d) => [d.id as string, d.storyId ?? null]))
  const storyOfClaim = new Map(claims.map((c) => [c.id as string, storyOfDocument.get(c.documentId) ?? null]))
  const out: Array<readonly [string, string]> = []
  const add = (item: string, claimIds: Iterable<string>) => {
    const stories = new Set<string>()
    for (const c of claimIds) {
      const st = storyOfClaim.get(c)
      if (st) stories.add(st)
    }
    for (const st of stories) out.push([st, item])
  }
  for (const { id, group } of groups)
    add(
      id,
      group.members.map((m) => m.claim.id as string),
    )
  for (const f of findings) add(f.id, f.claimIds as ReadonlyArray<string>)
  return out
}

/** Story and claim keys of the given documents and claims, each claim's key with its document's story. */
const keysOf = (
  incremental: Incremental,
  documents: ReadonlyArray<Document.Document>,
  claims: ReadonlyArray<Claim.Claim>,
): Pick<Batch, "storyKeys" | "claimKeys"> => {
  const storyOf = new Map(documents.map((d) => [d.id as string, d.storyId ?? null]))
  const storyKeys = new Set<string>()
  const pairs: Array<readonly [string, string]> = []
  for (const d of documents) {
    if (!d.storyId) continue
    for (const k of incremental.storyKeys(d)) {
      const tag = `${d.storyId}\u0000${k}`
      if (storyKeys.has(tag)) continue
      storyKeys.add(tag)
      pairs.push([d.storyId, k])
    }
  }
  const claimStory = new Map(claims.map((c) => [c.id as string, storyOf.get(c.documentId) ?? null]))
  const claimKeys: Array<readonly [string, string, string]> = []
  for (const [claimId, key] of incremental.claimKeys(claims, documents)) {
    const st = claimStory.get(claimId)
    if (st) claimKeys.push([claimId, st, key])
  }
  return { storyKeys: pairs, claimKeys }
}

/** How many times a placement may ask for more of the story state before the batch gives up. */
const MAX_STATE_READS = 100

/** Part of the story state as a batch gathers it over its reads: later reads add to it. */
interface GatheredPart {
  readonly counters: Map<string, readonly [string, number, string | null, number]>
  readonly stories: Map<string, { record: unknown; readonly position: number }>
  readonly postings: Array<readonly [string, string]>
  readonly read: Set<string>
}

const partOfState = (first: StatePart): GatheredPart => {
  const gathered: GatheredPart = { counters: new Map(), stories: new Map(), postings: [], read: new Set() }
  addPart(gathered, first)
  return gathered
}

const addPart = (gathered: GatheredPart, more: StatePart): void => {
  for (const c of more.counters) gathered.counters.set(c[0], c)
  for (const [id, record, position] of more.stories) {
    const had = gathered.stories.get(id)
    if (!had) gathered.stories.set(id, { record, position })
    else if (had.record === null) had.record = record
  }
  for (const key of more.read) gathered.read.add(key)
  // One at a time: a part of 4,000 articles reads hundreds of thousands, past what a spread call's stack holds.
  for (const p of more.postings) gathered.postings.push(p)
}

/** The gathered part as the rows `place` reads: counters in the order first written, stories in the order started. */
const rowsOfPart = (gathered: GatheredPart): StateRows => ({
  counters: [...gathered.counters.values()].sort((a, b) => a[3] - b[3]).map(([k, n, note]) => [k, n, note] as const),
  stories: [...gathered.stories]
    .sort((a, b) => a[1].position - b[1].position)
    .map(([id, s]) => [id, s.record] as const),
  postings: gathered.postings,
  read: [...gathered.read],
})

/**
 * Places the batch's new documents from part of the story state: what `place` asks for is read and
 * added, and it places again, until it needs nothing more (it then places as from the whole state).
 */
const placeFromPart = (
  backend: Backend,
  incremental: Incremental,
  stored: ReadonlyArray<Document.Document>,
  fresh: ReadonlyArray<Fresh>,
  gathered: GatheredPart,
) =>
  Effect.gen(function* () {
    for (let reads = 0; reads < MAX_STATE_READS; reads++) {
      const placed = incremental.place(
        stored,
        fresh.map((f) => f.document),
        rowsOfPart(gathered),
      )
      if (!("needs" in placed)) return placed
      const { needs } = placed
      const wanted: StateNeeds = {
        keys: needs.keys.filter((k) => !gathered.read.has(k)),
        stories: needs.stories.filter((id) => gathered.stories.get(id)?.record == null),
        counters: needs.counters.filter((k) => !gathered.counters.has(k)),
      }
      if (wanted.keys.length + wanted.stories.length + wanted.counters.length === 0)
        return yield* Effect.fail(
          new StoreError({
            reason: "io",
            path: backend.path,
            message: `store: expected the story state to hold what placing asked for, instead it asked again for what was read (${backend.path})`,
          }),
        )
      addPart(gathered, yield* backend.statePart(wanted, incremental.postingsPerKey))
    }
    return yield* Effect.fail(
      new StoreError({
        reason: "io",
        path: backend.path,
        message: `store: expected placing to need at most ${MAX_STATE_READS} reads of the story state, instead it asked for more (${backend.path})`,
      }),
    )
  })

/**
 * An incremental batch's first steps: its documents looked up and placed from the part of the story
 * state they read (null when the store has no state, or another analysis version: it is analysed
 * whole). Of that part only what the write checks is kept (the stories and keys read): the part, story
 * records and their centroids included, is let go before the touched stories are read and analysed.
 */
const placeTouched = (backend: Backend, incremental: Incremental, input: RunInput, hashed: ReadonlyArray<Hashed>) =>
  Effect.gen(function* () {
    // Asked first without keys: a store that is then analysed whole (its first batch, a store without the
    // state or of another version) does not scan every new article for keys it never reads (a worker's
    // analyse job of 2,000 BASIL articles into a new store: 9.5 to 11.8 s in four runs before, 7.8 s after).
    // A store that holds the state is asked twice, the first time for its documents' lookup only.
    const probe = yield* backend.candidates(
      hashed,
      hashed.map(() => []),
      [],
    )
    if (probe.analysisVersion !== incremental.version || probe.storyState === null) return null
    const stateKeys = new Set<string>()
    for (const h of hashed) for (const k of incremental.stateKeys(h.document)) stateKeys.add(k)
    const candidates = yield* backend.candidates(
      hashed,
      hashed.map((h) => incremental.storyKeys(h.document)),
      [...stateKeys],
    )
    if (candidates.analysisVersion !== incremental.version || candidates.storyState === null) return null
    const picked = pickFresh(input, hashed, candidates.classified)
    const part = partOfState(candidates.storyState)
    const placed = yield* placeFromPart(backend, incremental, candidates.documents, picked.fresh, part)
    return {
      ...picked,
      placed,
      token: candidates.token,
      analysisVersion: candidates.analysisVersion,
      readStories: [...part.stories].filter(([, s]) => s.record !== null).map(([id]) => id),
      stateRead: [...part.read],
    }
  })

/**
 * The service over a backend. A batch reads a snapshot, analyses outside any transaction and writes
 * in one short transaction; if another writer committed in between, it reads and analyses again.
 */
export const fromBackend = (backend: Backend): Service => {
  /** A batch analysed against everything stored: the whole store is read, and every finding replaced. */
  const commitAll = (input: RunInput, analyse: Analyse | Incremental, hashed: ReadonlyArray<Hashed>) =>
    Effect.gen(function* () {
      const stored = yield* backend.read(hashed)
      const { fresh, inputDocumentIds } = pickFresh(input, hashed, stored.classified)
      const again = reextraction(input, stored.claims)
      const claimIds = new Set(again.claims.map((c) => c.id as string))
      const { documents, claims } = canonical(
        [...stored.documents, ...fresh.map((f) => f.document)],
        [...again.claims, ...fresh.flatMap((f) => f.claims).filter((c) => !claimIds.has(c.id))],
      )
      const incremental = typeof analyse === "function" ? null : analyse
      const analysis = incremental ? incremental.analyseAll(documents, claims) : (analyse as Analyse)(documents, claims)
      const freshIds = new Set(fresh.map((f) => f.document.id as string))
      const analysed = new Map(analysis.documents.map((d) => [d.id as string, d]))
      const { groups, findings } = groupsAndFindings(analysis)
      const batch: Batch = {
        expected: stored.token,
        run: runOf(input),
        documents: fresh.map((f) => ({ ...f, document: analysed.get(f.document.id) ?? f.document })),
        documentUpdates: analysis.documents.filter((d) => !freshIds.has(d.id)),
        stories: analysis.stories ?? null,
        groups,
        findings,
        changes: diff(stored.findings, analysis.findings),
        extractorVersion: input.extractorVersion ?? null,
        reextracted: again.reextracted,
        storyState: analysis.storyState ?? null,
        ...(incremental
          ? {
              ...keysOf(incremental, analysis.documents, claims),
              storyItems: storyItemsOf(analysis.documents, claims, groups, analysis.findings),
              analysisVersion: incremental.version,
            }
          : {}),
      }
      const written = yield* backend.write(batch)
      if (written === null) return null
      const result: RunResult = {
        run: written.run,
        inputDocumentIds,
        changes: batch.changes,
        ...inStoredOrder(
          analysed,
          [...stored.documents, ...fresh.map((f) => f.document)],
          [...again.claims, ...fresh.flatMap((f) => f.claims)],
        ),
        findings: analysis.findings,
        stories: analysis.stories ?? stored.stories,
        scope: "all",
        leftOut: 0,
        skippedBlocks: analysis.skippedBlocks ?? 0,
      }
      return result
    })

  /**
   * A batch analysed against the stories it touches: its documents are placed among the stories found
   * through their keys, and those stories (with any linked through claim keys) are analysed whole.
   */
  const commitTouched = (input: RunInput, incremental: Incremental, hashed: ReadonlyArray<Hashed>) =>
    Effect.gen(function* () {
      const touched = yield* placeTouched(backend, incremental, input, hashed)
      // Without the story stage's state (a store from before it), the whole store is analysed once and the state written.
      if (touched === null) return yield* commitAll(input, incremental, hashed)
      const { fresh, inputDocumentIds, storedStories, placed, token, analysisVersion, readStories, stateRead } = touched
      const freshIds = new Set(fresh.map((f) => f.document.id as string))
      const freshPlaced = placed.documents.filter((d) => freshIds.has(d.id))
      const changedStories = new Set(freshPlaced.map((d) => d.storyId).filter((s): s is string => !!s))
      const freshClaims = fresh.flatMap((f) => f.claims)
      const freshKeys = keysOf(incremental, freshPlaced, freshClaims)
      const again = reextraction(input, [])
      const claimKeys = [...new Set((freshKeys.claimKeys ?? []).map(([, , key]) => key))]
      const scope = yield* backend.scope({
        stories: [...new Set([...changedStories, ...storedStories, ...again.stories])],
        claimKeys,
        maxStories: MAX_LINKED_STORIES,
      })
      const scopeClaims = reextraction(input, scope.claims).claims
      // Claims extracted again are filed under their keys anew (the old ones go with the old claims).
      const againIds = new Set(again.reextracted.map((e) => e.documentId))
      const againKeys = keysOf(
        incremental,
        scope.documents.filter((d) => againIds.has(d.id)),
        again.reextracted.flatMap((e) => e.claims),
      ).claimKeys
      const storedClaimIds = new Set(scopeClaims.map((c) => c.id as string))
      const { documents, claims } = canonical(
        [...scope.documents, ...freshPlaced],
        [...scopeClaims, ...freshClaims.filter((c) => !storedClaimIds.has(c.id))],
      )
      const analysis = incremental.analyse(documents, claims)
      const analysed = new Map(analysis.documents.map((d) => [d.id as string, d]))
      const { groups, findings } = groupsAndFindings(analysis)
      const newStories = placed.stories.filter((st) => changedStories.has(st.id))
      const storyIds = [...new Set([...scope.stories.map((st) => st.id as string), ...changedStories])]
      const batch: Batch = {
        expected: token,
        relies: {
          stories: [...new Set([...storyIds, ...readStories])],
          storyKeys: [...new Set((freshKeys.storyKeys ?? []).map(([, key]) => key))],
          claimKeys,
          stateKeys: stateRead,
          hashes: fresh.map((f) => f.hash),
          analysisVersion,
        },
        run: runOf(input),
        documents: fresh.map((f) => ({ ...f, document: analysed.get(f.document.id) ?? f.document })),
        documentUpdates: analysis.documents.filter((d) => !freshIds.has(d.id)),
        stories: newStories,
        groups,
        findings,
        changes: diff(scope.findings, analysis.findings),
        scope: {
          stories: storyIds,
          findingIds: scope.findings.map((f) => f.id),
          groupIds: scope.groupIds,
        },
        storyKeys: freshKeys.storyKeys ?? [],
        claimKeys: [...(freshKeys.claimKeys ?? []), ...(againKeys ?? [])],
        storyItems: storyItemsOf(analysis.documents, claims, groups, analysis.findings),
        analysisVersion: incremental.version,
        extractorVersion: input.extractorVersion ?? null,
        reextracted: again.reextracted,
        storyState: placed.state ?? null,
      }
      const written = yield* backend.write(batch)
      if (written === null) return null
      const changed = new Map(newStories.map((st) => [st.id as string, st]))
      const result: RunResult = {
        run: written.run,
        inputDocumentIds,
        changes: batch.changes,
        ...inStoredOrder(analysed, [...scope.documents, ...freshPlaced], [...scopeClaims, ...freshClaims]),
        findings: analysis.findings,
        // In the order they were started: stored ones (changed or not), then those this batch started.
        stories: [
          ...scope.stories.map((st) => changed.get(st.id) ?? st),
          ...newStories.filter((st) => !scope.stories.some((s) => s.id === st.id)),
        ],
        scope: "touched",
        leftOut: scope.leftOut,
        skippedBlocks: analysis.skippedBlocks ?? 0,
      }
      return result
    })

  const commit = (input: RunInput, analyse: Analyse | Incremental): Effect.Effect<RunResult, StoreError> => {
    const hashed = input.extracted.map(({ document }) => ({ document, hash: contentHash(document) }))
    const once =
      typeof analyse === "function"
        ? () => commitAll(input, analyse, hashed)
        : () => commitTouched(input, analyse, hashed)
    const attempt = (n: number): Effect.Effect<RunResult, StoreError> =>
      Effect.flatMap(once(), (result) =>
        result !== null
          ? Effect.succeed({ ...result, attempts: n + 1 })
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

  const lookup: Service["lookup"] = (documents) =>
    Effect.map(backend.classify(documents.map(({ id, hash }) => ({ document: { id }, hash }))), (cs) =>
      cs.map((c) => c.status),
    )

  return {
    path: backend.path,
    version: backend.version,
    classify: (documents) => lookup(documents.map((d) => ({ id: d.id, hash: contentHash(d) }))),
    lookup,
    commit,
    stories: backend.stories,
    snapshot: (options = {}) => backend.snapshot(options.since ?? null, options.claims ?? "all"),
    claims: (query = {}) => backend.claims(query),
    findings: backend.findings,
    runs: backend.runs,
    stale: backend.stale,
    versions: backend.versions,
  }
}

/**
 * Opens the store's backend for the scope's lifetime: a `postgres://` URL on its server (Location.ts
 * decides), anything else as a SQLite file, whose closing checkpoints the WAL.
 */
export const openBackend = (options: Options): Effect.Effect<Backend, StoreError, Scope.Scope> => {
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS
  const access = options.access ?? "write"
  const location = Location.parse(options.path)
  if (location.engine === "postgres")
    return Effect.map(Postgres.make({ url: location.url, access, busyTimeoutMs }), ({ backend }) => backend)
  return Effect.acquireRelease(
    Effect.try({
      try: () => Sqlite.open({ path: location.path, access, busyTimeoutMs }),
      catch: (e) => Open.toStoreError(location.path, e, busyTimeoutMs),
    }),
    ({ db }) => Effect.sync(() => db.close()),
  ).pipe(Effect.map(({ backend }) => fromSync(backend, (e) => Open.toStoreError(location.path, e, busyTimeoutMs))))
}

/** Opens the store for the scope's lifetime. */
export const make = (options: Options): Effect.Effect<Service, StoreError, Scope.Scope> =>
  Effect.map(openBackend(options), fromBackend)

export const layer = (options: Options): Layer.Layer<Store, StoreError> => Layer.scoped(Store, make(options))
