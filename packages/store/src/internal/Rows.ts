/**
 * Stored rows back into domain values, for every backend: SQLite and PostgreSQL keep the same columns
 * with the same types (dates as ISO text, lists as JSON text), so one mapping serves both.
 */
import { Claim, type Document, type Finding, type Report, type Story } from "@crosscheck/domain"
import type * as Store from "../Store.js"

/** A string as a store gives it back: a lone surrogate cannot be stored in UTF-8 and comes back as U+FFFD. */
export const wellFormed = (s: string): string => (s as string & { toWellFormed: () => string }).toWellFormed()

export interface DocumentRow {
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

export const toDocument = (r: DocumentRow): Document.Document => ({
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

/** A stored claim's JSON body as a claim, its texts slices of its document's text (from `textOf`) rather than copies. */
export const toClaim = (body: string, textOf: ReadonlyMap<string, string>): Claim.Claim => {
  const claim: Claim.Claim = JSON.parse(body)
  const text = textOf.get(claim.documentId)
  return text === undefined ? claim : (Claim.shareText([claim], text)[0] ?? claim)
}

/** The claims some findings cite, each once, in the order they are first cited. */
export const citedBy = (findings: ReadonlyArray<Finding.Finding>): ReadonlyArray<string> => [
  ...new Set(findings.flatMap((f) => f.claimIds as ReadonlyArray<string>)),
]

export interface FindingRow {
  id: string
  verdict: Finding.Verdict
  claim_ids: string
  independent_sources: number
  summary: string
  explanation: string
  story_id: string | null
  /** The deciding rule and the timeline as JSON; null for a finding stored before migration 10 or without them. */
  rule?: string | null
  timeline?: string | null
  /** The sides as JSON; null for a finding stored before migration 11 or without them. */
  sides?: string | null
}

/** A finding's timeline as its column holds it: JSON text, or null when it has none. */
export const timelineColumn = (f: Finding.Finding): string | null =>
  f.timeline === undefined ? null : JSON.stringify(f.timeline)

/** A finding's sides as their column holds them: JSON text, or null when it has none. */
export const sidesColumn = (f: Finding.Finding): string | null =>
  f.sides === undefined ? null : JSON.stringify(f.sides)

/** A stored finding; the rule, timeline and sides left out when their columns are null, as an old row has them. */
export const toFinding = (r: FindingRow): Finding.Finding => ({
  id: r.id as Finding.Finding["id"],
  verdict: r.verdict,
  claimIds: JSON.parse(r.claim_ids),
  independentSources: r.independent_sources,
  summary: r.summary,
  explanation: r.explanation,
  ...(r.rule != null ? { rule: r.rule } : {}),
  ...(r.story_id ? { storyId: r.story_id } : {}),
  ...(r.timeline != null ? { timeline: JSON.parse(r.timeline) } : {}),
  ...(r.sides != null ? { sides: JSON.parse(r.sides) } : {}),
})

/** Rows of findings asked for by id, as findings in the order of `ids`; an id without a row is left out. */
export const inOrder = (ids: ReadonlyArray<string>, rows: ReadonlyArray<FindingRow>): Finding.Finding[] => {
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => {
    const r = byId.get(id)
    return r ? [toFinding(r)] : []
  })
}

export interface StoryRow {
  id: string
  label: string
  start: string | null
  end: string | null
  outlets: string
  document_ids: string
}

/**
 * The columns a StoryRow holds, of `stories` as `s`: never `s.*`, which reads each story's clustering
 * state too (the largest column; at 10,000 articles reading it cost `report --db` 75 ms of its 80 for stories).
 */
export const STORY_COLUMNS = `s.id, s.label, s.start, s."end", s.outlets, s.document_ids`

export const toStory = (r: StoryRow): Story.Story => ({
  id: r.id as Story.Story["id"],
  label: r.label,
  start: r.start,
  end: r.end,
  outlets: JSON.parse(r.outlets),
  documentIds: JSON.parse(r.document_ids),
})

export interface RunRow {
  id: number
  started_at: string
  finished_at: string
  as_of: string | null
  inputs: string
  errors: string
  documents_added: number
  claims_added: number
  /** The first part's run, for the later parts of a run stored in parts (absent before migration 9). */
  part_of?: number | null
}

export const toRun = (r: RunRow): Store.Run => ({
  id: r.id,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  asOf: r.as_of,
  inputs: JSON.parse(r.inputs),
  errors: JSON.parse(r.errors),
  documentsAdded: r.documents_added,
  claimsAdded: r.claims_added,
})

/**
 * Runs as the user knows them: a run stored in parts is one, under its first part's id, from its first
 * part's start to its last part's end, with what every part added and every part's errors.
 */
export const groupRuns = (rows: ReadonlyArray<RunRow>): Store.Run[] => {
  const out: Store.Run[] = []
  const byId = new Map<number, number>()
  for (const r of rows) {
    const at = r.part_of == null ? undefined : byId.get(r.part_of)
    const first = at === undefined ? undefined : out[at]
    if (at === undefined || first === undefined) {
      byId.set(r.id, out.length)
      out.push(toRun(r))
      continue
    }
    const part = toRun(r)
    out[at] = {
      ...first,
      finishedAt: part.finishedAt,
      errors: [...first.errors, ...part.errors],
      documentsAdded: first.documentsAdded + part.documentsAdded,
      claimsAdded: first.claimsAdded + part.claimsAdded,
      parts: (first.parts ?? 1) + 1,
    }
  }
  return out
}

/** The words of `claims --entity`, in order, as both engines' full-text phrase queries take them. */
export const entityWords = (entity: string): ReadonlyArray<string> | null => entity.match(/[\p{L}\p{N}]+/gu)

/** An aligned group's members as stored: each claim's id and which of its quantities the group is about. */
export const membersOf = (
  group: Store.Batch["groups"][number]["group"],
): ReadonlyArray<{ claimId: string; quantity: number | null }> =>
  group.members.map((m) => ({
    claimId: m.claim.id,
    quantity: m.quantity ? m.claim.quantities.indexOf(m.quantity) : null,
  }))

/** A `since` as the parameters of both engines' queries: runs after `run`, or finished at or after `date`. */
export const sinceRuns = (since: Store.Since): { readonly run: number | null; readonly date: string | null } =>
  typeof since === "number" ? { run: since, date: null } : { run: null, date: new Date(since).toISOString() }

/** A run's id and its input errors as stored (JSON text). */
export interface RunErrorsRow {
  id: number
  errors: string
}

/** The paths a runs' errors name, for looking up which of them a later run stored a document from. */
export const errorPaths = (runs: ReadonlyArray<RunErrorsRow>): string[] => [
  ...new Set(runs.flatMap((r) => (JSON.parse(r.errors) as Report.InputError[]).map((e) => e.path))),
]

/**
 * The input errors of runs, oldest first, each once: without `storedAfter`, all of them; with it (the last
 * run that stored a document from each path), only those that still apply, for a file no later run stored
 * a document from (one read again since, successfully, is no longer an error).
 */
export const runErrors = (
  runs: ReadonlyArray<RunErrorsRow>,
  storedAfter?: ReadonlyMap<string, number>,
): Report.InputError[] => {
  const seen = new Set<string>()
  const errors: Report.InputError[] = []
  for (const run of runs)
    for (const e of JSON.parse(run.errors) as Report.InputError[]) {
      if ((storedAfter?.get(e.path) ?? Number.NEGATIVE_INFINITY) > run.id) continue
      const key = JSON.stringify([e.path, e.message, e.dropped ?? null])
      if (seen.has(key)) continue
      seen.add(key)
      errors.push(e)
    }
  return errors
}

/** How many of a new document's keys are probed for stories it may join, rarest first. */
export const PROBE_KEYS = 8
/** How many stories, most recent first, each probed key yields. */
export const STORIES_PER_KEY = 16

/**
 * Reads stored claims of `documents`: each body parsed, its texts slices of its document's text rather
 * than copies, and the values claims repeat shared among those read (Claim.sharer).
 */
export const claimReader = (documents: ReadonlyArray<Document.Document>): ((body: string) => Claim.Claim) => {
  const byId = new Map(documents.map((d) => [d.id as string, d]))
  const share = Claim.sharer()
  return (body) => {
    const claim: Claim.Claim = JSON.parse(body)
    const document = byId.get(claim.documentId)
    if (!document) return claim
    return share(Claim.shareText([claim], document.text), document.id)[0] ?? claim
  }
}
