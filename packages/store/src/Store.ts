/**
 * The SQLite store: documents keyed by content hash, their claims, the aligned groups and findings
 * of everything stored, and the runs that added them. A run is written in one transaction.
 */
import { createHash } from "node:crypto"
import {
  type AlignedGroup,
  Claim,
  type Document,
  type Finding,
  Ids,
  type Report,
  type StoreError,
  type Story,
} from "@crosscheck/domain"
import type BetterSqlite3 from "better-sqlite3"
import { Context, Effect, Layer, type Scope } from "effect"
import * as Open from "./internal/Open.js"

export interface Options {
  /** The SQLite file, created with its folder when missing; ":memory:" keeps nothing. */
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

const wellFormed = (s: string | null): boolean =>
  s === null || (s as string & { isWellFormed: () => boolean }).isWellFormed()

/** A document's identity in the store: the same outlet and text is the same article, whatever its path. */
export const contentHash = (document: Pick<Document.Document, "outlet" | "text">): string =>
  createHash("sha256").update(document.outlet).update("\u0000").update(document.text).digest("hex")

interface DocumentRow {
  id: string
  outlet: string
  title: string | null
  published_at: string | null
  url: string | null
  origin_path: string
  origin_index: number
  syndication_group: string | null
  story_id?: string | null
  text: string
}

const toDocument = (r: DocumentRow): Document.Document => ({
  id: r.id as Document.Document["id"],
  outlet: r.outlet,
  title: r.title,
  publishedAt: r.published_at,
  url: r.url,
  origin: { path: r.origin_path, index: r.origin_index },
  syndicationGroup: r.syndication_group,
  ...(r.story_id ? { storyId: r.story_id } : {}),
  text: r.text,
})

interface FindingRow {
  id: string
  verdict: Finding.Verdict
  claim_ids: string
  independent_sources: number
  summary: string
  explanation: string
  story_id: string | null
}

const toFinding = (r: FindingRow): Finding.Finding => ({
  id: r.id as Finding.Finding["id"],
  verdict: r.verdict,
  claimIds: JSON.parse(r.claim_ids),
  independentSources: r.independent_sources,
  summary: r.summary,
  explanation: r.explanation,
  ...(r.story_id ? { storyId: r.story_id } : {}),
})

interface StoryRow {
  id: string
  label: string
  start: string | null
  end: string | null
  outlets: string
  document_ids: string
}

const toStory = (r: StoryRow): Story.Story => ({
  id: r.id as Story.Story["id"],
  label: r.label,
  start: r.start,
  end: r.end,
  outlets: JSON.parse(r.outlets),
  documentIds: JSON.parse(r.document_ids),
})

interface RunRow {
  id: number
  started_at: string
  finished_at: string
  as_of: string | null
  inputs: string
  errors: string
  documents_added: number
  claims_added: number
}

const toRun = (r: RunRow): Run => ({
  id: r.id,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  asOf: r.as_of,
  inputs: JSON.parse(r.inputs),
  errors: JSON.parse(r.errors),
  documentsAdded: r.documents_added,
  claimsAdded: r.claims_added,
})

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

const groupId = (group: AlignedGroup.AlignedGroup): string =>
  Ids.hashId("g", group.key, ...group.members.map((m) => m.claim.id))

const claimSetKey = (ids: ReadonlyArray<string>): string => [...new Set(ids)].sort().join(" ")

const ftsPhrase = (entity: string): string | null => {
  const words = entity.match(/[\p{L}\p{N}]+/gu)
  return words ? `"${words.join(" ")}"` : null
}

/** The service over an open better-sqlite3 connection; every call is synchronous underneath. */
export const fromDatabase = (db: BetterSqlite3.Database, path: string, busyTimeoutMs: number): Service => {
  const attempt = <A>(f: () => A): Effect.Effect<A, StoreError> =>
    Effect.try({ try: f, catch: (e) => Open.toStoreError(path, e, busyTimeoutMs) })

  const allDocuments = (): Document.Document[] => {
    const out: Document.Document[] = []
    for (const r of db.prepare("SELECT * FROM documents ORDER BY seq").iterate() as Iterable<DocumentRow>)
      out.push(toDocument(r))
    return out
  }
  /**
   * Every claim, one row at a time (their JSON at 10,000 documents is hundreds of MB), each text a
   * slice of its document's text (`documents`: all of them) rather than a copy.
   */
  const allClaims = (documents: ReadonlyArray<Document.Document>): Claim.Claim[] => {
    const textOf = new Map(documents.map((d) => [d.id as string, d.text]))
    const out: Claim.Claim[] = []
    for (const body of db.prepare("SELECT body FROM claims ORDER BY seq").pluck().iterate() as Iterable<string>) {
      const claim: Claim.Claim = JSON.parse(body)
      const text = textOf.get(claim.documentId)
      out.push(text === undefined ? claim : (Claim.shareText([claim], text)[0] ?? claim))
    }
    return out
  }
  const documentById = db.prepare("SELECT * FROM documents WHERE id = ?")
  /** A document as the store gives it back; SQLite cannot keep a lone surrogate, so such a one is read back. */
  const asStored = (d: Document.Document): Document.Document =>
    [d.outlet, d.title, d.url, d.text, d.origin.path].every(wellFormed)
      ? toDocument({
          id: d.id,
          outlet: d.outlet,
          title: d.title,
          published_at: d.publishedAt,
          url: d.url,
          origin_path: d.origin.path,
          origin_index: d.origin.index,
          syndication_group: d.syndicationGroup,
          story_id: d.storyId ?? null,
          text: d.text,
        })
      : toDocument(documentById.get(d.id) as DocumentRow)
  const allStories = (): Story.Story[] =>
    (db.prepare("SELECT * FROM stories ORDER BY position").all() as StoryRow[]).map(toStory)
  const currentFindings = (): Finding.Finding[] =>
    (db.prepare("SELECT * FROM findings WHERE current = 1 ORDER BY position").all() as FindingRow[]).map(toFinding)

  const classifySync = (documents: ReadonlyArray<Document.Document>): Array<"stored" | "new" | "id-taken"> => {
    const byHash = db.prepare("SELECT 1 FROM documents WHERE content_hash = ?").pluck()
    const byId = db.prepare("SELECT 1 FROM documents WHERE id = ?").pluck()
    return documents.map((d) =>
      byHash.get(contentHash(d)) !== undefined ? "stored" : byId.get(d.id) !== undefined ? "id-taken" : "new",
    )
  }

  const commitSync = (input: RunInput, analyse: Analyse): RunResult => {
    const finishedAt = new Date().toISOString()
    const runId = Number(
      db
        .prepare("INSERT INTO runs (started_at, finished_at, as_of, inputs, errors) VALUES (?, ?, ?, ?, ?)")
        .run(
          input.startedAt.toISOString(),
          finishedAt,
          input.asOf,
          JSON.stringify(input.inputs),
          JSON.stringify(input.errors),
        ).lastInsertRowid,
    )
    const idOfHash = db.prepare("SELECT id FROM documents WHERE content_hash = ?").pluck()
    const insertDocument = db.prepare(
      `INSERT INTO documents (id, content_hash, outlet, title, published_at, url, origin_path, origin_index, syndication_group, text, run_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const insertClaim = db.prepare(
      `INSERT OR IGNORE INTO claims (id, document_id, kind, text, subject, object, source, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const idTaken = db.prepare("SELECT 1 FROM documents WHERE id = ?").pluck()
    // Everything stored before this run, read once; this run's documents and claims join it as they
    // are written, so the analysis and the result share one copy of every claim.
    const documents = allDocuments()
    const claims = allClaims(documents)
    const lastSeq = db.prepare("SELECT coalesce(max(seq), 0) FROM claims").pluck().get() as number
    let documentsAdded = 0
    let claimsAdded = 0
    const inputDocumentIds: string[] = []
    for (const { document: d, claims: extracted } of input.extracted) {
      const hash = contentHash(d)
      const existing = idOfHash.get(hash) as string | undefined
      if (existing !== undefined) {
        inputDocumentIds.push(existing)
        continue
      }
      // Same path, index and text but another outlet name: keep both, under distinct ids.
      if (idTaken.get(d.id) !== undefined) continue
      insertDocument.run(
        d.id,
        hash,
        d.outlet,
        d.title,
        d.publishedAt,
        d.url,
        d.origin.path,
        d.origin.index,
        d.syndicationGroup,
        d.text,
        runId,
      )
      documents.push(asStored(d))
      documentsAdded++
      inputDocumentIds.push(d.id)
      for (const c of extracted) {
        const body = JSON.stringify(c)
        const r = insertClaim.run(
          c.id,
          d.id,
          c.kind,
          c.text,
          c.subject,
          c.object,
          c.attribution.source?.text ?? null,
          body,
        )
        if (r.changes === 0) continue
        claimsAdded++
        claims.push(Claim.survivesJson(c) ? c : JSON.parse(body))
      }
    }
    // Full-text rows for the run's claims in one statement: row by row (a trigger) took about three times as
    // long (2.0 s against 0.75 s to write 30,000 claims).
    db.prepare(
      `INSERT INTO claims_fts(rowid, text, subject, object, source)
       SELECT seq, text, coalesce(subject, ''), coalesce(object, ''), coalesce(source, '') FROM claims WHERE seq > ?`,
    ).run(lastSeq)
    const previous = currentFindings()
    const analysis = analyse(documents, claims)

    const setGroup = db.prepare(
      "UPDATE documents SET syndication_group = ? WHERE id = ? AND syndication_group IS NOT ?",
    )
    for (const d of analysis.documents) setGroup.run(d.syndicationGroup, d.id, d.syndicationGroup)
    // A document keeps its story once placed: the next run places only new documents among these.
    const setStory = db.prepare("UPDATE documents SET story_id = ? WHERE id = ? AND story_id IS NOT ?")
    for (const d of analysis.documents) if (d.storyId) setStory.run(d.storyId, d.id, d.storyId)
    if (analysis.stories) {
      db.prepare("DELETE FROM stories").run()
      const insertStory = db.prepare(
        "INSERT INTO stories (id, label, start, end, outlets, document_ids, position) VALUES (?, ?, ?, ?, ?, ?, ?)",
      )
      analysis.stories.forEach((st, position) => {
        insertStory.run(
          st.id,
          st.label,
          st.start,
          st.end,
          JSON.stringify(st.outlets),
          JSON.stringify(st.documentIds),
          position,
        )
      })
    }

    db.prepare("UPDATE aligned_groups SET current = 0 WHERE current = 1").run()
    db.prepare("UPDATE findings SET current = 0 WHERE current = 1").run()
    const upsertGroup = db.prepare(
      `INSERT INTO aligned_groups (id, key, kind, reasons, members, first_run, current) VALUES (?, ?, ?, ?, ?, ?, 1)
       ON CONFLICT(id) DO UPDATE SET current = 1`,
    )
    const groupOfClaims = new Map<string, string[]>()
    for (const g of analysis.groups) {
      const id = groupId(g)
      const members = g.members.map((m) => ({
        claimId: m.claim.id,
        quantity: m.quantity ? m.claim.quantities.indexOf(m.quantity) : null,
      }))
      upsertGroup.run(id, g.key, g.kind, JSON.stringify(g.reasons), JSON.stringify(members), runId)
      const key = claimSetKey(g.members.map((m) => m.claim.id))
      groupOfClaims.set(key, [...(groupOfClaims.get(key) ?? []), id])
    }
    const upsertFinding = db.prepare(
      `INSERT INTO findings (id, group_id, verdict, claim_ids, independent_sources, summary, explanation, first_run, current, position, story_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
       ON CONFLICT(id) DO UPDATE SET current = 1, position = excluded.position, group_id = excluded.group_id,
         verdict = excluded.verdict, independent_sources = excluded.independent_sources,
         summary = excluded.summary, explanation = excluded.explanation, story_id = excluded.story_id`,
    )
    analysis.findings.forEach((f, position) => {
      const candidates = groupOfClaims.get(claimSetKey(f.claimIds)) ?? []
      const group = candidates.shift() ?? null
      upsertFinding.run(
        f.id,
        group,
        f.verdict,
        JSON.stringify(f.claimIds),
        f.independentSources,
        f.summary,
        f.explanation,
        runId,
        position,
        f.storyId ?? null,
      )
    })
    const changes = diff(previous, analysis.findings)
    const insertChange = db.prepare(
      "INSERT OR IGNORE INTO changes (run_id, finding_id, change, previous_finding_id, previous_verdict) VALUES (?, ?, ?, ?, ?)",
    )
    for (const c of changes)
      insertChange.run(runId, c.finding.id, c.kind, c.previous?.id ?? null, c.previous?.verdict ?? null)
    db.prepare("UPDATE runs SET documents_added = ?, claims_added = ? WHERE id = ?").run(
      documentsAdded,
      claimsAdded,
      runId,
    )
    const run = toRun(db.prepare("SELECT * FROM runs WHERE id = ?").get(runId) as RunRow)
    return {
      run,
      inputDocumentIds,
      changes,
      documents: analysis.documents,
      claims,
      findings: analysis.findings,
      stories: analysis.stories ?? allStories(),
    }
  }
  // IMMEDIATE takes the write lock up front, so a second writer waits (busy timeout) instead of
  // failing with "database is locked" when its read would have to become a write.
  const commit = db.transaction(commitSync)

  const snapshotSync = (sinceText: string | null): Snapshot => {
    const documents = allDocuments()
    if (sinceText === null)
      return { documents, claims: allClaims(documents), findings: currentFindings(), stories: allStories() }
    const since = new Date(sinceText).toISOString()
    const findings = (
      db
        .prepare(
          `SELECT f.* FROM findings f WHERE f.current = 1 AND EXISTS (
             SELECT 1 FROM changes ch JOIN runs r ON r.id = ch.run_id
             WHERE ch.finding_id = f.id AND ch.change <> 'gone' AND r.finished_at >= ?)
           ORDER BY f.position`,
        )
        .all(since) as FindingRow[]
    ).map(toFinding)
    const cited = new Set(findings.flatMap((f) => f.claimIds as ReadonlyArray<string>))
    const added = new Set(
      db
        .prepare("SELECT d.id FROM documents d JOIN runs r ON r.id = d.run_id WHERE r.finished_at >= ?")
        .pluck()
        .all(since) as string[],
    )
    const claims = allClaims(documents).filter((c) => cited.has(c.id) || added.has(c.documentId))
    const used = new Set(claims.map((c) => c.documentId as string))
    const shown = documents.filter((d) => used.has(d.id) || added.has(d.id))
    const storiesShown = new Set(shown.map((d) => d.storyId))
    return { documents: shown, claims, findings, stories: allStories().filter((st) => storiesShown.has(st.id)) }
  }

  const claimsSync = (query: ClaimQuery): StoredClaim[] => {
    const phrase = query.entity ? ftsPhrase(query.entity) : null
    if (query.entity && !phrase) return []
    const rows = db
      .prepare(
        `SELECT c.body, d.outlet, d.title, d.published_at FROM claims c JOIN documents d ON d.id = c.document_id
         WHERE (@outlet IS NULL OR d.outlet = @outlet COLLATE NOCASE)
           AND (@phrase IS NULL OR c.seq IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH @phrase))
         ORDER BY c.seq`,
      )
      .all({ outlet: query.outlet ?? null, phrase }) as Array<{
      body: string
      outlet: string
      title: string | null
      published_at: string | null
    }>
    return rows.map((r) => ({
      claim: JSON.parse(r.body),
      outlet: r.outlet,
      title: r.title,
      publishedAt: r.published_at,
    }))
  }

  return {
    path,
    version: db.pragma("user_version", { simple: true }) as number,
    classify: (documents) => attempt(() => db.transaction(classifySync).deferred(documents)),
    commit: (input, analyse) => attempt(() => commit.immediate(input, analyse)),
    // A read transaction, so a snapshot never mixes two runs.
    snapshot: (options = {}) => attempt(() => db.transaction(snapshotSync).deferred(options.since ?? null)),
    claims: (query = {}) => attempt(() => claimsSync(query)),
    stories: () => attempt(allStories),
    runs: () => attempt(() => (db.prepare("SELECT * FROM runs ORDER BY id").all() as RunRow[]).map(toRun)),
  }
}

/** Opens the store for the scope's lifetime; closing checkpoints the WAL. */
export const make = (options: Options): Effect.Effect<Service, StoreError, Scope.Scope> => {
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS
  return Effect.acquireRelease(
    Effect.try({
      try: () => Open.open({ path: options.path, access: options.access ?? "write", busyTimeoutMs }),
      catch: (e) => Open.toStoreError(options.path, e, busyTimeoutMs),
    }),
    (db) => Effect.sync(() => db.close()),
  ).pipe(Effect.map((db) => fromDatabase(db, options.path, busyTimeoutMs)))
}

export const layer = (options: Options): Layer.Layer<Store, StoreError> => Layer.scoped(Store, make(options))
