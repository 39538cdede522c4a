/**
 * Opening a store file safely: every check that can refuse a file runs before SQLite may write to
 * it, so a file that is not a store, is from a newer crosscheck or sits somewhere read-only is left
 * byte for byte as it was.
 */
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, statSync } from "node:fs"
import { dirname, resolve } from "node:path"
import { StoreError } from "@crosscheck/domain"
import Database from "better-sqlite3"
import * as Migrations from "../Migrations.js"

export type Access = "read" | "write"

export interface OpenOptions {
  readonly path: string
  readonly access: Access
  readonly busyTimeoutMs: number
}

const HEADER = "SQLite format 3\u0000"

/** Root may write anywhere, so a file or folder with no write bit set is taken as the owner's "read-only". */
const writable = (path: string): boolean => {
  try {
    accessSync(path, constants.W_OK)
    return (statSync(path).mode & 0o222) !== 0
  } catch {
    return false
  }
}

const fail = (reason: StoreError["reason"], path: string, message: string): StoreError =>
  new StoreError({ reason, path, message: `store: ${message} (${path})` })

/** Turns a better-sqlite3 or file-system throw into our error, once, at the boundary. */
export const toStoreError = (path: string, error: unknown, busyTimeoutMs = 0): StoreError => {
  if (error instanceof StoreError) return error
  const code = String((error as { code?: unknown })?.code ?? "")
  const text = error instanceof Error ? error.message : String(error)
  if (code.startsWith("SQLITE_NOTADB") || code.startsWith("SQLITE_CORRUPT"))
    return fail("not-sqlite", path, `expected a crosscheck store (a SQLite database), instead found ${text}`)
  if (code.startsWith("SQLITE_READONLY") || code === "EACCES" || code === "EROFS" || code === "EPERM")
    return fail("read-only", path, `expected to be able to write the store, instead the location is read-only`)
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"))
    return fail(
      "io",
      path,
      `expected the store to be free within ${busyTimeoutMs} ms, instead another process kept it busy; try again or raise the busy timeout`,
    )
  if (code.startsWith("SQLITE_CANTOPEN"))
    return fail("read-only", path, `expected to open the store, instead SQLite could not open or create it`)
  return fail("io", path, `expected to read and write the store, instead found ${code ? `${code}: ` : ""}${text}`)
}

const readHeader = (path: string): { size: number; header: string } => {
  const size = statSync(path).size
  const fd = openSync(path, "r")
  try {
    const buffer = Buffer.alloc(16)
    const read = readSync(fd, buffer, 0, 16, 0)
    return { size, header: buffer.subarray(0, read).toString("latin1") }
  } finally {
    closeSync(fd)
  }
}

/**
 * Creates the store's folder and any missing parents. Node's recursive mkdir never returns under
 * /proc, so each level is made by hand, after checking the nearest existing one is writable.
 */
const ensureFolder = (path: string, dir: string): void => {
  const missing: string[] = []
  let existing = dir
  while (!existsSync(existing)) {
    missing.unshift(existing)
    const parent = dirname(existing)
    if (parent === existing) break
    existing = parent
  }
  if (!writable(existing))
    throw fail("read-only", path, `expected to create the store, instead ${existing} is read-only`)
  for (const d of missing) {
    try {
      mkdirSync(d)
    } catch (e) {
      throw toStoreError(path, e)
    }
  }
}

/** Everything that can be checked without letting SQLite touch the file; throws StoreError. */
const precheck = (path: string, access: Access): { readonly readonly: boolean } => {
  if (!existsSync(path)) {
    if (access === "read") throw fail("io", path, "expected a crosscheck store, instead found no file")
    ensureFolder(path, dirname(path))
    return { readonly: false }
  }
  const stat = statSync(path)
  if (stat.isDirectory()) throw fail("io", path, "expected a store file, instead found a folder")
  const { size, header } = readHeader(path)
  if (size > 0 && header !== HEADER)
    throw fail("not-sqlite", path, "expected a crosscheck store (a SQLite database), instead found some other file")
  const canWrite = writable(path) && writable(dirname(path))
  if (!canWrite && access === "write")
    throw fail("read-only", path, "expected to be able to write the store, instead the file or its folder is read-only")
  return { readonly: !canWrite }
}

const isBusy = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED"
}

/**
 * Runs `step` again while SQLite answers "busy", up to `timeoutMs`. Switching a new file to WAL needs
 * the file to itself, and SQLite reports that busy at once rather than through the busy timeout, so two
 * processes creating one store at the same moment would otherwise fail one of them.
 */
const untilFree = <A>(timeoutMs: number, step: () => A): A => {
  const deadline = Date.now() + timeoutMs
  const pause = new Int32Array(new SharedArrayBuffer(4))
  for (let attempt = 0; ; attempt++) {
    try {
      return step()
    } catch (e) {
      if (!isBusy(e) || Date.now() >= deadline) throw e
      Atomics.wait(pause, 0, 0, Math.min(5 * 2 ** Math.min(attempt, 5), 100))
    }
  }
}

/** Opens, checks and (when writable) upgrades the store; throws StoreError. */
export const open = (options: OpenOptions): Database.Database => {
  const memory = options.path === ":memory:"
  const path = memory ? options.path : resolve(options.path)
  const { readonly } = memory ? { readonly: false } : precheck(path, options.access)
  let db: Database.Database
  try {
    db = new Database(path, { readonly, timeout: options.busyTimeoutMs })
  } catch (e) {
    throw toStoreError(path, e, options.busyTimeoutMs)
  }
  try {
    const opened = db
    // Read in one transaction, so the three are of one moment: read one by one, another process's first
    // migration could commit between them (tables present, application id not yet read as set), and a
    // store being created at the same moment would look like another program's database.
    const { version, applicationId, tables } = untilFree(options.busyTimeoutMs, () =>
      opened.transaction(() => ({
        version: Migrations.versionOf(opened),
        applicationId: opened.pragma("application_id", { simple: true }) as number,
        tables: opened.prepare("SELECT count(*) AS n FROM sqlite_schema").get() as { n: number },
      }))(),
    )
    if (applicationId !== Migrations.APPLICATION_ID && (applicationId !== 0 || version !== 0 || tables.n > 0))
      throw fail("not-sqlite", path, "expected a crosscheck store, instead found a SQLite database of another program")
    if (version > Migrations.LATEST)
      throw fail(
        "newer-version",
        path,
        `expected a store of version ${Migrations.LATEST} or older, instead found version ${version}, written by a newer crosscheck; upgrade crosscheck to use it`,
      )
    if (readonly) {
      if (version < Migrations.LATEST)
        throw fail(
          "read-only",
          path,
          `expected to upgrade this store from version ${version} to ${Migrations.LATEST}, instead it is read-only`,
        )
      return db
    }
    // A reader never takes the write lock: an old store is upgraded by the next writer, not by a report.
    if (options.access === "read" && version > 0 && version < Migrations.LATEST)
      throw fail(
        "older-version",
        path,
        `expected a store of version ${Migrations.LATEST}, instead found version ${version}, written by an older crosscheck; run \`crosscheck run --db\` on it once to upgrade it`,
      )
    untilFree(options.busyTimeoutMs, () => {
      if (!memory) {
        opened.pragma("journal_mode = WAL")
        // WAL with synchronous=NORMAL: a killed process never loses a committed run.
        opened.pragma("synchronous = NORMAL")
      }
      opened.pragma("foreign_keys = ON")
      // Only a store that needs it is migrated: the migration's immediate transaction is a write lock.
      if (Migrations.versionOf(opened) < Migrations.LATEST) Migrations.migrate(opened)
    })
    return db
  } catch (e) {
    db.close()
    throw toStoreError(path, e, options.busyTimeoutMs)
  }
}
