/**
 * Paths in, documents and per-file errors out. Folders are read recursively in path order; each
 * file goes to the reader for its kind. A file or folder that cannot be read becomes an error entry
 * and the run goes on with the rest.
 */
import { type Dirent, existsSync, readdirSync, readFileSync, realpathSync, type Stats, statSync } from "node:fs"
import { basename, extname, join, relative, resolve, sep } from "node:path"
import { type Document, Ids, type Report, type SourceError, UsageError } from "@crosscheck/domain"
import { Effect, Either } from "effect"
import * as AggregatedPage from "./AggregatedPage.js"
import * as FrontMatter from "./FrontMatter.js"
import * as HtmlPage from "./HtmlPage.js"
import * as Jsonl from "./Jsonl.js"
import * as Outlets from "./Outlets.js"
import * as PublicationDate from "./PublicationDate.js"
import * as Syndication from "./Syndication.js"
import * as Text from "./Text.js"

export interface Options {
  /** ISO date anchoring relative times when a document has no date of its own. */
  readonly asOf?: string | null
  /** Folders never read, such as the run's own `--out` inside an input folder. */
  readonly exclude?: ReadonlyArray<string>
}

export interface Result {
  readonly documents: ReadonlyArray<Document.Document>
  readonly errors: ReadonlyArray<Report.InputError>
  /** Agencies each document credits (by document id), including credits in lines dropped from its text. */
  readonly credits?: ReadonlyMap<string, ReadonlyArray<string>>
}

export const EXTENSIONS = new Set([".txt", ".md", ".html", ".htm", ".jsonl", ".ndjson"])

const FEEDS = new Set([".jsonl", ".ndjson"])

const isRecognised = (path: string): boolean => EXTENSIONS.has(extname(path).toLowerCase())

/**
 * Documents crosscheck cannot read as text, with what would make them readable: listed as skipped, since
 * they are most likely articles the user meant to check (images and the like are passed over).
 */
const CONVERT: Readonly<Record<string, string>> = {
  ".pdf":
    "a PDF, which crosscheck does not read: convert it to text first (`pdftotext FILE.pdf FILE.txt`, from poppler-utils) and pass the .txt",
  ".doc": "a Word document, which crosscheck does not read: save it as text (.txt) or a web page (.html) first",
  ".docx": "a Word document, which crosscheck does not read: save it as text (.txt) or a web page (.html) first",
  ".odt": "an OpenDocument text, which crosscheck does not read: save it as text (.txt) or a web page (.html) first",
  ".rtf": "a rich-text document, which crosscheck does not read: save it as text (.txt) first",
}

const unreadable = (path: string): Report.InputError | null => {
  const why = CONVERT[extname(path).toLowerCase()]
  return why ? { path, message: `sources: expected an article as text, instead found ${why} (${path})` } : null
}

/** The input files, and what was skipped with the reason: special files, unreadable folders, links out. */
export interface Listing {
  readonly files: ReadonlyArray<string>
  readonly skipped: ReadonlyArray<Report.InputError>
}

const real = (path: string): string | null => {
  try {
    return realpathSync(path)
  } catch {
    return null
  }
}

const within = (path: string, root: string): boolean => {
  const r = relative(root, path)
  return r === "" || (!r.startsWith(`..${sep}`) && r !== ".." && !r.startsWith(sep))
}

/** Why a file that is not a regular file or folder is skipped (a FIFO or /dev/zero would be read without end). */
const special = (s: Stats | Dirent): string | null =>
  s.isFIFO()
    ? "a named pipe (FIFO)"
    : s.isSocket()
      ? "a socket"
      : s.isCharacterDevice() || s.isBlockDevice()
        ? "a device"
        : null

const skippedAs = (path: string, why: string): Report.InputError => ({
  path,
  message: `sources: expected a regular file or folder, instead found ${why}; skipped (${path})`,
})

interface Walk {
  readonly root: string
  readonly excluded: ReadonlySet<string>
  /** Real paths of the folders read so far: a link back up the tree is read once. */
  readonly seen: Set<string>
  readonly files: string[]
  readonly skipped: Report.InputError[]
}

const walk = (dir: string, w: Walk): void => {
  const here = real(dir)
  if (here === null || w.excluded.has(here) || w.seen.has(here)) return
  w.seen.add(here)
  let entries: Dirent[]
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch (e) {
    w.skipped.push({
      path: dir,
      message: `sources: expected a readable folder, instead found ${(e as NodeJS.ErrnoException).code ?? "an error"}; skipped (${dir})`,
    })
    return
  }
  entries
    .filter((e) => !e.name.startsWith("."))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .forEach((e) => {
      const full = join(dir, e.name)
      if (e.isSymbolicLink()) {
        const target = real(full)
        if (target === null) w.skipped.push(skippedAs(full, "a link to nothing"))
        else if (!within(target, w.root))
          w.skipped.push({
            path: full,
            message: `sources: expected links to stay inside the input folder, instead found one to ${target}; not followed (${full})`,
          })
        else entry(full, statSync(full), w)
      } else entry(full, e, w)
    })
}

const entry = (full: string, e: Stats | Dirent, w: Walk): void => {
  if (e.isDirectory()) walk(full, w)
  else if (e.isFile()) {
    if (isRecognised(full)) w.files.push(full)
    else {
      const why = unreadable(full)
      if (why) w.skipped.push(why)
    }
  } else {
    const why = special(e)
    if (why) w.skipped.push(skippedAs(full, why))
  }
}

/** The input files named by the arguments; a missing path or an empty folder is bad usage. */
export const list = (
  paths: ReadonlyArray<string>,
  options: Pick<Options, "exclude"> = {},
): Effect.Effect<ReadonlyArray<string>, UsageError> => Effect.map(scan(paths, options), (l) => l.files)

/** The input files named by the arguments and what was skipped; a missing path or an empty folder is bad usage. */
export const scan = (
  paths: ReadonlyArray<string>,
  options: Pick<Options, "exclude"> = {},
): Effect.Effect<Listing, UsageError> =>
  Effect.gen(function* () {
    if (paths.length === 0) {
      return yield* new UsageError({
        reason: "no-input",
        message: "crosscheck: expected at least one file or folder to read, instead found none",
      })
    }
    const files: string[] = []
    const skipped: Report.InputError[] = []
    const excluded = new Set((options.exclude ?? []).flatMap((p) => real(resolve(p)) ?? []))
    for (const path of paths) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path) && !existsSync(path)) {
        return yield* new UsageError({
          reason: "not-found",
          message: `crosscheck: expected a file or folder, instead found a URL (${path}); crosscheck does not fetch pages: save the page (.html) and pass the file, or list the articles in a .jsonl feed`,
        })
      }
      const stat = yield* Effect.try({
        try: () => statSync(path),
        catch: () =>
          new UsageError({
            reason: "not-found",
            message: `crosscheck: expected a file or folder, instead found nothing at ${path}`,
          }),
      })
      if (stat.isDirectory()) {
        const w: Walk = { root: real(path) ?? path, excluded, seen: new Set(), files: [], skipped: [] }
        walk(path, w)
        const found = w.files
        skipped.push(...w.skipped)
        if (found.length === 0 && w.skipped.length === 0) {
          return yield* new UsageError({
            reason: "no-input",
            message: `crosscheck: expected articles (${[...EXTENSIONS].join(", ")}) in ${path}, instead found none`,
          })
        }
        files.push(...found)
      } else {
        const why = special(stat)
        const convert = why ? null : unreadable(path)
        if (why) skipped.push(skippedAs(path, why))
        else if (convert) skipped.push(convert)
        else files.push(path)
      }
    }
    return { files, skipped }
  })

interface Fields {
  readonly outlet?: string | null | undefined
  readonly title?: string | null | undefined
  readonly publishedAt?: string | null | undefined
  readonly url?: string | null | undefined
}

/**
 * The one way every reader turns an article into a Document. Its id is the article's (outlet, title and
 * text), not its place: the same folder read from anywhere gives the same ids, hence the same order of
 * same-day articles and the same findings, and a store fed one article from two folders holds it once.
 * Two identical articles in one input are told apart by `distinct`.
 */
export const toDocument = (path: string, index: number, fields: Fields, text: string): Document.Document => {
  const outlet = fields.outlet?.trim() || basename(path, extname(path))
  const url = fields.url?.trim() || null
  const title = fields.title?.trim() || null
  return {
    id: Ids.documentId(outlet, title ?? "", text),
    outlet,
    title,
    publishedAt: PublicationDate.normalise(fields.publishedAt),
    url,
    origin: { path, index },
    syndicationGroup: null,
    canonicalOutlet: Outlets.canonical(outlet, url),
    text,
  }
}

export const errorOf = (e: SourceError): Report.InputError => ({ path: e.path, message: e.message })

const withCredits = (
  documents: ReadonlyArray<Document.Document>,
  credits: ReadonlyArray<ReadonlyArray<string>>,
): ReadonlyMap<string, ReadonlyArray<string>> =>
  new Map(documents.flatMap((d, i) => ((credits[i]?.length ?? 0) > 0 ? [[d.id as string, credits[i] ?? []]] : [])))

/** A feed's line as a document: its record, dated against `anchor` where the date is relative. */
export const feedDocument = (
  path: string,
  line: number,
  record: Jsonl.Record,
  anchor: Date | null,
): Document.Document =>
  toDocument(
    path,
    line - 1,
    { ...record, publishedAt: PublicationDate.normalise(record.publishedAt, anchor) },
    record.text,
  )

const readFeed = (path: string, text: string, anchor: Date | null): Result => {
  const documents: Document.Document[] = []
  const errors: Report.InputError[] = []
  for (const line of Jsonl.parse(path, text)) {
    if (Either.isLeft(line.record)) errors.push(errorOf(line.record.left))
    else documents.push(feedDocument(path, line.line, line.record.right, anchor))
  }
  if (documents.length === 0 && errors.length === 0) {
    errors.push({ path, message: `sources: expected JSON lines, instead found only blank lines (${path})` })
  }
  return { documents, errors }
}

const readHtml = (path: string, text: string, anchor: Date | null): Result => {
  const page = HtmlPage.read(path, text, anchor)
  if (Either.isLeft(page)) return { documents: [], errors: [errorOf(page.left)] }
  const p = page.right
  const documents = [toDocument(path, 0, p, p.text)]
  return { documents, errors: [], credits: withCredits(documents, [p.credits]) }
}

const readPage = (path: string, text: string, anchor: Date | null): Result => {
  const articles = AggregatedPage.split(text)
  const documents = articles.map((a, i) =>
    toDocument(
      path,
      i,
      { outlet: a.outlet, title: a.title, publishedAt: PublicationDate.normalise(a.when, anchor) },
      a.text,
    ),
  )
  if (documents.length === 0) {
    return {
      documents,
      errors: [
        { path, message: `sources: expected article text on the page, instead found only page chrome (${path})` },
      ],
    }
  }
  return {
    documents,
    errors: [],
    credits: withCredits(
      documents,
      articles.map((a) => a.credits),
    ),
  }
}

/** The date relative times count from: `asOf` when it is a date. */
export const anchorOf = (options: Options): Date | null =>
  options.asOf && !Number.isNaN(Date.parse(options.asOf)) ? new Date(options.asOf) : null

/** A feed of one article per line (.jsonl, .ndjson), which may be larger than an article's file. */
export const isFeed = (path: string): boolean => FEEDS.has(extname(path).toLowerCase())

/** Reads one file's text into documents (several for an aggregated page or JSONL) and errors. */
export const readText = (path: string, text: string, options: Options = {}): Result => {
  const ext = extname(path).toLowerCase()
  const anchor = anchorOf(options)
  if (FEEDS.has(ext)) return readFeed(path, text, anchor)
  if (ext === ".html" || ext === ".htm") return readHtml(path, text, anchor)
  if (!FrontMatter.hasFrontMatter(text) && AggregatedPage.isAggregated(text)) return readPage(path, text, anchor)
  const parsed = FrontMatter.parse(path, text)
  if (Either.isLeft(parsed)) return { documents: [], errors: [errorOf(parsed.left)] }
  const { fields, body } = parsed.right
  if (body.trim() === "") {
    return {
      documents: [],
      errors: [
        { path, message: `sources: expected article text after the front matter, instead found none (${path})` },
      ],
    }
  }
  const published = fields.published ?? fields.date ?? fields.publishedat
  return {
    documents: [toDocument(path, 0, { ...fields, publishedAt: PublicationDate.normalise(published, anchor) }, body)],
    errors: [],
  }
}

/**
 * Why a file is not read at all, or null: not a regular file, over its size limit (checked before it is
 * read, so a huge file is never loaded), or not readable.
 */
export const refusal = (path: string): Report.InputError | null => {
  const limit = isFeed(path) ? Text.MAX_FEED_BYTES : Text.MAX_BYTES
  try {
    // Only a regular file is read: a device or a named pipe could be read without end.
    const stat = statSync(path)
    const why = special(stat)
    if (why) return skippedAs(path, why)
    if (stat.size > limit) return errorOf(Text.tooLarge(path, stat.size, limit))
    return null
  } catch (e) {
    return unreadableFile(path, e)
  }
}

/** A file that could not be opened or read. */
export const unreadableFile = (path: string, e: unknown): Report.InputError => ({
  path,
  message: `sources: expected a readable file, instead found ${(e as NodeJS.ErrnoException).code ?? "an error"} (${path})`,
})

/** Reads one file from disk; never fails, a bad file is an error entry. */
export const readFile = (path: string, options: Options = {}): Result => {
  const limit = isFeed(path) ? Text.MAX_FEED_BYTES : Text.MAX_BYTES
  const refused = refusal(path)
  if (refused) return { documents: [], errors: [refused] }
  let bytes: Uint8Array
  try {
    bytes = readFileSync(path)
  } catch (e) {
    return { documents: [], errors: [unreadableFile(path, e)] }
  }
  const text = Text.decode(path, bytes, limit)
  if (Either.isLeft(text)) return { documents: [], errors: [errorOf(text.left)] }
  return readText(path, text.right, options)
}

/**
 * Numbers repeats of one article met in an input (same outlet, title and text: a feed listing it twice, a
 * file copied into two folders) apart, in input order: each call gives the document under an id of its own
 * and how many times the article was met before, so nothing keyed by id merges them.
 */
export const numbering = (): ((d: Document.Document) => {
  readonly document: Document.Document
  readonly repeat: number
}) => {
  const seen = new Map<string, number>()
  return (d) => {
    const repeat = seen.get(d.id) ?? 0
    seen.set(d.id, repeat + 1)
    return { document: repeat === 0 ? d : { ...d, id: repeatId(d.id, repeat) }, repeat }
  }
}

/** The documents with repeats numbered apart (see `numbering`); `next` carries the count across calls. */
export const distinct = (
  documents: ReadonlyArray<Document.Document>,
  next: ReturnType<typeof numbering> = numbering(),
): ReadonlyArray<Document.Document> => documents.map((d) => next(d).document)

/** The id `numbering` gives an article met `times` times before in the same input. */
export const repeatId = (id: Document.Document["id"], times: number): Document.Document["id"] =>
  times === 0 ? id : Ids.documentId(id, times)

/** Reads every input, then marks syndicated copies across all of them. */
export const read = (paths: ReadonlyArray<string>, options: Options = {}): Effect.Effect<Result, UsageError> =>
  Effect.map(scan(paths, options), ({ files, skipped }) => {
    const documents: Document.Document[] = []
    const errors: Report.InputError[] = [...skipped]
    const credits = new Map<string, ReadonlyArray<string>>()
    const next = numbering()
    for (const file of files) {
      const r = readFile(file, options)
      const read = distinct(r.documents, next)
      documents.push(...read)
      errors.push(...r.errors)
      // Credits are keyed by the id the file's reader gave; a repeat's credits follow it to its own id.
      read.forEach((d, i) => {
        const c = r.credits?.get(r.documents[i]?.id as string)
        if (c) credits.set(d.id, c)
      })
    }
    return { documents: Syndication.group(documents, { credits }), errors, credits }
  })
