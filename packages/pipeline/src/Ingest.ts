/**
 * Incremental checking: new articles are extracted, stored and aligned against the stored stories they
 * join, and the run says which findings are new or changed as well as giving those stories whole.
 */
import {
  type Document,
  type Finding,
  Ids,
  type Report,
  type StoreError,
  type Story,
  type UsageError,
} from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import { Notices, ReportFile } from "@crosscheck/report"
import { Deferred, Inputs } from "@crosscheck/sources"
import { Location, Store } from "@crosscheck/store"
import { Clustering } from "@crosscheck/stories"
import { Effect, Layer } from "effect"
import type * as Budget from "./Budget.js"
import * as ExtractionPool from "./ExtractionPool.js"
import * as Incremental from "./Incremental.js"
import * as Pipeline from "./Pipeline.js"
import type * as Verify from "./Verify.js"

export interface Options {
  readonly asOf?: string | null
  /** Called after each new document is extracted; stored ones are not extracted again. */
  readonly onProgress?: (done: number, total: number) => void
  /** Called as each stage starts (reading, extracting, stories, aligning, judging, storing). */
  readonly onPhase?: Pipeline.OnPhase
  /** What one article may cost (default Budget.DEFAULT). */
  readonly budget?: Budget.Budget
  /** Folders never read: the run's own report folder when it lies inside an input folder. */
  readonly exclude?: ReadonlyArray<string>
  /** The extractor version stamped on new claims (default Extractor.VERSION); stored claims of another are extracted again. */
  readonly extractorVersion?: string
  /**
   * Called in a run in parts as each part is let go (before the next is read, and before the whole
   * store is read for the report): the CLI collects garbage there, so the heap one part's analysis grew
   * is not still held when the next part's threads start.
   */
  readonly betweenParts?: () => void
}

export interface Ingested {
  /**
   * The stories this run touched, whole (every story on a store's first run): their documents, claims
   * and current findings, and this run's input errors. `report` gives the whole store.
   */
  readonly report: Report.Report
  readonly runId: number
  readonly documentsAdded: number
  readonly claimsAdded: number
  /** Documents of this run's inputs whose content was already stored. */
  readonly documentsSkipped: number
  /** What this run changed among the findings: new, verdict-changed, grown, gone. */
  readonly changes: ReadonlyArray<Store.Change>
}

/**
 * The documents the store does not hold yet (`fresh`), in input order, and those it holds (`stored`); an
 * article edited in place (same path and text, another outlet) is another article, under an id of its own.
 */
export interface Unstored {
  readonly fresh: ReadonlyArray<Document.Document>
  readonly stored: ReadonlyArray<Document.Document>
}

export const unstored = (
  documents: ReadonlyArray<Document.Document>,
): Effect.Effect<Unstored, StoreError, Store.Store> =>
  Effect.map(sort(Deferred.of(documents, Store.contentHash)), ({ fresh, stored }) => ({
    fresh: fresh.flatMap((f) => (f.entry.document ? [withId(f.entry.document, f.id)] : [])),
    stored: stored.flatMap((e) => (e.document ? [e.document] : [])),
  }))

/** An input document the store does not hold, by its listing, and the id it is stored under. */
interface Fresh {
  readonly entry: Deferred.Entry
  /** Its own id, or another when a different article holds that one (`Ids.documentId(id, hash)`). */
  readonly id: Ids.DocumentId
  readonly publishedAt: string | null
}

const withId = (d: Document.Document, id: Ids.DocumentId): Document.Document => (d.id === id ? d : { ...d, id })

/** The listed documents the store does not hold yet (in input order) and those it holds, by id and content hash. */
const sort = (
  entries: ReadonlyArray<Deferred.Entry>,
): Effect.Effect<
  { readonly fresh: ReadonlyArray<Fresh>; readonly stored: ReadonlyArray<Deferred.Entry> },
  StoreError,
  Store.Store
> =>
  Effect.map(
    Effect.flatMap(Store.Store, (store) => store.lookup(entries.map((e) => ({ id: e.id, hash: e.key })))),
    (status) => ({
      fresh: entries.flatMap((entry, i) =>
        status[i] === "id-taken"
          ? [{ entry, id: Ids.documentId(entry.id, entry.key), publishedAt: entry.publishedAt }]
          : status[i] === "new"
            ? [{ entry, id: entry.id, publishedAt: entry.publishedAt }]
            : [],
      ),
      stored: entries.filter((_, i) => status[i] === "stored"),
    }),
  )

/**
 * Above this many new articles a run stores them in parts of this many, in the order one batch would
 * place them (by date, then id), each part a batch of its own: a run's memory then follows the part,
 * not the input (at 40,000 articles every claim at once is 1.2 million of them, over a gigabyte).
 */
export const PART_DOCUMENTS = 4_000

/** What one batch committed, for the run's summary. */
interface Committed {
  readonly result: Store.RunResult
  readonly errors: ReadonlyArray<Report.InputError>
}

/**
 * One batch: `fresh` extracted and stored, with `stale` stored documents extracted again (their stories
 * judged again in the same batch, so no finding mixes claims of two extractor versions) and `stored` ones
 * (already stored, without claims: the batch covers their stories as well).
 */
const batch = (
  parts: {
    readonly fresh: ReadonlyArray<Document.Document>
    readonly stale: ReadonlyArray<Document.Document>
    readonly stored: ReadonlyArray<Document.Document>
    /** Inputs of this batch that could not be read: stored with its run's errors, for `report --db` to list. */
    readonly unread: ReadonlyArray<Report.InputError>
  },
  inputs: ReadonlyArray<string>,
  options: Options,
  onProgress: ((done: number, total: number) => void) | undefined,
  /** A later part of a run stored in parts: the first part's run id. */
  partOf: number | null = null,
): Effect.Effect<Committed, StoreError, Extractor.Extractor | Store.Store> =>
  Effect.gen(function* () {
    const startedAt = new Date()
    const store = yield* Store.Store
    const { fresh, stale, stored } = parts
    // Extraction is pure and slow: it happens before the write transaction, which stays short. A
    // document that could not be extracted is not stored, so the next run tries it again.
    const all = yield* ExtractionPool.extractAll(
      [...fresh, ...stale],
      ExtractionPool.optionsOf({ onProgress, budget: options.budget }),
    )
    const staleIds = new Set(stale.map((d) => d.id as string))
    const extracted = all.extracted.filter((e) => !staleIds.has(e.document.id))
    const reextracted = all.extracted.filter((e) => staleIds.has(e.document.id))
    const done = new Set(reextracted.map((e) => e.document.id as string))
    const result = yield* store.commit(
      {
        startedAt,
        asOf: options.asOf ?? null,
        inputs,
        errors: [...parts.unread, ...all.errors],
        extracted: [...extracted, ...stored.map((document) => ({ document, claims: [] }))],
        partOf,
        extractorVersion: options.extractorVersion ?? Extractor.VERSION,
        reextracted,
        notReextracted: stale.filter((d) => !done.has(d.id)),
      },
      Incremental.make(options.onPhase),
    )
    return { result, errors: all.errors }
  })

/**
 * A change of a run in parts as it is kept until the last part: its finding by id, not whole. Every
 * finding a change names is stored, and at 40,000 articles the changes named 40,000 of them, long
 * explanations included, held through every later part's analysis.
 */
interface KeptChange {
  readonly kind: Store.ChangeKind
  readonly findingId: string
  readonly previous: Store.Change["previous"]
}

/**
 * The kept changes with their findings again: the current ones as the run's report gives them, those a
 * later part replaced read from the store.
 */
const changesOf = (
  kept: ReadonlyArray<KeptChange>,
  current: ReadonlyArray<Finding.Finding>,
): Effect.Effect<ReadonlyArray<Store.Change>, StoreError, Store.Store> =>
  Effect.gen(function* () {
    const byId = new Map<string, Finding.Finding>(current.map((f) => [f.id, f]))
    const replaced = [...new Set(kept.map((k) => k.findingId).filter((id) => !byId.has(id)))]
    if (replaced.length > 0) for (const f of yield* (yield* Store.Store).findings(replaced)) byId.set(f.id, f)
    return kept.flatMap(({ kind, findingId, previous }) => {
      const finding = byId.get(findingId)
      return finding ? [{ kind, finding, previous }] : []
    })
  })

/** How a large input is taken in parts. */
interface Parts {
  /** Articles per part (default PART_DOCUMENTS). */
  readonly partDocuments?: number
  /** Texts kept in memory while listing the input, in characters (default Deferred.KEEP_CHARS); the rest are read again. */
  readonly keepChars?: number
}

/** Stores documents already read (from files, a feed or an API call) and re-analyses the store. */
export const documents = (
  read: Inputs.Result,
  inputs: ReadonlyArray<string>,
  options: Options & Parts = {},
): Effect.Effect<Ingested, StoreError, Extractor.Extractor | Store.Store> =>
  listed({ entries: Deferred.of(read.documents, Store.contentHash), errors: read.errors }, inputs, options)

/**
 * Stores listed documents and re-analyses the store. Texts not kept by the listing are read when their
 * part comes, so a large input holds the texts of one part (and its dates, ids and hashes), not all of them.
 */
const listed = (
  list: Deferred.Listed,
  inputs: ReadonlyArray<string>,
  options: Options & Parts,
): Effect.Effect<Ingested, StoreError, Extractor.Extractor | Store.Store> => {
  const listedCount = list.entries.length
  // Let go of once looked up: a large input's parts are freed as they are stored.
  let input: ReadonlyArray<Deferred.Entry> | null = list.entries
  const errors: Report.InputError[] = [...list.errors]
  // Documents listed but not readable again when their part came (changed or removed since).
  let unreadable = 0
  const read = (entries: ReadonlyArray<Deferred.Entry>): ReadonlyArray<Document.Document | null> => {
    const loaded = Deferred.load(entries, Store.contentHash, { asOf: options.asOf ?? null })
    errors.push(...loaded.errors)
    unreadable += loaded.errors.length
    return loaded.documents
  }
  const readFresh = (fresh: ReadonlyArray<Fresh>): Document.Document[] =>
    read(fresh.map((f) => f.entry)).flatMap((d, i) => {
      const id = fresh[i]?.id
      return d && id ? [withId(d, id)] : []
    })
  const readStored = (stored: ReadonlyArray<Deferred.Entry>): Document.Document[] =>
    read(stored).flatMap((d) => (d ? [d] : []))
  // The read errors not yet stored with a batch's run: each is stored with the first batch after it.
  let storedErrors = 0
  const unread = (): Report.InputError[] => {
    const since = errors.slice(storedErrors)
    storedErrors = errors.length
    return since
  }
  return Effect.gen(function* () {
    const store = yield* Store.Store
    let sorted: { fresh: ReadonlyArray<Fresh>; stored: ReadonlyArray<Deferred.Entry> } | null = yield* sort(input ?? [])
    input = null
    const storedEntries = sorted.stored
    let fresh: ReadonlyArray<Fresh> | null = sorted.fresh
    sorted = null
    const stale = yield* store.stale(options.extractorVersion ?? Extractor.VERSION)
    options.onPhase?.("extracting", fresh.length + stale.length)
    const size = Math.max(1, options.partDocuments ?? PART_DOCUMENTS)
    if (fresh.length <= size) {
      const parts = { fresh: readFresh(fresh), stale, stored: readStored(storedEntries), unread: unread() }
      const { result, errors: more } = yield* batch(parts, inputs, options, options.onProgress)
      errors.push(...more)
      return {
        report: {
          ...ReportFile.make({
            asOf: options.asOf ?? null,
            documents: result.documents,
            claims: result.claims,
            findings: result.findings,
            errors,
            coverage: { skippedBlocks: result.skippedBlocks ?? 0, storiesLeftOut: result.leftOut ?? 0 },
          }),
          stories: result.stories,
        },
        runId: result.run.id,
        documentsAdded: result.run.documentsAdded,
        claimsAdded: result.run.claimsAdded,
        documentsSkipped: listedCount - unreadable - result.run.documentsAdded,
        changes: result.changes,
      }
    }
    // A large input in parts, in the order one batch places them (which needs only dates and ids), each
    // taken off the list as it goes and its texts read only then, so its articles and claims can be freed.
    const pending = [...Clustering.canonicalOrder(fresh)]
    const total = fresh.length + stale.length
    fresh = null
    let extracted = 0
    // Only the first part's run id, the run's as `runs` lists it, is kept of each part's result: a result
    // holds the documents and claims of every story its part touched, too much to keep to the end.
    let firstRun: number | null = null
    const kept: KeptChange[] = []
    const sums = { documents: 0, claims: 0, skippedBlocks: 0, storiesLeftOut: 0 }
    for (let first = true; pending.length > 0; first = false) {
      const part = pending.splice(0, size)
      const before = extracted
      const partOf: number | null = first ? null : firstRun
      // Mapped to what the run keeps of it at once, so the part's result is unreachable when it is let go.
      const runId: number = yield* Effect.map(
        batch(
          {
            fresh: readFresh(part),
            stale: first ? stale : [],
            stored: first ? readStored(storedEntries) : [],
            unread: unread(),
          },
          inputs,
          options,
          (done) => options.onProgress?.(before + done, total),
          partOf,
        ),
        ({ result, errors: more }): number => {
          errors.push(...more)
          storedErrors = errors.length
          for (const c of result.changes) kept.push({ kind: c.kind, findingId: c.finding.id, previous: c.previous })
          sums.documents += result.run.documentsAdded
          sums.claims += result.run.claimsAdded
          sums.skippedBlocks += result.skippedBlocks ?? 0
          sums.storiesLeftOut += result.leftOut ?? 0
          return result.run.id
        },
      )
      if (first) firstRun = runId
      extracted += part.length + (first ? stale.length : 0)
      options.betweenParts?.()
    }
    // The picture after every part, as `report` gives it: the findings and the claims they cite.
    const snapshot = yield* store.snapshot({ since: null, claims: "cited" })
    const changes = yield* changesOf(kept, snapshot.findings)
    return {
      report: {
        ...ReportFile.make({
          asOf: options.asOf ?? null,
          ...snapshot,
          errors,
          coverage: { skippedBlocks: sums.skippedBlocks, storiesLeftOut: sums.storiesLeftOut },
        }),
        stories: snapshot.stories,
      },
      runId: firstRun ?? 0,
      documentsAdded: sums.documents,
      claimsAdded: sums.claims,
      documentsSkipped: listedCount - unreadable - sums.documents,
      changes,
    }
  })
}

/**
 * `crosscheck run --db`: lists the paths' documents (each text kept only while a part's worth is held),
 * then stores and re-analyses as `documents` does, reading the other texts again when their part comes.
 */
export const paths = (
  paths: ReadonlyArray<string>,
  options: Options & Parts = {},
): Effect.Effect<Ingested, UsageError | StoreError, Extractor.Extractor | Store.Store> =>
  Effect.flatMap(
    Effect.zipRight(
      Effect.sync(() => options.onPhase?.("reading", paths.length)),
      Deferred.list(paths, Store.contentHash, {
        asOf: options.asOf ?? null,
        exclude: options.exclude ?? [],
        ...(options.keepChars === undefined ? {} : { keepChars: options.keepChars }),
      }),
    ),
    (list) => listed(list, paths, options),
  )

/**
 * Reads nothing new and brings the store up to date with this crosscheck: documents an older extractor
 * read are extracted again and every story whose findings an older analysis judged is judged again.
 */
export const update = (
  options: Options & Parts = {},
): Effect.Effect<Ingested, StoreError, Extractor.Extractor | Store.Store> =>
  listed({ entries: [], errors: [] }, [], options)

/** How current a store is for this crosscheck, as `versions` reads it. */
export interface StoreVersions extends Store.Versions {
  /** This crosscheck's analysis version. */
  readonly analysisNow: string
  /** The findings were judged by another analysis version (a store with documents only). */
  readonly staleAnalysis: boolean
  /** Nothing stale: no document of an older extractor, no finding of an older analysis. */
  readonly current: boolean
}

/** How current the store is for this crosscheck: what is stale in it, counted, and the analysis it was judged with. */
export const versions = (): Effect.Effect<StoreVersions, StoreError, Store.Store> =>
  Effect.flatMap(Store.Store, (store) =>
    Effect.map(store.versions(Extractor.VERSION), (v) => {
      // The one test of it, which the report's note (Notices) makes as well.
      const staleAnalysis = Notices.staleAnalysis({ ...v, analysisNow: Incremental.ANALYSIS_VERSION })
      return {
        ...v,
        analysisNow: Incremental.ANALYSIS_VERSION,
        staleAnalysis,
        current: v.staleDocuments === 0 && !staleAnalysis,
      }
    }),
  )

/** What of the store is older than this crosscheck, as the report carries it; null when it is current. */
export const outdatedStore = (v: StoreVersions): Report.OutdatedStore | null =>
  v.current
    ? null
    : {
        documents: v.documents,
        staleDocuments: v.staleDocuments,
        analysisVersion: v.analysisVersion,
        analysisNow: v.analysisNow,
      }

/**
 * The stored picture as a report, with the claims its findings cite; with `since` (a date, or a run's
 * id: the runs after it), only the stories changed since then, whole. A store an older crosscheck left
 * is shown as it is (a reader never re-extracts), and the report says what of it is older.
 */
export const report = (
  options: {
    readonly since?: Store.Since | null
    /** When the report is made (now by default): two threads writing one report's files give it one time. */
    readonly generatedAt?: Date
    /** The store's versions, when the caller has read them already (`versions`): not read again. */
    readonly versions?: StoreVersions
  } = {},
): Effect.Effect<Report.Report, StoreError, Store.Store> =>
  Effect.gen(function* () {
    const store = yield* Store.Store
    // The claims the findings cite, not every stored claim: `claims` lists those (a tenth at 10,000 articles).
    const snapshot = yield* store.snapshot({ since: options.since ?? null, claims: "cited" })
    const outdated = outdatedStore(options.versions ?? (yield* versions()))
    const made = ReportFile.make({
      asOf: null,
      ...snapshot,
      // The input errors of the runs the report covers, as each run's own report listed them.
      errors: snapshot.errors ?? [],
      ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
      ...(outdated ? { outdatedStore: outdated } : {}),
    })
    return { ...made, stories: snapshot.stories }
  })

/**
 * Reads and extracts without storing anything: `verify` against files. As in every run, extraction
 * goes to worker threads when the input is large, and a document that cannot be extracted is left out.
 */
export const extractOnly = (
  paths: ReadonlyArray<string>,
  asOf: string | null = null,
): Effect.Effect<Verify.Sources, UsageError, Extractor.Extractor> =>
  Effect.gen(function* () {
    const read = yield* Inputs.read(paths, { asOf })
    const { extracted } = yield* ExtractionPool.extractAll(read.documents)
    return { documents: extracted.map((e) => e.document), claims: extracted.flatMap((e) => e.claims) }
  })

/** The stored stories, in the order they were started. */
export const stories = (): Effect.Effect<ReadonlyArray<Story.Story>, StoreError, Store.Store> =>
  Effect.flatMap(Store.Store, (store) => store.stories())

export type Change = Store.Change
export type StoredClaim = Store.StoredClaim
export type ClaimQuery = Store.ClaimQuery

export interface StoreOptions {
  /** The store file (":memory:" keeps nothing), or a PostgreSQL database's URL (postgres://user@host:port/name). */
  readonly db: string
  /** "read" opens a read-only store for queries (report, claims); "write" is the default. */
  readonly access?: "read" | "write"
  readonly busyTimeoutMs?: number
}

/** The store as it may be printed: a PostgreSQL URL's password hidden. */
export const displayDb = (db: string): string => Location.display(db)

export const storeLayer = (options: StoreOptions): Layer.Layer<Store.Store, StoreError> =>
  Store.layer({
    path: options.db,
    ...(options.access ? { access: options.access } : {}),
    ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
  })

/** What ingesting needs: the extractor with its model, loaded once, and the open store. */
export const layer = (
  options: StoreOptions & { readonly asOf?: string | null },
): Layer.Layer<Extractor.Extractor | Store.Store, StoreError> =>
  Layer.merge(Pipeline.layer({ asOf: options.asOf ?? null }), storeLayer(options))

/** The input files the paths name; a missing path or an empty folder is bad usage. */
export const check = (
  paths: ReadonlyArray<string>,
  exclude: ReadonlyArray<string> = [],
): Effect.Effect<ReadonlyArray<string>, UsageError> => Inputs.list(paths, { exclude })

export const claims = (query: ClaimQuery = {}): Effect.Effect<ReadonlyArray<StoredClaim>, StoreError, Store.Store> =>
  Effect.flatMap(Store.Store, (store) => store.claims(query))
