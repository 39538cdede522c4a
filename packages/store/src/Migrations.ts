/**
 * The store's schema as an ordered list of migrations. `PRAGMA user_version` records how many have
 * been applied, so a store from an older crosscheck upgrades in place and a newer one is refused.
 */
import type BetterSqlite3 from "better-sqlite3"

export interface Migration {
  readonly version: number
  readonly why: string
  readonly sql: string
}

/** Written into the header so a SQLite file from some other program is never mistaken for a store. */
export const APPLICATION_ID = 0x63636b31 // "cck1"

export const all: ReadonlyArray<Migration> = [
  {
    version: 1,
    why: "documents keyed by content hash, their claims, and the runs that added them",
    sql: `
      PRAGMA application_id = ${APPLICATION_ID};
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        as_of TEXT,
        inputs TEXT NOT NULL,
        errors TEXT NOT NULL,
        documents_added INTEGER NOT NULL DEFAULT 0,
        claims_added INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE documents (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        outlet TEXT NOT NULL,
        title TEXT,
        published_at TEXT,
        url TEXT,
        origin_path TEXT NOT NULL,
        origin_index INTEGER NOT NULL,
        syndication_group TEXT,
        text TEXT NOT NULL,
        run_id INTEGER NOT NULL REFERENCES runs(id)
      );
      CREATE INDEX documents_outlet ON documents(outlet COLLATE NOCASE);
      CREATE TABLE claims (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        document_id TEXT NOT NULL REFERENCES documents(id),
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        subject TEXT,
        object TEXT,
        source TEXT,
        body TEXT NOT NULL
      );
      CREATE INDEX claims_document ON claims(document_id);
    `,
  },
  {
    version: 2,
    why: "aligned groups, findings and what each run changed, for incremental checking",
    sql: `
      CREATE TABLE aligned_groups (
        id TEXT PRIMARY KEY,
        key TEXT NOT NULL,
        kind TEXT NOT NULL,
        reasons TEXT NOT NULL,
        members TEXT NOT NULL,
        first_run INTEGER NOT NULL REFERENCES runs(id),
        current INTEGER NOT NULL DEFAULT 1
      );
      CREATE TABLE findings (
        id TEXT PRIMARY KEY,
        group_id TEXT REFERENCES aligned_groups(id),
        verdict TEXT NOT NULL,
        claim_ids TEXT NOT NULL,
        independent_sources INTEGER NOT NULL,
        summary TEXT NOT NULL,
        explanation TEXT NOT NULL,
        first_run INTEGER NOT NULL REFERENCES runs(id),
        current INTEGER NOT NULL DEFAULT 1,
        position INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX findings_current ON findings(current);
      CREATE TABLE changes (
        run_id INTEGER NOT NULL REFERENCES runs(id),
        finding_id TEXT NOT NULL,
        change TEXT NOT NULL CHECK (change IN ('new', 'verdict-changed', 'grown', 'gone')),
        previous_finding_id TEXT,
        previous_verdict TEXT,
        PRIMARY KEY (run_id, finding_id)
      );
    `,
  },
  {
    version: 3,
    why: "full-text index of claims, so `claims --entity` matches whole words in any case",
    sql: `
      CREATE VIRTUAL TABLE claims_fts USING fts5(text, subject, object, source, tokenize = 'unicode61');
      INSERT INTO claims_fts(rowid, text, subject, object, source)
        SELECT seq, text, coalesce(subject, ''), coalesce(object, ''), coalesce(source, '') FROM claims;
      CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts(rowid, text, subject, object, source)
          VALUES (new.seq, new.text, coalesce(new.subject, ''), coalesce(new.object, ''), coalesce(new.source, ''));
      END;
    `,
  },
  {
    version: 4,
    why: "claims are indexed for `claims --entity` once per run, in one statement, instead of row by row",
    sql: `
      DROP TRIGGER claims_fts_insert;
    `,
  },
  {
    version: 5,
    why: "stories: each document's story, kept so a later run places only new documents; the stories themselves",
    sql: `
      ALTER TABLE documents ADD COLUMN story_id TEXT;
      CREATE INDEX documents_story ON documents(story_id);
      ALTER TABLE findings ADD COLUMN story_id TEXT;
      CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        start TEXT,
        end TEXT,
        outlets TEXT NOT NULL,
        document_ids TEXT NOT NULL,
        position INTEGER NOT NULL
      );
    `,
  },
  {
    version: 6,
    why: "incremental runs: the keys a batch finds its stories and cross-story claims under, which stories each finding and group belongs to, and the versions that made claims and findings",
    sql: `
      CREATE TABLE story_keys (key TEXT NOT NULL, story_id TEXT NOT NULL, PRIMARY KEY (key, story_id));
      CREATE TABLE claim_keys (key TEXT NOT NULL, claim_id TEXT NOT NULL, story_id TEXT NOT NULL, PRIMARY KEY (key, claim_id));
      CREATE INDEX claim_keys_story ON claim_keys(story_id);
      CREATE TABLE story_items (story_id TEXT NOT NULL, item_id TEXT NOT NULL, PRIMARY KEY (story_id, item_id));
      CREATE INDEX story_items_item ON story_items(item_id);
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      ALTER TABLE claims ADD COLUMN extractor_version TEXT;
      ALTER TABLE documents ADD COLUMN extractor_version TEXT;
      ALTER TABLE findings ADD COLUMN analysis_version TEXT;
      CREATE INDEX findings_story ON findings(story_id);
    `,
  },
  {
    version: 7,
    why: "the story stage's saved state (term statistics and centroids), so a batch places its documents with the whole store's statistics without re-reading it",
    sql: `
      CREATE TABLE story_state (id INTEGER PRIMARY KEY CHECK (id = 1), value TEXT NOT NULL);
    `,
  },
  {
    version: 8,
    why: "the story state row by row, so a batch writes only the stories and counts it changed, and each story's revision (the run that last wrote it), so a batch's write checks only the stories it relied on; a state saved whole is dropped (the next batch analyses the store once and writes the rows)",
    sql: `
      DROP TABLE story_state;
      ALTER TABLE stories ADD COLUMN state TEXT;
      ALTER TABLE stories ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX stories_revision ON stories(revision);
      CREATE TABLE story_counters (key TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, count INTEGER NOT NULL, note TEXT);
    `,
  },
  {
    version: 9,
    why: "the story state's postings (each key with the stories filed under it, newest found first), so a batch reads the counters and stories its documents point to instead of the whole state; documents by extractor version, so finding stale ones reads no others; a run stored in parts recorded as one (each part names the first); a state saved without postings is dropped (the next batch analyses the store once and writes them)",
    sql: `
      CREATE TABLE story_postings (key TEXT NOT NULL, position INTEGER NOT NULL, story_id TEXT NOT NULL, PRIMARY KEY (key, position)) WITHOUT ROWID;
      CREATE INDEX documents_extractor_version ON documents(extractor_version);
      ALTER TABLE runs ADD COLUMN part_of INTEGER REFERENCES runs(id);
      DELETE FROM meta WHERE key = 'story_state';
      DELETE FROM story_counters;
      UPDATE stories SET state = NULL WHERE state IS NOT NULL;
    `,
  },
  {
    version: 10,
    why: "each finding's deciding rule and, for a figure that changed, its timeline (JSON), so a report read from the store says what a run's own report says; a store analysed before is analysed whole once more (its analysis version forgotten), which writes them for the findings already stored",
    sql: `
      ALTER TABLE findings ADD COLUMN rule TEXT;
      ALTER TABLE findings ADD COLUMN timeline TEXT;
      DELETE FROM meta WHERE key = 'analysis_version';
    `,
  },
  {
    version: 11,
    why: "each contradiction's and dispute's sides (JSON: the claims of each position), so a report read from the store sets them out as a run's own report does; a store analysed before is analysed whole once more, which writes them",
    sql: `
      ALTER TABLE findings ADD COLUMN sides TEXT;
      DELETE FROM meta WHERE key = 'analysis_version';
    `,
  },
]

export const LATEST: number = all[all.length - 1]?.version ?? 0

export const versionOf = (db: BetterSqlite3.Database): number => db.pragma("user_version", { simple: true }) as number

/**
 * Applies the migrations after the store's version, up to `target`, in one write transaction that
 * re-reads the version first: two processes opening a new store at once migrate it once.
 */
export const migrate = (db: BetterSqlite3.Database, target: number = LATEST): number => {
  const step = db.transaction(() => {
    const from = versionOf(db)
    for (const m of all) {
      if (m.version <= from || m.version > target) continue
      db.exec(m.sql)
      db.pragma(`user_version = ${m.version}`)
    }
    return versionOf(db)
  })
  return step.immediate()
}
