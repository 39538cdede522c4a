/**
 * The SQLite backend of the store: the reads and the one short write transaction that the commit
 * algorithm in Store.ts needs, over one better-sqlite3 connection. Readers never take the write lock.
 */
import type { Claim, Document, Finding, Report, Story } from "@crosscheck/domain"
import type BetterSqlite3 from "better-sqlite3"
import * as LinkedStories from "./internal/LinkedStories.js"
import * as Open from "./internal/Open.js"
import * as Rows from "./internal/Rows.js"
import type * as Store from "./Store.js"

/** Documents another (or an unknown) extractor version read: three ranges of the index, not a test of every row. */
const STALE = "extractor_version IS NULL OR extractor_version < @v OR extractor_version > @v"

/** The backend over an open better-sqlite3 connection; every call is synchronous underneath. */
export const backend = (db: BetterSqlite3.Database, path: string): Store.SyncBackend => {
  const allDocuments = (): Document.Document[] => {
    const out: Document.Document[] = []
    for (const r of db.prepare("SELECT * FROM documents ORDER BY seq").iterate() as Iterable<Rows.DocumentRow>)
      out.push(Rows.toDocument(r))
    return out
  }
  /**
   * Every claim, one row at a time (their JSON at 10,000 documents is hundreds of MB), each text a
   * slice of its document's text (`documents`: all of them) rather than a copy.
   */
  const allClaims = (documents: ReadonlyArray<Document.Document>): Claim.Claim[] => {
    const read = Rows.claimReader(documents)
    const out: Claim.Claim[] = []
    for (const body of db.prepare("SELECT body FROM claims ORDER BY seq").pluck().iterate() as Iterable<string>)
      out.push(read(body))
    return out
  }
  const allStories = (): Story.Story[] =>
    (db.prepare(`SELECT ${Rows.STORY_COLUMNS} FROM stories s ORDER BY s.position`).all() as Rows.StoryRow[]).map(
      Rows.toStory,
    )
  const currentFindings = (): Finding.Finding[] =>
    (db.prepare("SELECT * FROM findings WHERE current = 1 ORDER BY position").all() as Rows.FindingRow[]).map(
      Rows.toFinding,
    )
  const lastRun = (): number => db.prepare("SELECT coalesce(max(id), 0) FROM runs").pluck().get() as number

  const classify = (documents: ReadonlyArray<Store.Keyed>): Store.Classified[] => {
    const byHash = db.prepare("SELECT id, story_id FROM documents WHERE content_hash = ?")
    const byId = db.prepare("SELECT 1 FROM documents WHERE id = ?").pluck()
    return documents.map(({ document: d, hash }) => {
      const stored = byHash.get(hash) as { id: string; story_id: string | null } | undefined
      if (stored !== undefined) return { status: "stored", storedId: stored.id, storyId: stored.story_id }
      return { status: byId.get(d.id) !== undefined ? "id-taken" : "new", storedId: null }
    })
  }

  const analysisVersion = (): string | null =>
    (db.prepare("SELECT value FROM meta WHERE key = 'analysis_version'").pluck().get() as string | undefined) ?? null
  const hasStoryState = (): boolean => db.prepare("SELECT 1 FROM meta WHERE key = 'story_state'").get() !== undefined
  /**
   * Part of the story state: the counters asked for, the newest `postingsPerKey` stories filed under each
   * key (by id), and the records of the stories asked for; each lookup by index, however large the store.
   */
  const statePart = (needs: Store.StateNeeds, postingsPerKey: number): Store.StatePart => {
    const counter = db.prepare("SELECT key, count, note, seq FROM story_counters WHERE key = ?").raw()
    const counters: Array<readonly [string, number, string | null, number]> = []
    for (const key of needs.counters) {
      const row = counter.get(key) as [string, number, string | null, number] | undefined
      if (row) counters.push(row)
    }
    const filed = db
      .prepare("SELECT story_id, position FROM story_postings WHERE key = ? ORDER BY position DESC LIMIT ?")
      .raw()
    const stories: Array<readonly [string, unknown, number]> = []
    const postings: Array<readonly [string, string]> = []
    for (const key of needs.keys)
      for (const [id, position] of filed.all(key, postingsPerKey) as Array<[string, number]>) {
        postings.push([key, id])
        stories.push([id, null, position])
      }
    const record = db.prepare("SELECT state, position FROM stories WHERE id = ? AND state IS NOT NULL").raw()
    for (const id of needs.stories) {
      const row = record.get(id) as [string, number] | undefined
      if (row) stories.push([id, JSON.parse(row[0]), row[1]])
    }
    return { counters, stories, postings, read: needs.keys }
  }

  /** Whether anything the batch relied on was written by another run since it read. */
  const moved = (batch: Store.Batch): boolean => {
    const relies = batch.relies
    if (!relies) return lastRun() !== batch.expected.lastRun
    if (analysisVersion() !== relies.analysisVersion) return true
    const stored = db
      .prepare("SELECT 1 FROM documents WHERE content_hash IN (SELECT value FROM json_each(?)) LIMIT 1")
      .get(JSON.stringify(relies.hashes))
    if (stored !== undefined) return true
    const touched = db
      .prepare(
        `SELECT 1 FROM stories WHERE revision > @last AND (
           id IN (SELECT value FROM json_each(@stories))
           OR id IN (SELECT story_id FROM story_keys WHERE key IN (SELECT value FROM json_each(@storyKeys)))
           OR id IN (SELECT story_id FROM claim_keys WHERE key IN (SELECT value FROM json_each(@claimKeys)))
           OR id IN (SELECT story_id FROM story_postings WHERE key IN (SELECT value FROM json_each(@stateKeys))))
         LIMIT 1`,
      )
      .get({
        last: batch.expected.lastRun,
        stories: JSON.stringify(relies.stories),
        storyKeys: JSON.stringify(relies.storyKeys),
        claimKeys: JSON.stringify(relies.claimKeys),
        stateKeys: JSON.stringify(relies.stateKeys ?? []),
      })
    return touched !== undefined
  }

  /** The documents of some stories, in the order they were stored, and their claims (texts shared). */
  const documentsOf = (stories: ReadonlyArray<string>): Document.Document[] => {
    const rows = db.prepare("SELECT d.* FROM json_each(?) s JOIN documents d ON d.story_id = s.value ORDER BY d.seq")
    return (rows.all(JSON.stringify(stories)) as Rows.DocumentRow[]).map(Rows.toDocument)
  }
  // Each body is parsed as it is read, as `allClaims` does: the bodies of large touched stories' claims are
  // never all held at once beside the claims made of them.
  const claimsOf = (documents: ReadonlyArray<Document.Document>): Claim.Claim[] => {
    const read = Rows.claimReader(documents)
    const bodies = db
      .prepare("SELECT c.body FROM json_each(?) j JOIN claims c ON c.document_id = j.value ORDER BY c.seq")
      .pluck()
      .iterate(JSON.stringify(documents.map((d) => d.id))) as Iterable<string>
    const out: Claim.Claim[] = []
    for (const body of bodies) out.push(read(body))
    return out
  }

  /**
   * For each document, the stories filed under its rarest keys, most recent first: at most PROBE_KEYS keys
   * and STORIES_PER_KEY stories each, so the candidates stay few however large the store grows.
   */
  const candidates = (
    fresh: ReadonlyArray<Store.Hashed>,
    keys: ReadonlyArray<ReadonlyArray<string>>,
    stateKeys: ReadonlyArray<string>,
  ): Store.Candidates => {
    const token = { lastRun: lastRun() }
    const classified = classify(fresh)
    // The state places the batch's documents without the stored ones: no need to find and read them.
    if (hasStoryState())
      return {
        token,
        classified,
        analysisVersion: analysisVersion(),
        documents: [],
        storyState: statePart({ counters: stateKeys, keys: [], stories: [] }, 0),
      }
    const count = db.prepare("SELECT count(*) FROM story_keys WHERE key = ?").pluck()
    const recent = db
      .prepare(
        "SELECT k.story_id FROM story_keys k JOIN stories s ON s.id = k.story_id WHERE k.key = ? ORDER BY s.position DESC LIMIT ?",
      )
      .pluck()
    const stories = new Set<string>()
    keys.forEach((own, i) => {
      if (classified[i]?.status !== "new") return
      const counted = [...new Set(own)]
        .map((k) => ({ k, n: count.get(k) as number }))
        .filter((x) => x.n > 0)
        .sort((a, b) => a.n - b.n || (a.k < b.k ? -1 : 1))
        .slice(0, Rows.PROBE_KEYS)
      for (const { k } of counted) for (const st of recent.all(k, Rows.STORIES_PER_KEY) as string[]) stories.add(st)
    })
    return {
      token,
      classified,
      analysisVersion: analysisVersion(),
      documents: documentsOf([...stories].sort()),
      storyState: null,
    }
  }

  /**
   * The stories asked for, then those whose claims share a claim key with theirs or the batch's, until
   * no more are linked or `maxStories` more have been read; the linked stories not read are counted.
   */
  const scope = (request: Store.ScopeRequest): Store.StoryScope => {
    const linked = db.prepare(
      "SELECT DISTINCT story_id FROM claim_keys WHERE key IN (SELECT value FROM json_each(?)) ORDER BY story_id",
    )
    const keysOfStories = db
      .prepare("SELECT DISTINCT key FROM claim_keys WHERE story_id IN (SELECT value FROM json_each(?))")
      .pluck()
    const walk = LinkedStories.start(request.stories, request.maxStories)
    const { read } = walk
    let keys = [...request.claimKeys]
    let frontier = read
    while (frontier.length > 0 || keys.length > 0) {
      const all = [...new Set([...keys, ...(keysOfStories.all(JSON.stringify(frontier)) as string[])])]
      const ids = (linked.all(JSON.stringify(all)) as Array<{ story_id: string }>).map((r) => r.story_id)
      frontier = LinkedStories.admit(walk, ids)
      keys = []
    }
    const stories = (
      db
        .prepare(
          `SELECT ${Rows.STORY_COLUMNS} FROM json_each(?) j JOIN stories s ON s.id = j.value ORDER BY s.position`,
        )
        .all(JSON.stringify(read)) as Rows.StoryRow[]
    ).map(Rows.toStory)
    const documents = documentsOf(read)
    const findings = (
      db
        .prepare(
          `SELECT f.* FROM findings f WHERE f.current = 1 AND f.id IN (
             SELECT item_id FROM story_items WHERE story_id IN (SELECT value FROM json_each(?)))
           ORDER BY f.position, f.id`,
        )
        .all(JSON.stringify(read)) as Rows.FindingRow[]
    ).map(Rows.toFinding)
    const groupIds = db
      .prepare(
        `SELECT g.id FROM aligned_groups g WHERE g.current = 1 AND g.id IN (
           SELECT item_id FROM story_items WHERE story_id IN (SELECT value FROM json_each(?)))`,
      )
      .pluck()
      .all(JSON.stringify(read)) as string[]
    return { stories, documents, claims: claimsOf(documents), findings, groupIds, leftOut: walk.leftOut }
  }

  const read = (fresh: ReadonlyArray<Store.Hashed>): Store.Stored => {
    const token = { lastRun: lastRun() }
    const documents = allDocuments()
    return {
      token,
      classified: classify(fresh),
      documents,
      claims: allClaims(documents),
      findings: currentFindings(),
      stories: allStories(),
    }
  }

  /**
   * The story state: without a scope it replaces the stored one; with one, its counts are added and its
   * stories' records replaced, so batches on different stories both count.
   */
  const writeStoryState = (batch: Store.Batch, runId: number) => {
    const rows = batch.storyState
    if (rows === null || !batch.scope) {
      db.prepare("DELETE FROM story_counters").run()
      db.prepare("DELETE FROM story_postings").run()
      db.prepare("UPDATE stories SET state = NULL WHERE state IS NOT NULL").run()
    }
    if (rows === null) {
      db.prepare("DELETE FROM meta WHERE key = 'story_state'").run()
      return
    }
    db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('story_state', 'rows')").run()
    const addCounter = db.prepare(
      `INSERT INTO story_counters (key, seq, count, note)
       VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM story_counters), ?, ?)
       ON CONFLICT(key) DO UPDATE SET count = count + excluded.count`,
    )
    for (const [key, count, note] of rows.counters) addCounter.run(key, count, note)
    const setState = db.prepare("UPDATE stories SET state = ?, revision = ? WHERE id = ?")
    for (const [id, record] of rows.stories) setState.run(JSON.stringify(record), runId, id)
    // Filed at the story's position, so a key's newest stories are the first its index gives.
    const file = db.prepare(
      "INSERT OR IGNORE INTO story_postings (key, position, story_id) SELECT ?, position, id FROM stories WHERE id = ?",
    )
    for (const [key, id] of rows.postings ?? []) file.run(key, id)
  }

  const writeBatch = (batch: Store.Batch): Store.Written | null => {
    // Nothing this batch relied on may have changed since it read: else the caller reads and analyses again.
    if (moved(batch)) return null
    const runId = Number(
      db
        .prepare("INSERT INTO runs (started_at, finished_at, as_of, inputs, errors, part_of) VALUES (?, ?, ?, ?, ?, ?)")
        .run(
          batch.run.startedAt,
          batch.run.finishedAt,
          batch.run.asOf,
          JSON.stringify(batch.run.inputs),
          JSON.stringify(batch.run.errors),
          batch.run.partOf ?? null,
        ).lastInsertRowid,
    )
    const insertDocument = db.prepare(
      `INSERT INTO documents (id, content_hash, outlet, title, published_at, url, origin_path, origin_index, syndication_group, story_id, text, run_id, extractor_version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const insertClaim = db.prepare(
      `INSERT OR IGNORE INTO claims (id, document_id, kind, text, subject, object, source, body, extractor_version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const addClaim = (documentId: string, c: Claim.Claim): number =>
      insertClaim.run(
        c.id,
        documentId,
        c.kind,
        c.text,
        c.subject,
        c.object,
        c.attribution.source?.text ?? null,
        JSON.stringify(c),
        batch.extractorVersion ?? null,
      ).changes
    // A document extracted again: its old claims (their index rows and keys) give way to the new ones.
    const forgetIndex = db.prepare(
      "DELETE FROM claims_fts WHERE rowid IN (SELECT seq FROM claims WHERE document_id = ?)",
    )
    const forgetKeys = db.prepare(
      "DELETE FROM claim_keys WHERE claim_id IN (SELECT id FROM claims WHERE document_id = ?)",
    )
    const forgetClaims = db.prepare("DELETE FROM claims WHERE document_id = ?")
    const stamp = db.prepare("UPDATE documents SET extractor_version = ? WHERE id = ?")
    for (const { documentId } of batch.reextracted ?? []) {
      forgetIndex.run(documentId)
      forgetKeys.run(documentId)
      forgetClaims.run(documentId)
      stamp.run(batch.extractorVersion ?? null, documentId)
    }
    const lastSeq = db.prepare("SELECT coalesce(max(seq), 0) FROM claims").pluck().get() as number
    let claimsAdded = 0
    for (const { document: d, hash, claims } of batch.documents) {
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
        d.storyId ?? null,
        d.text,
        runId,
        batch.extractorVersion ?? null,
      )
      for (const c of claims) claimsAdded += addClaim(d.id, c)
    }
    // After the old claims are gone, so every new claim's row number is above lastSeq and indexed below.
    for (const { documentId, claims } of batch.reextracted ?? []) for (const c of claims) addClaim(documentId, c)
    // Full-text rows for the run's claims in one statement: row by row (a trigger) took about three times as
    // long (2.0 s against 0.75 s to write 30,000 claims).
    db.prepare(
      `INSERT INTO claims_fts(rowid, text, subject, object, source)
       SELECT seq, text, coalesce(subject, ''), coalesce(object, ''), coalesce(source, '') FROM claims WHERE seq > ?`,
    ).run(lastSeq)

    const setGroup = db.prepare(
      "UPDATE documents SET syndication_group = ? WHERE id = ? AND syndication_group IS NOT ?",
    )
    // A document keeps its story once placed: the next run places only new documents among these.
    const setStory = db.prepare("UPDATE documents SET story_id = ? WHERE id = ? AND story_id IS NOT ?")
    for (const d of batch.documentUpdates) {
      setGroup.run(d.syndicationGroup, d.id, d.syndicationGroup)
      if (d.storyId) setStory.run(d.storyId, d.id, d.storyId)
    }
    if (batch.stories && !batch.scope) db.prepare("DELETE FROM stories").run()
    if (batch.stories) {
      // A story keeps its place once started; a new one goes after every other.
      const upsertStory = db.prepare(
        `INSERT INTO stories (id, label, start, end, outlets, document_ids, position, revision)
         VALUES (?, ?, ?, ?, ?, ?, (SELECT coalesce(max(position), -1) + 1 FROM stories), ?)
         ON CONFLICT(id) DO UPDATE SET label = excluded.label, start = excluded.start, end = excluded.end,
           outlets = excluded.outlets, document_ids = excluded.document_ids, revision = excluded.revision`,
      )
      for (const st of batch.stories)
        upsertStory.run(
          st.id,
          st.label,
          st.start,
          st.end,
          JSON.stringify(st.outlets),
          JSON.stringify(st.documentIds),
          runId,
        )
    }
    // Every story the batch judged again is written by it too: a batch that relied on one reads it again.
    if (batch.scope)
      db.prepare("UPDATE stories SET revision = ? WHERE id IN (SELECT value FROM json_each(?))").run(
        runId,
        JSON.stringify(batch.scope.stories),
      )
    writeStoryState(batch, runId)

    if (batch.scope) {
      // Only the analysed stories' findings and groups are replaced; every other one stays as it is.
      const retired = JSON.stringify([...batch.scope.findingIds, ...batch.scope.groupIds])
      db.prepare("UPDATE findings SET current = 0 WHERE id IN (SELECT value FROM json_each(?))").run(retired)
      db.prepare("UPDATE aligned_groups SET current = 0 WHERE id IN (SELECT value FROM json_each(?))").run(retired)
      db.prepare("DELETE FROM story_items WHERE item_id IN (SELECT value FROM json_each(?))").run(retired)
    } else {
      db.prepare("UPDATE aligned_groups SET current = 0 WHERE current = 1").run()
      db.prepare("UPDATE findings SET current = 0 WHERE current = 1").run()
      for (const table of ["story_items", "story_keys", "claim_keys"]) db.prepare(`DELETE FROM ${table}`).run()
    }
    const insertStoryKey = db.prepare("INSERT OR IGNORE INTO story_keys (story_id, key) VALUES (?, ?)")
    for (const [story, key] of batch.storyKeys ?? []) insertStoryKey.run(story, key)
    const insertClaimKey = db.prepare("INSERT OR IGNORE INTO claim_keys (claim_id, story_id, key) VALUES (?, ?, ?)")
    for (const [claim, story, key] of batch.claimKeys ?? []) insertClaimKey.run(claim, story, key)
    const insertItem = db.prepare("INSERT OR IGNORE INTO story_items (story_id, item_id) VALUES (?, ?)")
    for (const [story, item] of batch.storyItems ?? []) insertItem.run(story, item)
    // A batch analysed by a caller without versions leaves the keys incomplete: the next versioned batch analyses all.
    if (batch.analysisVersion)
      db.prepare(
        "INSERT INTO meta (key, value) VALUES ('analysis_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      ).run(batch.analysisVersion)
    else if (!batch.scope) db.prepare("DELETE FROM meta WHERE key = 'analysis_version'").run()

    const upsertGroup = db.prepare(
      `INSERT INTO aligned_groups (id, key, kind, reasons, members, first_run, current) VALUES (?, ?, ?, ?, ?, ?, 1)
       ON CONFLICT(id) DO UPDATE SET current = 1`,
    )
    for (const { id, group: g } of batch.groups) {
      upsertGroup.run(id, g.key, g.kind, JSON.stringify(g.reasons), JSON.stringify(Rows.membersOf(g)), runId)
    }
    const upsertFinding = db.prepare(
      `INSERT INTO findings (id, group_id, verdict, claim_ids, independent_sources, summary, explanation, first_run, current, position, story_id, analysis_version, rule, timeline, sides)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET current = 1, position = excluded.position, group_id = excluded.group_id,
         verdict = excluded.verdict, independent_sources = excluded.independent_sources,
         summary = excluded.summary, explanation = excluded.explanation, story_id = excluded.story_id,
         analysis_version = excluded.analysis_version, rule = excluded.rule, timeline = excluded.timeline,
         sides = excluded.sides`,
    )
    for (const { finding: f, groupId, position } of batch.findings)
      upsertFinding.run(
        f.id,
        groupId,
        f.verdict,
        JSON.stringify(f.claimIds),
        f.independentSources,
        f.summary,
        f.explanation,
        runId,
        position,
        f.storyId ?? null,
        batch.analysisVersion ?? null,
        f.rule ?? null,
        Rows.timelineColumn(f),
        Rows.sidesColumn(f),
      )
    const insertChange = db.prepare(
      "INSERT OR IGNORE INTO changes (run_id, finding_id, change, previous_finding_id, previous_verdict) VALUES (?, ?, ?, ?, ?)",
    )
    for (const c of batch.changes)
      insertChange.run(runId, c.finding.id, c.kind, c.previous?.id ?? null, c.previous?.verdict ?? null)
    db.prepare("UPDATE runs SET documents_added = ?, claims_added = ? WHERE id = ?").run(
      batch.documents.length,
      claimsAdded,
      runId,
    )
    return { run: Rows.toRun(db.prepare("SELECT * FROM runs WHERE id = ?").get(runId) as Rows.RunRow) }
  }

  /** Claims by id, and every claim of some documents, in the order they were stored (texts shared). */
  const claimsWhere = (
    ids: ReadonlyArray<string>,
    documentIds: ReadonlyArray<string>,
    documents: ReadonlyArray<Document.Document>,
  ): Claim.Claim[] => {
    const textOf = new Map(documents.map((d) => [d.id as string, d.text]))
    const bodies = db
      .prepare(
        // Two lookups by index: one OR across both would read every claim.
        `SELECT body FROM claims WHERE seq IN (
           SELECT c.seq FROM json_each(?) j JOIN claims c ON c.id = j.value
           UNION SELECT c.seq FROM json_each(?) j JOIN claims c ON c.document_id = j.value)
         ORDER BY seq`,
      )
      .pluck()
      .all(JSON.stringify(ids), JSON.stringify(documentIds)) as string[]
    return bodies.map((body) => Rows.toClaim(body, textOf))
  }

  /** Every run's input errors that still apply: none for a file a later run stored a document from. */
  const standingErrors = (): Report.InputError[] => {
    const runs = db.prepare("SELECT id, errors FROM runs WHERE errors <> '[]' ORDER BY id").all() as Rows.RunErrorsRow[]
    const stored = db
      .prepare(
        "SELECT origin_path AS path, max(run_id) AS run FROM documents WHERE origin_path IN (SELECT value FROM json_each(?)) GROUP BY origin_path",
      )
      .all(JSON.stringify(Rows.errorPaths(runs))) as Array<{ path: string; run: number }>
    return Rows.runErrors(runs, new Map(stored.map((r) => [r.path, r.run])))
  }

  /**
   * What changed since a date or after a run: the stories those runs added documents to or changed a
   * finding of, whole (every current finding), and the findings they changed that are in no story.
   */
  const snapshot = (since: Store.Since | null, claims: "all" | "cited"): Store.Snapshot => {
    if (since === null) {
      const documents = allDocuments()
      const findings = currentFindings()
      return {
        documents,
        claims: claims === "all" ? allClaims(documents) : claimsWhere(Rows.citedBy(findings), [], documents),
        findings,
        stories: allStories(),
        errors: standingErrors(),
      }
    }
    const runs = Rows.sinceRuns(since)
    // After a run: after all its parts (a later part names the first, which is the run's id).
    const runsSql =
      "SELECT id FROM runs WHERE CASE WHEN @run IS NOT NULL THEN coalesce(part_of, id) > @run ELSE finished_at >= @date END"
    const changedStories = db
      .prepare(
        `WITH r AS (${runsSql}), ch AS (SELECT finding_id FROM changes WHERE run_id IN r)
         SELECT story_id FROM documents WHERE run_id IN r AND story_id IS NOT NULL
         UNION SELECT story_id FROM findings WHERE id IN (SELECT finding_id FROM ch) AND story_id IS NOT NULL
         UNION SELECT story_id FROM story_items WHERE item_id IN (SELECT finding_id FROM ch)`,
      )
      .pluck()
      .all(runs) as string[]
    const stories = JSON.stringify(changedStories)
    const findings = (
      db
        .prepare(
          `WITH r AS (${runsSql}), s AS (SELECT value AS id FROM json_each(@stories))
           SELECT f.* FROM findings f WHERE f.current = 1 AND (f.story_id IN s
             OR f.id IN (SELECT item_id FROM story_items WHERE story_id IN s)
             OR f.id IN (SELECT finding_id FROM changes WHERE run_id IN r AND change <> 'gone'))
           ORDER BY f.position`,
        )
        .all({ ...runs, stories }) as Rows.FindingRow[]
    ).map(Rows.toFinding)
    const cited = Rows.citedBy(findings)
    const documents = (
      db
        .prepare(
          `WITH r AS (${runsSql})
           SELECT d.* FROM documents d WHERE d.run_id IN r OR d.story_id IN (SELECT value FROM json_each(@stories))
             OR d.id IN (SELECT document_id FROM claims WHERE id IN (SELECT value FROM json_each(@cited)))
           ORDER BY d.seq`,
        )
        .all({ ...runs, stories, cited: JSON.stringify(cited) }) as Rows.DocumentRow[]
    ).map(Rows.toDocument)
    const added =
      claims === "cited"
        ? []
        : (db
            .prepare(`WITH r AS (${runsSql}) SELECT id FROM documents WHERE run_id IN r`)
            .pluck()
            .all(runs) as string[])
    const storyRows = db
      .prepare(
        `SELECT ${Rows.STORY_COLUMNS} FROM stories s WHERE s.id IN (SELECT value FROM json_each(?)) ORDER BY s.position`,
      )
      .all(stories) as Rows.StoryRow[]
    const errorRows = db
      .prepare(`WITH r AS (${runsSql}) SELECT id, errors FROM runs WHERE id IN r AND errors <> '[]' ORDER BY id`)
      .all(runs) as Rows.RunErrorsRow[]
    return {
      documents,
      claims: claimsWhere(cited, added, documents),
      findings,
      stories: storyRows.map(Rows.toStory),
      errors: Rows.runErrors(errorRows),
    }
  }

  const claims = (query: Store.ClaimQuery): Store.StoredClaim[] => {
    const words = query.entity ? Rows.entityWords(query.entity) : null
    const phrase = words ? `"${words.join(" ")}"` : null
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

  // Reads run in a deferred transaction (a snapshot that never mixes two runs, no write lock); the
  // batch's write in an immediate one, so a second writer waits (busy timeout) instead of failing
  // with "database is locked" when its read would have to become a write.
  const reading = <A, Args extends unknown[]>(f: (...args: Args) => A) => {
    const tx = db.transaction(f)
    return (...args: Args): A => tx.deferred(...args)
  }
  const writing = db.transaction(writeBatch)
  return {
    path,
    version: db.pragma("user_version", { simple: true }) as number,
    classify: reading(classify),
    read: reading(read),
    candidates: reading(candidates),
    statePart: reading(statePart),
    scope: reading(scope),
    write: (batch) => writing.immediate(batch),
    snapshot: reading(snapshot),
    claims: (query) => claims(query),
    findings: reading((ids: ReadonlyArray<string>) =>
      Rows.inOrder(
        ids,
        db
          .prepare("SELECT * FROM findings WHERE id IN (SELECT value FROM json_each(?))")
          .all(JSON.stringify(ids)) as Rows.FindingRow[],
      ),
    ),
    stories: reading(allStories),
    runs: () => Rows.groupRuns(db.prepare("SELECT * FROM runs ORDER BY id").all() as Rows.RunRow[]),
    stale: reading((version: string) =>
      (
        db
          // Three ranges of the index rather than a test of every document.
          .prepare(`SELECT * FROM documents WHERE ${STALE} ORDER BY seq`)
          .all({ v: version }) as Rows.DocumentRow[]
      ).map(Rows.toDocument),
    ),
    versions: reading((version: string) => ({
      documents: db.prepare("SELECT count(*) FROM documents").pluck().get() as number,
      staleDocuments: db.prepare(`SELECT count(*) FROM documents WHERE ${STALE}`).pluck().get({ v: version }) as number,
      analysisVersion: analysisVersion(),
    })),
  }
}

/** Opens a store file (creating or upgrading it when writing); throws StoreError. */
export const open = (
  options: Open.OpenOptions,
): { readonly db: BetterSqlite3.Database; readonly backend: Store.SyncBackend } => {
  const db = Open.open(options)
  return { db, backend: backend(db, options.path) }
}
