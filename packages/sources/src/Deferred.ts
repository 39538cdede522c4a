/**
 * Inputs listed first and read for good later, part by part: each document's id, date, place and a key
 * taken from its text (a content hash), so a large input never holds every text at once.
 */
import { closeSync, openSync } from "node:fs"
import type { Document, Report, UsageError } from "@crosscheck/domain"
import { Effect, Either } from "effect"
import * as Inputs from "./Inputs.js"
import * as FeedLines from "./internal/feedLines.js"
import * as Jsonl from "./Jsonl.js"

/**
 * Texts kept while listing, in characters: about 4,000 articles of 4,000 characters, a store's part
 * (below this an input is read once, as `Inputs.read` reads it); past it, texts are read again when needed.
 */
export const KEEP_CHARS = 16_000_000

export interface Entry {
  /** Its id in the input: the article's, or for a repeat of one met before, numbered apart (`Inputs.numbering`). */
  readonly id: Document.Document["id"]
  /** How many times the same article came before it in the input (0 for most). */
  readonly repeat: number
  readonly publishedAt: string | null
  readonly origin: Document.Origin
  /** What the caller's `key` took from the document while its text was read. */
  readonly key: string
  /** The document, when its text was kept; else null, and `load` reads it again. */
  readonly document: Document.Document | null
  /** A feed line's bytes in its file; null for an article read again from its own file. */
  readonly bytes: { readonly offset: number; readonly length: number } | null
}

export interface Listed {
  readonly entries: ReadonlyArray<Entry>
  /** What could not be read, as `Inputs.read` lists it: skipped files first, then each file's errors. */
  readonly errors: ReadonlyArray<Report.InputError>
}

export interface Options extends Inputs.Options {
  /** Texts kept while listing, in characters (default KEEP_CHARS). */
  readonly keepChars?: number
}

/**
 * Lists every input document, in the order `Inputs.read` gives them. Syndicated copies are not marked:
 * a store marks them among the documents of the stories it analyses.
 */
export const list = (
  paths: ReadonlyArray<string>,
  key: (document: Document.Document) => string,
  options: Options = {},
): Effect.Effect<Listed, UsageError> =>
  Effect.map(Inputs.scan(paths, options), ({ files, skipped }) => {
    const entries: Entry[] = []
    const errors: Report.InputError[] = [...skipped]
    let kept = 0
    // Repeats numbered apart as Inputs.read numbers them.
    const next = Inputs.numbering()
    const entry = (read: Document.Document, bytes: Entry["bytes"]): Entry => {
      const { document, repeat } = next(read)
      const keep = kept + document.text.length <= (options.keepChars ?? KEEP_CHARS)
      if (keep) kept += document.text.length
      return {
        id: document.id,
        repeat,
        publishedAt: document.publishedAt,
        origin: document.origin,
        key: key(document),
        document: keep ? document : null,
        bytes,
      }
    }
    const anchor = Inputs.anchorOf(options)
    for (const file of files) {
      if (!Inputs.isFeed(file)) {
        const r = Inputs.readFile(file, options)
        for (const d of r.documents) entries.push(entry(d, null))
        errors.push(...r.errors)
        continue
      }
      const refused = Inputs.refusal(file)
      if (refused) {
        errors.push(refused)
        continue
      }
      // A feed is read line by line; a file refused on a later line gives nothing, as when read whole.
      const mine: Entry[] = []
      const bad: Report.InputError[] = []
      let failed: Report.InputError | null
      try {
        const error = FeedLines.scan(file, (line) => {
          const parsed = Jsonl.parseNumbered(file, line.number, line.text)
          if (Either.isLeft(parsed.record)) bad.push(Inputs.errorOf(parsed.record.left))
          else
            mine.push(
              entry(Inputs.feedDocument(file, line.number, parsed.record.right, anchor), {
                offset: line.offset,
                length: line.length,
              }),
            )
        })
        failed = error ? Inputs.errorOf(error) : null
      } catch (e) {
        failed = Inputs.unreadableFile(file, e)
      }
      if (failed) errors.push(failed)
      else {
        entries.push(...mine)
        errors.push(...bad)
      }
    }
    return { entries, errors }
  })

/** Entries for documents already read (a feed passed in memory, an API call): every text is kept. */
export const of = (
  documents: ReadonlyArray<Document.Document>,
  key: (document: Document.Document) => string,
): ReadonlyArray<Entry> =>
  documents.map((d) => ({
    id: d.id,
    repeat: 0,
    publishedAt: d.publishedAt,
    origin: d.origin,
    key: key(d),
    document: d,
    bytes: null,
  }))

export interface Loaded {
  /** Each entry's document, in the entries' order; null where it could not be read again (changed or gone). */
  readonly documents: ReadonlyArray<Document.Document | null>
  /** One for each null among `documents`. */
  readonly errors: ReadonlyArray<Report.InputError>
}

const changed = (e: Entry): Report.InputError => ({
  path: e.origin.path,
  message: `sources: expected the article listed at ${e.origin.path}#${e.origin.index} when this run began, instead found it changed or gone; not read (${e.origin.path})`,
})

/**
 * The entries' documents: kept ones as they are, the others read again from their files, with the
 * options and `key` they were listed with. One whose key or id differs now was changed since: an error.
 */
export const load = (
  entries: ReadonlyArray<Entry>,
  key: (document: Document.Document) => string,
  options: Inputs.Options = {},
): Loaded => {
  const documents: Array<Document.Document | null> = []
  const errors: Report.InputError[] = []
  const anchor = Inputs.anchorOf(options)
  // The last file read again and its documents: an aggregated page's articles are read once for all.
  let last: { path: string; documents: ReadonlyArray<Document.Document> } | null = null
  const fds = new Map<string, number>()
  const again = (e: Entry): Document.Document | null => {
    if (e.bytes) {
      let fd = fds.get(e.origin.path)
      if (fd === undefined) {
        fd = openSync(e.origin.path, "r")
        fds.set(e.origin.path, fd)
      }
      const number = e.origin.index + 1
      const parsed = Jsonl.parseNumbered(e.origin.path, number, FeedLines.readLine(fd, e.bytes.offset, e.bytes.length))
      return Either.isRight(parsed.record)
        ? Inputs.feedDocument(e.origin.path, number, parsed.record.right, anchor)
        : null
    }
    if (last?.path !== e.origin.path)
      last = { path: e.origin.path, documents: Inputs.readFile(e.origin.path, options).documents }
    return last.documents.find((d) => d.origin.index === e.origin.index) ?? null
  }
  try {
    for (const e of entries) {
      let d: Document.Document | null
      try {
        d = e.document ?? again(e)
      } catch {
        d = null
      }
      if (d && !e.document) d = Inputs.repeatId(d.id, e.repeat) === e.id && key(d) === e.key ? { ...d, id: e.id } : null
      if (d) documents.push(d)
      else {
        documents.push(null)
        errors.push(changed(e))
      }
    }
  } finally {
    for (const fd of fds.values()) closeSync(fd)
  }
  return { documents, errors }
}
