/**
 * The PostgreSQL backend of the store: the same reads and one short write transaction as the SQLite
 * one, over a connection pool (node-postgres), so many processes and machines can share one store.
 */
import { type Claim, type Document, type Finding, type Report, StoreError, type Story } from "@crosscheck/domain"
import { Effect } from "effect"
import type pg from "pg"
import * as LinkedStories from "./internal/LinkedStories.js"
import { records, text } from "./internal/Recordset.js"
import * as Rows from "./internal/Rows.js"
import * as Location from "./Location.js"
import * as PostgresMigrations from "./PostgresMigrations.js"
import type * as Store from "./Store.js"

export interface Options {
  readonly url: string
  readonly access: "read" | "write"
  /** How long to wait for a connection (and a write for another writer's) before giving up. */
  readonly busyTimeoutMs: number
  /** Connections kept open (default 4). */
  readonly connections?: number
}

/** Advisory lock keys: one for migrating, one held by each batch's write so writes follow one another. */
const MIGRATE_LOCK = 0x63636b31
const WRITE_LOCK = 0x63636b32

const fail = (reason: StoreError["reason"], url: string, message: string): StoreError =>
  new StoreError({ reason, path: Location.display(url), message: `store: ${message} (${Location.display(url)})` })

/** Turns a node-postgres or network throw into our error, once, at the boundary. */
export const toStoreError = (url: string, error: unknown): StoreError => {
  if (error instanceof StoreError) return error
  const code = String((error as { code?: unknown })?.code ?? "")
  const text = error instanceof Error ? error.message : String(error)
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "ETIMEDOUT")
    return fail("io", url, `expected a PostgreSQL server accepting connections, instead found ${code}`)
  if (code === "3D000") return fail("io", url, `expected the database to exist, instead found ${text}; create it first`)
  if (code === "28P01" || code === "28000")
    return fail("io", url, `expected the server to accept this user, instead found ${text}`)
  if (code === "25006" || code === "42501")
    return fail("read-only", url, `expected to be able to write the store, instead found ${text}`)
  if (/timeout/i.test(text))
    return fail("io", url, `expected the server to answer in time, instead found ${text}; try again`)
  return fail("io", url, `expected to read and write the store, instead found ${code ? `${code}: ` : ""}${text}`)
}

type Client = pg.PoolClient

/**
 * Runs `f` in a transaction on one connection: a read-only snapshot, a store write (after the write lock,
 * so batches are written one after another), or the queue's own short updates (no store lock).
 */
export const transaction = async <A>(
  pool: pg.Pool,
  mode: "read" | "write" | "queue",
  f: (c: Client) => Promise<A>,
): Promise<A> => {
  const client = await pool.connect()
  try {
    // REPEATABLE READ: every query of a read sees the same committed state, so a snapshot never mixes runs.
    await client.query(mode === "read" ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN")
    if (mode === "write") await client.query("SELECT pg_advisory_xact_lock($1)", [WRITE_LOCK])
    const result = await f(client)
    await client.query("COMMIT")
    return result
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {})
    throw e
  } finally {
    client.release()
  }
}

const versions = async (c: pg.ClientBase): Promise<Map<string, number>> => {
  const exists = await c.query<{ t: string | null }>("SELECT to_regclass('crosscheck_schema')::text AS t")
  if (!exists.rows[0]?.t) return new Map()
  const rows = await c.query<{ component: string; version: number }>("SELECT component, version FROM crosscheck_schema")
  return new Map(rows.rows.map((r) => [r.component, r.version]))
}

const apply = async (
  c: pg.ClientBase,
  component: string,
  migrations: ReadonlyArray<PostgresMigrations.Migration>,
  from: number,
  target: number,
): Promise<number> => {
  let version = from
  for (const m of migrations) {
    if (m.version <= from || m.version > target) continue
    if (m.sql.trim()) await c.query(m.sql)
    version = m.version
  }
  await c.query(
    `INSERT INTO crosscheck_schema (component, version) VALUES ($1, $2)
     ON CONFLICT (component) DO UPDATE SET version = excluded.version`,
    [component, version],
  )
  return version
}

/**
 * Applies the store's migrations after its version, up to `target`, and the queue's, inside the caller's
 * transaction (PostgreSQL's DDL is transactional: a failed upgrade leaves the store as it was).
 */
export const migrate = async (c: pg.ClientBase, target: number = PostgresMigrations.LATEST_STORE): Promise<number> => {
  await c.query("CREATE TABLE IF NOT EXISTS crosscheck_schema (component text PRIMARY KEY, version integer NOT NULL)")
  const found = await versions(c)
  const version = await apply(c, "store", PostgresMigrations.store, found.get("store") ?? 0, target)
  const queue = found.get("queue") ?? 0
  if (queue < PostgresMigrations.LATEST_QUEUE)
    await apply(c, "queue", PostgresMigrations.queue, queue, PostgresMigrations.LATEST_QUEUE)
  return version
}

/**
 * Checks the database is a crosscheck store (or empty) of a version this crosscheck knows, and brings it
 * up to date when writing: in one transaction under an advisory lock, so two processes migrate it once.
 */
const prepare = async (pool: pg.Pool, options: Options): Promise<number> => {
  const { url } = options
  const client = await pool.connect()
  try {
    await client.query("BEGIN")
    if (options.access === "write") await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATE_LOCK])
    const found = await versions(client)
    if (found.size === 0) {
      const tables = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = current_schema()",
      )
      if ((tables.rows[0]?.n ?? 0) > 0)
        throw fail("not-sqlite", url, "expected a crosscheck store, instead found a database of another program")
      if (options.access === "read")
        throw fail("io", url, "expected a crosscheck store, instead found an empty database")
    }
    const store = found.get("store") ?? 0
    if (store > PostgresMigrations.LATEST_STORE)
      throw fail(
        "newer-version",
        url,
        `expected a store of version ${PostgresMigrations.LATEST_STORE} or older, instead found version ${store}, written by a newer crosscheck; upgrade crosscheck to use it`,
      )
    const queue = found.get("queue") ?? 0
    if (options.access === "read") {
      // A reader never migrates: an old store is upgraded by the next writer, not by a report.
      if (store < PostgresMigrations.LATEST_STORE)
        throw fail(
          "older-version",
          url,
          `expected a store of version ${PostgresMigrations.LATEST_STORE}, instead found version ${store}, written by an older crosscheck; run \`crosscheck run --db\` on it once to upgrade it`,
        )
      await client.query("COMMIT")
      return store
    }
    // Only a store that needs it is migrated: DDL takes locks that would make readers wait.
    const version =
      store < PostgresMigrations.LATEST_STORE || queue < PostgresMigrations.LATEST_QUEUE ? await migrate(client) : store
    await client.query("COMMIT")
    return version
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {})
    throw e
  } finally {
    client.release()
  }
}

/** The backend over an open pool; every operation is one transaction. */
export const backend = (pool: pg.Pool, url: string, version: number): Store.Backend => {
  const attempt = <A>(f: () => Promise<A>): Effect.Effect<A, StoreError> =>
    Effect.tryPromise({ try: f, catch: (e) => toStoreError(url, e) })

  const allDocuments = async (c: Client): Promise<Document.Document[]> =>
    (await c.query<Rows.DocumentRow>("SELECT * FROM documents ORDER BY seq")).rows.map(Rows.toDocument)
  /** Every claim, each text a slice of its document's text (`documents`: all of them) rather than a copy. */
  const allClaims = async (c: Client, documents: ReadonlyArray<Document.Document>): Promise<Claim.Claim[]> => {
    const read = Rows.claimReader(documents)
    return (await c.query<{ body: string }>("SELECT body FROM claims ORDER BY seq")).rows.map(({ body }) => read(body))
  }
  const allStories = async (c: Client): Promise<Story.Story[]> =>
    (await c.query<Rows.StoryRow>(`SELECT ${Rows.STORY_COLUMNS} FROM stories s ORDER BY s.position`)).rows.map(
      Rows.toStory,
    )
  const currentFindings = async (c: Client): Promise<Finding.Finding[]> =>
    (await c.query<Rows.FindingRow>("SELECT * FROM findings WHERE current = 1 ORDER BY position")).rows.map(
      Rows.toFinding,
    )
  const lastRun = async (c: Client): Promise<number> =>
    (await c.query<{ n: number }>("SELECT coalesce(max(id), 0)::int AS n FROM runs")).rows[0]?.n ?? 0

  const classify = async (c: Client, documents: ReadonlyArray<Store.Keyed>): Promise<Store.Classified[]> => {
    const byHash = new Map(
      (
        await c.query<{ id: string; content_hash: string; story_id: string | null }>(
          "SELECT id, content_hash, story_id FROM documents WHERE content_hash = ANY($1::text[])",
          [documents.map((d) => d.hash)],
        )
      ).rows.map((r) => [r.content_hash, r]),
    )
    const taken = new Set(
      (
        await c.query<{ id: string }>("SELECT id FROM documents WHERE id = ANY($1::text[])", [
          documents.map((d) => d.document.id),
        ])
      ).rows.map((r) => r.id),
    )
    return documents.map(({ document: d, hash }) => {
      const stored = byHash.get(hash)
      if (stored !== undefined) return { status: "stored", storedId: stored.id, storyId: stored.story_id }
      return { status: taken.has(d.id) ? "id-taken" : "new", storedId: null }
    })
  }

  const analysisVersion = async (c: Client): Promise<string | null> =>
    (await c.query<{ value: string }>("SELECT value FROM meta WHERE key = 'analysis_version'")).rows[0]?.value ?? null
  const hasStoryState = async (c: Client): Promise<boolean> =>
    (await c.query("SELECT 1 FROM meta WHERE key = 'story_state'")).rows.length > 0
  /**
   * Part of the story state: the counters asked for, the newest `postingsPerKey` stories filed under each
   * key (by id), and the records of the stories asked for, as the SQLite backend reads them.
   */
  const statePart = async (c: Client, needs: Store.StateNeeds, postingsPerKey: number): Promise<Store.StatePart> => {
    const counters = (
      await c.query<{ key: string; count: number; note: string | null; seq: number }>(
        "SELECT key, count, note, seq FROM story_counters WHERE key = ANY($1::text[])",
        [[...needs.counters]],
      )
    ).rows.map((r) => [r.key, r.count, r.note, r.seq] as const)
    const filed =
      needs.keys.length === 0
        ? []
        : (
            await c.query<{ key: string; story_id: string; position: number }>(
              `SELECT p.key, f.story_id, f.position FROM unnest($1::text[]) AS p(key), LATERAL (
                 SELECT story_id, position FROM story_postings WHERE key = p.key ORDER BY position DESC LIMIT $2) f`,
              [[...needs.keys], postingsPerKey],
            )
          ).rows
    const records =
      needs.stories.length === 0
        ? []
        : (
            await c.query<{ id: string; state: string; position: number }>(
              "SELECT id, state, position FROM stories WHERE id = ANY($1::text[]) AND state IS NOT NULL",
              [[...needs.stories]],
            )
          ).rows
    return {
      counters,
      stories: [
        ...filed.map((r) => [r.story_id, null, r.position] as const),
        ...records.map((r) => [r.id, JSON.parse(r.state), r.position] as const),
      ],
      postings: filed.map((r) => [r.key, r.story_id] as const),
      read: needs.keys,
    }
  }

  /** Whether anything the batch relied on was written by another run since it read. */
  const moved = async (c: Client, batch: Store.Batch): Promise<boolean> => {
    const relies = batch.relies
    if (!relies) return (await lastRun(c)) !== batch.expected.lastRun
    if ((await analysisVersion(c)) !== relies.analysisVersion) return true
    const stored = await c.query("SELECT 1 FROM documents WHERE content_hash = ANY($1::text[]) LIMIT 1", [
      [...relies.hashes],
    ])
    if (stored.rows.length > 0) return true
    const touched = await c.query(
      `SELECT 1 FROM stories WHERE revision > $1 AND (
         id = ANY($2::text[])
         OR id IN (SELECT story_id FROM story_keys WHERE key = ANY($3::text[]))
         OR id IN (SELECT story_id FROM claim_keys WHERE key = ANY($4::text[]))
         OR id IN (SELECT story_id FROM story_postings WHERE key = ANY($5::text[])))
       LIMIT 1`,
      [
        batch.expected.lastRun,
        [...relies.stories],
        [...relies.storyKeys],
        [...relies.claimKeys],
        [...(relies.stateKeys ?? [])],
      ],
    )
    return touched.rows.length > 0
  }

  /**
   * The story state: without a scope it replaces the stored one; with one, its counts are added and its
   * stories' records replaced, so batches on different stories both count.
   */
  const writeStoryState = async (c: Client, batch: Store.Batch, runId: number) => {
    const rows = batch.storyState
    if (rows === null || !batch.scope) {
      await c.query("DELETE FROM story_counters")
      await c.query("DELETE FROM story_postings")
      await c.query("UPDATE stories SET state = NULL WHERE state IS NOT NULL")
    }
    if (rows === null) {
      await c.query("DELETE FROM meta WHERE key = 'story_state'")
      return
    }
    await c.query("INSERT INTO meta (key, value) VALUES ('story_state', 'rows') ON CONFLICT (key) DO NOTHING")
    // New keys numbered after every stored one, in the order given.
    await c.query(
      `INSERT INTO story_counters (key, seq, count, note)
       SELECT k, (SELECT coalesce(max(seq), 0) FROM story_counters) + n, v, t
       FROM ROWS FROM (json_to_recordset($1::json) AS (k text, v int, t text)) WITH ORDINALITY AS u(k, v, t, n)
       ORDER BY n
       ON CONFLICT (key) DO UPDATE SET count = story_counters.count + excluded.count`,
      [records(rows.counters.map((r) => ({ k: r[0], v: r[1], t: text(r[2]) })))],
    )
    await c.query(
      `UPDATE stories s SET state = u.state, revision = $2 FROM json_to_recordset($1::json) AS u(id text, state text)
       WHERE s.id = u.id`,
      [records(rows.stories.map((r) => ({ id: r[0], state: JSON.stringify(r[1]) }))), runId],
    )
    // Filed at the story's position, so a key's newest stories are the first its index gives.
    const postings = rows.postings ?? []
    if (postings.length > 0)
      await c.query(
        `INSERT INTO story_postings (key, position, story_id)
         SELECT u.key, s.position, s.id FROM json_to_recordset($1::json) AS u(key text, id text) JOIN stories s ON s.id = u.id
         ON CONFLICT DO NOTHING`,
        [records(postings.map((p) => ({ key: p[0], id: p[1] })))],
      )
  }

  /** The documents of some stories, in the order they were stored, and their claims (texts shared). */
  const documentsOf = async (c: Client, stories: ReadonlyArray<string>): Promise<Document.Document[]> =>
    (
      await c.query<Rows.DocumentRow>("SELECT * FROM documents WHERE story_id = ANY($1::text[]) ORDER BY seq", [
        [...stories],
      ])
    ).rows.map(Rows.toDocument)
  const claimsOf = async (c: Client, documents: ReadonlyArray<Document.Document>): Promise<Claim.Claim[]> => {
    const read = Rows.claimReader(documents)
    const rows = await c.query<{ body: string }>(
      "SELECT body FROM claims WHERE document_id = ANY($1::text[]) ORDER BY seq",
      [documents.map((d) => d.id)],
    )
    return rows.rows.map(({ body }) => read(body))
  }

  /**
   * For each document, the stories filed under its rarest keys, most recent first: at most PROBE_KEYS keys
   * and STORIES_PER_KEY stories each, as the SQLite backend finds them.
   */
  const candidates = async (
    c: Client,
    fresh: ReadonlyArray<Store.Hashed>,
    keys: ReadonlyArray<ReadonlyArray<string>>,
    stateKeys: ReadonlyArray<string>,
  ): Promise<Store.Candidates> => {
    const token = { lastRun: await lastRun(c) }
    const classified = await classify(c, fresh)
    // The state places the batch's documents without the stored ones: no need to find and read them.
    if (await hasStoryState(c))
      return {
        token,
        classified,
        analysisVersion: await analysisVersion(c),
        documents: [],
        storyState: await statePart(c, { counters: stateKeys, keys: [], stories: [] }, 0),
      }
    const wanted = [...new Set(keys.flatMap((own, i) => (classified[i]?.status === "new" ? own : [])))]
    const counts = new Map(
      (
        await c.query<{ key: string; n: number }>(
          "SELECT key, count(*)::int AS n FROM story_keys WHERE key = ANY($1::text[]) GROUP BY key",
          [wanted],
        )
      ).rows.map((r) => [r.key, r.n]),
    )
    const probed = new Set<string>()
    keys.forEach((own, i) => {
      if (classified[i]?.status !== "new") return
      const counted = [...new Set(own)]
        .map((k) => ({ k, n: counts.get(k) ?? 0 }))
        .filter((x) => x.n > 0)
        .sort((a, b) => a.n - b.n || (a.k < b.k ? -1 : 1))
        .slice(0, Rows.PROBE_KEYS)
      for (const { k } of counted) probed.add(k)
    })
    const recent = await c.query<{ story_id: string }>(
      `SELECT r.story_id FROM unnest($1::text[]) AS p(key), LATERAL (
         SELECT k.story_id FROM story_keys k JOIN stories s ON s.id = k.story_id
         WHERE k.key = p.key ORDER BY s.position DESC LIMIT $2) r`,
      [[...probed], Rows.STORIES_PER_KEY],
    )
    const stories = [...new Set(recent.rows.map((r) => r.story_id))].sort()
    return {
      token,
      classified,
      analysisVersion: await analysisVersion(c),
      documents: await documentsOf(c, stories),
      storyState: null,
    }
  }

  /**
   * The stories asked for, then those whose claims share a claim key with theirs or the batch's, until
   * no more are linked or `maxStories` more have been read; the linked stories not read are counted.
   */
  const scope = async (c: Client, request: Store.ScopeRequest): Promise<Store.StoryScope> => {
    const walk = LinkedStories.start(request.stories, request.maxStories)
    const { read } = walk
    let keys = [...request.claimKeys]
    let frontier = read
    while (frontier.length > 0 || keys.length > 0) {
      const ofStories = (
        await c.query<{ key: string }>("SELECT DISTINCT key FROM claim_keys WHERE story_id = ANY($1::text[])", [
          frontier,
        ])
      ).rows.map((r) => r.key)
      const all = [...new Set([...keys, ...ofStories])]
      const linked = await c.query<{ story_id: string }>(
        "SELECT DISTINCT story_id FROM claim_keys WHERE key = ANY($1::text[]) ORDER BY story_id",
        [all],
      )
      frontier = LinkedStories.admit(
        walk,
        linked.rows.map((r) => r.story_id),
      )
      keys = []
    }
    const stories = (
      await c.query<Rows.StoryRow>(
        `SELECT ${Rows.STORY_COLUMNS} FROM stories s WHERE s.id = ANY($1::text[]) ORDER BY s.position`,
        [read],
      )
    ).rows.map(Rows.toStory)
    const documents = await documentsOf(c, read)
    const findings = (
      await c.query<Rows.FindingRow>(
        `SELECT f.* FROM findings f WHERE f.current = 1 AND f.id IN (
           SELECT item_id FROM story_items WHERE story_id = ANY($1::text[]))
         ORDER BY f.position, f.id`,
        [read],
      )
    ).rows.map(Rows.toFinding)
    const groupIds = (
      await c.query<{ id: string }>(
        `SELECT g.id FROM aligned_groups g WHERE g.current = 1 AND g.id IN (
           SELECT item_id FROM story_items WHERE story_id = ANY($1::text[]))`,
        [read],
      )
    ).rows.map((r) => r.id)
    return { stories, documents, claims: await claimsOf(c, documents), findings, groupIds, leftOut: walk.leftOut }
  }

  const read = async (c: Client, fresh: ReadonlyArray<Store.Hashed>): Promise<Store.Stored> => {
    const token = { lastRun: await lastRun(c) }
    const documents = await allDocuments(c)
    return {
      token,
      classified: await classify(c, fresh),
      documents,
      claims: await allClaims(c, documents),
      findings: await currentFindings(c),
      stories: await allStories(c),
    }
  }

  const write = async (c: Client, batch: Store.Batch): Promise<Store.Written | null> => {
    // Nothing this batch relied on may have changed since it read: else the caller reads and analyses again.
    if (await moved(c, batch)) return null
    const runId = (
      await c.query<{ id: number }>(
        "INSERT INTO runs (started_at, finished_at, as_of, inputs, errors, part_of) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        [
          batch.run.startedAt,
          batch.run.finishedAt,
          batch.run.asOf,
          JSON.stringify(batch.run.inputs),
          JSON.stringify(batch.run.errors),
          batch.run.partOf ?? null,
        ],
      )
    ).rows[0]?.id as number
    // Each table in one statement over its rows (`records`): a round trip per row would dominate the write.
    await c.query(
      `INSERT INTO documents (id, content_hash, outlet, title, published_at, url, origin_path, origin_index, syndication_group, story_id, text, run_id, extractor_version)
       SELECT r.*, $2::int, $3::text FROM json_to_recordset($1::json) AS r(id text, content_hash text, outlet text,
         title text, published_at text, url text, origin_path text, origin_index int, syndication_group text, story_id text, text text)`,
      [
        records(
          batch.documents.map(({ document: d, hash }) => ({
            id: d.id,
            content_hash: hash,
            outlet: text(d.outlet),
            title: text(d.title),
            published_at: d.publishedAt,
            url: text(d.url),
            origin_path: text(d.origin.path),
            origin_index: d.origin.index,
            syndication_group: d.syndicationGroup,
            story_id: d.storyId ?? null,
            text: text(d.text),
          })),
        ),
        runId,
        batch.extractorVersion ?? null,
      ],
    )
    // A document extracted again: its old claims (and their keys) give way to the new ones.
    const again = batch.reextracted ?? []
    if (again.length > 0) {
      const ids = again.map((e) => e.documentId)
      await c.query(
        "DELETE FROM claim_keys WHERE claim_id IN (SELECT id FROM claims WHERE document_id = ANY($1::text[]))",
        [ids],
      )
      await c.query("DELETE FROM claims WHERE document_id = ANY($1::text[])", [ids])
      await c.query("UPDATE documents SET extractor_version = $2 WHERE id = ANY($1::text[])", [
        ids,
        batch.extractorVersion ?? null,
      ])
    }
    /** Inserts claims in one statement; how many were new. */
    const insertClaims = async (
      claims: ReadonlyArray<{ readonly claim: Claim.Claim; readonly documentId: string }>,
    ): Promise<number> =>
      (
        await c.query(
          `INSERT INTO claims (id, document_id, kind, text, subject, object, source, body, extractor_version)
           SELECT r.*, $2::text FROM json_to_recordset($1::json) AS r(id text, document_id text, kind text, text text,
             subject text, object text, source text, body text)
           ON CONFLICT (id) DO NOTHING`,
          [
            records(
              claims.map(({ claim, documentId }) => ({
                id: claim.id,
                document_id: documentId,
                kind: claim.kind,
                text: text(claim.text),
                subject: text(claim.subject),
                object: text(claim.object),
                source: text(claim.attribution.source?.text ?? null),
                body: JSON.stringify(claim),
              })),
            ),
            batch.extractorVersion ?? null,
          ],
        )
      ).rowCount ?? 0
    // As SQLite counts them: the new documents' claims, not those of documents extracted again.
    const claimsAdded = await insertClaims(
      batch.documents.flatMap((x) => x.claims.map((claim) => ({ claim, documentId: x.document.id as string }))),
    )
    await insertClaims(again.flatMap((e) => e.claims.map((claim) => ({ claim, documentId: e.documentId }))))

    // A document keeps its story once placed: the next run places only new documents among these.
    const updates = batch.documentUpdates
    if (updates.length > 0)
      await c.query(
        `UPDATE documents d SET syndication_group = u.g, story_id = coalesce(u.s, d.story_id)
         FROM json_to_recordset($1::json) AS u(id text, g text, s text)
         WHERE d.id = u.id AND (d.syndication_group IS DISTINCT FROM u.g OR (u.s IS NOT NULL AND d.story_id IS DISTINCT FROM u.s))`,
        [records(updates.map((d) => ({ id: d.id, g: d.syndicationGroup, s: d.storyId ?? null })))],
      )
    if (batch.stories && !batch.scope) await c.query("DELETE FROM stories")
    if (batch.stories) {
      // A story keeps its place once started; a new one goes after every other, in the batch's order.
      const stories = batch.stories
      await c.query(
        `INSERT INTO stories (id, label, start, "end", outlets, document_ids, position, revision)
         SELECT a, b, c, d, e, f, (SELECT coalesce(max(position), -1) FROM stories) + n, $2::int
         FROM ROWS FROM (json_to_recordset($1::json) AS (a text, b text, c text, d text, e text, f text))
           WITH ORDINALITY AS t(a, b, c, d, e, f, n)
         ORDER BY n
         ON CONFLICT (id) DO UPDATE SET label = excluded.label, start = excluded.start, "end" = excluded."end",
           outlets = excluded.outlets, document_ids = excluded.document_ids, revision = excluded.revision`,
        [
          records(
            stories.map((st) => ({
              a: st.id,
              b: text(st.label),
              c: st.start,
              d: st.end,
              e: JSON.stringify(st.outlets),
              f: JSON.stringify(st.documentIds),
            })),
          ),
          runId,
        ],
      )
    }
    // Every story the batch judged again is written by it too: a batch that relied on one reads it again.
    if (batch.scope)
      await c.query("UPDATE stories SET revision = $1 WHERE id = ANY($2::text[])", [runId, [...batch.scope.stories]])
    await writeStoryState(c, batch, runId)

    if (batch.scope) {
      // Only the analysed stories' findings and groups are replaced; every other one stays as it is.
      const retired = [...batch.scope.findingIds, ...batch.scope.groupIds]
      await c.query("UPDATE findings SET current = 0 WHERE id = ANY($1::text[])", [retired])
      await c.query("UPDATE aligned_groups SET current = 0 WHERE id = ANY($1::text[])", [retired])
      await c.query("DELETE FROM story_items WHERE item_id = ANY($1::text[])", [retired])
    } else {
      await c.query("UPDATE aligned_groups SET current = 0 WHERE current = 1")
      await c.query("UPDATE findings SET current = 0 WHERE current = 1")
      await c.query("DELETE FROM story_items; DELETE FROM story_keys; DELETE FROM claim_keys")
    }
    const storyKeys = batch.storyKeys ?? []
    await c.query(
      "INSERT INTO story_keys (story_id, key) SELECT * FROM json_to_recordset($1::json) AS r(s text, k text) ON CONFLICT DO NOTHING",
      [records(storyKeys.map((k) => ({ s: k[0], k: k[1] })))],
    )
    const claimKeys = batch.claimKeys ?? []
    await c.query(
      `INSERT INTO claim_keys (claim_id, story_id, key)
       SELECT * FROM json_to_recordset($1::json) AS r(c text, s text, k text) ON CONFLICT DO NOTHING`,
      [records(claimKeys.map((k) => ({ c: k[0], s: k[1], k: k[2] })))],
    )
    const items = batch.storyItems ?? []
    await c.query(
      "INSERT INTO story_items (story_id, item_id) SELECT * FROM json_to_recordset($1::json) AS r(s text, i text) ON CONFLICT DO NOTHING",
      [records(items.map((k) => ({ s: k[0], i: k[1] })))],
    )
    // A batch analysed by a caller without versions leaves the keys incomplete: the next versioned batch analyses all.
    if (batch.analysisVersion)
      await c.query(
        `INSERT INTO meta (key, value) VALUES ('analysis_version', $1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [batch.analysisVersion],
      )
    else if (!batch.scope) await c.query("DELETE FROM meta WHERE key = 'analysis_version'")

    // One statement cannot upsert a row twice; written one by one (as SQLite does), the first group
    // and the last finding of an id would stand, so those are the ones kept.
    const groups = [...new Map([...batch.groups].reverse().map((g) => [g.id, g])).values()].reverse()
    await c.query(
      `INSERT INTO aligned_groups (id, key, kind, reasons, members, first_run, current)
       SELECT r.*, $2::int, 1 FROM json_to_recordset($1::json) AS r(id text, key text, kind text, reasons text, members text)
       ON CONFLICT (id) DO UPDATE SET current = 1`,
      [
        records(
          groups.map((g) => ({
            id: g.id,
            key: g.group.key,
            kind: g.group.kind,
            reasons: JSON.stringify(g.group.reasons),
            members: JSON.stringify(Rows.membersOf(g.group)),
          })),
        ),
        runId,
      ],
    )
    const findings = [...new Map(batch.findings.map((f) => [f.finding.id as string, f])).values()]
    await c.query(
      `INSERT INTO findings (id, group_id, verdict, claim_ids, independent_sources, summary, explanation, first_run, current, position, story_id, analysis_version, rule, timeline, sides)
       SELECT a, b, c, d, e, f, g, $2::int, 1, h, i, $3::text, j, k, l
       FROM json_to_recordset($1::json) AS t(a text, b text, c text, d text, e int, f text, g text, h int, i text, j text, k text, l text)
       ON CONFLICT (id) DO UPDATE SET current = 1, position = excluded.position, group_id = excluded.group_id,
         verdict = excluded.verdict, independent_sources = excluded.independent_sources,
         summary = excluded.summary, explanation = excluded.explanation, story_id = excluded.story_id,
         analysis_version = excluded.analysis_version, rule = excluded.rule, timeline = excluded.timeline,
         sides = excluded.sides`,
      [
        records(
          findings.map((x) => ({
            a: x.finding.id,
            b: x.groupId,
            c: x.finding.verdict,
            d: JSON.stringify(x.finding.claimIds),
            e: x.finding.independentSources,
            f: text(x.finding.summary),
            g: text(x.finding.explanation),
            h: x.position,
            i: x.finding.storyId ?? null,
            j: text(x.finding.rule ?? null),
            k: Rows.timelineColumn(x.finding),
            l: Rows.sidesColumn(x.finding),
          })),
        ),
        runId,
        batch.analysisVersion ?? null,
      ],
    )
    const changes = batch.changes
    await c.query(
      `INSERT INTO changes (run_id, finding_id, change, previous_finding_id, previous_verdict)
       SELECT $2::int, * FROM json_to_recordset($1::json) AS r(f text, c text, p text, v text)
       ON CONFLICT DO NOTHING`,
      [
        records(
          changes.map((x) => ({
            f: x.finding.id,
            c: x.kind,
            p: x.previous?.id ?? null,
            v: x.previous?.verdict ?? null,
          })),
        ),
        runId,
      ],
    )
    // Documents a worker's queue held until a run stored them leave it in the same transaction.
    if (batch.documents.length > 0)
      await c.query("DELETE FROM queued_documents WHERE content_hash = ANY($1::text[])", [
        batch.documents.map((x) => x.hash),
      ])
    const run = await c.query<Rows.RunRow>(
      "UPDATE runs SET documents_added = $1, claims_added = $2 WHERE id = $3 RETURNING *",
      [batch.documents.length, claimsAdded, runId],
    )
    return { run: Rows.toRun(run.rows[0] as Rows.RunRow) }
  }

  /** Claims by id, and every claim of some documents, in the order they were stored (texts shared). */
  const claimsWhere = async (
    c: Client,
    ids: ReadonlyArray<string>,
    documentIds: ReadonlyArray<string>,
    documents: ReadonlyArray<Document.Document>,
  ): Promise<Claim.Claim[]> => {
    const textOf = new Map(documents.map((d) => [d.id as string, d.text]))
    const rows = await c.query<{ body: string }>(
      "SELECT body FROM claims WHERE id = ANY($1::text[]) OR document_id = ANY($2::text[]) ORDER BY seq",
      [ids, documentIds],
    )
    return rows.rows.map(({ body }) => Rows.toClaim(body, textOf))
  }

  /** Every run's input errors that still apply, as the SQLite backend reads them. */
  const standingErrors = async (c: Client): Promise<Report.InputError[]> => {
    const runs = (
      await c.query<Rows.RunErrorsRow>("SELECT id::int AS id, errors FROM runs WHERE errors <> '[]' ORDER BY id")
    ).rows
    const stored = (
      await c.query<{ path: string; run: number }>(
        "SELECT origin_path AS path, max(run_id)::int AS run FROM documents WHERE origin_path = ANY($1::text[]) GROUP BY origin_path",
        [Rows.errorPaths(runs)],
      )
    ).rows
    return Rows.runErrors(runs, new Map(stored.map((r) => [r.path, r.run])))
  }

  /** What changed since a date or after a run, as the SQLite backend reads it (Sqlite.ts says how). */
  const snapshot = async (c: Client, since: Store.Since | null, claims: "all" | "cited"): Promise<Store.Snapshot> => {
    if (since === null) {
      const documents = await allDocuments(c)
      const findings = await currentFindings(c)
      return {
        documents,
        claims:
          claims === "all"
            ? await allClaims(c, documents)
            : await claimsWhere(c, Rows.citedBy(findings), [], documents),
        findings,
        stories: await allStories(c),
        errors: await standingErrors(c),
      }
    }
    const { run, date } = Rows.sinceRuns(since)
    const runsSql =
      "SELECT id FROM runs WHERE CASE WHEN $1::int IS NOT NULL THEN coalesce(part_of, id) > $1::int ELSE finished_at >= $2::text END"
    const changedStories = (
      await c.query<{ story_id: string }>(
        `WITH r AS (${runsSql}), ch AS (SELECT finding_id FROM changes WHERE run_id IN (SELECT id FROM r))
         SELECT story_id FROM documents WHERE run_id IN (SELECT id FROM r) AND story_id IS NOT NULL
         UNION SELECT story_id FROM findings WHERE id IN (SELECT finding_id FROM ch) AND story_id IS NOT NULL
         UNION SELECT story_id FROM story_items WHERE item_id IN (SELECT finding_id FROM ch)`,
        [run, date],
      )
    ).rows.map((r) => r.story_id)
    const findings = (
      await c.query<Rows.FindingRow>(
        `WITH r AS (${runsSql})
         SELECT f.* FROM findings f WHERE f.current = 1 AND (f.story_id = ANY($3::text[])
           OR f.id IN (SELECT item_id FROM story_items WHERE story_id = ANY($3::text[]))
           OR f.id IN (SELECT finding_id FROM changes WHERE run_id IN (SELECT id FROM r) AND change <> 'gone'))
         ORDER BY f.position`,
        [run, date, changedStories],
      )
    ).rows.map(Rows.toFinding)
    const cited = Rows.citedBy(findings)
    const documents = (
      await c.query<Rows.DocumentRow>(
        `WITH r AS (${runsSql})
         SELECT d.* FROM documents d WHERE d.run_id IN (SELECT id FROM r) OR d.story_id = ANY($3::text[])
           OR d.id IN (SELECT document_id FROM claims WHERE id = ANY($4::text[]))
         ORDER BY d.seq`,
        [run, date, changedStories, cited],
      )
    ).rows.map(Rows.toDocument)
    const added =
      claims === "cited"
        ? []
        : (
            await c.query<{ id: string }>(
              `WITH r AS (${runsSql}) SELECT id FROM documents WHERE run_id IN (SELECT id FROM r)`,
              [run, date],
            )
          ).rows.map((r) => r.id)
    const stories = (
      await c.query<Rows.StoryRow>(
        `SELECT ${Rows.STORY_COLUMNS} FROM stories s WHERE s.id = ANY($1::text[]) ORDER BY s.position`,
        [changedStories],
      )
    ).rows.map(Rows.toStory)
    const errorRows = (
      await c.query<Rows.RunErrorsRow>(
        `WITH r AS (${runsSql}) SELECT id, errors FROM runs WHERE id IN (SELECT id FROM r) AND errors <> '[]' ORDER BY id`,
        [run, date],
      )
    ).rows
    return {
      documents,
      claims: await claimsWhere(c, cited, added, documents),
      findings,
      stories,
      errors: Rows.runErrors(errorRows),
    }
  }

  const claims = async (c: Client, query: Store.ClaimQuery): Promise<Store.StoredClaim[]> => {
    const words = query.entity ? Rows.entityWords(query.entity) : null
    if (query.entity && !words) return []
    // The index finds candidates over all four columns; the phrase must then stand within one of them.
    const rows = await c.query<{ body: string; outlet: string; title: string | null; published_at: string | null }>(
      `SELECT c.body, d.outlet, d.title, d.published_at FROM claims c JOIN documents d ON d.id = c.document_id
       WHERE ($1::text IS NULL OR lower(d.outlet) = lower($1))
         AND ($2::text IS NULL OR (${PostgresMigrations.claimWords("c")} @@ phraseto_tsquery('simple', $2)
           AND (to_tsvector('simple', c.text) @@ phraseto_tsquery('simple', $2)
             OR to_tsvector('simple', coalesce(c.subject, '')) @@ phraseto_tsquery('simple', $2)
             OR to_tsvector('simple', coalesce(c.object, '')) @@ phraseto_tsquery('simple', $2)
             OR to_tsvector('simple', coalesce(c.source, '')) @@ phraseto_tsquery('simple', $2))))
       ORDER BY c.seq`,
      [query.outlet ?? null, words ? words.join(" ") : null],
    )
    return rows.rows.map((r) => ({
      claim: JSON.parse(r.body),
      outlet: r.outlet,
      title: r.title,
      publishedAt: r.published_at,
    }))
  }

  const reading =
    <Args extends unknown[], A>(f: (c: Client, ...args: Args) => Promise<A>) =>
    (...args: Args): Effect.Effect<A, StoreError> =>
      attempt(() => transaction(pool, "read", (c) => f(c, ...args)))

  return {
    path: Location.display(url),
    version,
    classify: reading(classify),
    read: reading(read),
    candidates: reading(candidates),
    statePart: reading(statePart),
    scope: reading(scope),
    write: (batch) => attempt(() => transaction(pool, "write", (c) => write(c, batch))),
    snapshot: reading(snapshot),
    claims: reading(claims),
    findings: reading(async (c, ids: ReadonlyArray<string>) =>
      Rows.inOrder(
        ids,
        (await c.query<Rows.FindingRow>("SELECT * FROM findings WHERE id = ANY($1::text[])", [[...ids]])).rows,
      ),
    ),
    stories: reading(allStories),
    stale: reading(async (c, version: string) =>
      (
        await c.query<Rows.DocumentRow>(
          // Three ranges of the index rather than a test of every document.
          "SELECT * FROM documents WHERE extractor_version IS NULL OR extractor_version < $1 OR extractor_version > $1 ORDER BY seq",
          [version],
        )
      ).rows.map(Rows.toDocument),
    ),
    versions: reading(async (c, version: string) => {
      const counts = (
        await c.query<{ documents: number; stale: number }>(
          `SELECT count(*)::int AS documents,
             (count(*) FILTER (WHERE extractor_version IS NULL OR extractor_version <> $1))::int AS stale
           FROM documents`,
          [version],
        )
      ).rows[0]
      return {
        documents: counts?.documents ?? 0,
        staleDocuments: counts?.stale ?? 0,
        analysisVersion: await analysisVersion(c),
      }
    }),
    runs: reading(async (c) => Rows.groupRuns((await c.query<Rows.RunRow>("SELECT * FROM runs ORDER BY id")).rows)),
  }
}

/** A pool on the URL, checked and (when writing) migrated; closed again if that fails. */
export const connect = async (options: Options): Promise<{ readonly pool: pg.Pool; readonly version: number }> => {
  // Loaded here, not with the module: the driver (and what it loads) costs every SQLite command ~30 ms to start.
  const { default: driver } = await import("pg")
  const pool = new driver.Pool({
    connectionString: options.url,
    max: options.connections ?? 4,
    connectionTimeoutMillis: options.busyTimeoutMs,
  })
  // An idle connection the server drops (a restart) is an event, not an uncaught throw.
  pool.on("error", () => {})
  try {
    return { pool, version: await prepare(pool, options) }
  } catch (e) {
    await pool.end().catch(() => {})
    throw toStoreError(options.url, e)
  }
}

/** Opens the store at the URL for the scope's lifetime. */
export const make = (options: Options) =>
  Effect.map(
    Effect.acquireRelease(
      Effect.tryPromise({ try: () => connect(options), catch: (e) => toStoreError(options.url, e) }),
      ({ pool }) => Effect.promise(() => pool.end().catch(() => {})),
    ),
    ({ pool, version }) => ({ pool, backend: backend(pool, options.url, version) }),
  )
