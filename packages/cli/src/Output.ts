/**
 * What several commands print or write: the three report files and the one-line verdict counts.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writevSync,
} from "node:fs"
import { basename, dirname, join } from "node:path"
import type { Report } from "@crosscheck/domain"
import { Ingest, Notices } from "@crosscheck/pipeline"
import { VERDICTS } from "./Flags.js"
import * as Style from "./Style.js"
import * as Terminal from "./Terminal.js"

/** Where the pieces are gathered before each write: one buffer for every file this process writes. */
const BUFFER_BYTES = 1 << 20
let buffer: Buffer | null = null

/**
 * Pieces that many files carry as they are, the very same string each time (StoryPages.shared: each
 * story page's script and style, 71 MB over 2,541 pages), with their bytes: encoded once, not once a file.
 */
export type Shared = ReadonlyArray<readonly [string, Buffer]>

export const shared = (pieces: ReadonlyArray<string>): Shared => pieces.map((s) => [s, Buffer.from(s)] as const)

/** The bytes of a shared piece, when `chunk` is one (two pieces to compare with, and most chunks differ in length). */
const sharedBytes = (pieces: Shared | undefined, chunk: string): Buffer | null => {
  if (pieces) for (const [text, bytes] of pieces) if (chunk === text) return bytes
  return null
}

/** Every byte of `buffers`, in one call when the system takes them all. */
const writeAll = (fd: number, buffers: ReadonlyArray<Buffer>): void => {
  let rest = buffers.filter((b) => b.length > 0)
  while (rest.length > 0) {
    let n = writevSync(fd, rest)
    while (rest.length > 0 && n >= (rest[0]?.length ?? 0)) {
      n -= rest[0]?.length ?? 0
      rest = rest.slice(1)
    }
    if (n > 0 && rest[0]) rest = [rest[0].subarray(n), ...rest.slice(1)]
  }
}

/**
 * Writes the pieces in order, a megabyte or so at a time, so that no string holds a whole file, into
 * a file beside `path` that then replaces it: a run killed while writing leaves the previous report
 * whole, never half of a new one. Each piece is encoded straight into one reused buffer (a thousand
 * story pages are a thousand files: joining their pieces first and encoding the join cost a copy more);
 * a shared piece goes as its own bytes, in the same write.
 */
export const writeChunks = (
  path: string,
  chunks: Iterable<string>,
  options: {
    /** False for a folder of thousands of pages, which its writer clears once (`removeLeftovers(dir)`). */
    readonly leftovers?: boolean
    readonly shared?: Shared
  } = {},
): void => {
  if (options.leftovers !== false) removeLeftovers(path)
  const partial = `${path}.${process.pid}.partial`
  const fd = openSync(partial, "w")
  try {
    try {
      buffer ??= Buffer.allocUnsafe(BUFFER_BYTES)
      const out = buffer
      // What is gathered: runs of `out` and shared pieces, in order; `from` is where the open run began.
      const gathered: Buffer[] = []
      let used = 0
      let from = 0
      const endRun = () => {
        if (used > from) gathered.push(out.subarray(from, used))
        from = used
      }
      const flush = () => {
        endRun()
        writeAll(fd, gathered)
        gathered.length = 0
        used = 0
        from = 0
      }
      for (const chunk of chunks) {
        const bytes = sharedBytes(options.shared, chunk)
        if (bytes) {
          endRun()
          gathered.push(bytes)
          continue
        }
        // A UTF-16 unit is at most 3 bytes of UTF-8: a piece that may not fit goes after what is gathered.
        if (used + chunk.length * 3 > BUFFER_BYTES) {
          flush()
          if (chunk.length * 3 > BUFFER_BYTES) {
            writeAll(fd, [Buffer.from(chunk)])
            continue
          }
        }
        used += out.write(chunk, used)
      }
      flush()
    } finally {
      closeSync(fd)
    }
    renameSync(partial, path)
  } catch (e) {
    rmSync(partial, { force: true })
    throw e
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: the process exists, under another user.
    return (e as NodeJS.ErrnoException).code === "EPERM"
  }
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/**
 * Removes what a killed run left beside `path`: its `.partial` files, named after processes that no
 * longer run (given a folder, every such file in it). A run writing the same report right now keeps its own.
 */
export const removeLeftovers = (path: string): void => {
  const folder = existsSync(path) && statSync(path).isDirectory()
  const dir = folder ? path : dirname(path)
  const pattern = new RegExp(`^${folder ? ".+" : escapeRegExp(basename(path))}\\.(\\d+)\\.partial$`)
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    const pid = pattern.exec(name)?.[1]
    if (pid !== undefined && !alive(Number(pid))) rmSync(join(dir, name), { force: true })
  }
}

export const counts = (report: Report.Report): Record<string, number> => {
  const out: Record<string, number> = {}
  for (const f of report.findings) out[f.verdict] = (out[f.verdict] ?? 0) + 1
  return out
}

/** "crosscheck: 4 documents, 103 claims, 11 findings (2 contradict, 9 agree), 2 stories" */
export const summaryLine = (report: Report.Report, paint: Style.Paint): string => {
  const c = counts(report)
  const verdicts = VERDICTS.filter((v) => c[v])
    .map((v) => `${c[v]} ${Style.verdict(paint, v)}`)
    .join(", ")
  return `crosscheck: ${report.documents.length} documents, ${report.claims.length} claims, ${report.findings.length} findings${verdicts ? ` (${verdicts})` : ""}${report.stories ? `, ${report.stories.length} ${report.stories.length === 1 ? "story" : "stories"}` : ""}\n`
}

/**
 * The warning a reader gives for a store an older crosscheck made, with the command that brings it up
 * to date; null when the store is current.
 */
export const outdated = (v: Ingest.StoreVersions, db: string): string | null => {
  const o = Ingest.outdatedStore(v)
  // The report's own sentence (Notices), lower-cased after "crosscheck:" as every message here is.
  return o === null
    ? null
    : `crosscheck: ${Notices.outdated(o).replace(/^This/, "this")}. \`crosscheck run --db ${Terminal.text(db)}\` (no paths) brings it up to date.`
}

/** One entry of a report's errors as a line on stderr, input escaped for the terminal. */
export const errorLine = (e: Report.InputError): string =>
  `crosscheck: ${e.dropped ? "kept part of" : "could not read"} ${Terminal.text(e.path)}: ${Terminal.text(e.message)}\n`

/** Present in a report folder while a run writes its report: left behind, it says that run was killed then. */
const WRITING = ".crosscheck-writing"

/** The run whose report is being written, and when it began (its changes are those since then). */
export interface Writing {
  readonly run: number
  readonly since: string
}

/** The run that was killed while writing its report into `out`, if one was. */
export const interrupted = (out: string): Writing | null => {
  try {
    const value = JSON.parse(readFileSync(join(out, WRITING), "utf8")) as Partial<Writing>
    return typeof value.run === "number" && typeof value.since === "string"
      ? { run: value.run, since: value.since }
      : null
  } catch {
    return null
  }
}

/** Writes the report with the marker around it, so that the next run can tell a kill in between. */
export const writeMarked = async (out: string, writing: Writing, write: () => Promise<void>): Promise<void> => {
  mkdirSync(out, { recursive: true })
  writeFileSync(join(out, WRITING), JSON.stringify(writing))
  await write()
  rmSync(join(out, WRITING), { force: true })
}
